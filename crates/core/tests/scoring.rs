//! Scoring by hand-computed examples: ratings against the options on offer, bands,
//! red flags, path totals that respect flags, and the recommended path.

mod common;

use boundaries_core::scenario::{Choice, Node, Scenario, StateGraph};
use boundaries_core::scoring::{Band, Taken, assess, path_totals, recommended_path};
use common::*;

fn scenario(text: &str) -> Scenario {
    let loaded = load("base.scenario.ron", text).unwrap_or_else(|p| panic!("{:?}", p.diagnostics));
    (*loaded.scenario).clone()
}

fn choice<'s>(s: &'s Scenario, node: &str, id: &str) -> &'s Choice {
    let Some(Node::Scene(scene)) = s.node(node) else { panic!("{node} is not a scene") };
    scene.choices.iter().find(|c| c.id == id).expect("choice exists")
}

/// Rates a path given as (node, offered ids, chosen id).
fn rate(s: &Scenario, path: &[(&str, &[&str], &str)]) -> boundaries_core::scoring::Assessment {
    let offered: Vec<Vec<&Choice>> =
        path.iter().map(|(node, ids, _)| ids.iter().map(|id| choice(s, node, id)).collect()).collect();
    let taken: Vec<Taken> = path
        .iter()
        .zip(&offered)
        .map(|((node, _, chosen), offered)| Taken { node, offered, chosen: choice(s, node, chosen) })
        .collect();
    assess(&taken, &catalogues())
}

fn ratings(a: &boundaries_core::scoring::Assessment) -> Vec<(&str, f64)> {
    a.ratings.iter().map(|r| (r.principle.as_str(), (r.rating * 100.0).round() / 100.0)).collect()
}

#[test]
fn best_choices_everywhere_rate_one_hundred() {
    let s = scenario(BASE);
    let a = rate(&s, &[("one", &["kind", "risky"], "kind"), ("two", &["carry", "fine"], "fine")]);
    assert_eq!(ratings(&a), [("dignity", 100.0), ("boundaries", 100.0), ("safeguarding", 100.0)]);
    assert_eq!(a.overall, Some(100.0));
    assert_eq!(a.band, Band::Exemplary);
    assert!(a.red_flags.is_empty());
}

#[test]
fn ratings_compare_with_what_was_offered() {
    let s = scenario(BASE);
    // Safeguarding at "two": carry -1, fine +2 on offer; carry chosen: 0 of the way.
    let a = rate(&s, &[("one", &["kind", "risky"], "kind"), ("two", &["fine", "carry"], "carry")]);
    assert_eq!(ratings(&a), [("dignity", 100.0), ("boundaries", 100.0), ("safeguarding", 0.0)]);
    assert_eq!(a.overall.map(|o| o.round()), Some(67.0));
    assert_eq!(a.band, Band::Sound);

    // With the flag, fix (+1) and carry (-1) are on offer: fix is the best available.
    let a = rate(&s, &[("one", &["risky", "kind"], "risky"), ("two", &["fix", "carry"], "fix")]);
    assert_eq!(ratings(&a), [("dignity", 0.0), ("boundaries", 0.0), ("safeguarding", 100.0)]);
}

#[test]
fn partial_credit_sums_over_decisions() {
    // Two decisions on boundaries: best 2+2, worst -2+-1, chosen 2 + -1 → (1 - -3) / (4 - -3).
    let text = base_with("{\"safeguarding\": -1}", "{\"safeguarding\": -1, \"boundaries\": -1}").replacen(
        "{\"safeguarding\": 2}",
        "{\"safeguarding\": 2, \"boundaries\": 2}",
        1,
    );
    let s = scenario(&text);
    let a = rate(&s, &[("one", &["kind", "risky"], "kind"), ("two", &["carry", "fine"], "carry")]);
    let boundaries = a.ratings.iter().find(|r| r.principle == "boundaries").unwrap();
    assert_eq!((boundaries.chosen, boundaries.best, boundaries.worst), (1, 4, -3));
    assert!((boundaries.rating - 400.0 / 7.0).abs() < 1e-9);
}

#[test]
fn a_red_flag_makes_the_band_unsafe_whatever_the_numbers() {
    // Make the red-flag choice score best on everything: the numbers say Exemplary.
    let text = base_with("{\"boundaries\": -2}", "{\"boundaries\": 3, \"dignity\": 3}");
    let s = scenario(&text);
    let a = rate(&s, &[("one", &["kind", "risky"], "risky"), ("two", &["fix", "carry"], "fix")]);
    assert_eq!(a.overall, Some(100.0));
    assert_eq!(a.band, Band::Unsafe);
    assert_eq!(a.red_flags.len(), 1);
    assert_eq!((a.red_flags[0].node.as_str(), a.red_flags[0].choice.as_str()), ("one", "risky"));
    assert_eq!(a.red_flags[0].line, "Crossed");
}

#[test]
fn a_red_flag_put_right_later_is_its_own_band_and_stays_shown() {
    let text = base_with("requires: [\"flag\"],", "requires: [\"flag\"], repairs: [\"flag\"],");
    let s = scenario(&text);
    // Crossing the line and then putting it right ("fix" repairs "flag").
    let a = rate(&s, &[("one", &["kind", "risky"], "risky"), ("two", &["fix", "carry"], "fix")]);
    assert_eq!(a.band, Band::PutRight);
    assert_eq!(a.band.to_string(), "Put right");
    assert_eq!(a.red_flags.len(), 1, "the red flag is never hidden");
    assert!(a.red_flags[0].put_right);
    assert_eq!(a.red_flags[0].headline(&catalogues()), "Exploiting or profiting from the person: Crossed");
    assert_eq!(a.red_flags[0].standing(), "Put right later in this play.");
    // Crossing it and carrying on: Unsafe.
    let a = rate(&s, &[("one", &["kind", "risky"], "risky"), ("two", &["fix", "carry"], "carry")]);
    assert_eq!(a.band, Band::Unsafe);
    assert!(!a.red_flags[0].put_right);
    assert_eq!(a.red_flags[0].standing(), "Not put right in this play.");
}

#[test]
fn put_right_ranks_just_above_unsafe() {
    let order = [Band::Exemplary, Band::Sound, Band::Developing, Band::Concerning, Band::PutRight, Band::Unsafe];
    assert!(order.windows(2).all(|w| w[0].rank() < w[1].rank()), "{order:?}");
}

#[test]
fn a_principle_never_at_stake_is_not_rated() {
    let s = scenario(BASE);
    let a = rate(&s, &[("two", &["carry", "fine"], "fine")]);
    assert_eq!(ratings(&a), [("safeguarding", 100.0)], "dignity and boundaries were never on offer");
}

#[test]
fn a_principle_all_options_score_the_same_is_not_rated() {
    let text = base_with("{\"boundaries\": -2}", "{\"boundaries\": 2, \"dignity\": 1}");
    let s = scenario(&text);
    let a = rate(&s, &[("one", &["kind", "risky"], "kind")]);
    assert!(a.ratings.is_empty());
    assert_eq!(a.overall, None);
    assert_eq!(a.band, Band::Unrated);
}

#[test]
fn a_principle_weighs_as_many_times_as_the_decisions_it_rests_on() {
    // Safeguarding is at stake at both decisions; dignity and boundaries at the first only.
    let text = BASE
        .replace("{\"boundaries\": 2, \"dignity\": 1}", "{\"boundaries\": 2, \"dignity\": 1, \"safeguarding\": 1}")
        .replace("{\"boundaries\": -2}", "{\"boundaries\": -2, \"safeguarding\": -1}");
    let s = scenario(&text);
    let a = rate(&s, &[("one", &["kind", "risky"], "kind"), ("two", &["fine", "carry"], "carry")]);
    // Safeguarding: chosen +1 - 1 = 0, best +1 + 2 = 3, worst -1 - 1 = -2: (0 + 2) / (3 + 2) = 40.
    assert_eq!(ratings(&a), [("dignity", 100.0), ("boundaries", 100.0), ("safeguarding", 40.0)]);
    let decisions: Vec<u32> = a.ratings.iter().map(|r| r.decisions).collect();
    assert_eq!(decisions, [1, 1, 2]);
    // (100 + 100 + 2 x 40) / 4 = 70, where a plain mean of the three would say 80.
    assert_eq!(a.overall, Some(70.0));
    assert_eq!(a.ratings[0].verdict(), Some("at stake once: the strongest option"));
    assert_eq!(a.ratings[2].verdict(), None, "a rating resting on two decisions is a figure");
    assert_eq!(a.ratings[2].rests_on(), "2 decisions");
}

#[test]
fn the_band_is_read_from_the_figure_as_shown() {
    assert_eq!(Band::of_figure_shown(64.6), Band::Sound, "shown as 65");
    assert_eq!(Band::of_figure_shown(65.0), Band::Sound);
    assert_eq!(Band::of_figure_shown(64.4), Band::Developing, "shown as 64");
    assert_eq!(Band::of_figure_shown(84.5), Band::Exemplary, "shown as 85");
}

#[test]
fn bands_have_the_documented_thresholds() {
    for (overall, band) in [
        (100.0, Band::Exemplary),
        (85.0, Band::Exemplary),
        (84.9, Band::Sound),
        (65.0, Band::Sound),
        (64.9, Band::Developing),
        (40.0, Band::Developing),
        (39.9, Band::Concerning),
        (0.0, Band::Concerning),
    ] {
        assert_eq!(Band::from_overall(overall), band, "{overall}");
    }
}

#[test]
fn path_totals_follow_the_flags() {
    // "risky" gives +3 dignity and sets the flag; "fine" gives +3 dignity only without
    // it. Ignoring flags, 6 would look reachable; no play can actually get there.
    let text = base_with("{\"boundaries\": -2}", "{\"boundaries\": -2, \"dignity\": 3}").replacen(
        "{\"safeguarding\": 2}",
        "{\"safeguarding\": 2, \"dignity\": 3}",
        1,
    );
    let s = scenario(&text);
    let totals = path_totals(&StateGraph::explore(&s), &catalogues());
    let find = |p: &str| totals.iter().find(|r| r.principle == p).map(|r| (r.lowest, r.highest)).unwrap();
    assert_eq!(find("dignity"), (1, 4), "kind+fine = 1+3, risky+fix = 3, kind+carry = 1");
    assert_eq!(find("boundaries"), (-2, 2));
    assert_eq!(find("safeguarding"), (-1, 2));
    let order: Vec<&str> = totals.iter().map(|r| r.principle.as_str()).collect();
    assert_eq!(order, ["dignity", "boundaries", "safeguarding"], "catalogue order");
}

#[test]
fn recommended_path_takes_the_highest_total_at_each_decision() {
    let s = scenario(BASE);
    let graph = StateGraph::explore(&s);
    let (path, ending) = recommended_path(&graph);
    assert_eq!(path, [("one", "kind"), ("two", "fine")]);
    assert_eq!(ending, Some("good"));
}

#[test]
fn recommended_path_takes_the_first_listed_on_a_tie() {
    let text = base_with("{\"safeguarding\": 2}", "{\"safeguarding\": -1}");
    let s = scenario(&text);
    let (path, ending) = recommended_path(&StateGraph::explore(&s));
    assert_eq!(path, [("one", "kind"), ("two", "carry")], "carry is listed before fine");
    assert_eq!(ending, Some("poor"));
}

#[test]
fn recommended_path_respects_flags() {
    // "risky" now scores best, so the recommended path sets the flag, and "fine"
    // (the best at "two" without it) is no longer on offer.
    let text = base_with("{\"boundaries\": -2}", "{\"boundaries\": 3, \"dignity\": 3}");
    let s = scenario(&text);
    let (path, _) = recommended_path(&StateGraph::explore(&s));
    assert_eq!(path, [("one", "risky"), ("two", "fix")]);
}

#[test]
fn the_recommended_choice_is_the_highest_total_and_the_first_listed_on_a_tie() {
    use boundaries_core::scoring::recommended_choice;
    // At "two", "fix" (+1) and "fine" (+2) sit either side of "carry" (-1).
    let s = scenario(BASE);
    let Some(Node::Scene(two)) = s.node("two") else { panic!("two is a scene") };
    assert_eq!(recommended_choice(two, [0, 1, 2]), Some(2), "fine, +2");
    assert_eq!(recommended_choice(two, [1, 0]), Some(0), "fix beats carry whatever the order shown");
    let tied = BASE.replace("scores: {\"safeguarding\": 2}", "scores: {\"safeguarding\": 1}");
    let s = scenario(&tied);
    let Some(Node::Scene(two)) = s.node("two") else { panic!("two is a scene") };
    assert_eq!(recommended_choice(two, [2, 0, 1]), Some(0), "a tie goes to the first listed in the file");
    assert_eq!(recommended_choice(two, []), None);
}
