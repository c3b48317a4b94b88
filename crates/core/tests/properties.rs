//! Property tests: random scenario graphs and random edits of a real file never
//! panic or hang the parser, validator or scorer; on every valid scenario a play
//! always reaches an ending and stays within the computed totals.

mod common;

use boundaries_core::library::load_bytes;
use boundaries_core::play::{Current, PlayOptions, Playthrough};
use boundaries_core::scenario::{Choice, StateGraph};
use boundaries_core::scoring::{path_totals, recommended_path};
use common::{BASE, catalogues};
use proptest::prelude::*;

const PRINCIPLES: [&str; 4] = ["dignity", "boundaries", "safeguarding", "kindness"];
const FLAGS: [&str; 3] = ["a", "b", "c"];

#[derive(Debug, Clone)]
struct GenChoice {
    goto: usize,
    scores: Vec<(usize, i64)>,
    sets: Vec<usize>,
    requires: Vec<usize>,
    unless: Vec<usize>,
    red_flag: bool,
}

#[derive(Debug, Clone)]
enum GenNode {
    Scene(Vec<GenChoice>),
    Ending,
}

fn choice(nodes: usize) -> impl Strategy<Value = GenChoice> {
    (
        0..nodes + 1, // one past the end names a node that does not exist
        prop::collection::vec((0..PRINCIPLES.len(), -4i64..=4), 0..3),
        prop::collection::vec(0..FLAGS.len(), 0..2),
        prop::collection::vec(0..FLAGS.len(), 0..2),
        prop::collection::vec(0..FLAGS.len(), 0..2),
        any::<bool>(),
    )
        .prop_map(|(goto, scores, sets, requires, unless, red_flag)| GenChoice {
            goto,
            scores,
            sets,
            requires,
            unless,
            red_flag,
        })
}

fn graph() -> impl Strategy<Value = Vec<GenNode>> {
    (2usize..14).prop_flat_map(|n| {
        prop::collection::vec(
            prop_oneof![
                3 => prop::collection::vec(choice(n), 0..4).prop_map(GenNode::Scene),
                1 => Just(GenNode::Ending),
            ],
            n,
        )
    })
}

/// A graph built to be valid: forward gotos only, every node reached from an earlier
/// scene by a choice that is always offered, and only flags that some choice sets.
fn valid_graph() -> impl Strategy<Value = Vec<GenNode>> {
    (3usize..14)
        .prop_flat_map(|n| {
            (
                prop::collection::vec(any::<bool>(), n),
                prop::collection::vec(any::<prop::sample::Index>(), n),
                prop::collection::vec(prop::collection::vec(choice(n), 0..3), n),
            )
        })
        .prop_map(|(is_scene, parents, extras)| {
            let n = is_scene.len();
            let scene = |i: usize| i == 0 || (i < n - 1 && is_scene[i]);
            let mut nodes: Vec<GenNode> =
                (0..n).map(|i| if scene(i) { GenNode::Scene(Vec::new()) } else { GenNode::Ending }).collect();
            let spine = |goto: usize, scores: Vec<(usize, i64)>| GenChoice {
                goto,
                scores,
                sets: vec![],
                requires: vec![],
                unless: vec![],
                red_flag: false,
            };
            for j in 1..n {
                let scenes: Vec<usize> = (0..j).filter(|&i| scene(i)).collect();
                let parent = scenes[parents[j].index(scenes.len())];
                if let GenNode::Scene(choices) = &mut nodes[parent] {
                    choices.push(spine(j, vec![(j % 3, (j as i64 % 7) - 3)]));
                }
            }
            for (i, extra) in extras.into_iter().enumerate() {
                let GenNode::Scene(choices) = &mut nodes[i] else { continue };
                if choices.is_empty() {
                    choices.push(spine(n - 1, vec![]));
                }
                for mut c in extra {
                    c.goto = i + 1 + c.goto % (n - i - 1);
                    c.scores.retain(|&(p, _)| p < 3);
                    c.scores.sort_by_key(|&(p, _)| p);
                    c.scores.dedup_by_key(|&mut (p, _)| p);
                    for (_, s) in &mut c.scores {
                        *s = (*s).clamp(-3, 3);
                    }
                    choices.push(c);
                }
            }
            // Only flags that some choice sets may be required or excluded.
            let set: Vec<usize> = nodes
                .iter()
                .filter_map(|n| if let GenNode::Scene(c) = n { Some(c) } else { None })
                .flatten()
                .flat_map(|c| c.sets.clone())
                .collect();
            for node in &mut nodes {
                if let GenNode::Scene(choices) = node {
                    for c in choices {
                        c.requires.retain(|f| set.contains(f));
                        c.unless.retain(|f| set.contains(f));
                    }
                }
            }
            nodes
        })
}

/// Writes a generated graph as a scenario file. Forward-only gotos are likelier to be
/// valid, but any goto may appear, loops included.
fn render(nodes: &[GenNode]) -> String {
    let mut text = String::from(
        "Scenario(id: \"gen\", title: \"G\", summary: \"S\", setting: \"Day centre\", level: Advanced, minutes: 3, start: \"n0\", nodes: {\n",
    );
    for (i, node) in nodes.iter().enumerate() {
        match node {
            GenNode::Ending => {
                text.push_str(&format!("\"n{i}\": Ending(outcome: Mixed, title: \"E{i}\", text: \"e\"),\n"))
            }
            GenNode::Scene(choices) => {
                text.push_str(&format!("\"n{i}\": Scene(text: \"s{i}\", choices: ["));
                for c in choices {
                    let list =
                        |xs: &[usize]| xs.iter().map(|&f| format!("\"{}\"", FLAGS[f])).collect::<Vec<_>>().join(", ");
                    let scores: Vec<String> =
                        c.scores.iter().map(|&(p, s)| format!("\"{}\": {s}", PRINCIPLES[p])).collect();
                    text.push_str(&format!(
                        "(text: \"c\", goto: \"n{}\", scores: {{{}}}, sets: [{}], requires: [{}], unless: [{}], feedback: \"f\"{}),",
                        c.goto,
                        scores.join(", "),
                        list(&c.sets),
                        list(&c.requires),
                        list(&c.unless),
                        if c.red_flag { ", red_flag: \"x\", red_line: \"secrecy\"" } else { "" }
                    ));
                }
                text.push_str("]),\n");
            }
        }
    }
    text.push_str("})\n");
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_graphs_never_panic(nodes in graph()) {
        let catalogues = catalogues();
        if let Ok(loaded) = load_bytes("gen.scenario.ron", render(&nodes).as_bytes(), &catalogues) {
            let graph = StateGraph::explore(&loaded.scenario);
            let _ = (path_totals(&graph, &catalogues), recommended_path(&graph));
        }
    }

    #[test]
    fn valid_graphs_always_finish_within_their_totals(nodes in valid_graph(), seed in any::<u64>(), walk in any::<u64>()) {
        let text = render(&nodes);
        let catalogues = catalogues();
        let loaded = load_bytes("gen.scenario.ron", text.as_bytes(), &catalogues);
        let scenario = match loaded {
            Ok(loaded) => loaded.scenario,
            Err(problem) => {
                let all: Vec<String> = problem.diagnostics.iter().map(ToString::to_string).collect();
                return Err(TestCaseError::fail(format!("{}\n{text}", all.join("\n"))));
            }
        };
        let graph = StateGraph::explore(&scenario);
        let totals = path_totals(&graph, &catalogues);
        let (recommended, ending) = recommended_path(&graph);
        prop_assert!(ending.is_some(), "a valid scenario's recommended path ends");

        // A random walk always reaches an ending, and its totals lie within the range.
        let mut play = Playthrough::start(scenario.clone(), PlayOptions { seed, ..Default::default() }).unwrap();
        let mut pick = walk;
        let mut sums = std::collections::HashMap::<String, i64>::new();
        for _ in 0..=scenario.nodes.len() {
            let Current::Scene { offered, .. } = play.current() else { break };
            prop_assert!(!offered.is_empty(), "validated scenarios have no dead ends");
            let chosen: &Choice = offered[(pick % offered.len() as u64) as usize];
            pick = pick.rotate_left(7) ^ 0x9e37_79b9;
            for (p, s) in chosen.scores.iter() {
                *sums.entry(p.to_owned()).or_default() += s;
            }
            let id = chosen.id.clone();
            play.choose(&id, None).unwrap();
        }
        prop_assert!(play.is_finished());
        for range in &totals {
            let total = sums.get(&range.principle).copied().unwrap_or(0);
            prop_assert!(range.lowest <= total && total <= range.highest, "{range:?} vs {total}");
        }
        let assessment = play.assessment(&catalogues);
        for rating in &assessment.ratings {
            prop_assert!((0.0..=100.0).contains(&rating.rating));
        }
        prop_assert!(recommended.len() <= scenario.nodes.len());
    }

    #[test]
    fn random_edits_of_a_real_file_never_panic(edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = BASE.as_bytes().to_vec();
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            match byte % 3 {
                0 => bytes[i] = byte,
                1 => { bytes.remove(i); }
                _ => bytes.insert(i, byte),
            }
        }
        let _ = load_bytes("base.scenario.ron", &bytes, &catalogues());
    }
}
