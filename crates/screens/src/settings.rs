//! Settings, saved between runs: text size, high contrast, when feedback is shown,
//! the confidence prompt, shuffling and the player's name.

use boundaries_core::settings::{FeedbackTiming, Settings, TEXT_SCALE};

use crate::action::UiAction;
use crate::nav::Screen;
use crate::pressed;
use crate::theme::Palette;
use crate::widgets::{focus_ring, header};

pub struct View {
    pub settings: Settings,
    pub warning: Option<String>,
}

#[must_use]
pub fn body(ui: &mut egui::Ui, view: &View) -> Option<UiAction> {
    let palette = Palette::current(ui.ctx());
    let mut action = None;
    let mut s = view.settings.clone();
    if header(ui, "Settings") {
        action = Some(UiAction::Go(Screen::Title));
    }
    if let Some(warning) = &view.warning {
        ui.label(egui::RichText::new(warning).color(palette.danger));
    }
    ui.add_space(8.0);

    ui.spacing_mut().slider_width = 320.0;
    let mut percent = (s.text_scale * 100.0).round();
    let slider = egui::Slider::new(&mut percent, (TEXT_SCALE.start() * 100.0)..=(TEXT_SCALE.end() * 100.0))
        .step_by(10.0)
        .fixed_decimals(0)
        .suffix(" %")
        .text("Text size");
    let response = ui.add(slider);
    focus_ring(ui, &response);
    if response.drag_stopped() || (response.changed() && !response.dragged()) {
        s.text_scale = percent / 100.0;
    }
    let response = ui.checkbox(&mut s.high_contrast, "High-contrast colours");
    focus_ring(ui, &response);

    ui.add_space(6.0);
    ui.label(egui::RichText::new("Feedback on your choices").strong());
    for (timing, label) in
        [(FeedbackTiming::AfterEachChoice, "After each choice"), (FeedbackTiming::AtTheEnd, "All together at the end")]
    {
        let response = ui.radio_value(&mut s.feedback, timing, label);
        focus_ring(ui, &response);
    }
    let response = ui.checkbox(&mut s.ask_confidence, "Ask how sure I was before showing feedback");
    focus_ring(ui, &response);
    let response = ui.checkbox(&mut s.shuffle, "Shuffle the order of choices");
    focus_ring(ui, &response);

    ui.add_space(6.0);
    ui.label(egui::RichText::new("Your name (optional, kept with your plays)").strong());
    let response = ui.add(egui::TextEdit::singleline(&mut s.player_name).desired_width(320.0).hint_text("Name"));
    focus_ring(ui, &response);
    ui.label(egui::RichText::new("Settings are saved as you change them.").small().color(palette.muted));

    if s != view.settings && action.is_none() {
        action = Some(UiAction::Settings(s));
    }
    if pressed(ui, egui::Key::Escape) {
        action = Some(UiAction::Go(Screen::Title));
    }
    action
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;

    #[test]
    fn changing_a_setting_reports_the_new_settings() {
        let view = View { settings: Settings::default(), warning: None };
        let mut harness = crate::harness(|ui| body(ui, &view));
        harness.get_by_label("High-contrast colours").click();
        harness.run();
        assert_eq!(harness.state(), &Some(UiAction::Settings(Settings { high_contrast: true, ..Settings::default() })));

        let mut harness = crate::harness(|ui| body(ui, &view));
        harness.get_by_label("All together at the end").click();
        harness.run();
        assert_eq!(
            harness.state(),
            &Some(UiAction::Settings(Settings { feedback: FeedbackTiming::AtTheEnd, ..Settings::default() }))
        );
    }
}
