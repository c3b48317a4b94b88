//! The title screen: the name, one line on what this is, and where to go.

use crate::action::UiAction;
use crate::nav::Screen;
use crate::theme::Palette;
use crate::widgets::{button, focus_by_default, wide_button};

#[must_use]
pub fn body(ui: &mut egui::Ui) -> Option<UiAction> {
    let palette = Palette::current(ui.ctx());
    let mut action = None;
    ui.add_space(ui.available_height().min(900.0) * 0.12);
    ui.vertical_centered(|ui| {
        ui.label(egui::RichText::new("Boundaries").size(56.0).strong().color(palette.accent));
        ui.add_space(6.0);
        ui.label(
            egui::RichText::new(
                "Practise the everyday judgement calls of care work: gifts, friend requests, secrets, \
                 touch, and what to do when a colleague crosses a line.",
            )
            .size(20.0),
        );
    });
    ui.add_space(32.0);
    let start = wide_button(ui, None, "Start");
    if start.clicked() {
        action = Some(UiAction::Go(Screen::Library));
    }
    if wide_button(ui, None, "Run a group session").clicked() {
        action = Some(UiAction::Go(Screen::Library));
    }
    if wide_button(ui, None, "Your plays").clicked() {
        action = Some(UiAction::Go(Screen::Records));
    }
    if wide_button(ui, None, "Settings").clicked() {
        action = Some(UiAction::Go(Screen::Settings));
    }
    // Leaving asks first: an Enter on a Quit the player cannot see must not close the game.
    let asking = egui::Id::new("asking to quit");
    if ui.data(|d| d.get_temp::<bool>(asking)).unwrap_or(false) {
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new("Quit Boundaries?").strong());
            let quit = button(ui, "Yes, quit");
            quit.request_focus();
            if quit.clicked() {
                action = Some(UiAction::Quit);
            }
            if button(ui, "No, stay").clicked() || super::pressed(ui, egui::Key::Escape) {
                ui.data_mut(|d| d.insert_temp(asking, false));
            }
        });
    } else if wide_button(ui, None, "Quit").clicked() || super::pressed(ui, egui::Key::Escape) {
        ui.data_mut(|d| d.insert_temp(asking, true));
    }
    focus_by_default(ui, &start);
    ui.add_space(24.0);
    ui.label(egui::RichText::new("Enter to start · Tab to move · Esc to quit").color(palette.muted));
    action
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;

    #[test]
    fn start_and_settings() {
        for (label, expected) in
            [("Start", UiAction::Go(Screen::Library)), ("Settings", UiAction::Go(Screen::Settings))]
        {
            let mut harness = crate::harness(body);
            harness.get_by_label(label).click();
            harness.run();
            assert_eq!(harness.state(), &Some(expected));
        }
    }

    #[test]
    fn quitting_asks_first_and_can_be_called_off() {
        let mut harness = crate::harness(body);
        harness.get_by_label("Quit").click();
        harness.run();
        assert_eq!(harness.state(), &None, "nothing closes on the first press");
        harness.get_by_label("Quit Boundaries?");
        harness.get_by_label("No, stay").click();
        harness.run();
        assert!(harness.query_by_label("Quit Boundaries?").is_none());
        harness.key_press(egui::Key::Escape);
        harness.run();
        harness.get_by_label("Yes, quit").click();
        harness.run();
        assert_eq!(harness.state(), &Some(UiAction::Quit));
    }

    #[test]
    fn enter_starts_because_start_has_focus() {
        let mut harness = crate::harness(body);
        harness.run();
        harness.key_press(egui::Key::Enter);
        harness.run();
        assert_eq!(harness.state(), &Some(UiAction::Go(Screen::Library)));
    }
}
