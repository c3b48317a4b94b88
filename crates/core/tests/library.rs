//! The shipped library: every scenario loads with no errors or warnings, every
//! ending can be reached by playing, and the library as a whole covers the guide.

mod common;

use std::path::PathBuf;

use boundaries_core::library::Library;
use boundaries_core::play::{Current, PlayOptions, Playthrough};
use boundaries_core::scenario::StateGraph;
use common::catalogues;

fn shipped() -> Library {
    Library::load(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scenarios")], &catalogues())
}

#[test]
fn every_shipped_scenario_validates_cleanly() {
    let library = shipped();
    let diagnostics: Vec<String> = library.diagnostics().iter().map(ToString::to_string).collect();
    assert!(diagnostics.is_empty(), "{}", diagnostics.join("\n"));
    assert!(library.scenarios.len() >= 15, "only {} scenarios loaded", library.scenarios.len());
}

#[test]
fn every_ending_of_every_scenario_can_be_played_to() {
    let library = shipped();
    for loaded in &library.scenarios {
        let scenario = &loaded.scenario;
        let graph = StateGraph::explore(scenario);
        let paths = graph.paths_to_endings();
        assert_eq!(paths.len(), scenario.endings().count(), "{}: every ending is reachable", scenario.id);
        for (ending, choices) in paths {
            let mut play = Playthrough::start(scenario.clone(), PlayOptions { seed: 1, ..Default::default() }).unwrap();
            for choice in &choices {
                play.choose(choice, None).unwrap_or_else(|e| panic!("{}: {e}", scenario.id));
            }
            let Current::Ending { id, .. } = play.current() else { panic!("{}: {choices:?} did not end", scenario.id) };
            assert_eq!(id, ending, "{}", scenario.id);
            assert!(play.record(&catalogues()).result.is_some());
        }
    }
}

/// The rules every shipped scenario is held to, so that a new one cannot quietly
/// fall short: real decisions and endings, consequences, a grey area and a red line,
/// feedback and guide references everywhere, notes for trainers at every decision.
#[test]
fn every_scenario_meets_the_library_rules() {
    use boundaries_core::scenario::Outcome;
    let library = shipped();
    let mut failures = Vec::new();
    for loaded in &library.scenarios {
        let s = &loaded.scenario;
        let mut fail = |rule: String| failures.push(format!("{}: {rule}", s.id));
        if s.scenes().count() < 3 {
            fail("needs at least three decisions".into());
        }
        if s.topics.is_empty() {
            fail("needs `topics`: the areas of practice at its heart".into());
        }
        let outcomes: Vec<Outcome> = s.endings().map(|(_, e)| e.outcome).collect();
        if outcomes.len() < 3 || [Outcome::Good, Outcome::Mixed, Outcome::Poor].iter().any(|o| !outcomes.contains(o)) {
            fail(format!("needs at least three endings covering Good, Mixed and Poor; has {outcomes:?}"));
        }
        let choices: Vec<(&str, &boundaries_core::scenario::Choice)> =
            s.scenes().flat_map(|(id, scene)| scene.choices.iter().map(move |c| (id, c))).collect();
        if !choices.iter().any(|(_, c)| c.scores.iter().any(|(_, v)| *v > 0) && c.scores.iter().any(|(_, v)| *v < 0)) {
            fail("needs a grey-area choice with mixed scores".into());
        }
        if !choices.iter().any(|(_, c)| c.red_flag.is_some()) {
            fail("needs a red-flag choice".into());
        }
        if !choices.iter().any(|(_, c)| !c.sets.is_empty())
            || !choices.iter().any(|(_, c)| !c.requires.is_empty() || !c.unless.is_empty())
        {
            fail("needs a flag that makes an earlier choice matter later".into());
        }
        for (node, c) in &choices {
            if c.feedback.as_deref().is_none_or(|f| f.trim().is_empty()) || c.scores.is_empty() || c.guide.is_empty() {
                fail(format!("choice {node}/{} needs feedback, scores and guide sections", c.id));
            }
        }
        for (id, scene) in s.scenes() {
            if scene.facilitator.as_deref().is_none_or(|f| f.trim().is_empty()) {
                fail(format!("scene {id} needs facilitator notes"));
            }
            if !(1..=2).contains(&scene.discuss.len()) {
                fail(format!("scene {id} needs one or two discussion questions, has {}", scene.discuss.len()));
            }
        }
        let all_text = s.scenes().map(|(_, sc)| sc.text.to_lowercase()).collect::<Vec<_>>().join(" ");
        let sensitive = ["abuse", "neglect", "self-harm", "died", "death", "bereave", "funeral", "widow"];
        if sensitive.iter().any(|w| all_text.contains(w)) && s.content_note.is_none() {
            fail("touches abuse, neglect, self-harm or bereavement but has no content note".into());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_library_covers_the_guide_levels_and_settings() {
    use boundaries_core::scenario::Level;
    let library = shipped();
    let catalogues = catalogues();
    assert!(library.scenarios.len() >= 15, "at least fifteen scenarios");
    for section in &catalogues.guide {
        assert!(
            library.scenarios.iter().any(|l| l.scenario.cited_sections().contains(&section.id.as_str())),
            "no scenario cites {}",
            section.id
        );
    }
    for principle in &catalogues.principles {
        assert!(
            library.scenarios.iter().any(|l| l.scenario.scored_principles().contains(&principle.id.as_str())),
            "no scenario scores {}",
            principle.id
        );
    }
    for level in [Level::Introductory, Level::Intermediate, Level::Advanced] {
        let count = library.scenarios.iter().filter(|l| l.scenario.level == level).count();
        assert!(count >= 4, "{count} {level} scenarios; at least four wanted");
    }
}

/// The best answer must not give itself away by being the longest or always first.
#[test]
fn the_best_choice_is_not_given_away_by_length_or_position() {
    let library = shipped();
    let (mut decisions, mut longest, mut first) = (0, 0, 0);
    for loaded in &library.scenarios {
        for (_, scene) in loaded.scenario.scenes() {
            let best = scene.choices.iter().map(|c| c.total()).max().unwrap();
            let Some(best_at) = scene.choices.iter().position(|c| c.total() == best) else { continue };
            decisions += 1;
            let longest_len = scene.choices.iter().map(|c| c.text.chars().count()).max().unwrap();
            longest += usize::from(scene.choices[best_at].text.chars().count() == longest_len);
            first += usize::from(best_at == 0);
        }
    }
    assert!(longest * 2 <= decisions, "the best choice is the longest in {longest} of {decisions} decisions");
    assert!(first * 3 <= decisions, "the best choice is listed first in {first} of {decisions} decisions");
}

/// Every area of practice in the topics catalogue is at the heart of at least one
/// shipped scenario, and the library holds at least 25.
#[test]
fn every_area_of_practice_has_a_scenario() {
    let library = shipped();
    assert!(library.scenarios.len() >= 25, "{} scenarios", library.scenarios.len());
    let catalogues = catalogues();
    let missing: Vec<&str> = catalogues
        .topics
        .iter()
        .filter(|t| !library.scenarios.iter().any(|l| l.scenario.topics.contains(&t.id)))
        .map(|t| t.name.as_str())
        .collect();
    assert!(missing.is_empty(), "no scenario about: {missing:?}");
}
