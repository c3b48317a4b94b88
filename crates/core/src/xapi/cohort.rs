//! The cohort, from statements read back from the LRS: how many plays, the spread of
//! bands, each principle's ratings across players, and each decision's split, for
//! solo plays and group sessions apart. What a trainer plans the next session from.

use std::collections::{BTreeMap, HashSet};

use super::model::Statement;
use super::statements::IRI;

/// Solo plays or group sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Who {
    Solo,
    Groups,
}

/// One principle's ratings across the plays that rated it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Spread {
    pub plays: usize,
    pub mean: f64,
    pub lowest: f64,
    pub highest: f64,
}

/// One part of the cohort (solo or groups).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Part {
    /// Plays started, and finished.
    pub started: usize,
    pub finished: usize,
    /// Finished plays per band, as the band is named.
    pub bands: BTreeMap<String, usize>,
    /// Per principle id.
    pub principles: BTreeMap<String, Spread>,
    /// Per decision (its activity id): how many plays took each choice.
    pub decisions: BTreeMap<String, BTreeMap<String, usize>>,
}

fn extension<'s>(statement: &'s Statement, name: &str) -> Option<&'s serde_json::Value> {
    statement.result.as_ref()?.extensions.get(&format!("{IRI}/extensions/{name}"))
}

/// Builds the cohort from statements (any order; a statement seen twice counts once).
pub fn cohort(statements: &[Statement]) -> BTreeMap<Who, Part> {
    let mut parts: BTreeMap<Who, Part> = BTreeMap::new();
    let mut seen = HashSet::new();
    let mut ratings: BTreeMap<(Who, String), Vec<f64>> = BTreeMap::new();
    for statement in statements {
        if !seen.insert(statement.id.as_str()) {
            continue;
        }
        let who = if statement.actor.object_type == "Group" { Who::Groups } else { Who::Solo };
        let part = parts.entry(who).or_default();
        match statement.verb.id.rsplit('/').next() {
            Some("initialized") => part.started += 1,
            Some("answered") => {
                if let Some(response) = statement.result.as_ref().and_then(|r| r.response.clone()) {
                    *part.decisions.entry(statement.object.id.clone()).or_default().entry(response).or_default() += 1;
                }
            }
            Some("completed") => {
                part.finished += 1;
                if let Some(band) = extension(statement, "band").and_then(|b| b.as_str()) {
                    *part.bands.entry(band.to_owned()).or_default() += 1;
                }
                for rating in extension(statement, "ratings").and_then(|r| r.as_array()).into_iter().flatten() {
                    if let (Some(principle), Some(value)) = (rating["principle"].as_str(), rating["rating"].as_f64()) {
                        ratings.entry((who, principle.to_owned())).or_default().push(value);
                    }
                }
            }
            _ => {}
        }
    }
    for ((who, principle), values) in ratings {
        let n = values.len();
        let spread = Spread {
            plays: n,
            mean: values.iter().sum::<f64>() / n as f64,
            lowest: values.iter().copied().fold(f64::INFINITY, f64::min),
            highest: values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        };
        parts.entry(who).or_default().principles.insert(principle, spread);
    }
    parts
}

/// A decision's choices, most chosen first (then by id, so the order is stable).
pub fn most_chosen_first(split: &BTreeMap<String, usize>) -> Vec<(&str, usize)> {
    let mut choices: Vec<(&str, usize)> = split.iter().map(|(id, n)| (id.as_str(), *n)).collect();
    choices.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    choices
}

/// A choice as the cohort shows it: (text, plays, recommended).
pub type ChoiceSplit = (String, usize, bool);

/// One part of a scenario's cohort, worded for the terminal and the screen alike.
#[derive(Debug, Clone, PartialEq)]
pub struct PartView {
    /// "Solo plays" or "Group sessions".
    pub who: &'static str,
    /// "12 started, 9 finished. Bands: Sound 4, Developing 3, Put right 2."
    pub summary: String,
    /// (principle's name, plays, mean, lowest, highest), in the catalogue's order.
    pub principles: Vec<(String, usize, f64, f64, f64)>,
    /// Each decision in the story's order: its prompt, and its choices most chosen
    /// first as (text, plays, recommended).
    pub decisions: Vec<(String, Vec<ChoiceSplit>)>,
}

/// A scenario's cohort as shown: its title and its parts.
pub fn present(
    scenario: &crate::scenario::Scenario,
    catalogues: &crate::catalogues::Catalogues,
    parts: &BTreeMap<Who, Part>,
) -> Vec<PartView> {
    use crate::scoring::recommended_choice;

    parts
        .iter()
        .map(|(who, part)| {
            let bands: Vec<String> = part.bands.iter().map(|(band, n)| format!("{band} {n}")).collect();
            let bands = if bands.is_empty() { String::new() } else { format!(" Bands: {}.", bands.join(", ")) };
            let mut principles: Vec<(String, usize, f64, f64, f64)> = part
                .principles
                .iter()
                .map(|(id, s)| (catalogues.principle_name(id).to_owned(), s.plays, s.mean, s.lowest, s.highest))
                .collect();
            principles.sort_by_key(|(name, ..)| {
                catalogues.principles.iter().position(|p| &p.name == name).unwrap_or(usize::MAX)
            });
            let decisions = scenario
                .scenes()
                .filter_map(|(node, scene)| {
                    let split = part.decisions.get(&format!("{IRI}/scenarios/{}/{node}", scenario.id))?;
                    let recommended =
                        recommended_choice(scene, 0..scene.choices.len()).map(|i| scene.choices[i].id.as_str());
                    let choices = most_chosen_first(split)
                        .into_iter()
                        .map(|(id, n)| {
                            let text = scene.choices.iter().find(|c| c.id == id).map_or(id, |c| c.text.as_str());
                            (text.to_owned(), n, recommended == Some(id))
                        })
                        .collect();
                    Some((scene.prompt().to_owned(), choices))
                })
                .collect();
            PartView {
                who: if *who == Who::Groups { "Group sessions" } else { "Solo plays" },
                summary: format!("{} started, {} finished.{bands}", part.started, part.finished),
                principles,
                decisions,
            }
        })
        .collect()
}

/// Statements grouped by the scenario they are about (from their activity ids).
pub fn by_scenario(statements: Vec<Statement>) -> BTreeMap<String, Vec<Statement>> {
    let prefix = format!("{IRI}/scenarios/");
    let mut groups: BTreeMap<String, Vec<Statement>> = BTreeMap::new();
    for statement in statements {
        let id =
            statement.object.id.strip_prefix(&prefix).and_then(|rest| rest.split('/').next()).map(ToOwned::to_owned);
        if let Some(id) = id {
            groups.entry(id).or_default().push(statement);
        }
    }
    groups
}
