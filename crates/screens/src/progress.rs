//! Progress: the player's rating on each principle across their finished plays.

use boundaries_core::catalogues::Catalogues;
use boundaries_core::play::Record;
use boundaries_core::play::progress::progress;

use crate::action::UiAction;
use crate::nav::Screen;
use crate::pressed;
use crate::theme::Palette;
use crate::widgets::{button, header, hex_colour};

pub struct View {
    /// Whose plays: the player's name, or none for everyone's.
    pub player: Option<String>,
    pub plays: usize,
    /// (principle name, colour, ratings oldest first)
    pub trends: Vec<(String, egui::Color32, Vec<f64>)>,
    /// The name in Settings, to offer a choice between it and everyone.
    pub own_name: Option<String>,
}

impl View {
    /// The ratings over the finished plays of the player named in Settings
    /// (`own_name`), or of everyone's if there is none or `everyone` is asked for.
    pub fn of(records: &[Record], own_name: Option<String>, everyone: bool, catalogues: &Catalogues) -> View {
        let player = own_name.clone().filter(|_| !everyone);
        let progress = progress(records, player.as_deref(), catalogues);
        View {
            player,
            plays: progress.plays,
            trends: progress
                .trends
                .iter()
                .map(|t| {
                    let colour =
                        catalogues.principle(&t.principle).map_or(egui::Color32::GRAY, |p| hex_colour(&p.colour));
                    let ratings = t.points.iter().map(|p| p.rating).collect();
                    (catalogues.principle_name(&t.principle).to_owned(), colour, ratings)
                })
                .collect(),
            own_name,
        }
    }
}

#[must_use]
pub fn body(ui: &mut egui::Ui, view: &View) -> Option<UiAction> {
    let palette = Palette::current(ui.ctx());
    let mut action = None;
    if header(ui, "Progress over time") {
        action = Some(UiAction::Go(Screen::Records));
    }
    let who = view.player.as_deref().map_or("everyone on this computer".to_owned(), |p| p.to_owned());
    ui.label(
        egui::RichText::new(format!("{} finished plays by {who}, oldest on the left.", view.plays))
            .color(palette.muted),
    );
    match (&view.own_name, &view.player) {
        (None, _) => {
            let hint = "Add your name in Settings to see only your own plays.";
            ui.label(egui::RichText::new(hint).small().color(palette.muted));
        }
        (Some(_), Some(_)) => {
            if button(ui, "Everyone's plays").clicked() {
                action = Some(UiAction::ProgressOfEveryone(true));
            }
        }
        (Some(name), None) => {
            if button(ui, &format!("Only {name}'s plays")).clicked() {
                action = Some(UiAction::ProgressOfEveryone(false));
            }
        }
    }
    ui.add_space(8.0);
    for (name, colour, ratings) in &view.trends {
        ui.horizontal(|ui| {
            ui.allocate_ui_with_layout(
                egui::vec2(230.0, 40.0),
                egui::Layout::left_to_right(egui::Align::Center),
                |ui| {
                    ui.set_min_width(230.0);
                    ui.label(name);
                },
            );
            let width = (ui.available_width() - 80.0).max(120.0);
            let (rect, response) = ui.allocate_exact_size(egui::vec2(width, 40.0), egui::Sense::hover());
            let latest = ratings.last().copied().unwrap_or_default();
            response.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::WidgetType::Image,
                    true,
                    format!("{name}: {} plays, latest {latest:.0}", ratings.len()),
                )
            });
            let painter = ui.painter_at(rect);
            painter.rect_filled(rect, 4.0, palette.muted.gamma_multiply(0.12));
            let step = rect.width() / ratings.len().max(1) as f32;
            let points: Vec<egui::Pos2> = ratings
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    egui::pos2(
                        rect.left() + step * (i as f32 + 0.5),
                        rect.bottom() - 4.0 - (rect.height() - 8.0) * (*r as f32 / 100.0),
                    )
                })
                .collect();
            painter.add(egui::Shape::line(points.clone(), egui::Stroke::new(2.0, *colour)));
            for point in points {
                painter.circle_filled(point, 4.0, *colour);
            }
            ui.label(egui::RichText::new(format!("{latest:.0}")).strong());
        });
    }
    if pressed(ui, egui::Key::Escape) {
        action = Some(UiAction::Go(Screen::Records));
    }
    action
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;

    #[test]
    fn a_line_per_principle() {
        let view = View {
            player: Some("Alex".into()),
            plays: 3,
            trends: vec![("Safeguarding".into(), egui::Color32::RED, vec![20.0, 60.0, 90.0])],
            own_name: Some("Alex".into()),
        };
        let mut harness = crate::harness(|ui| body(ui, &view));
        harness.get_by_label("Safeguarding: 3 plays, latest 90");
        harness.get_by_label("3 finished plays by Alex, oldest on the left.");
        harness.get_by_label("Everyone's plays").click();
        harness.run();
        assert_eq!(harness.state(), &Some(UiAction::ProgressOfEveryone(true)));
    }
}
