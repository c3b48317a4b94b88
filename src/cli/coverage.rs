//! `boundaries coverage`: which guide sections and principles the library draws on,
//! which areas of practice (topics) its scenarios are about, and which are still thin.

use std::process::ExitCode;

use super::{print_table, row, table};
use boundaries_core::catalogues::Catalogues;
use boundaries_core::library::Library;

pub(super) fn run(library: &Library, catalogues: &Catalogues) -> ExitCode {
    let scenarios = &library.scenarios;

    say!("Guide sections cited by each scenario's choices:\n");
    let mut sections = table(&["guide section", "scenarios"]);
    let mut uncovered_sections = Vec::new();
    for section in &catalogues.guide {
        let citing: Vec<&str> = scenarios
            .iter()
            .filter(|s| s.scenario.cited_sections().contains(&section.id.as_str()))
            .map(|s| s.scenario.id.as_str())
            .collect();
        if citing.is_empty() {
            uncovered_sections.push(section.title.as_str());
        }
        sections.add_row(row(vec![section.title.clone(), or_gap(&citing)]));
    }
    print_table(&sections);
    say!();

    say!("Principles scored by each scenario's choices:\n");
    let mut principles = table(&["principle", "scenarios"]);
    let mut uncovered_principles = Vec::new();
    for principle in &catalogues.principles {
        let scoring: Vec<&str> = scenarios
            .iter()
            .filter(|s| s.scenario.scored_principles().contains(&principle.id.as_str()))
            .map(|s| s.scenario.id.as_str())
            .collect();
        if scoring.is_empty() {
            uncovered_principles.push(principle.name.as_str());
        }
        principles.add_row(row(vec![principle.name.clone(), or_gap(&scoring)]));
    }
    print_table(&principles);
    say!();

    say!(
        "{} of {} guide sections and {} of {} principles are covered by {} scenario{}.",
        catalogues.guide.len() - uncovered_sections.len(),
        catalogues.guide.len(),
        catalogues.principles.len() - uncovered_principles.len(),
        catalogues.principles.len(),
        scenarios.len(),
        if scenarios.len() == 1 { "" } else { "s" },
    );
    if !uncovered_sections.is_empty() {
        say!("Not covered yet: {}.", uncovered_sections.join("; "));
    }
    if !uncovered_principles.is_empty() {
        say!("Principles not scored yet: {}.", uncovered_principles.join("; "));
    }
    say!();
    topics(library, catalogues);
    ExitCode::SUCCESS
}

/// Fewer scenarios than this about an area of practice, and it is thin.
const THIN: usize = 2;

/// The second axis: the areas of practice, and the scenarios at whose heart each is.
fn topics(library: &Library, catalogues: &Catalogues) {
    say!("Areas of practice at the heart of each scenario:\n");
    let mut areas = table(&["area of practice", "scenarios"]);
    let (mut missing, mut thin) = (Vec::new(), Vec::new());
    for topic in &catalogues.topics {
        let about: Vec<&str> = library
            .scenarios
            .iter()
            .filter(|s| s.scenario.topics.contains(&topic.id))
            .map(|s| s.scenario.id.as_str())
            .collect();
        match about.len() {
            0 => missing.push(topic.name.as_str()),
            n if n < THIN => thin.push(topic.name.as_str()),
            _ => {}
        }
        areas.add_row(row(vec![topic.name.clone(), or_gap(&about)]));
    }
    print_table(&areas);
    say!();
    say!(
        "{} of {} areas of practice are covered; {} by only one scenario.",
        catalogues.topics.len() - missing.len(),
        catalogues.topics.len(),
        thin.len()
    );
    if !missing.is_empty() {
        say!("No scenario yet: {}.", missing.join("; "));
    }
    if !thin.is_empty() {
        say!("Thin (one scenario): {}.", thin.join("; "));
    }
    let untagged: Vec<&str> =
        library.scenarios.iter().filter(|s| s.scenario.topics.is_empty()).map(|s| s.scenario.id.as_str()).collect();
    if !untagged.is_empty() {
        say!("Scenarios naming no area of practice: {}.", untagged.join(", "));
    }
}

fn or_gap(ids: &[&str]) -> String {
    if ids.is_empty() { "— none yet".to_owned() } else { ids.join(", ") }
}
