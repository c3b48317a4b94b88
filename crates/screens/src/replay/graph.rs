//! The replay's drawing of the scenario: the core's layout as boxes and arrows, with
//! the path taken solid and the recommended path dashed.

use boundaries_core::scenario::Outcome;
use boundaries_core::scenario::layout::Layout;

use crate::theme::Palette;

/// Boxes and arrows: every choice faint, the path taken solid, the recommended dashed.
pub(super) fn graph_ui(ui: &mut egui::Ui, graph: &Layout, palette: Palette) {
    let columns = graph.nodes.iter().map(|n| n.1).max().unwrap_or(0) + 1;
    let rows = graph.nodes.iter().map(|n| n.2).max().unwrap_or(0) + 1;
    let width = ui.available_width();
    let cell = egui::vec2(width / columns as f32, 52.0);
    let size = egui::vec2((cell.x - 12.0).min(150.0), 40.0);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, cell.y * rows as f32), egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Image, true, graph.describe()));
    let painter = ui.painter_at(rect);
    let centre = |i: usize| {
        let (_, column, row, _) = &graph.nodes[i];
        rect.min + egui::vec2(cell.x * (*column as f32 + 0.5), cell.y * (*row as f32 + 0.5))
    };
    let arrow = |from: usize, to: usize, stroke: egui::Stroke, dashed: bool, offset: f32| {
        let (a, b) = (centre(from) + egui::vec2(0.0, offset), centre(to) + egui::vec2(0.0, offset));
        let direction = (b - a).normalized();
        // Arrows start and end at the boxes' edges, so no head sits on a box's words.
        let to_edge = |d: egui::Vec2| {
            let x = if d.x.abs() > f32::EPSILON { size.x / 2.0 / d.x.abs() } else { f32::INFINITY };
            let y = if d.y.abs() > f32::EPSILON { size.y / 2.0 / d.y.abs() } else { f32::INFINITY };
            x.min(y) + 2.0
        };
        let (a, b) = (a + direction * to_edge(direction), b - direction * to_edge(direction));
        if dashed {
            painter.extend(egui::Shape::dashed_line(&[a, b], stroke, 6.0, 4.0));
        } else {
            painter.line_segment([a, b], stroke);
        }
        let side = egui::vec2(-direction.y, direction.x) * 4.0;
        painter.add(egui::Shape::convex_polygon(
            vec![b, b - direction * 8.0 + side, b - direction * 8.0 - side],
            stroke.color,
            egui::Stroke::NONE,
        ));
    };
    for &(from, to) in &graph.edges {
        arrow(from, to, egui::Stroke::new(1.0, palette.muted.gamma_multiply(0.4)), false, 0.0);
    }
    for &(from, to) in &graph.recommended {
        arrow(from, to, egui::Stroke::new(2.0, palette.good), true, 4.0);
    }
    for &(from, to) in &graph.taken {
        arrow(from, to, egui::Stroke::new(3.0, palette.accent), false, -3.0);
    }
    for (i, (label, _, _, outcome)) in graph.nodes.iter().enumerate() {
        let fill = match outcome {
            Some(Outcome::Good) => palette.good.gamma_multiply(0.25),
            Some(Outcome::Mixed) => palette.warning.gamma_multiply(0.25),
            Some(Outcome::Poor) => palette.danger.gamma_multiply(0.25),
            None => palette.panel,
        };
        let on_path = graph.taken.iter().any(|&(a, b)| a == i || b == i);
        let box_rect = egui::Rect::from_center_size(centre(i), size);
        let stroke =
            egui::Stroke::new(if on_path { 2.5 } else { 1.0 }, if on_path { palette.accent } else { palette.muted });
        painter.rect(box_rect, 6.0, fill, stroke, egui::StrokeKind::Inside);
        // Two lines of words, an ending's title whole where it fits.
        let text = boundaries_core::text::shorten(label, ((box_rect.width() / 3.2) as usize).max(8));
        let galley = painter.layout(text, egui::FontId::proportional(12.0), palette.text, box_rect.width() - 8.0);
        let at = box_rect.center() - galley.size() / 2.0;
        painter.with_clip_rect(box_rect.shrink(2.0)).galley(at, galley, palette.text);
    }
}
