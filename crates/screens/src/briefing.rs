//! The briefing before a scenario: what it is about, who is in it, how long it takes,
//! and a content note where there is one, with a clear way back.

use boundaries_core::scenario::{Level, Scenario, SettingKind};

use crate::action::UiAction;
use crate::nav::Screen;
use crate::theme::Palette;
use crate::widgets::{avatar, button, callout, focus_by_default, setting_badge, wide_button};
use crate::{level_label, pressed};

pub struct View {
    pub title: String,
    pub summary: String,
    pub setting: String,
    pub kind: SettingKind,
    pub level: Level,
    pub minutes: u32,
    pub content_note: Option<String>,
    /// (name, role)
    pub cast: Vec<(String, String)>,
}

impl View {
    pub fn of(s: &Scenario) -> View {
        View {
            title: s.title.clone(),
            summary: s.summary.clone(),
            setting: s.setting.clone(),
            kind: SettingKind::of(&s.setting),
            level: s.level,
            minutes: s.minutes,
            content_note: s.content_note.clone(),
            cast: s.cast.iter().map(|(_, c)| (c.name.clone(), c.role.clone())).collect(),
        }
    }
}

#[must_use]
pub fn body(ui: &mut egui::Ui, view: &View) -> Option<UiAction> {
    let palette = Palette::current(ui.ctx());
    let mut action = None;
    if button(ui, "‹ Back to the library").clicked() {
        action = Some(UiAction::Go(Screen::Library));
    }
    setting_badge(ui, view.kind, &view.setting);
    ui.label(egui::RichText::new(&view.title).size(34.0).strong());
    ui.label(
        egui::RichText::new(format!("{} · about {} minutes", level_label(view.level), view.minutes))
            .color(palette.muted),
    );
    ui.add_space(8.0);
    ui.label(egui::RichText::new(&view.summary).size(20.0));
    if let Some(note) = &view.content_note {
        ui.add_space(8.0);
        callout(ui, palette.warning, |ui| {
            ui.label(egui::RichText::new("Content note").strong());
            ui.label(note);
            ui.label(egui::RichText::new("You can step back at any point; nothing is lost.").small());
        });
    }
    if !view.cast.is_empty() {
        ui.add_space(8.0);
        ui.label(egui::RichText::new("Who is in it").strong());
        for (i, (name, role)) in view.cast.iter().enumerate() {
            ui.horizontal(|ui| {
                avatar(ui, name, i, 44.0);
                ui.vertical(|ui| {
                    ui.label(egui::RichText::new(name).strong());
                    ui.label(egui::RichText::new(role).color(palette.muted));
                });
            });
        }
    }
    ui.add_space(16.0);
    let start = wide_button(ui, None, "Begin");
    focus_by_default(ui, &start);
    if start.clicked() {
        action = Some(UiAction::Start);
    }
    ui.horizontal(|ui| {
        if button(ui, "Run with a group (two windows)").clicked() {
            action = Some(UiAction::StartGroup { two_windows: true });
        }
        if button(ui, "Run with a group (one screen)").clicked() {
            action = Some(UiAction::StartGroup { two_windows: false });
        }
    });
    if pressed(ui, egui::Key::Escape) {
        action = Some(UiAction::Go(Screen::Library));
    }
    action
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;

    fn view() -> View {
        View {
            title: "A gift at the door".into(),
            summary: "Mrs Okafor wants to thank you.".into(),
            setting: "Home care visit".into(),
            kind: SettingKind::HomeCare,
            level: Level::Introductory,
            minutes: 8,
            content_note: Some("Mentions financial abuse.".into()),
            cast: vec![("Mrs Ada Okafor".into(), "Person you support, 84".into())],
        }
    }

    #[test]
    fn shows_the_content_note_and_cast_and_begins() {
        let view = view();
        let mut harness = crate::harness(|ui| body(ui, &view));
        harness.get_by_label("Mentions financial abuse.");
        harness.get_by_label("Avatar of Mrs Ada Okafor");
        harness.get_by_label("Begin").click();
        harness.run();
        assert_eq!(harness.state(), &Some(UiAction::Start));
    }

    #[test]
    fn escape_steps_back() {
        let view = view();
        let mut harness = crate::harness(|ui| body(ui, &view));
        harness.key_press(egui::Key::Escape);
        harness.run();
        assert_eq!(harness.state(), &Some(UiAction::Go(Screen::Library)));
    }
}
