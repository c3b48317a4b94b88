//! One test per kind of problem the validator reports, each checking that the
//! message names the right place: the file, and the line or the node and choice.

mod common;

use boundaries_core::diagnostic::Severity;
use boundaries_core::library::Library;
use common::*;

#[test]
fn the_base_scenario_is_clean() {
    assert!(diagnostics(BASE).is_empty(), "{:?}", diagnostics(BASE));
}

#[test]
fn syntax_error_gives_file_line_and_column() {
    let text = base_with("title: \"Good\",", "title: \"Good\" oops");
    let d = the_one(&diagnostics(&text), "");
    assert_eq!(d.file, "base.scenario.ron");
    let (line, col) = d.line_col.expect("a position");
    assert_eq!(line, line_of(&text, "oops"));
    assert!(col > 1);
}

#[test]
fn unknown_field_is_an_error_not_ignored() {
    let text = base_with("goto: \"poor\",", "goto: \"poor\", scores_: {},");
    let d = the_one(&diagnostics(&text), "scores_");
    assert_eq!(d.line_col.unwrap().0, line_of(&text, "scores_"));
}

#[test]
fn type_error_gives_line() {
    let text = base_with("minutes: 5", "minutes: -5");
    let d = the_one(&diagnostics(&text), "");
    assert_eq!(d.line_col.unwrap().0, line_of(&text, "minutes"));
}

#[test]
fn duplicate_node_id_points_at_the_second() {
    let text = base_with(
        "\"poor\": Ending(",
        "\"good\": Ending(outcome: Mixed, title: \"Again\", text: \"Twice.\"),\n        \"poor\": Ending(",
    );
    let d = the_one(&diagnostics(&text), "node id \"good\" is used more than once");
    assert!(d.is_error());
    assert_eq!(d.place.node.as_deref(), Some("good"));
    assert_eq!(d.line_col.unwrap().0, last_line_of(&text, "\"good\": Ending"));
}

#[test]
fn duplicate_choice_id_names_node_and_choice() {
    let text = base_with("(id: \"carry\"", "(id: \"fix\"");
    let d = the_one(&diagnostics(&text), "choice id \"fix\" is used more than once");
    assert_eq!(d.place.node.as_deref(), Some("two"));
    assert_eq!(d.place.choice.as_deref(), Some("fix"));
    assert_eq!(d.line_col.unwrap().0, line_of(&text, "Carry on"));
}

#[test]
fn default_choice_ids_are_positions_and_can_clash() {
    let text = base_with("(id: \"kind\", ", "(").replacen("(id: \"risky\"", "(id: \"1\"", 1);
    let d = the_one(&diagnostics(&text), "choice id \"1\" is used more than once");
    assert_eq!(d.place.node.as_deref(), Some("one"));
}

#[test]
fn duplicate_cast_key_is_an_error() {
    let text =
        base_with("\"ada\": (name: \"Ada\"", "\"ada\": (name: \"Ann\", role: \"x\"),\n        \"ada\": (name: \"Ada\"");
    let d = the_one(&diagnostics(&text), "cast member \"ada\" is listed twice");
    assert_eq!(d.line_col.unwrap().0, line_of(&text, "cast:"));
}

#[test]
fn id_must_match_the_file_stem_and_be_kebab_case() {
    let problem = load("other.scenario.ron", BASE).unwrap_err();
    let d = the_one(&problem.diagnostics, "does not match the file name");
    assert_eq!(d.line_col.unwrap().0, line_of(BASE, "id: \"base\""));

    let text = base_with("id: \"base\"", "id: \"Base_1\"");
    let problem = load("Base_1.scenario.ron", &text).unwrap_err();
    the_one(&problem.diagnostics, "must be kebab-case");
}

#[test]
fn duplicate_scenario_ids_across_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("more");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(dir.path().join("base.scenario.ron"), BASE).unwrap();
    std::fs::write(sub.join("base.scenario.ron"), BASE).unwrap();
    let library = Library::load(&[dir.path().to_owned()], &catalogues());
    assert_eq!(library.scenarios.len(), 1, "the first stays playable");
    assert_eq!(library.problems.len(), 1);
    let problem = &library.problems[0];
    assert!(problem.file.ends_with("more/base.scenario.ron"), "{}", problem.file);
    the_one(&problem.diagnostics, "is already used by");
}

#[test]
fn start_naming_no_node() {
    let text = base_with("start: \"one\"", "start: \"nowhere\"");
    let d = the_one(&diagnostics(&text), "start names no node");
    assert_eq!(d.line_col.unwrap().0, line_of(&text, "start:"));
}

#[test]
fn goto_naming_no_node_names_the_choice() {
    let text = base_with("goto: \"poor\"", "goto: \"por\"");
    let d = the_one(&diagnostics(&text), "goto names no node: \"por\"");
    assert_eq!(d.place.node.as_deref(), Some("two"));
    assert_eq!(d.place.choice.as_deref(), Some("carry"));
    assert_eq!(d.line_col.unwrap().0, line_of(&text, "\"por\""));
}

#[test]
fn speaker_not_in_cast() {
    let text = base_with("speaker: \"ada\"", "speaker: \"sam\"");
    let d = the_one(&diagnostics(&text), "speaker \"sam\" is not in the cast");
    assert_eq!(d.place.node.as_deref(), Some("one"));
    assert_eq!(d.line_col.unwrap().0, line_of(&text, "speaker"));
}

#[test]
fn unknown_principle_in_scores_and_focus() {
    let text = base_with("{\"boundaries\": -2}", "{\"bounds\": -2}");
    let d = the_one(&diagnostics(&text), "unknown principle \"bounds\"");
    assert_eq!(d.place.choice.as_deref(), Some("risky"));
    assert_eq!(d.line_col.unwrap().0, line_of(&text, "bounds"));
    assert!(d.help.as_deref().unwrap().contains("boundaries"));

    let text = base_with("focus: [\"boundaries\"]", "focus: [\"kindness\"]");
    let d = the_one(&diagnostics(&text), "focus names unknown principle \"kindness\"");
    assert_eq!(d.line_col.unwrap().0, line_of(&text, "focus"));
}

#[test]
fn unknown_guide_section() {
    let text = base_with("guide: [\"keeping-people-safe\"]", "guide: [\"keeping-safe\"]");
    let d = the_one(&diagnostics(&text), "unknown guide section \"keeping-safe\"");
    assert_eq!(d.place.choice.as_deref(), Some("fix"));
    assert_eq!(d.line_col.unwrap().0, line_of(&text, "keeping-safe"));
}

#[test]
fn score_outside_range() {
    let text = base_with("{\"safeguarding\": 2}", "{\"safeguarding\": 5}");
    let d = the_one(&diagnostics(&text), "score 5 for \"safeguarding\" is outside -3..=3");
    assert_eq!(d.place.choice.as_deref(), Some("fine"));
}

#[test]
fn principle_scored_twice_in_one_choice() {
    let text = base_with("{\"safeguarding\": 2}", "{\"safeguarding\": 2, \"safeguarding\": 1}");
    the_one(&diagnostics(&text), "\"safeguarding\" is scored twice");
}

#[test]
fn scene_with_no_choices() {
    let text = base_with("\"good\": Ending(", "\"empty\": Scene(text: \"Nothing to do.\"),\n        \"good\": Ending(")
        .replacen("goto: \"poor\"", "goto: \"empty\"", 1);
    let d = the_one(&diagnostics(&text), "at least one choice");
    assert!(d.is_error());
    assert_eq!(d.place.node.as_deref(), Some("empty"));
    assert_eq!(d.line_col.unwrap().0, line_of(&text, "\"empty\": Scene"));
}

#[test]
fn a_loop_is_reported_with_its_path() {
    let text = base_with("goto: \"poor\"", "goto: \"one\"");
    let d = the_one(&diagnostics(&text), "loops back");
    assert!(d.message.contains("one → two → one"), "{d}");
}

#[test]
fn dead_end_for_some_flags_is_found_by_following_flags() {
    // Without the flag nothing is offered at "two": a play taking "kind" is stuck.
    let text = base_with(
        "id: \"carry\", text: \"Carry on\", goto: \"poor\",",
        "id: \"carry\", text: \"Carry on\", goto: \"poor\", requires: [\"flag\"],",
    )
    .replacen("unless: [\"flag\"]", "requires: [\"flag\"]", 1);
    let d = the_one(&diagnostics(&text), "dead end");
    assert_eq!(d.place.node.as_deref(), Some("two"));
    assert!(d.message.contains("no flags set") && d.message.contains("one/kind"), "{d}");
    assert!(d.is_error());
}

#[test]
fn flag_that_nothing_sets() {
    let text = base_with("requires: [\"flag\"]", "requires: [\"flg\"]");
    let d = the_one(&diagnostics(&text), "flag \"flg\" is never set");
    assert_eq!(d.place.choice.as_deref(), Some("fix"));
    assert_eq!(d.line_col.unwrap().0, line_of(&text, "flg"));
}

#[test]
fn ending_no_play_can_reach() {
    let text = base_with(
        "\"poor\": Ending(",
        "\"lost\": Ending(outcome: Mixed, title: \"Lost\", text: \"x\"),\n        \"poor\": Ending(",
    );
    let d = the_one(&diagnostics(&text), "no play can reach this ending");
    assert_eq!(d.place.node.as_deref(), Some("lost"));
    assert!(d.is_error());
}

#[test]
fn ending_unreachable_because_of_flags() {
    // "good" is reached only through "fix" (needs the flag) or "fine" (needs it unset);
    // make "fine" need the flag too and remove "risky": then "good" cannot be reached.
    let text = base_with("unless: [\"flag\"]", "requires: [\"flag\"]")
        .replacen("sets: [\"flag\"], red_flag: \"Crossed\"", "sets: [\"other\"]", 1)
        .replacen("goto: \"poor\",", "goto: \"poor\", sets: [\"flag\"],", 1);
    let all = diagnostics(&text);
    the_one(&all, "no play can reach this ending");
}

#[test]
fn warnings_do_not_stop_loading() {
    let text = base_with(", feedback: \"Hm.\"", "")
        .replacen("scores: {\"boundaries\": 2, \"dignity\": 1}, ", "", 1)
        .replacen("focus: [\"boundaries\"]", "focus: [\"boundaries\", \"teamwork\"]", 1);
    let loaded = load("base.scenario.ron", &text).expect("warnings only");
    let warnings = &loaded.warnings;
    assert!(warnings.iter().all(|d| d.severity == Severity::Warning));
    assert_eq!(the_one(warnings, "no feedback").place.choice.as_deref(), Some("carry"));
    assert_eq!(the_one(warnings, "no scores").place.choice.as_deref(), Some("kind"));
    the_one(warnings, "focus principle \"teamwork\" is not scored");
}

#[test]
fn scene_with_one_choice_is_a_warning() {
    let text = base_with(
        "(id: \"risky\", text: \"Risky\", goto: \"two\", scores: {\"boundaries\": -2}, feedback: \"Poor.\", guide: [\"maintaining-professional-boundaries\"], sets: [\"flag\"], red_flag: \"Crossed\", red_line: \"exploitation\"),",
        "",
    );
    let diagnostics = diagnostics(&text);
    let d = the_one(&diagnostics, "only one choice");
    assert_eq!(d.severity, Severity::Warning);
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let text = base_with("goto: \"poor\"", "goto: \"por\"")
        .replacen("speaker: \"ada\"", "speaker: \"sam\"", 1)
        .replacen("{\"safeguarding\": 2}", "{\"safeguarding\": 9}", 1);
    let all = diagnostics(&text);
    for needle in ["goto names no node", "not in the cast", "outside -3..=3"] {
        the_one(&all, needle);
    }
}

#[test]
fn a_hundred_thousand_nodes_validate_without_overflow() {
    let mut text = String::from(
        "Scenario(id: \"big\", title: \"Big\", summary: \"S\", setting: \"Ward\", level: Advanced, minutes: 1, start: \"n0\", nodes: {\n",
    );
    let n = 100_000;
    for i in 0..n {
        text.push_str(&format!(
            "\"n{i}\":Scene(text:\"t\",choices:[(text:\"a\",goto:\"n{}\",scores:{{\"dignity\":1}}),(text:\"b\",goto:\"end\",scores:{{\"dignity\":-1}})]),\n",
            i + 1
        ));
    }
    text.push_str(&format!("\"n{n}\": Ending(outcome: Good, title: \"e\", text: \"e\"), \"end\": Ending(outcome: Poor, title: \"e\", text: \"e\"),\n}})"));
    // Valid but for the missing feedback on every choice: warnings, capped.
    let loaded = load("big.scenario.ron", &text).expect("a long chain is valid");
    assert!(loaded.warnings.len() <= 101, "{}", loaded.warnings.len());
    let graph = boundaries_core::scenario::StateGraph::explore(&loaded.scenario);
    let totals = boundaries_core::scoring::path_totals(&graph, &catalogues());
    assert_eq!((totals[0].lowest, totals[0].highest), (-1, n as i64));
}

#[test]
fn minutes_must_be_a_sensible_length_of_play() {
    for minutes in ["0", "121", "4294967295"] {
        let text = base_with("minutes: 5", &format!("minutes: {minutes}"));
        let d = the_one(&diagnostics(&text), "from 1 to 120 minutes");
        assert_eq!(d.line_col.unwrap().0, line_of(&text, "minutes"), "{d}");
    }
    assert!(diagnostics(&base_with("minutes: 5", "minutes: 120")).is_empty());
}

#[test]
fn a_red_flag_must_name_a_known_red_line() {
    let text = base_with(", red_line: \"exploitation\"", "");
    let d = the_one(&diagnostics(&text), "must name the line it crosses");
    assert_eq!(d.place.choice.as_deref(), Some("risky"));
    assert!(d.help.as_deref().is_some_and(|h| h.contains("exploitation")), "{d}");
    let text = base_with("red_line: \"exploitation\"", "red_line: \"exploitaton\"");
    let d = the_one(&diagnostics(&text), "unknown red line \"exploitaton\"");
    assert_eq!(d.line_col.unwrap().0, line_of(&text, "exploitaton"));
}

#[test]
fn a_red_line_needs_a_red_flag() {
    let text = base_with("feedback: \"Good.\",", "feedback: \"Good.\", red_line: \"secrecy\",");
    let d = the_one(&diagnostics(&text), "`red_line` needs a `red_flag`");
    assert_eq!(d.place.choice.as_deref(), Some("kind"));
}

#[test]
fn a_repair_must_name_a_flag_a_red_flag_choice_sets() {
    // "flag" is set by the red-flag choice "risky": repairing it is fine.
    let fine = base_with("requires: [\"flag\"],", "requires: [\"flag\"], repairs: [\"flag\"],");
    assert!(diagnostics(&fine).iter().all(|d| !d.is_error()), "{:?}", diagnostics(&fine));
    // A flag no choice sets at all, or one set only by a choice with no red flag.
    let text = base_with("requires: [\"flag\"],", "requires: [\"flag\"], repairs: [\"nothing\"],");
    let d = the_one(&diagnostics(&text), "repairs names flag \"nothing\", which no red-flag choice sets");
    assert_eq!(d.place.choice.as_deref(), Some("fix"));
    let text = base_with(
        "guide: [\"maintaining-professional-boundaries\"]),",
        "guide: [\"maintaining-professional-boundaries\"], sets: [\"kindly\"]),",
    )
    .replacen("requires: [\"flag\"],", "requires: [\"flag\"], repairs: [\"kindly\"],", 1);
    the_one(&diagnostics(&text), "repairs names flag \"kindly\"");
    // A repair in the scene before the red flag cannot put it right.
    let text = base_with(
        "(id: \"kind\", text: \"Kind\", goto: \"two\",",
        "(id: \"kind\", text: \"Kind\", goto: \"two\", repairs: [\"flag\"],",
    );
    let d = the_one(&diagnostics(&text), "no red-flag choice that sets it comes before this scene");
    assert_eq!(d.place.choice.as_deref(), Some("kind"));
}

#[test]
fn an_unknown_topic_is_an_error_naming_the_known_ones() {
    let text =
        base_with("focus: [\"boundaries\"],", "focus: [\"boundaries\"], topics: [\"gifts-and-money\", \"gifs\"],");
    let d = the_one(&diagnostics(&text), "unknown topic \"gifs\"");
    assert!(d.help.as_deref().is_some_and(|h| h.contains("gifts-and-money")), "{d}");
    assert_eq!(d.line_col.unwrap().0, line_of(&text, "topics:"));
}
