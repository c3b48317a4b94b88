//! Playing a scenario: the scene with the speaker's avatar, the choices as large
//! numbered buttons, an optional confidence rating, then the feedback on the choice
//! (or, with feedback at the end, straight on to the next scene).

use boundaries_core::catalogues::Catalogues;
use boundaries_core::play::confidence::remark;
use boundaries_core::play::playthrough::resolve;
use boundaries_core::play::{Current, Phase, Playthrough};
use boundaries_core::scenario::{Outcome, SettingKind};
use boundaries_core::scoring::crossed;

use crate::action::UiAction;
use crate::theme::Palette;
use crate::widgets::{avatar, button, callout, change_chips, hex_colour, setting_badge, wide_button};
use crate::{NUMBER_KEYS, a11y, new_page, pressed, pressed_once};

pub struct Scene {
    /// (name, role, place in the cast)
    pub speaker: Option<(String, String, usize)>,
    pub text: String,
    pub prompt: String,
}

pub enum Stage {
    Choosing {
        scene: Scene,
        choices: Vec<(String, String)>,
    },
    Confidence {
        scene: Scene,
        chosen: String,
    },
    Feedback {
        chosen: String,
        /// A word on how sure the player said they were, where there is one.
        confidence: Option<String>,
        feedback: Option<String>,
        /// (principle name, change, colour)
        changes: Vec<(String, i64, egui::Color32)>,
        guide: Vec<String>,
        red_flag: Option<String>,
    },
    Ending {
        title: String,
        text: String,
        outcome: Outcome,
    },
}

impl Stage {
    /// Which step of a decision this is, to tell pages apart.
    fn step(&self) -> u64 {
        match self {
            Stage::Choosing { .. } => 0,
            Stage::Confidence { .. } => 1,
            Stage::Feedback { .. } => 2,
            Stage::Ending { .. } => 3,
        }
    }
}

pub struct View {
    pub title: String,
    pub setting: String,
    pub kind: SettingKind,
    /// How many decisions have been taken.
    pub taken: usize,
    pub stage: Stage,
    pub save_error: Option<String>,
}

impl View {
    /// The play as it stands: the scene and its choices, the confidence question, the
    /// feedback on the last choice, or the ending.
    pub fn of(play: &Playthrough, phase: &Phase, catalogues: &Catalogues, save_error: Option<String>) -> Option<View> {
        let scenario = play.scenario();
        let scene_of = |scene: &boundaries_core::scenario::Scene| Scene {
            speaker: scenario.speaker(scene).map(|(cast, place)| (cast.name.clone(), cast.role.clone(), place)),
            text: scene.text.clone(),
            prompt: scene.prompt().to_owned(),
        };
        let stage = match (phase, play.current()) {
            (Phase::Feedback, _) => {
                let choice = play.last_choice()?;
                let confidence = play.decisions().last().and_then(|d| {
                    let (_, offered, chosen) = resolve(scenario, d)?;
                    remark(d.confidence, &offered, chosen)
                });
                Stage::Feedback {
                    confidence: confidence.map(ToOwned::to_owned),
                    chosen: choice.text.clone(),
                    feedback: choice.feedback.clone(),
                    changes: choice
                        .scores
                        .iter()
                        .map(|(p, s)| {
                            (
                                catalogues.principle_name(p).to_owned(),
                                *s,
                                catalogues.principle(p).map_or(egui::Color32::GRAY, |p| hex_colour(&p.colour)),
                            )
                        })
                        .collect(),
                    guide: choice.guide.iter().map(|g| catalogues.section_title(g).to_owned()).collect(),
                    red_flag: choice
                        .red_flag
                        .as_deref()
                        .map(|what| crossed(what, choice.red_line.as_deref(), catalogues)),
                }
            }
            (_, Current::Ending { ending, .. }) => {
                Stage::Ending { title: ending.title.clone(), text: ending.text.clone(), outcome: ending.outcome }
            }
            (Phase::Confidence { choice }, Current::Scene { scene, offered, .. }) => Stage::Confidence {
                scene: scene_of(scene),
                chosen: offered.iter().find(|c| &c.id == choice).map(|c| c.text.clone()).unwrap_or_default(),
            },
            (Phase::Choosing, Current::Scene { scene, offered, .. }) => Stage::Choosing {
                scene: scene_of(scene),
                choices: offered.iter().map(|c| (c.id.clone(), c.text.clone())).collect(),
            },
        };
        Some(View {
            title: scenario.title.clone(),
            setting: scenario.setting.clone(),
            kind: SettingKind::of(&scenario.setting),
            taken: play.decisions().len(),
            stage,
            save_error,
        })
    }
}

#[must_use]
pub fn body(ui: &mut egui::Ui, view: &View) -> Option<UiAction> {
    let palette = Palette::current(ui.ctx());
    let mut action = None;
    ui.horizontal(|ui| {
        if button(ui, "‹ Leave").on_hover_text("What you have played so far is kept.").clicked() {
            action = Some(UiAction::Leave);
        }
        setting_badge(ui, view.kind, &view.setting);
    });
    let progress = match view.stage {
        Stage::Choosing { .. } | Stage::Confidence { .. } => format!(" · decision {}", view.taken + 1),
        _ => String::new(),
    };
    ui.label(egui::RichText::new(format!("{}{progress}", view.title)).size(20.0).color(palette.muted));
    if let Some(error) = &view.save_error {
        ui.label(egui::RichText::new(error.as_str()).color(palette.danger));
    }
    ui.add_space(6.0);
    // Each decision, and each step within it, opens with nothing focused.
    let new = new_page(ui, (view.taken as u64) << 2 | view.stage.step());
    match &view.stage {
        Stage::Choosing { scene, choices } => {
            scene_ui(ui, scene, palette, new);
            for (i, (id, text)) in choices.iter().enumerate() {
                let number = (i + 1).to_string();
                let badge = (i < NUMBER_KEYS.len()).then_some(number.as_str());
                let button = ui.push_id(("choice", id), |ui| wide_button(ui, badge, text)).inner;
                a11y::in_set(ui, &button, i + 1, choices.len(), "choice");
                if button.clicked() || NUMBER_KEYS.get(i).is_some_and(|&k| pressed_once(ui, k)) {
                    action = Some(UiAction::Choose(id.clone()));
                }
            }
            ui.label(
                egui::RichText::new("Press a number to choose, or Tab to a choice and press Enter.")
                    .small()
                    .color(palette.muted),
            );
        }
        Stage::Confidence { scene, chosen } => {
            scene_ui(ui, scene, palette, false);
            ui.label(egui::RichText::new(format!("You chose: {chosen}")).strong());
            a11y::reading_start(ui, "Before you see the feedback: how sure were you?", new);
            ui.horizontal_wrapped(|ui| {
                for (level, label) in
                    [(1, "1 Guessing"), (2, "2 Unsure"), (3, "3 Fairly sure"), (4, "4 Sure"), (5, "5 Certain")]
                {
                    if button(ui, label).clicked() || pressed_once(ui, NUMBER_KEYS[level as usize - 1]) {
                        action = Some(UiAction::Confidence(Some(level)));
                    }
                }
                if button(ui, "Skip").clicked() {
                    action = Some(UiAction::Confidence(None));
                }
            });
        }
        Stage::Feedback { chosen, confidence, feedback, changes, guide, red_flag } => {
            ui.label(egui::RichText::new("You chose").color(palette.muted));
            ui.label(egui::RichText::new(chosen).size(20.0).strong());
            ui.add_space(6.0);
            // Announced as it appears: the screen reader's focus is on Continue.
            if let Some(line) = red_flag {
                callout(ui, palette.danger, |ui| {
                    let flag =
                        ui.label(egui::RichText::new(format!("Red flag: {line}")).strong().color(palette.danger));
                    a11y::announce(ui, &flag);
                });
            }
            if let Some(feedback) = feedback {
                let said = ui.label(egui::RichText::new(feedback).size(20.0));
                a11y::announce(ui, &said);
            }
            if let Some(confidence) = confidence {
                ui.label(egui::RichText::new(confidence).italics());
            }
            change_chips(ui, changes);
            if !guide.is_empty() {
                ui.label(egui::RichText::new(format!("From the guide: {}", guide.join("; "))).color(palette.muted));
            }
            ui.add_space(8.0);
            let next = ui.push_id("continue", |ui| wide_button(ui, None, "Continue")).inner;
            next.request_focus();
            if next.clicked() {
                action = Some(UiAction::Continue);
            }
        }
        Stage::Ending { title, text, outcome } => {
            let colour = match outcome {
                Outcome::Good => palette.good,
                Outcome::Mixed => palette.warning,
                Outcome::Poor => palette.danger,
            };
            ui.label(egui::RichText::new(title).size(30.0).strong().color(colour));
            ui.label(egui::RichText::new(text).size(20.0));
            ui.add_space(8.0);
            let next = ui.push_id("see how you did", |ui| wide_button(ui, None, "See how you did")).inner;
            next.request_focus();
            if next.clicked() {
                action = Some(UiAction::Continue);
            }
        }
    }
    if pressed(ui, egui::Key::Escape) {
        action = Some(UiAction::Leave);
    }
    action
}

/// The scene; with `focus`, reading starts at its text (a new decision).
fn scene_ui(ui: &mut egui::Ui, scene: &Scene, palette: Palette, focus: bool) {
    if let Some((name, role, place)) = &scene.speaker {
        ui.horizontal(|ui| {
            avatar(ui, name, *place, 64.0);
            ui.vertical(|ui| {
                ui.label(egui::RichText::new(name).size(22.0).strong());
                ui.label(egui::RichText::new(role).color(palette.muted));
            });
        });
    }
    a11y::reading_start(ui, egui::RichText::new(&scene.text).size(21.0), focus);
    ui.add_space(6.0);
    ui.label(egui::RichText::new(&scene.prompt).size(21.0).strong().color(palette.accent));
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use super::*;

    fn view(stage: Stage) -> View {
        View {
            title: "A gift".into(),
            setting: "Home care visit".into(),
            kind: SettingKind::HomeCare,
            taken: 0,
            stage,
            save_error: None,
        }
    }

    fn scene() -> Scene {
        Scene {
            speaker: Some(("Mrs Ada Okafor".into(), "Person you support".into(), 0)),
            text: "An envelope.".into(),
            prompt: "What do you do?".into(),
        }
    }

    fn harness(view: View) -> Harness<'static, Option<UiAction>> {
        crate::harness(move |ui| body(ui, &view))
    }

    fn choosing() -> View {
        view(Stage::Choosing {
            scene: scene(),
            choices: vec![("decline".into(), "Decline warmly".into()), ("take".into(), "Take it".into())],
        })
    }

    /// The Enter that dismissed the feedback, pressed again, and a number key held
    /// down, take nothing at the next decision: only a fresh key press does.
    #[test]
    fn no_answer_is_taken_by_a_key_meant_for_the_page_before() {
        let feedback = view(Stage::Feedback {
            chosen: "Decline warmly".into(),
            confidence: None,
            feedback: Some("Kind and clear.".into()),
            changes: vec![],
            guide: vec![],
            red_flag: None,
        });
        let mut harness = Harness::new_ui_state(
            |ui, (view, taken): &mut (View, Vec<UiAction>)| taken.extend(body(ui, view)),
            (feedback, Vec::new()),
        );
        harness.run();
        harness.key_press(egui::Key::Enter);
        harness.run();
        assert_eq!(harness.state().1, [UiAction::Continue]);
        // The game moves on to the next decision, and Enter is pressed twice more, quickly.
        let mut next = choosing();
        next.taken = 1;
        harness.state_mut().0 = next;
        harness.run();
        for _ in 0..2 {
            harness.key_press(egui::Key::Enter);
            harness.run();
        }
        assert_eq!(harness.state().1, [UiAction::Continue], "no choice is focused when a decision opens");
        // A number held down: its first press chooses at this decision, and the key's
        // repeats, arriving once the next decision is up, take nothing there.
        harness.key_down(egui::Key::Num1);
        harness.run();
        assert_eq!(harness.state().1.last(), Some(&UiAction::Choose("decline".into())));
        let mut after = choosing();
        after.taken = 2;
        harness.state_mut().0 = after;
        harness.run();
        let repeat = egui::Event::Key {
            key: egui::Key::Num1,
            physical_key: None,
            pressed: true,
            repeat: true,
            modifiers: egui::Modifiers::NONE,
        };
        harness.event(repeat);
        harness.run();
        assert_eq!(harness.state().1.len(), 2, "a held key's repeat takes nothing");
        harness.key_up(egui::Key::Num1);
        harness.run();
        harness.key_press(egui::Key::Num2);
        harness.run();
        assert_eq!(harness.state().1[2], UiAction::Choose("take".into()));
    }

    #[test]
    fn choices_by_click_and_by_number_key() {
        let mut by_click = harness(choosing());
        by_click.get_by_label("Take it").click();
        by_click.run();
        assert_eq!(by_click.state(), &Some(UiAction::Choose("take".into())));

        let mut by_key = harness(choosing());
        by_key.key_press(egui::Key::Num1);
        by_key.run();
        assert_eq!(by_key.state(), &Some(UiAction::Choose("decline".into())));
    }

    /// What a screen reader is told: each choice's place among the choices, reading
    /// starting at the story on a new decision, and the feedback announced.
    #[test]
    fn a_screen_reader_hears_the_choices_place_the_story_first_and_the_feedback() {
        use egui::accesskit::Live;
        use egui_kittest::kittest::NodeT;

        let mut choices = harness(choosing());
        choices.run();
        let second = choices.get_by_label("Take it").accesskit_node();
        assert_eq!(second.description().as_deref(), Some("choice 2 of 2"));
        assert!(choices.get_by_label("An envelope.").accesskit_node().is_focused(), "reading starts at the story");
        let feedback = harness(view(Stage::Feedback {
            chosen: "Take it".into(),
            confidence: None,
            feedback: Some("Money is never yours to keep.".into()),
            changes: Vec::new(),
            guide: Vec::new(),
            red_flag: Some("Accepting money".into()),
        }));
        assert_eq!(feedback.get_by_label("Money is never yours to keep.").accesskit_node().live(), Live::Polite);
        assert_eq!(feedback.get_by_label("Red flag: Accepting money").accesskit_node().live(), Live::Polite);
    }

    #[test]
    fn the_speaker_has_an_avatar() {
        let harness = harness(choosing());
        harness.get_by_label("Avatar of Mrs Ada Okafor");
        harness.get_by_label("An envelope.");
    }

    #[test]
    fn confidence_by_key() {
        let mut harness = harness(view(Stage::Confidence { scene: scene(), chosen: "Take it".into() }));
        harness.key_press(egui::Key::Num4);
        harness.run();
        assert_eq!(harness.state(), &Some(UiAction::Confidence(Some(4))));
    }

    #[test]
    fn feedback_shows_changes_and_guide_and_continues_on_enter() {
        let mut harness = harness(view(Stage::Feedback {
            chosen: "Take it".into(),
            confidence: Some("You were sure of this one, and it was the weakest choice here.".into()),
            feedback: Some("Money is never yours to keep.".into()),
            changes: vec![
                ("Professional boundaries".into(), -3, egui::Color32::BLUE),
                ("Dignity and respect".into(), 1, egui::Color32::RED),
            ],
            guide: vec!["Maintaining Professional Boundaries".into()],
            red_flag: Some("Accepting money".into()),
        }));
        harness.get_by_label("−3 Professional boundaries");
        harness.get_by_label("+1 Dignity and respect");
        harness.get_by_label("Red flag: Accepting money");
        harness.get_by_label("From the guide: Maintaining Professional Boundaries");
        harness.get_by_label("You were sure of this one, and it was the weakest choice here.");
        harness.run();
        harness.key_press(egui::Key::Enter);
        harness.run();
        assert_eq!(harness.state(), &Some(UiAction::Continue));
    }

    #[test]
    fn escape_leaves() {
        let mut harness = harness(choosing());
        harness.key_press(egui::Key::Escape);
        harness.run();
        assert_eq!(harness.state(), &Some(UiAction::Leave));
    }
}
