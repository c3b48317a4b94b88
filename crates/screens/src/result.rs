//! The result of a play: the band, a bar per principle, red flags and why, the path
//! taken beside the recommended one, the feedback (all of it, when it was kept for
//! the end) and the takeaways.

use boundaries_core::catalogues::Catalogues;
use boundaries_core::play::{Current, Playthrough, playthrough::resolve};
use boundaries_core::scenario::Node;
use boundaries_core::scoring::Band;
use boundaries_core::settings::FeedbackTiming;
use boundaries_core::text::shorten;

use boundaries_core::scoring::MEASURED_AGAINST;

use crate::action::UiAction;
use crate::nav::Screen;
use crate::pressed;
use crate::theme::Palette;
use crate::widgets::{
    RatingView, band_colour, button, callout, focus_by_default, rating_row, rating_views, wide_button,
};

/// One decision's feedback, for the result screen.
pub struct Step {
    pub chosen: String,
    pub feedback: Option<String>,
}

pub struct View {
    pub title: String,
    pub ending: String,
    pub band: Band,
    pub overall: Option<f64>,
    /// (principle name, rating, colour)
    pub ratings: Vec<RatingView>,
    /// (the line crossed, whether it was put right in words, why)
    pub red_flags: Vec<(String, &'static str, Option<String>)>,
    /// The choices taken, shortened.
    pub taken: Vec<String>,
    /// The recommended choices, shortened.
    pub recommended: Vec<String>,
    pub takeaways: Vec<String>,
    /// Every decision's feedback, shown when feedback was kept for the end.
    pub steps: Vec<Step>,
    pub show_steps: bool,
}

impl View {
    /// The result of a finished play, beside the scenario's `recommended` path.
    pub fn of(
        play: &Playthrough,
        feedback: FeedbackTiming,
        recommended: &[(String, String)],
        catalogues: &Catalogues,
    ) -> Option<View> {
        let scenario = play.scenario();
        let Current::Ending { ending, .. } = play.current() else { return None };
        let assessment = play.assessment(catalogues);
        let choice_text = |node: &str, choice: &str| match scenario.node(node) {
            Some(Node::Scene(scene)) => {
                scene.choices.iter().find(|c| c.id == choice).map_or(choice.to_owned(), |c| shorten(&c.text, 90))
            }
            _ => choice.to_owned(),
        };
        let steps: Vec<Step> = play
            .decisions()
            .iter()
            .filter_map(|d| resolve(scenario, d))
            .map(|(_, _, chosen)| Step { chosen: chosen.text.clone(), feedback: chosen.feedback.clone() })
            .collect();
        let recommended = recommended.iter().map(|(n, c)| choice_text(n, c)).collect();
        Some(View {
            title: scenario.title.clone(),
            ending: format!("{}: {}", ending.title, ending.text),
            band: assessment.band,
            overall: assessment.overall,
            ratings: rating_views(&assessment.ratings, catalogues),
            red_flags: assessment
                .red_flags
                .iter()
                .map(|f| (f.headline(catalogues), f.standing(), f.feedback.clone()))
                .collect(),
            taken: play.decisions().iter().map(|d| choice_text(&d.node, &d.chosen)).collect(),
            recommended,
            takeaways: ending.takeaways.clone(),
            steps,
            show_steps: feedback == FeedbackTiming::AtTheEnd,
        })
    }
}

#[must_use]
pub fn body(ui: &mut egui::Ui, view: &View) -> Option<UiAction> {
    let palette = Palette::current(ui.ctx());
    let mut action = None;
    ui.label(egui::RichText::new(&view.title).size(20.0).color(palette.muted));
    let overall = view.overall.map(|o| format!(" · {o:.0} out of 100")).unwrap_or_default();
    ui.label(
        egui::RichText::new(format!("{}{overall}", view.band))
            .size(40.0)
            .strong()
            .color(band_colour(view.band, palette)),
    );
    ui.label(egui::RichText::new(view.band.meaning()).size(19.0));
    ui.label(egui::RichText::new(&view.ending).color(palette.muted));
    ui.add_space(10.0);

    ui.label(egui::RichText::new("Where you stand on each principle").strong());
    ui.label(egui::RichText::new(MEASURED_AGAINST).small().color(palette.muted));
    for rating in &view.ratings {
        rating_row(ui, rating);
    }

    if !view.red_flags.is_empty() {
        ui.add_space(8.0);
        callout(ui, palette.danger, |ui| {
            ui.label(egui::RichText::new("Red flags").strong().color(palette.danger));
            for (line, standing, why) in &view.red_flags {
                ui.label(egui::RichText::new(line).strong());
                ui.label(egui::RichText::new(*standing).italics());
                if let Some(why) = why {
                    ui.label(why);
                }
            }
            ui.label("Talk these through with your supervisor.");
        });
    }

    ui.add_space(8.0);
    ui.columns(2, |columns| {
        for (column, (heading, steps)) in
            columns.iter_mut().zip([("Your path", &view.taken), ("Recommended path", &view.recommended)])
        {
            column.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
                ui.label(egui::RichText::new(heading).strong());
                for (i, step) in steps.iter().enumerate() {
                    ui.label(format!("{}. {step}", i + 1));
                }
            });
        }
    });

    if view.show_steps && !view.steps.is_empty() {
        ui.add_space(8.0);
        ui.label(egui::RichText::new("Feedback on your choices").strong());
        for step in &view.steps {
            ui.label(egui::RichText::new(&step.chosen).italics());
            if let Some(feedback) = &step.feedback {
                ui.label(feedback);
            }
        }
    }

    if !view.takeaways.is_empty() {
        ui.add_space(8.0);
        ui.label(egui::RichText::new("To take away").strong());
        for takeaway in &view.takeaways {
            ui.label(format!("• {takeaway}"));
        }
    }
    ui.add_space(12.0);
    let again = wide_button(ui, None, "Play again");
    focus_by_default(ui, &again);
    if again.clicked() {
        action = Some(UiAction::Start);
    }
    if button(ui, "Replay and reflect").clicked() {
        action = Some(UiAction::ReflectOnPlay);
    }
    if button(ui, "Back to the library").clicked() || pressed(ui, egui::Key::Escape) {
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
            ending: "Handed in: Sam returns the envelope.".into(),
            band: Band::Unsafe,
            overall: Some(42.0),
            ratings: vec![
                RatingView {
                    name: "Safeguarding".into(),
                    rating: 67.0,
                    colour: egui::Color32::RED,
                    rests_on: "3 decisions".into(),
                    verdict: None,
                },
                RatingView {
                    name: "Teamwork".into(),
                    rating: 0.0,
                    colour: egui::Color32::BLUE,
                    rests_on: "1 decision".into(),
                    verdict: Some("at stake once: the weakest option"),
                },
            ],
            red_flags: vec![(
                "Exploiting or profiting from the person: Accepting money".into(),
                "Put right later in this play.",
                Some("Money is never yours to keep.".into()),
            )],
            taken: vec!["Take it".into()],
            recommended: vec!["Decline warmly".into()],
            takeaways: vec!["Say so quickly.".into()],
            steps: vec![Step { chosen: "Take it".into(), feedback: Some("Money is never yours to keep.".into()) }],
            show_steps: false,
        }
    }

    #[test]
    fn shows_band_bars_red_flags_paths_and_takeaways() {
        let view = view();
        let mut harness = crate::harness(|ui| body(ui, &view));
        harness.get_by_label("Unsafe · 42 out of 100");
        harness.get_by_label("Safeguarding: 67 out of 100, over 3 decisions");
        harness.get_by_label("3 decisions");
        // A principle resting on one decision is its verdict in words, not a 0 bar.
        harness.get_by_label("at stake once: the weakest option");
        assert!(harness.query_by_label_contains("Teamwork: 0").is_none());
        harness.get_by_label("Teamwork");
        harness.get_by_label(MEASURED_AGAINST);
        harness.get_by_label("Exploiting or profiting from the person: Accepting money");
        harness.get_by_label("Put right later in this play.");
        harness.get_by_label("1. Take it");
        harness.get_by_label("1. Decline warmly");
        harness.get_by_label("• Say so quickly.");
        harness.get_by_label("Play again").click();
        harness.run();
        assert_eq!(harness.state(), &Some(UiAction::Start));
    }
}
