//! The two faces of an induction session. The audience view is for the projector:
//! large type, choices lettered A, B, C, and after the reveal the votes, scores and
//! feedback; it never shows trainer notes. The presenter view is for the trainer:
//! the scene small, the facilitator notes, the discussion questions, a timer, the
//! vote controls and what comes next.

use boundaries_core::catalogues::Catalogues;
use boundaries_core::play::Current;
use boundaries_core::play::group::{GroupPlay, Stage};
use boundaries_core::play::replay::Replay;
use boundaries_core::scenario::{Choice, Node, Scene, SettingKind};
use boundaries_core::scoring::recommended_choice;
use boundaries_core::settings::Settings;

use crate::action::GroupAction;
use crate::theme::Palette;
use crate::widgets::{avatar, button, callout, change_chips, hex_colour, setting_badge};

/// How much larger the audience's text is than a solo player's.
pub const AUDIENCE_SCALE: f32 = 2.6;

pub struct ChoiceView {
    pub text: String,
    pub votes: u32,
    /// (principle name, change, colour)
    pub changes: Vec<(String, i64, egui::Color32)>,
    pub feedback: Option<String>,
    pub red_flag: Option<String>,
    /// The scenario's recommended choice here (the core's one rule: the highest
    /// total score, the first listed on a tie).
    pub recommended: bool,
}

pub struct SceneView {
    pub speaker: Option<(String, String, usize)>,
    pub text: String,
    pub prompt: String,
    pub choices: Vec<ChoiceView>,
    /// Trainer only.
    pub facilitator: Option<String>,
    /// Trainer only: questions to put to the room.
    pub discuss: Vec<String>,
}

/// How the room went, decision by decision, for the end of the session.
pub struct RoomDecision {
    pub prompt: String,
    /// (text, votes, taken, recommended)
    pub choices: Vec<(String, u32, bool, bool)>,
}

pub struct View {
    pub title: String,
    pub setting: String,
    pub decision: usize,
    pub stage: Stage,
    pub scene: Option<SceneView>,
    pub picked: Option<usize>,
    /// The show of hands is tied (or empty), so the trainer should pick.
    pub tie: bool,
    pub present: u32,
    pub timer_left: Option<u64>,
    pub blank: bool,
    /// Set once the play has ended: the ending and how the room split.
    pub finished: Option<(String, Vec<RoomDecision>)>,
    pub save_error: Option<String>,
}

/// A choice's letter: A, B, C...
pub fn letter(i: usize) -> char {
    (b'A' + (i % 26) as u8) as char
}

/// What the game holds of a group session, for [`View::of`].
pub struct Room<'a> {
    pub group: &'a GroupPlay,
    /// The choice the group goes with, once revealed, if the trainer picked one.
    pub picked: Option<usize>,
    pub timer_left: Option<u64>,
    pub blank: bool,
    pub finished: bool,
    pub save_error: Option<&'a str>,
}

/// The recommended choice's id among those offered, by the core's one rule.
fn recommended_among(scene: &Scene, offered: &[&Choice]) -> Option<String> {
    let places = offered.iter().filter_map(|o| scene.choices.iter().position(|c| c.id == o.id));
    recommended_choice(scene, places).map(|i| scene.choices[i].id.clone())
}

impl View {
    /// The session as both windows show it (each window draws only its part).
    pub fn of(room: Room, catalogues: &Catalogues) -> View {
        let play = &room.group.play;
        let scenario = play.scenario();
        let colour = |p: &str| catalogues.principle(p).map_or(egui::Color32::GRAY, |p| hex_colour(&p.colour));
        let scene = match play.current() {
            Current::Scene { scene, offered, .. } => {
                let recommended = recommended_among(scene, &offered);
                Some(SceneView {
                    speaker: scenario.speaker(scene).map(|(cast, place)| (cast.name.clone(), cast.role.clone(), place)),
                    text: scene.text.clone(),
                    prompt: scene.prompt().to_owned(),
                    choices: offered
                        .iter()
                        .enumerate()
                        .map(|(i, c)| ChoiceView {
                            text: c.text.clone(),
                            votes: room.group.tally.counts().get(i).copied().unwrap_or(0),
                            changes: c
                                .scores
                                .iter()
                                .map(|(p, s)| (catalogues.principle_name(p).to_owned(), *s, colour(p)))
                                .collect(),
                            feedback: c.feedback.clone(),
                            red_flag: c.red_flag.clone(),
                            recommended: recommended.as_deref() == Some(c.id.as_str()),
                        })
                        .collect(),
                    facilitator: scene.facilitator.clone(),
                    discuss: scene.discuss.clone(),
                })
            }
            Current::Ending { .. } => None,
        };
        let finished = room.finished.then(|| {
            let record = play.record(catalogues);
            let replay = Replay::new(record, Some(scenario));
            let ending = replay.ending.as_ref().map_or_else(String::new, |e| format!("{}: {}", e.title, e.text));
            let decisions = replay
                .steps
                .iter()
                .map(|step| RoomDecision {
                    prompt: step.prompt.clone(),
                    choices: {
                        let recommended = match scenario.node(&step.node) {
                            Some(Node::Scene(scene)) => {
                                let offered: Vec<&Choice> = step
                                    .options
                                    .iter()
                                    .filter_map(|o| scene.choices.iter().find(|c| c.id == o.id))
                                    .collect();
                                recommended_among(scene, &offered)
                            }
                            _ => None,
                        };
                        step.options
                            .iter()
                            .map(|o| {
                                (
                                    o.label(),
                                    o.votes.unwrap_or(0),
                                    o.taken,
                                    recommended.as_deref() == Some(o.id.as_str()),
                                )
                            })
                            .collect()
                    },
                })
                .collect();
            (ending, decisions)
        });
        View {
            title: scenario.title.clone(),
            setting: scenario.setting.clone(),
            decision: play.decisions().len() + 1,
            stage: room.group.stage,
            scene,
            picked: room.picked,
            tie: room.group.tally.majority().is_none(),
            present: room.group.present(),
            timer_left: room.timer_left,
            blank: room.blank,
            finished,
            save_error: room.save_error.map(ToOwned::to_owned),
        }
    }
}

/// The presenter's own window: the presenter view filling it.
pub fn presenter_window(ctx: &egui::Context, view: &View) -> Option<GroupAction> {
    crate::show_screen(ctx, |ui| presenter(ui, view))
}

/// One screen for both: the audience view at the audience's size, and the presenter
/// panel beside it only when the trainer shows it.
pub fn one_screen(ctx: &egui::Context, view: &View, presenter_panel: bool) -> Option<GroupAction> {
    let zoom = AUDIENCE_SCALE * (ctx.content_rect().height() * ctx.zoom_factor() / 800.0).max(0.5);
    if (ctx.zoom_factor() - zoom).abs() > 0.05 {
        ctx.set_zoom_factor(zoom);
    }
    let mut root = crate::root_ui(ctx);
    let mut action = None;
    if presenter_panel {
        egui::Panel::right("presenter").default_size(420.0).show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| action = presenter(ui, view));
        });
    }
    crate::show_in(&mut root, |ui| audience(ui, view));
    action
}

/// The audience's own window, `height` logical pixels high: the audience view at the
/// audience's size, in the player's theme.
pub fn audience_window(ctx: &egui::Context, view: &View, settings: &Settings, height: f32) {
    let zoom = AUDIENCE_SCALE * (height / 800.0).max(0.5);
    if (ctx.zoom_factor() - zoom).abs() > 0.01 {
        let theme = if settings.high_contrast { egui::Theme::Dark } else { egui::Theme::Light };
        ctx.set_theme(theme);
        ctx.set_style_of(theme, crate::theme::style(Palette::of(settings.high_contrast)));
        ctx.set_zoom_factor(zoom);
    }
    crate::show_screen(ctx, |ui| audience(ui, view));
}

pub fn audience(ui: &mut egui::Ui, view: &View) {
    let palette = Palette::current(ui.ctx());
    // At this size every line counts: no room kept for buttons, which the audience has none of.
    ui.spacing_mut().interact_size.y = 12.0;
    ui.spacing_mut().item_spacing.y = 6.0;
    if view.blank {
        ui.painter().rect_filled(ui.ctx().content_rect(), 0.0, egui::Color32::BLACK);
        return;
    }
    if let Some((ending, decisions)) = &view.finished {
        ui.label(egui::RichText::new(&view.title).strong());
        ui.label(ending);
        for (i, decision) in decisions.iter().enumerate() {
            ui.label(egui::RichText::new(format!("{}. {}", i + 1, decision.prompt)).strong());
            for (j, (text, votes, taken, recommended)) in decision.choices.iter().enumerate() {
                let marks = [(*taken, "the room's choice"), (*recommended, "recommended")]
                    .iter()
                    .filter(|(on, _)| *on)
                    .map(|(_, m)| *m)
                    .collect::<Vec<_>>()
                    .join(", ");
                let marks = if marks.is_empty() { String::new() } else { format!(" ({marks})") };
                ui.label(format!(
                    "{} · {votes} votes · {}{marks}",
                    letter(j),
                    boundaries_core::text::shorten(text, 60)
                ));
            }
        }
        return;
    }
    let Some(scene) = &view.scene else { return };
    if let Some(left) = view.timer_left {
        ui.label(egui::RichText::new(format!("{}:{:02}", left / 60, left % 60)).strong().color(palette.accent));
    }
    match view.stage {
        Stage::Discussing => {
            if let Some((name, role, place)) = &scene.speaker {
                ui.horizontal(|ui| {
                    avatar(ui, name, *place, 40.0);
                    ui.label(egui::RichText::new(format!("{name}, {role}")).strong());
                });
            }
            // The dilemma alone: at this size the choices get a page of their own.
            ui.label(&scene.text);
            ui.label(egui::RichText::new(&scene.prompt).strong().color(palette.accent));
        }
        Stage::Voting => {
            ui.label(egui::RichText::new(format!("{} Show of hands.", scene.prompt)).strong().color(palette.accent));
            for (i, choice) in scene.choices.iter().enumerate() {
                ui.label(format!("{}  {}", letter(i), choice.text));
            }
        }
        Stage::Revealed => {
            let most = scene.choices.iter().map(|c| c.votes).max().unwrap_or(0).max(1);
            for (i, choice) in scene.choices.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.label(egui::RichText::new(letter(i).to_string()).strong());
                    let (rect, _) = ui.allocate_exact_size(egui::vec2(160.0, 12.0), egui::Sense::hover());
                    let share = choice.votes as f32 / most as f32;
                    ui.painter().rect_filled(rect, 3.0, palette.muted.gamma_multiply(0.2));
                    let filled = egui::Rect::from_min_size(rect.min, egui::vec2(rect.width() * share, rect.height()));
                    ui.painter().rect_filled(filled, 3.0, palette.accent);
                    let votes = format!("{} vote{}", choice.votes, if choice.votes == 1 { "" } else { "s" });
                    ui.label(egui::RichText::new(votes).strong());
                });
            }
            if let Some((i, choice)) = view.picked.and_then(|i| scene.choices.get(i).map(|c| (i, c))) {
                ui.separator();
                ui.label(egui::RichText::new(format!("{}  {}", letter(i), choice.text)).strong());
                change_chips(ui, &choice.changes);
                if let Some(line) = &choice.red_flag {
                    ui.label(egui::RichText::new(format!("Red flag: {line}")).color(palette.danger).strong());
                }
                if let Some(feedback) = &choice.feedback {
                    ui.label(feedback);
                }
            }
        }
    }
}

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
        // Not on a key: a remote's Escape must not end a session by accident.
        if button(ui, "End the session").on_hover_text("What the group has done so far is kept.").clicked() {
            action = Some(GroupAction::Leave);
        }
    });
    if let Some((ending, _)) = &view.finished {
        ui.label(egui::RichText::new("The session has ended").strong());
        ui.label(ending);
        if button(ui, "Finish (to the record of this session)").clicked() {
            action = Some(GroupAction::Forward);
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
        Stage::Voting => {
            "The audience sees the choices. Count the hands: a choice's number for each hand, Backspace to undo."
        }
        Stage::Revealed => "Revealed. Up and down (or a number) pick the group's choice; Page Down goes with it.",
    };
    ui.label(egui::RichText::new(stage).color(palette.muted));
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
            let label = format!("{}{}  {} vote{plural}", if picked { "▶ " } else { "" }, letter(i), choice.votes);
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

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use super::*;

    fn view(stage: Stage) -> View {
        let choice = |text: &str, votes| ChoiceView {
            text: text.into(),
            votes,
            changes: vec![("Safeguarding".into(), 2, egui::Color32::RED)],
            feedback: Some(format!("Feedback on {text}.")),
            red_flag: None,
            recommended: votes == 7,
        };
        View {
            title: "A gift at the door".into(),
            setting: "Home care visit".into(),
            decision: 1,
            stage,
            scene: Some(SceneView {
                speaker: None,
                text: "An envelope.".into(),
                prompt: "What do you do?".into(),
                choices: vec![choice("Decline warmly", 7), choice("Take it", 3)],
                facilitator: Some("SECRET TRAINER NOTE".into()),
                discuss: vec!["Why keep it from the office?".into()],
            }),
            picked: Some(0),
            tie: false,
            present: 10,
            timer_left: None,
            blank: false,
            finished: None,
            save_error: None,
        }
    }

    #[test]
    fn the_audience_never_sees_trainer_notes_or_questions() {
        for stage in [Stage::Discussing, Stage::Voting, Stage::Revealed] {
            let view = view(stage);
            let harness = Harness::new_ui(|ui| audience(ui, &view));
            assert!(harness.query_by_label_contains("SECRET TRAINER NOTE").is_none(), "{stage:?}");
            assert!(harness.query_by_label_contains("Why keep it from the office?").is_none(), "{stage:?}");
        }
    }

    #[test]
    fn scores_stay_hidden_until_the_reveal() {
        let voting = view(Stage::Voting);
        let harness = Harness::new_ui(|ui| audience(ui, &voting));
        harness.get_by_label("A  Decline warmly");
        assert!(harness.query_by_label_contains("Safeguarding").is_none());
        let revealed = view(Stage::Revealed);
        let harness = Harness::new_ui(|ui| audience(ui, &revealed));
        harness.get_by_label("7 votes");
        harness.get_by_label("A  Decline warmly");
        harness.get_all_by_label("+2 Safeguarding").next().expect("scores after the reveal");
        harness.get_by_label("Feedback on Decline warmly.");
    }

    /// With every shipped scenario's real notes, at every stage of every decision:
    /// the audience's accessibility tree never has them, and the presenter's does.
    #[test]
    fn no_shipped_facilitator_note_reaches_the_audience() {
        use boundaries_core::scenario::shipped::SHIPPED;

        let catalogues = Catalogues::shipped().unwrap();
        for (name, text) in SHIPPED {
            let scenario = boundaries_core::library::load_bytes(name, text.as_bytes(), &catalogues).unwrap().scenario;
            let mut group = GroupPlay::start(scenario.clone(), 1, 10).unwrap();
            while let Current::Scene { scene, offered, .. } = group.play.current() {
                let note = scene.facilitator.clone().expect("every shipped scene has notes");
                assert!(!note.trim().is_empty());
                let first = offered[0].id.clone();
                for stage in 0..3 {
                    let room = Room {
                        group: &group,
                        picked: None,
                        timer_left: None,
                        blank: false,
                        finished: false,
                        save_error: None,
                    };
                    let view = View::of(room, &catalogues);
                    let harness = Harness::new_ui(|ui| audience(ui, &view));
                    assert!(harness.query_by_label_contains(&note).is_none(), "{name}: a note reached the audience");
                    let presenter = Harness::new_ui(|ui| {
                        presenter(ui, &view);
                    });
                    assert!(presenter.query_by_label(&note).is_some(), "{name}: the presenter lacks the note");
                    if stage < 2 {
                        group.forward();
                    }
                }
                group.choose(&first).unwrap();
            }
        }
    }

    #[test]
    fn the_presenter_has_the_notes_and_the_vote_controls() {
        let view = view(Stage::Voting);
        let mut harness = Harness::new_ui_state(
            |ui, action: &mut Option<GroupAction>| *action = presenter(ui, &view).or(action.take()),
            None,
        );
        harness.get_by_label("SECRET TRAINER NOTE");
        harness.get_by_label("• Why keep it from the office?");
        harness.get_by_label("B  3 votes").click();
        harness.run();
        assert_eq!(harness.state(), &Some(GroupAction::Number(1)));
    }
}
