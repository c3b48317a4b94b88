//! The trainer's face of a session: the scene small, the notes and questions, the
//! room's count, the timer, and what comes next.

use crate::action::GroupAction;
use crate::theme::Palette;
use crate::widgets::{button, callout, change_chips, setting_badge};
use boundaries_core::play::group::Stage;
use boundaries_core::scenario::SettingKind;

use super::{View, letter};

#[must_use]
pub fn presenter(ui: &mut egui::Ui, view: &View) -> Option<GroupAction> {
    let palette = Palette::current(ui.ctx());
    let mut action = None;
    setting_badge(ui, SettingKind::of(&view.setting), &view.setting);
    ui.label(egui::RichText::new(format!("{} · decision {}", view.title, view.decision)).size(20.0).strong());
    if let Some(error) = &view.save_error {
        ui.label(egui::RichText::new(format!("The session could not be saved: {error}")).color(palette.danger));
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("People present: {}", view.present));
        if button(ui, "−").clicked() {
            action = Some(GroupAction::Present(-1));
        }
        if button(ui, "+").clicked() {
            action = Some(GroupAction::Present(1));
        }
        let timer = match view.timer_left {
            Some(left) => format!("Timer {}:{:02} (stop)", left / 60, left % 60),
            None => "Start a 2-minute timer".to_owned(),
        };
        if button(ui, &timer).clicked() {
            action = Some(GroupAction::Timer);
        }
        if button(ui, if view.blank { "Show the audience screen" } else { "Blank the audience screen" }).clicked() {
            action = Some(GroupAction::Blank);
        }
        let screen = if view.fullscreen { "Audience back in a window" } else { "Audience full screen (F11)" };
        if button(ui, screen).clicked() {
            action = Some(GroupAction::Fullscreen);
        }
        // Not on a key: a remote's Escape must not end a session by accident.
        if button(ui, "End the session").on_hover_text("What the group has done so far is kept.").clicked() {
            action = Some(GroupAction::Leave);
        }
    });
    if let Some(new) = phones(ui, view) {
        action = Some(new);
    }
    if let Some((ending, _)) = &view.finished {
        ui.label(egui::RichText::new("The session has ended").strong());
        ui.label(ending);
        // Ending is a deliberate act: a remote's Page Down does nothing here.
        if button(ui, "Finish (to the record of this session)").clicked() {
            action = Some(GroupAction::Leave);
        }
        return action;
    }
    let Some(scene) = &view.scene else { return action };
    ui.label(egui::RichText::new(&scene.text).small());
    ui.label(egui::RichText::new(&scene.prompt).strong());
    if let Some(notes) = &scene.facilitator {
        callout(ui, palette.accent, |ui| {
            ui.label(egui::RichText::new("Trainer's notes (not on the audience screen)").strong());
            ui.label(notes);
        });
    }
    if !scene.discuss.is_empty() {
        ui.label(egui::RichText::new("Questions for the room").strong());
        for question in &scene.discuss {
            ui.label(format!("• {question}"));
        }
    }
    ui.add_space(6.0);
    let stage = match view.stage {
        Stage::Discussing => "The audience sees the dilemma; the room is discussing. Next, the choices and the vote.",
        Stage::Voting if view.phones.is_some() => {
            "The audience sees the choices and the code to vote with. Reveal when the votes are in."
        }
        Stage::Voting => {
            "The audience sees the choices. Count the hands: a choice's letter or number for each hand, Backspace to undo."
        }
        Stage::Revealed => "Revealed. Up and down (or a number) pick the group's choice; Page Down goes with it.",
    };
    ui.label(egui::RichText::new(stage).color(palette.muted));
    if view.parts > 1 {
        let parts = format!(
            "The room's screen is too long to show at once: it shows part {} of {}. Next and Back turn the parts first.",
            view.part + 1,
            view.parts
        );
        ui.label(egui::RichText::new(parts).color(palette.warning));
    }
    let hands: u32 = scene.choices.iter().map(|c| c.votes).sum();
    if hands > view.present {
        let warning = format!(
            "{hands} hands counted with {} people present: count again, or change who is present.",
            view.present
        );
        ui.label(egui::RichText::new(warning).color(palette.warning));
    }
    if view.stage == Stage::Revealed && view.tie {
        ui.label(
            egui::RichText::new("No single choice has the most votes: pick the one the group goes with.")
                .color(palette.warning),
        );
    }
    for (i, choice) in scene.choices.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let picked = view.picked == Some(i) && view.stage == Stage::Revealed;
            let plural = if choice.votes == 1 { "" } else { "s" };
            let marker = if picked { "▶ " } else { "" };
            // Phones' votes stay hidden until the reveal.
            let label = if view.phones.is_some() && view.stage != Stage::Revealed {
                format!("{} ({})", letter(i), i + 1)
            } else {
                format!("{marker}{} ({})  {} vote{plural}", letter(i), i + 1, choice.votes)
            };
            if button(ui, &label).clicked() {
                action = Some(GroupAction::Number(i));
            }
            let mark = if choice.recommended { " (recommended)" } else { "" };
            ui.label(format!("{}{mark}", boundaries_core::text::shorten(&choice.text, 90)));
        });
        if view.stage == Stage::Revealed {
            // The trainer sees every choice's scores at the reveal; the room sees the picked one's.
            change_chips(ui, &choice.changes);
        }
    }
    ui.horizontal(|ui| {
        if button(ui, "Undo").clicked() {
            action = Some(GroupAction::Undo);
        }
        if button(ui, "‹ Back").clicked() {
            action = Some(GroupAction::Back);
        }
        let next = match view.stage {
            _ if super::turn_part(view.part, view.parts, true).is_some() => "Next part of the screen ›".to_owned(),
            Stage::Discussing => "Open the vote ›".to_owned(),
            Stage::Voting => "Reveal ›".to_owned(),
            Stage::Revealed => format!("Go with {} ›", letter(view.picked.unwrap_or(0))),
        };
        if button(ui, &next).clicked() {
            action = Some(GroupAction::Forward);
        }
    });
    ui.label(egui::RichText::new(crate::commands::group_hints()).small().color(palette.muted));
    action
}

/// Voting by phone: how many phones have joined and voted (never the split before the
/// reveal, so the trainer cannot steer the room), the address, and the switches.
fn phones(ui: &mut egui::Ui, view: &View) -> Option<GroupAction> {
    let palette = Palette::current(ui.ctx());
    let mut action = None;
    ui.horizontal_wrapped(|ui| match &view.phones {
        Some(phones) => {
            ui.label(format!(
                "Phones: {} joined, {} voted. Open {} (room code {}) on {}.",
                phones.joined, phones.voted, phones.typed, phones.code, phones.interface
            ));
            if phones.addresses > 1 && button(ui, "Try the next address").clicked() {
                action = Some(GroupAction::NextAddress);
            }
            if button(ui, "Back to a show of hands").clicked() {
                action = Some(GroupAction::Phones);
            }
        }
        None => {
            if button(ui, "Vote by phone (P)").clicked() {
                action = Some(GroupAction::Phones);
            }
            if let Some(note) = &view.phone_note {
                ui.label(egui::RichText::new(note).color(palette.warning));
            }
        }
    });
    action
}
