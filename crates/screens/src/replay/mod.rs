//! Replaying a recorded play decision by decision, forward and back (arrows, Page
//! Up and Page Down, as a presentation clicker sends): every choice that was offered,
//! in the order shown, the one taken highlighted, and for the others their scores,
//! their feedback and where they would have led. At the end: the result, the path
//! taken drawn beside the recommended path, a reflection and an export.

use boundaries_core::catalogues::Catalogues;
use boundaries_core::play::{Reflection, Replay};
use boundaries_core::scenario::layout::Layout;
use boundaries_core::scoring::{Band, crossed};

use boundaries_core::scoring::MEASURED_AGAINST;

use crate::action::UiAction;
use crate::nav::Screen;
use crate::pressed;
use crate::theme::Palette;

mod graph;
use crate::widgets::{
    RatingView, band_colour, button, callout, change_chips, focus_ring, hex_colour, rating_row, rating_views,
};
use graph::graph_ui;

pub struct OptionView {
    pub text: String,
    pub taken: bool,
    /// In a group session, the hands raised for it.
    pub votes: Option<u32>,
    /// (principle name, change, colour)
    pub changes: Vec<(String, i64, egui::Color32)>,
    pub feedback: Option<String>,
    pub red_flag: Option<String>,
    pub leads_to: String,
}

pub struct StepView {
    pub speaker: Option<String>,
    pub text: String,
    pub prompt: String,
    pub options: Vec<OptionView>,
}

pub struct View {
    pub title: String,
    pub warning: Option<String>,
    pub steps: Vec<StepView>,
    pub index: usize,
    pub band: Option<Band>,
    pub overall: Option<f64>,
    /// (principle name, rating, colour)
    pub ratings: Vec<RatingView>,
    pub ending: Option<String>,
    pub takeaways: Vec<String>,
    pub graph: Option<Layout>,
    pub draft: Reflection,
    pub notice: Option<String>,
    /// The report last exported, to open or show in its folder.
    pub exported: Option<std::path::PathBuf>,
    /// Whether the play was left part-way and can be carried on.
    pub can_resume: bool,
}

/// What the game holds of a replay open on screen, for [`View::of`].
pub struct Open<'a> {
    pub replay: &'a Replay,
    /// The decision shown, or one past the last for the end.
    pub index: usize,
    pub draft: &'a Reflection,
    pub notice: Option<&'a str>,
    pub exported: Option<&'a std::path::Path>,
    /// The scenario laid out, made once when the replay opened.
    pub layout: Option<&'a Layout>,
}

impl View {
    pub fn of(open: Open, catalogues: &Catalogues) -> View {
        let replay = open.replay;
        let colour = |p: &str| catalogues.principle(p).map_or(egui::Color32::GRAY, |p| hex_colour(&p.colour));
        let option = |o: &boundaries_core::play::replay::ReplayOption| OptionView {
            text: o.label(),
            taken: o.taken,
            votes: o.votes,
            changes: o.scores.iter().map(|(p, s)| (catalogues.principle_name(p).to_owned(), *s, colour(p))).collect(),
            feedback: o.feedback.clone(),
            red_flag: o.red_flag.as_deref().map(|what| crossed(what, o.red_line.as_deref(), catalogues)),
            leads_to: o.leads_to.sentence(),
        };
        let steps = replay
            .steps
            .iter()
            .map(|step| StepView {
                speaker: step.speaker.as_ref().map(|(name, role)| format!("{name}, {role}")),
                text: step.text.clone(),
                prompt: step.prompt.clone(),
                options: step.options.iter().map(option).collect(),
            })
            .collect();
        let result = replay.record.result.as_ref();
        View {
            title: replay.record.scenario_title.clone(),
            warning: replay.warning.clone(),
            steps,
            index: open.index,
            band: result.map(|r| r.band),
            overall: result.and_then(|r| r.overall),
            ratings: result.map(|r| rating_views(&r.ratings, catalogues)).unwrap_or_default(),
            ending: replay.ending.as_ref().map(|e| format!("{}: {}", e.title, e.text)),
            takeaways: replay.ending.as_ref().map(|e| e.takeaways.clone()).unwrap_or_default(),
            graph: open.layout.cloned(),
            draft: open.draft.clone(),
            notice: open.notice.map(ToOwned::to_owned),
            exported: open.exported.map(ToOwned::to_owned),
            can_resume: !replay.record.is_finished() && replay.warning.is_none(),
        }
    }
}

#[must_use]
pub fn body(ui: &mut egui::Ui, view: &View) -> Option<UiAction> {
    let palette = Palette::current(ui.ctx());
    let mut action = None;
    let last = view.steps.len();
    ui.horizontal(|ui| {
        if button(ui, "‹ Your plays").clicked() {
            action = Some(UiAction::Go(Screen::Records));
        }
        let place =
            if view.index < last { format!("decision {} of {last}", view.index + 1) } else { "the end".to_owned() };
        ui.label(egui::RichText::new(format!("Replay: {} · {place}", view.title)).size(20.0).color(palette.muted));
    });
    if let Some(warning) = &view.warning {
        ui.label(egui::RichText::new(warning).color(palette.warning));
    }
    ui.horizontal(|ui| {
        let back = ui.add_enabled(view.index > 0, egui::Button::new("‹ Previous"));
        focus_ring(ui, &back);
        if back.clicked() {
            action = Some(UiAction::Step(view.index - 1));
        }
        let next = ui.add_enabled(view.index < last, egui::Button::new("Next ›"));
        focus_ring(ui, &next);
        if next.clicked() {
            action = Some(UiAction::Step(view.index + 1));
        }
        ui.label(
            egui::RichText::new(
                "Page Down or the right arrow for the next, Page Up or the left arrow for the previous",
            )
            .small()
            .color(palette.muted),
        );
    });
    ui.add_space(6.0);
    match view.steps.get(view.index) {
        Some(step) => step_ui(ui, step, palette),
        None => {
            if let Some(reflect) = end_ui(ui, view, palette) {
                action = Some(reflect);
            }
        }
    }
    let typing = ui.ctx().egui_wants_keyboard_input() && view.index == last;
    if !typing {
        if (pressed(ui, egui::Key::PageDown) || pressed(ui, egui::Key::ArrowRight)) && view.index < last {
            action = Some(UiAction::Step(view.index + 1));
        }
        if (pressed(ui, egui::Key::PageUp) || pressed(ui, egui::Key::ArrowLeft)) && view.index > 0 {
            action = Some(UiAction::Step(view.index - 1));
        }
        if pressed(ui, egui::Key::Escape) {
            action = Some(UiAction::Go(Screen::Records));
        }
    }
    action
}

fn step_ui(ui: &mut egui::Ui, step: &StepView, palette: Palette) {
    if let Some(speaker) = &step.speaker {
        ui.label(egui::RichText::new(speaker).strong());
    }
    ui.label(egui::RichText::new(&step.text).size(19.0));
    ui.label(egui::RichText::new(&step.prompt).strong().color(palette.accent));
    for (i, option) in step.options.iter().enumerate() {
        let stroke =
            if option.taken { egui::Stroke::new(3.0, palette.accent) } else { egui::Stroke::new(1.0, palette.muted) };
        egui::Frame::new().fill(palette.panel).stroke(stroke).corner_radius(10.0).inner_margin(12).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let votes =
                option.votes.map(|v| format!(" · {v} vote{}", if v == 1 { "" } else { "s" })).unwrap_or_default();
            let taken = if option.taken { " (the choice taken)" } else { "" };
            let heading = format!("{}. {}{taken}{votes}", i + 1, option.text);
            ui.label(egui::RichText::new(heading).strong());
            change_chips(ui, &option.changes);
            if let Some(line) = &option.red_flag {
                ui.label(egui::RichText::new(format!("Red flag: {line}")).color(palette.danger).strong());
            }
            if let Some(feedback) = &option.feedback {
                ui.label(feedback);
            }
            ui.label(egui::RichText::new(&option.leads_to).small().color(palette.muted));
        });
    }
}

fn end_ui(ui: &mut egui::Ui, view: &View, palette: Palette) -> Option<UiAction> {
    let mut action = None;
    match view.band {
        Some(band) => {
            let overall = view.overall.map(|o| format!(" · {o:.0} out of 100")).unwrap_or_default();
            ui.label(
                egui::RichText::new(format!("{band}{overall}")).size(32.0).strong().color(band_colour(band, palette)),
            );
        }
        None => {
            ui.label(egui::RichText::new("Stopped part-way").size(28.0).strong());
        }
    }
    if let Some(ending) = &view.ending {
        ui.label(ending);
    }
    if view.can_resume && button(ui, "Carry on from where you stopped").clicked() {
        action = Some(UiAction::Resume);
    }
    if !view.ratings.is_empty() {
        ui.label(egui::RichText::new(MEASURED_AGAINST).small().color(palette.muted));
    }
    for rating in &view.ratings {
        rating_row(ui, rating);
    }
    if let Some(graph) = &view.graph {
        ui.add_space(6.0);
        ui.label(egui::RichText::new("Your path (solid) and the recommended path (dashed)").strong());
        graph_ui(ui, graph, palette);
    }
    if !view.takeaways.is_empty() {
        ui.label(egui::RichText::new("To take away").strong());
        for takeaway in &view.takeaways {
            ui.label(format!("• {takeaway}"));
        }
    }
    ui.add_space(8.0);
    callout(ui, palette.accent, |ui| {
        ui.label(egui::RichText::new("Reflect").size(22.0).strong());
        ui.label(egui::RichText::new(&view.draft.prompt).italics());
        let mut draft = view.draft.clone();
        for (label, text) in [
            ("What went well", &mut draft.went_well),
            ("What would you do differently", &mut draft.do_differently),
            ("One thing to take into practice", &mut draft.into_practice),
        ] {
            ui.label(egui::RichText::new(label).strong());
            let response =
                ui.add(egui::TextEdit::multiline(text).desired_rows(2).desired_width(f32::INFINITY).hint_text(label));
            focus_ring(ui, &response);
        }
        if draft != view.draft {
            action = Some(UiAction::Draft(draft.clone()));
        }
        ui.horizontal(|ui| {
            if button(ui, "Save reflection").clicked() {
                action = Some(UiAction::Reflect(draft.clone()));
            }
            if button(ui, "Export report").clicked() {
                action = Some(UiAction::Export);
            }
        });
        if let Some(notice) = &view.notice {
            let said = ui.label(notice);
            // A new confirmation is brought into view, not left below the fold.
            let id = egui::Id::new("replay notice");
            if ui.data(|d| d.get_temp::<String>(id)).as_ref() != Some(notice) {
                ui.data_mut(|d| d.insert_temp(id, notice.clone()));
                said.scroll_to_me(Some(egui::Align::Center));
            }
        }
        if let Some(report) = &view.exported {
            ui.horizontal_wrapped(|ui| {
                if button(ui, "Open report").clicked() {
                    action = Some(UiAction::OpenFile(report.clone()));
                }
                if let Some(folder) = report.parent()
                    && button(ui, "Show in folder").clicked()
                {
                    action = Some(UiAction::OpenFile(folder.to_owned()));
                }
            });
        }
    });
    action
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;
    use boundaries_core::scenario::Outcome;

    fn view(index: usize) -> View {
        let option = |text: &str, taken| OptionView {
            text: text.into(),
            taken,
            votes: None,
            changes: vec![("Safeguarding".into(), if taken { 2 } else { -3 }, egui::Color32::RED)],
            feedback: Some(format!("Feedback on {text}.")),
            red_flag: (!taken).then(|| "Keeping it secret".into()),
            leads_to: "Leads to the ending “A secret kept” (a poor outcome).".into(),
        };
        View {
            title: "A gift at the door".into(),
            warning: None,
            steps: vec![
                StepView {
                    speaker: Some("Ada, Person you support".into()),
                    text: "An envelope.".into(),
                    prompt: "What do you do?".into(),
                    options: vec![option("Take it", false), option("Decline", true)],
                },
                StepView {
                    speaker: None,
                    text: "Later.".into(),
                    prompt: "Now?".into(),
                    options: vec![option("Tell Sam", true)],
                },
            ],
            index,
            band: Some(Band::Sound),
            overall: Some(70.0),
            ratings: vec![RatingView {
                name: "Safeguarding".into(),
                rating: 70.0,
                colour: egui::Color32::RED,
                rests_on: "2 decisions".into(),
                verdict: None,
            }],
            ending: Some("Handed in: it was put right.".into()),
            takeaways: vec![],
            graph: Some(Layout {
                nodes: vec![("door".into(), 0, 0, None), ("good".into(), 1, 0, Some(Outcome::Good))],
                edges: vec![(0, 1)],
                taken: vec![(0, 1)],
                recommended: vec![(0, 1)],
            }),
            draft: Reflection { prompt: "Safeguarding: who would you tell?".into(), ..Default::default() },
            notice: None,
            exported: None,
            can_resume: false,
        }
    }

    #[test]
    fn a_decision_shows_every_option_with_the_taken_one_marked() {
        let view = view(0);
        let harness = crate::harness(|ui| body(ui, &view));
        harness.get_by_label("2. Decline (the choice taken)");
        harness.get_by_label("1. Take it");
        harness.get_by_label("Red flag: Keeping it secret");
        harness.get_by_label("Feedback on Take it.");
        harness.get_all_by_label("Leads to the ending “A secret kept” (a poor outcome).").next().expect("where it led");
    }

    #[test]
    fn page_down_and_page_up_step_through() {
        let view = view(1);
        let mut harness = crate::harness(|ui| body(ui, &view));
        harness.key_press(egui::Key::PageDown);
        harness.run();
        assert_eq!(harness.state(), &Some(UiAction::Step(2)));
        let mut harness = crate::harness(|ui| body(ui, &view));
        harness.key_press(egui::Key::PageUp);
        harness.run();
        assert_eq!(harness.state(), &Some(UiAction::Step(0)));
    }

    #[test]
    fn the_end_shows_the_result_the_paths_and_a_reflection_to_save() {
        let view = view(2);
        let mut harness = crate::harness(|ui| body(ui, &view));
        harness.get_by_label("Sound · 70 out of 100");
        // The diagram has its paths in words for a screen reader.
        harness.get_by_label_contains("Your path: ");
        harness.get_by_label("Safeguarding: who would you tell?");
        harness.get_by_label("Save reflection").click();
        harness.run();
        assert_eq!(harness.state(), &Some(UiAction::Reflect(view.draft.clone())));
    }

    #[test]
    fn an_exported_report_is_confirmed_with_ways_to_open_it() {
        let mut view = view(2);
        view.notice = Some("Report saved to /data/reports/play.html".into());
        view.exported = Some("/data/reports/play.html".into());
        let mut harness = crate::harness(|ui| body(ui, &view));
        harness.get_by_label("Report saved to /data/reports/play.html");
        harness.get_by_label("Show in folder").click();
        harness.run();
        assert_eq!(harness.state(), &Some(UiAction::OpenFile("/data/reports".into())));
        let mut harness = crate::harness(|ui| body(ui, &view));
        harness.get_by_label("Open report").click();
        harness.run();
        assert_eq!(harness.state(), &Some(UiAction::OpenFile("/data/reports/play.html".into())));
    }
}
