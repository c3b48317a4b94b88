//! What a report shows, worked out in Rust so the templates only lay it out.

use jiff::tz::TimeZone;
use serde::Serialize;

use crate::catalogues::Catalogues;
use crate::play::Replay;
use crate::play::replay::{ReplayOption, outcome_words};
use crate::scoring::crossed;

#[derive(Serialize)]
pub(super) struct ReportView {
    title: String,
    scenario: String,
    date: String,
    player: Option<String>,
    finished: bool,
    warning: Option<String>,
    band: Option<String>,
    band_meaning: Option<String>,
    overall: Option<String>,
    ratings: Vec<RatingView>,
    /// What the ratings are measured against.
    measured: &'static str,
    /// Height of the ratings chart in pixels.
    chart_height: usize,
    steps: Vec<StepView>,
    red_flags: Vec<RedFlagView>,
    ending: Option<EndingView>,
    takeaways: Vec<String>,
    reflection: Option<ReflectionView>,
}

#[derive(Serialize)]
struct RatingView {
    name: String,
    rating: String,
    colour: String,
    /// Bar width in the chart, out of 300.
    width: f64,
    /// Top of the bar in the chart.
    y: usize,
    /// "3 decisions", or empty for records kept before this was counted.
    rests_on: String,
    /// The verdict in words for a rating that rests on one decision.
    verdict: Option<&'static str>,
}

#[derive(Serialize)]
struct StepView {
    number: usize,
    speaker: Option<String>,
    text: String,
    prompt: String,
    taken: Option<OptionView>,
    others: Vec<OptionView>,
    seconds: String,
    confidence: Option<u8>,
}

#[derive(Serialize)]
struct OptionView {
    text: String,
    votes: Option<u32>,
    changes: String,
    feedback: Option<String>,
    guide: String,
    red_flag: Option<String>,
    leads_to: String,
}

#[derive(Serialize)]
struct RedFlagView {
    line: String,
    /// Whether it was put right, in words.
    standing: &'static str,
    feedback: Option<String>,
}

#[derive(Serialize)]
struct EndingView {
    title: String,
    text: String,
    outcome: String,
}

#[derive(Serialize)]
struct ReflectionView {
    prompt: String,
    went_well: String,
    do_differently: String,
    into_practice: String,
}

const BAR_HEIGHT: usize = 26;

impl ReportView {
    pub(super) fn new(replay: &Replay, catalogues: &Catalogues, zone: &TimeZone) -> ReportView {
        let record = &replay.record;
        let result = record.result.as_ref();
        let name = |id: &str| catalogues.principle(id).map_or(id.to_owned(), |p| p.name.clone());
        let ratings: Vec<RatingView> = result
            .map(|r| {
                r.ratings
                    .iter()
                    .enumerate()
                    .map(|(i, rating)| RatingView {
                        name: name(&rating.principle),
                        rating: format!("{:.0}", rating.rating),
                        colour: catalogues
                            .principle(&rating.principle)
                            .map_or("#777777".to_owned(), |p| p.colour.clone()),
                        width: (rating.rating * 3.0).round(),
                        rests_on: rating.rests_on(),
                        verdict: rating.verdict(),
                        y: i * BAR_HEIGHT,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let option = |o: &ReplayOption| OptionView {
            text: o.label(),
            votes: o.votes,
            changes: o
                .scores
                .iter()
                .map(|(p, s)| format!("{}{} {}", if *s < 0 { "−" } else { "+" }, s.abs(), name(p)))
                .collect::<Vec<_>>()
                .join(", "),
            feedback: o.feedback.clone(),
            guide: o
                .guide
                .iter()
                .map(|g| catalogues.section(g).map_or(g.clone(), |s| s.title.clone()))
                .collect::<Vec<_>>()
                .join("; "),
            red_flag: o.red_flag.as_deref().map(|what| crossed(what, o.red_line.as_deref(), catalogues)),
            leads_to: o.leads_to.sentence(),
        };
        ReportView {
            title: record.scenario_title.clone(),
            scenario: record.scenario.clone(),
            date: record.started.to_zoned_datetime(zone.clone()).strftime("%-d %B %Y, %H:%M").to_string(),
            player: record.who(),
            finished: record.is_finished(),
            warning: replay.warning.clone(),
            band: result.map(|r| r.band.to_string()),
            band_meaning: result.map(|r| r.band.meaning().to_owned()),
            overall: result.and_then(|r| r.overall).map(|o| format!("{o:.0}")),
            chart_height: ratings.len() * BAR_HEIGHT,
            measured: crate::scoring::MEASURED_AGAINST,
            ratings,
            steps: replay
                .steps
                .iter()
                .map(|step| StepView {
                    number: step.number,
                    speaker: step.speaker.as_ref().map(|(name, role)| format!("{name} ({role})")),
                    text: step.text.clone(),
                    prompt: step.prompt.clone(),
                    taken: step.taken().map(option),
                    others: step.options.iter().filter(|o| !o.taken).map(option).collect(),
                    seconds: format!("{:.0}", step.seconds),
                    confidence: step.confidence,
                })
                .collect(),
            red_flags: result
                .map(|r| {
                    r.red_flags
                        .iter()
                        .map(|f| RedFlagView {
                            line: f.headline(catalogues),
                            standing: f.standing(),
                            feedback: f.feedback.clone(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            ending: replay.ending.as_ref().map(|e| EndingView {
                title: e.title.clone(),
                text: e.text.clone(),
                outcome: outcome_words(e.outcome).to_owned(),
            }),
            takeaways: replay.ending.as_ref().map(|e| e.takeaways.clone()).unwrap_or_default(),
            reflection: record.reflection.as_ref().filter(|r| !r.is_empty()).map(|r| ReflectionView {
                prompt: r.prompt.clone(),
                went_well: r.went_well.clone(),
                do_differently: r.do_differently.clone(),
                into_practice: r.into_practice.clone(),
            }),
        }
    }
}
