//! The one notice of something that went wrong because of the player's files or
//! actions: a banner over the top of any screen, until the player dismisses it.

use crate::theme::Palette;
use crate::widgets::button;

/// Draws the notice; returns true when the player dismisses it.
#[must_use]
pub fn banner(ctx: &egui::Context, text: &str) -> bool {
    let palette = Palette::current(ctx);
    let mut dismissed = false;
    egui::Area::new("notice".into()).anchor(egui::Align2::CENTER_TOP, [0.0, 12.0]).order(egui::Order::Foreground).show(
        ctx,
        |ui| {
            egui::Frame::new()
                .fill(palette.panel)
                .stroke(egui::Stroke::new(3.0, palette.danger))
                .corner_radius(8)
                .inner_margin(12)
                .show(ui, |ui| {
                    ui.set_max_width(720.0);
                    ui.horizontal_wrapped(|ui| {
                        ui.label(egui::RichText::new("Something went wrong:").strong().color(palette.danger));
                        ui.label(text);
                        dismissed = button(ui, "Dismiss").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
                    });
                });
        },
    );
    dismissed
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn the_notice_says_what_went_wrong_until_dismissed() {
        let mut harness = Harness::new_ui_state(
            |ui, dismissed: &mut bool| {
                *dismissed |= super::banner(ui.ctx(), "the records folder /x is a file, not a folder");
            },
            false,
        );
        harness.get_by_label("the records folder /x is a file, not a folder");
        assert!(!harness.state());
        harness.get_by_label("Dismiss").click();
        harness.run();
        assert!(harness.state());
    }
}
