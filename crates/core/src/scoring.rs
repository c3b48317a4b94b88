//! Rating a play against the principles, as situational-judgement tests are scored:
//! each decision is compared with the options that were actually on offer.
//!
//! For each principle `p` at stake at a decision (some offered choice scores it), the
//! chosen choice's score adds to `chosen(p)`, the best offered score to `best(p)` and
//! the worst to `worst(p)`; a choice that does not mention `p` counts 0. Then
//! `rating(p) = 100 · (chosen − worst) / (best − worst)`. A principle that was never
//! at stake, or where every option scored the same, is not rated. Each rating says how
//! many decisions it rests on (those where the options differed on it), and the
//! overall figure is the ratings' mean with each counted once for every decision it
//! rests on, so a principle touched once weighs once. The band is read from the
//! overall figure as shown (rounded to a whole number); a red flag makes it
//! [`Band::Unsafe`], or [`Band::PutRight`] if every red flag was put right later.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::catalogues::Catalogues;
use crate::scenario::{Choice, Node, Scenario, Scene, StateGraph};

/// What a result's figures are measured against, said once wherever they are shown.
pub const MEASURED_AGAINST: &str = "Each principle is rated from 0 (the weakest option every time) to 100 (the strongest) at the decisions where it was at stake; the overall figure averages them, each counted once for every decision it rests on.";

/// One decision taken: the choices on offer (in any order) and the one chosen.
#[derive(Debug, Clone, Copy)]
pub struct Taken<'s> {
    pub node: &'s str,
    pub offered: &'s [&'s Choice],
    pub chosen: &'s Choice,
}

/// How a play went on one principle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rating {
    pub principle: String,
    /// 0 (the worst options every time) to 100 (the best every time).
    pub rating: f64,
    pub chosen: i64,
    pub best: i64,
    pub worst: i64,
    /// How many decisions the rating rests on: those where the options on offer
    /// differed on this principle. Records written before this was kept say 0.
    #[serde(default)]
    pub decisions: u32,
}

impl Rating {
    /// A rating that rests on a single decision, in words rather than as a figure: a
    /// figure from one decision can only swing between its ends.
    pub fn verdict(&self) -> Option<&'static str> {
        let words = match self.rating {
            r if r >= 100.0 => "at stake once: the strongest option",
            r if r <= 0.0 => "at stake once: the weakest option",
            _ => "at stake once: neither the strongest nor the weakest option",
        };
        (self.decisions == 1).then_some(words)
    }

    /// How many decisions the rating rests on, in words.
    pub fn rests_on(&self) -> String {
        match self.decisions {
            0 => String::new(),
            1 => "1 decision".to_owned(),
            n => format!("{n} decisions"),
        }
    }
}

/// A line crossed during a play.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RedFlag {
    pub node: String,
    pub choice: String,
    /// What was done, in the author's words.
    pub line: String,
    /// Why, and what to do instead.
    pub feedback: Option<String>,
    /// The red line crossed (an id from the catalogue); none in older records.
    #[serde(default)]
    pub red_line: Option<String>,
    /// Whether a later choice put it right (a `repairs` of a flag this choice set).
    #[serde(default)]
    pub put_right: bool,
}

/// How a red flag is named wherever it is shown: the line crossed, by its name in the
/// red lines catalogue when it has one, then what was done (`what`, the author's words).
#[must_use]
pub fn crossed(what: &str, red_line: Option<&str>, catalogues: &Catalogues) -> String {
    match red_line.and_then(|id| catalogues.red_line(id)) {
        Some(line) => format!("{}: {what}", line.name),
        None => what.to_owned(),
    }
}

impl RedFlag {
    /// How every result names a red flag: the line crossed, by its name in the red
    /// lines catalogue when it has one, then what was done.
    #[must_use]
    pub fn headline(&self, catalogues: &Catalogues) -> String {
        crossed(&self.line, self.red_line.as_deref(), catalogues)
    }

    /// Whether it was put right, in words: a red flag is never hidden, a repair is
    /// shown beside it.
    #[must_use]
    pub fn standing(&self) -> &'static str {
        if self.put_right { "Put right later in this play." } else { "Not put right in this play." }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Band {
    Exemplary,
    Sound,
    Developing,
    Concerning,
    /// Every line crossed was put right later in the play: the line, the repair and the
    /// advice to talk it through are all shown.
    PutRight,
    /// A red flag was raised and not put right, whatever the numbers.
    Unsafe,
    /// No principle was at stake on this path.
    Unrated,
}

impl Band {
    pub fn from_overall(overall: f64) -> Band {
        match overall {
            o if o >= 85.0 => Band::Exemplary,
            o if o >= 65.0 => Band::Sound,
            o if o >= 40.0 => Band::Developing,
            _ => Band::Concerning,
        }
    }

    /// The band of an overall figure as a player sees it, rounded to a whole number:
    /// 64.6 shows as 65 and is read as 65, so two plays both shown as 65 share a band.
    pub fn of_figure_shown(overall: f64) -> Band {
        Band::from_overall(overall.round())
    }

    /// What the band means, for a player.
    pub fn meaning(self) -> &'static str {
        match self {
            Band::Exemplary => "You chose as an experienced worker would at almost every turn.",
            Band::Sound => "Mostly good judgement, with a few choices worth another look.",
            Band::Developing => {
                "Some choices put the person or you at risk of harm or upset; look again at the feedback."
            }
            Band::Concerning => {
                "Many choices worked against the principles; go through the feedback with your supervisor."
            }
            Band::PutRight => {
                "A choice crossed a line, and you put it right. Owning up early is what turns a mistake into learning: talk it through with your supervisor."
            }
            Band::Unsafe => "A choice crossed a line that must not be crossed. Talk it through with your supervisor.",
            Band::Unrated => "No principle was at stake on this path.",
        }
    }

    /// Bands in order from best to worst, for ranking a player's plays.
    pub fn rank(self) -> u8 {
        match self {
            Band::Exemplary => 0,
            Band::Sound => 1,
            Band::Developing => 2,
            Band::Concerning => 3,
            Band::PutRight => 4,
            Band::Unsafe => 5,
            Band::Unrated => 6,
        }
    }
}

impl fmt::Display for Band {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Band::PutRight => f.write_str("Put right"),
            other => fmt::Debug::fmt(other, f),
        }
    }
}

/// The result of a play.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// In catalogue order.
    pub ratings: Vec<Rating>,
    /// The ratings' mean, each weighted by the decisions it rests on.
    pub overall: Option<f64>,
    pub band: Band,
    pub red_flags: Vec<RedFlag>,
}

/// Rates a path of decisions.
pub fn assess(path: &[Taken<'_>], catalogues: &Catalogues) -> Assessment {
    // (principle, chosen, best, worst, decisions where the options differed), in first-seen order.
    let mut sums: Vec<(&str, i64, i64, i64, u32)> = Vec::new();
    let mut red_flags: Vec<RedFlag> = Vec::new();
    // The flags each red flag's choice set, in step with `red_flags`.
    let mut red_flag_sets: Vec<&Vec<String>> = Vec::new();
    for taken in path {
        let mut at_stake: Vec<&str> = Vec::new();
        for choice in taken.offered {
            for (p, _) in choice.scores.iter() {
                if !at_stake.contains(&p) {
                    at_stake.push(p);
                }
            }
        }
        for p in at_stake {
            let scores = taken.offered.iter().map(|c| c.score(p));
            let (best, worst) = scores.fold((i64::MIN, i64::MAX), |(hi, lo), s| (hi.max(s), lo.min(s)));
            let entry = match sums.iter().position(|s| s.0 == p) {
                Some(i) => &mut sums[i],
                None => {
                    sums.push((p, 0, 0, 0, 0));
                    sums.last_mut().expect("just pushed")
                }
            };
            entry.1 += taken.chosen.score(p);
            entry.2 += best;
            entry.3 += worst;
            entry.4 += u32::from(best > worst);
        }
        // A repair puts right the earlier red flags whose choices set the flag it names.
        for (flag, sets) in red_flags.iter_mut().zip(&red_flag_sets) {
            if taken.chosen.repairs.iter().any(|r| sets.contains(r)) {
                flag.put_right = true;
            }
        }
        if let Some(line) = &taken.chosen.red_flag {
            red_flags.push(RedFlag {
                node: taken.node.to_owned(),
                choice: taken.chosen.id.clone(),
                line: line.clone(),
                feedback: taken.chosen.feedback.clone(),
                red_line: taken.chosen.red_line.clone(),
                put_right: false,
            });
            red_flag_sets.push(&taken.chosen.sets);
        }
    }
    sums.sort_by_key(|s| catalogues.principle_rank(s.0));
    let ratings: Vec<Rating> = sums
        .into_iter()
        .filter(|&(_, _, best, worst, _)| best > worst)
        .map(|(p, chosen, best, worst, decisions)| Rating {
            principle: p.to_owned(),
            rating: 100.0 * (chosen - worst) as f64 / (best - worst) as f64,
            chosen,
            best,
            worst,
            decisions,
        })
        .collect();
    let weight: u32 = ratings.iter().map(|r| r.decisions).sum();
    let overall = (weight > 0)
        .then(|| ratings.iter().map(|r| r.rating * f64::from(r.decisions)).sum::<f64>() / f64::from(weight));
    let band = match overall {
        _ if red_flags.iter().any(|f| !f.put_right) => Band::Unsafe,
        _ if !red_flags.is_empty() => Band::PutRight,
        Some(overall) => Band::of_figure_shown(overall),
        None => Band::Unrated,
    };
    Assessment { ratings, overall, band, red_flags }
}

/// What authors and the result screen need to know about a valid scenario as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// The range of totals per principle, in catalogue order.
    pub totals: Vec<Range>,
    /// The recommended path as (node id, choice id) pairs.
    pub recommended: Vec<(String, String)>,
    /// The ending the recommended path reaches.
    pub recommended_ending: Option<String>,
}

impl Analysis {
    pub fn of(graph: &StateGraph<'_>, catalogues: &Catalogues) -> Analysis {
        let (path, ending) = recommended_path(graph);
        Analysis {
            totals: path_totals(graph, catalogues),
            recommended: path.into_iter().map(|(n, c)| (n.to_owned(), c.to_owned())).collect(),
            recommended_ending: ending.map(str::to_owned),
        }
    }
}

/// The lowest and highest total a principle can reach over all complete plays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Range {
    pub principle: String,
    pub lowest: i64,
    pub highest: i64,
}

/// For each principle the scenario scores (in catalogue order), the lowest and highest
/// total over every complete path, respecting flags. Expects a valid scenario.
pub fn path_totals(graph: &StateGraph<'_>, catalogues: &Catalogues) -> Vec<Range> {
    let scenario = graph.scenario();
    let mut principles = scenario.scored_principles();
    principles.sort_by_key(|p| catalogues.principle_rank(p));
    // For each state, (lowest, highest) per principle from there to an ending.
    let mut best: Vec<Option<Vec<(i64, i64)>>> = vec![None; graph.states.len()];
    for state in graph.post_order() {
        let totals = match scenario.nodes.at(graph.states[state].node).1 {
            Node::Ending(_) => Some(vec![(0, 0); principles.len()]),
            Node::Scene(scene) => {
                let mut totals: Option<Vec<(i64, i64)>> = None;
                for edge in &graph.edges[state] {
                    let Some(after) = &best[edge.to] else {
                        continue;
                    };
                    let choice = &scene.choices[edge.choice];
                    let here =
                        principles.iter().zip(after).map(|(p, (lo, hi))| (lo + choice.score(p), hi + choice.score(p)));
                    totals = Some(match totals {
                        None => here.collect(),
                        Some(t) => t.iter().zip(here).map(|(a, b)| (a.0.min(b.0), a.1.max(b.1))).collect(),
                    });
                }
                totals
            }
        };
        best[state] = totals;
    }
    let Some(Some(start)) = best.first() else {
        return Vec::new();
    };
    principles
        .iter()
        .zip(start)
        .map(|(p, &(lowest, highest))| Range { principle: (*p).to_owned(), lowest, highest })
        .collect()
}

/// The recommended choice among those offered at a scene (given by their place in the
/// scene's list): the highest total score, the first listed on a tie. The one rule
/// every screen, report and path uses.
pub fn recommended_choice(scene: &Scene, offered: impl IntoIterator<Item = usize>) -> Option<usize> {
    let mut offered: Vec<usize> = offered.into_iter().filter(|&i| i < scene.choices.len()).collect();
    offered.sort_unstable();
    offered.into_iter().rev().max_by_key(|&i| scene.choices[i].total())
}

/// The recommended way through: from the start, at each decision the offered choice
/// with the highest total score (the first listed on a tie; see [`recommended_choice`]). Returns the (node, choice)
/// ids taken and the ending reached. Expects a valid scenario.
pub fn recommended_path<'s>(graph: &StateGraph<'s>) -> (Vec<(&'s str, &'s str)>, Option<&'s str>) {
    let scenario: &'s Scenario = graph.scenario();
    let mut path = Vec::new();
    let mut state = 0;
    while state < graph.states.len() {
        let (id, node) = scenario.nodes.at(graph.states[state].node);
        let Node::Scene(scene) = node else {
            return (path, Some(id));
        };
        let edges = &graph.edges[state];
        let Some(choice) = recommended_choice(scene, edges.iter().map(|e| e.choice)) else { break };
        let Some(to) = edges.iter().find(|e| e.choice == choice).map(|e| e.to) else { break };
        path.push((id, scene.choices[choice].id.as_str()));
        state = to;
        if path.len() > scenario.nodes.len() {
            break; // only a scenario with a cycle gets here
        }
    }
    (path, None)
}
