//! The cohort, for a trainer planning the next session: what the organisation's
//! learning record store holds, scenario by scenario, solo plays and group sessions
//! apart. The wording comes from the core (`xapi::present`), as the terminal's does.

use boundaries_core::xapi::PartView;

use crate::action::UiAction;
use crate::nav::Screen;
use crate::theme::Palette;
use crate::widgets::header;

/// Where the cohort is.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum View {
    /// No learning record store is set up.
    #[default]
    NotSetUp,
    Loading,
    /// Why it could not be read, in words.
    Failed(String),
    /// Each scenario with plays: its title and its parts.
    Ready(Vec<(String, Vec<PartView>)>),
}

#[must_use]
pub fn body(ui: &mut egui::Ui, view: &View) -> Option<UiAction> {
    let palette = Palette::current(ui.ctx());
    let mut action = None;
    if header(ui, "Your organisation's plays") || crate::pressed(ui, egui::Key::Escape) {
        action = Some(UiAction::Go(Screen::Records));
    }
    match view {
        View::NotSetUp => {
            ui.label("No learning record store is set up. Ask whoever runs your organisation's training records for its address and key, then run `boundaries lrs set`.");
        }
        View::Loading => {
            ui.label(egui::RichText::new("Reading your organisation's records…").color(palette.muted));
        }
        View::Failed(why) => {
            ui.label(egui::RichText::new(why).color(palette.warning));
        }
        View::Ready(scenarios) if scenarios.is_empty() => {
            ui.label("No plays have reached your organisation's records yet.");
        }
        View::Ready(scenarios) => {
            for (title, parts) in scenarios {
                ui.add_space(8.0);
                ui.heading(title);
                for part in parts {
                    ui.label(egui::RichText::new(format!("{}: {}", part.who, part.summary)).strong());
                    for (name, plays, mean, lowest, highest) in &part.principles {
                        ui.label(format!("{name}: mean {mean:.0} out of 100 over {plays} plays (lowest {lowest:.0}, highest {highest:.0})"));
                    }
                    for (prompt, choices) in &part.decisions {
                        ui.label(egui::RichText::new(prompt).strong());
                        for (text, n, recommended) in choices {
                            let mark = if *recommended { " (recommended)" } else { "" };
                            let plays = if *n == 1 { "1 play".to_owned() } else { format!("{n} plays") };
                            ui.label(format!("{plays}: {}{mark}", boundaries_core::text::shorten(text, 120)));
                        }
                    }
                }
            }
        }
    }
    action
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;

    #[test]
    fn the_cohort_reads_as_text_and_says_when_it_cannot_be_had() {
        let part = PartView {
            who: "Solo plays",
            summary: "3 started, 2 finished. Bands: Sound 1, Unsafe 1.".into(),
            principles: vec![("Safeguarding".into(), 2, 55.0, 20.0, 90.0)],
            decisions: vec![(
                "What do you do?".into(),
                vec![("Take it".into(), 2, false), ("Decline".into(), 1, true)],
            )],
        };
        let view = View::Ready(vec![("A gift at the door".into(), vec![part])]);
        let mut harness = crate::harness(|ui| body(ui, &view));
        harness.get_by_label("Solo plays: 3 started, 2 finished. Bands: Sound 1, Unsafe 1.");
        harness.get_by_label("Safeguarding: mean 55 out of 100 over 2 plays (lowest 20, highest 90)");
        harness.get_by_label("2 plays: Take it");
        harness.get_by_label("1 play: Decline (recommended)");
        harness.get_by_label("‹ Back").click();
        harness.run();
        assert_eq!(harness.state(), &Some(UiAction::Go(Screen::Records)));
        let failed = View::Failed("the learning record store cannot be reached: connection refused".into());
        let harness = crate::harness(|ui| body(ui, &failed));
        harness.get_by_label("the learning record store cannot be reached: connection refused");
    }
}
