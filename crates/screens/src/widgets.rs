//! Small pieces the screens share: wrapping buttons with a visible focus ring,
//! chips, avatars, setting badges and rating bars.

use boundaries_core::scenario::SettingKind;
use boundaries_core::scoring::Band;
use egui::{self, Color32, Response, RichText, Sense, Ui, WidgetInfo, WidgetType};

use crate::theme::{Palette, setting_colour};

/// A button as wide as the column whose text wraps, so it never overflows; with an
/// optional number or letter shown in a badge on the left.
pub(crate) fn wide_button(ui: &mut Ui, badge: Option<&str>, text: &str) -> Response {
    let palette = Palette::current(ui.ctx());
    let padding = egui::vec2(16.0, 12.0);
    let badge_width = if badge.is_some() { 40.0 } else { 0.0 };
    let width = ui.available_width().max(120.0);
    let font = egui::TextStyle::Button.resolve(ui.style());
    let galley =
        ui.painter().layout(text.to_owned(), font.clone(), palette.text, width - 2.0 * padding.x - badge_width);
    let height = galley.size().y.max(font.size) + 2.0 * padding.y;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), Sense::click());
    response.widget_info(|| WidgetInfo::labeled(WidgetType::Button, ui.is_enabled(), text));
    if ui.is_rect_visible(rect) {
        // Hover only tints the button; focus alone gets the ring (drawn below), so the
        // button under a resting mouse never looks like the one Enter will press.
        let fill = if response.hovered() { palette.accent.gamma_multiply(0.08) } else { palette.panel };
        let stroke = egui::Stroke::new(1.0, palette.muted);
        ui.painter().rect(rect, 10.0, fill, stroke, egui::StrokeKind::Inside);
        if let Some(badge) = badge {
            let centre = egui::pos2(rect.left() + padding.x + 14.0, rect.top() + padding.y + font.size * 0.6);
            ui.painter().circle_filled(centre, 15.0, palette.accent);
            ui.painter().text(centre, egui::Align2::CENTER_CENTER, badge, font, palette.panel);
        }
        ui.painter().galley(rect.min + padding + egui::vec2(badge_width, 0.0), galley, palette.text);
    }
    focus_ring(ui, &response);
    response
}

/// An ordinary button with a visible focus ring.
pub(crate) fn button(ui: &mut Ui, text: &str) -> Response {
    let response = ui.button(RichText::new(text));
    focus_ring(ui, &response);
    response
}

/// A screen's heading with a back button before it; true when the button is clicked.
pub(crate) fn header(ui: &mut Ui, title: &str) -> bool {
    ui.horizontal(|ui| {
        let back = button(ui, "‹ Back").clicked();
        ui.heading(title);
        back
    })
    .inner
}

/// Gives a widget keyboard focus if nothing else has it, so Enter takes the main action.
pub(crate) fn focus_by_default(ui: &Ui, response: &Response) {
    if ui.memory(|m| m.focused().is_none()) {
        response.request_focus();
    }
}

/// A panel in a colour that calls attention: a content note, a red flag.
pub(crate) fn callout<R>(ui: &mut Ui, colour: Color32, add: impl FnOnce(&mut Ui) -> R) -> R {
    egui::Frame::new()
        .fill(colour.gamma_multiply(0.15))
        .stroke(egui::Stroke::new(2.0, colour))
        .corner_radius(8.0)
        .inner_margin(12)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add(ui)
        })
        .inner
}

/// Draws a ring round a widget that has keyboard focus.
pub(crate) fn focus_ring(ui: &Ui, response: &Response) {
    if response.gained_focus() {
        // Focus moved here by the keyboard: bring it into view.
        response.scroll_to_me(None);
    }
    if response.has_focus() {
        let palette = Palette::current(ui.ctx());
        ui.painter().rect_stroke(
            response.rect.expand(3.0),
            10.0,
            egui::Stroke::new(3.0, palette.focus),
            egui::StrokeKind::Outside,
        );
    }
}

/// A small rounded label in a colour, for principles; never broken across lines, so
/// in a wrapping row it moves to the next line whole.
pub(crate) fn chip(ui: &mut Ui, text: &str, colour: Color32) -> Response {
    let palette = Palette::current(ui.ctx());
    let font = egui::TextStyle::Small.resolve(ui.style());
    let galley = ui.painter().layout_no_wrap(text.to_owned(), font, palette.text);
    let padding = egui::vec2(10.0, 4.0);
    let (rect, response) = ui.allocate_exact_size(galley.size() + 2.0 * padding, Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(WidgetType::Label, true, text));
    if ui.is_rect_visible(rect) {
        ui.painter().rect(
            rect,
            12.0,
            colour.gamma_multiply(0.18),
            egui::Stroke::new(1.0, colour),
            egui::StrokeKind::Inside,
        );
        ui.painter().galley(rect.min + padding, galley, palette.text);
    }
    response
}

/// How a choice moved each principle, as a wrapping row of chips: "+2 Safeguarding".
pub(crate) fn change_chips(ui: &mut Ui, changes: &[(String, i64, Color32)]) {
    ui.horizontal_wrapped(|ui| {
        for (name, change, colour) in changes {
            let sign = match change.signum() {
                1 => "+",
                -1 => "−",
                _ => "±",
            };
            chip(ui, &format!("{sign}{} {name}", change.abs()), *colour);
        }
    });
}

/// A principle's colour from its `#rrggbb`.
pub(crate) fn hex_colour(hex: &str) -> Color32 {
    boundaries_core::catalogues::rgb(hex).map_or(Color32::GRAY, |[r, g, b]| Color32::from_rgb(r, g, b))
}

/// Muted, distinct colours for people's avatars.
const AVATAR_COLOURS: [Color32; 8] = [
    Color32::from_rgb(0x8e, 0x5b, 0x3c),
    Color32::from_rgb(0x3c, 0x6e, 0x8e),
    Color32::from_rgb(0x6b, 0x8e, 0x3c),
    Color32::from_rgb(0x8e, 0x3c, 0x6b),
    Color32::from_rgb(0x3c, 0x8e, 0x7d),
    Color32::from_rgb(0x5b, 0x4b, 0x8e),
    Color32::from_rgb(0x9a, 0x6a, 0x1f),
    Color32::from_rgb(0x4f, 0x5d, 0x6b),
];

/// A person's avatar: a coloured disc with a light ring and their initials. `colour`
/// is their place in the cast, so everyone in a scenario has their own colour.
pub(crate) fn avatar(ui: &mut Ui, name: &str, colour: usize, size: f32) -> Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(WidgetType::Image, true, format!("Avatar of {name}")));
    let colour = AVATAR_COLOURS[colour % AVATAR_COLOURS.len()];
    let painter = ui.painter_at(rect);
    let c = rect.center();
    let r = size / 2.0;
    painter.circle_filled(c, r, colour);
    painter.circle_stroke(c, r - 3.0, egui::Stroke::new(1.5, Color32::from_white_alpha(90)));
    let initials: String = name
        .split_whitespace()
        .filter(|w| !matches!(*w, "Mr" | "Mrs" | "Ms" | "Miss" | "Dr" | "Mx"))
        .filter_map(|w| w.chars().next())
        .take(2)
        .collect();
    painter.text(c, egui::Align2::CENTER_CENTER, initials, egui::FontId::proportional(size * 0.36), Color32::WHITE);
    response
}

/// The setting's icon and name in its colour.
pub(crate) fn setting_badge(ui: &mut Ui, kind: SettingKind, text: &str) {
    let colour = setting_colour(kind);
    ui.horizontal(|ui| {
        setting_icon(ui, kind, 22.0);
        ui.label(RichText::new(text).color(colour).strong());
    });
}

/// A simple icon for each kind of setting.
pub(crate) fn setting_icon(ui: &mut Ui, kind: SettingKind, size: f32) {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(WidgetType::Image, true, kind.label()));
    let colour = setting_colour(kind);
    let p = ui.painter_at(rect.expand(1.0));
    let (l, t, w, h) = (rect.left(), rect.top(), rect.width(), rect.height());
    let at = |x: f32, y: f32| egui::pos2(l + x * w, t + y * h);
    let stroke = egui::Stroke::new(1.5, colour);
    match kind {
        SettingKind::HomeCare => {
            p.add(egui::Shape::convex_polygon(vec![at(0.5, 0.1), at(0.95, 0.5), at(0.05, 0.5)], colour, stroke));
            p.rect_filled(egui::Rect::from_min_max(at(0.2, 0.5), at(0.8, 0.92)), 1.0, colour);
        }
        SettingKind::Residential => {
            p.rect_filled(egui::Rect::from_min_max(at(0.12, 0.12), at(0.88, 0.92)), 2.0, colour);
            for (x, y) in [(0.3, 0.3), (0.6, 0.3), (0.3, 0.55), (0.6, 0.55)] {
                p.rect_filled(egui::Rect::from_min_size(at(x, y), egui::vec2(w * 0.12, h * 0.12)), 0.0, Color32::WHITE);
            }
        }
        SettingKind::SupportedLiving => {
            for dx in [0.0, 0.45] {
                p.add(egui::Shape::convex_polygon(
                    vec![at(0.27 + dx, 0.25), at(0.52 + dx, 0.5), at(0.02 + dx, 0.5)],
                    colour,
                    stroke,
                ));
                p.rect_filled(egui::Rect::from_min_max(at(0.08 + dx, 0.5), at(0.46 + dx, 0.9)), 1.0, colour);
            }
        }
        SettingKind::Hospital => {
            p.rect_filled(egui::Rect::from_min_max(at(0.38, 0.08), at(0.62, 0.92)), 2.0, colour);
            p.rect_filled(egui::Rect::from_min_max(at(0.08, 0.38), at(0.92, 0.62)), 2.0, colour);
        }
        SettingKind::Community => {
            for (x, s) in [(0.2, 0.8), (0.5, 1.0), (0.8, 0.8)] {
                p.circle_filled(at(x, 0.35), w * 0.1 * s, colour);
                p.circle_filled(at(x, 0.8), w * 0.17 * s, colour);
            }
        }
    }
}

/// The colour of a band.
pub(crate) fn band_colour(band: Band, palette: Palette) -> Color32 {
    match band {
        Band::Exemplary | Band::Sound => palette.good,
        Band::Developing | Band::PutRight | Band::Unrated => palette.warning,
        Band::Concerning | Band::Unsafe => palette.danger,
    }
}

/// One principle's rating as a result shows it: a bar and a figure when it rests
/// on several decisions, the verdict in words when it rests on one.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingView {
    pub name: String,
    pub rating: f64,
    pub colour: Color32,
    /// "3 decisions"; empty for records kept before this was counted.
    pub rests_on: String,
    pub verdict: Option<&'static str>,
}

/// The ratings of a result, for the result and replay screens alike.
pub(crate) fn rating_views(
    ratings: &[boundaries_core::scoring::Rating],
    catalogues: &boundaries_core::catalogues::Catalogues,
) -> Vec<RatingView> {
    ratings
        .iter()
        .map(|r| RatingView {
            name: catalogues.principle_name(&r.principle).to_owned(),
            rating: r.rating,
            colour: catalogues.principle(&r.principle).map_or(Color32::GRAY, |p| hex_colour(&p.colour)),
            rests_on: r.rests_on(),
            verdict: r.verdict(),
        })
        .collect()
}

/// A principle's rating: its name, what it rests on, and a bar and figure, or the
/// verdict in words where a single decision is all it rests on.
pub(crate) fn rating_row(ui: &mut Ui, view: &RatingView) {
    let palette = Palette::current(ui.ctx());
    ui.horizontal(|ui| {
        ui.allocate_ui_with_layout(egui::vec2(220.0, 24.0), egui::Layout::top_down(egui::Align::Min), |ui| {
            ui.set_min_width(220.0);
            ui.add(egui::Label::new(&view.name).wrap());
            if !view.rests_on.is_empty() {
                ui.label(RichText::new(&view.rests_on).small().color(palette.muted));
            }
        });
        if let Some(verdict) = view.verdict {
            ui.label(RichText::new(verdict).strong());
            return;
        }
        let rating = view.rating;
        let width = (ui.available_width() - 60.0).max(80.0);
        let (rect, response) = ui.allocate_exact_size(egui::vec2(width, 18.0), Sense::hover());
        response.widget_info(|| {
            let rests = if view.rests_on.is_empty() { String::new() } else { format!(", over {}", view.rests_on) };
            WidgetInfo::labeled(
                WidgetType::ProgressIndicator,
                true,
                format!("{}: {rating:.0} out of 100{rests}", view.name),
            )
        });
        ui.painter().rect_filled(rect, 6.0, palette.muted.gamma_multiply(0.25));
        let filled = egui::Rect::from_min_size(
            rect.min,
            egui::vec2(rect.width() * (rating / 100.0).clamp(0.0, 1.0) as f32, rect.height()),
        );
        ui.painter().rect_filled(filled, 6.0, view.colour);
        ui.label(RichText::new(format!("{rating:.0}")).strong());
    });
}

/// A centred column no wider than is comfortable to read, for every screen.
pub(crate) fn column<R>(ui: &mut Ui, max_width: f32, add: impl FnOnce(&mut Ui) -> R) -> R {
    let width = ui.available_width().min(max_width);
    let margin = ((ui.available_width() - width) / 2.0).max(0.0);
    ui.horizontal_top(|ui| {
        ui.add_space(margin);
        ui.vertical(|ui| {
            ui.set_width(width);
            add(ui)
        })
        .inner
    })
    .inner
}
