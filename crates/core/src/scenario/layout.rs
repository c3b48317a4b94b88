//! A scenario laid out as boxes and arrows for the replay's drawing: each node in a
//! column by its distance from the start, with the path a play took and the
//! recommended path as pairs of node positions.

use super::model::{Node, Outcome, Scenario};
use crate::text::shorten;

/// What a box says: an ending's title; a scene's speaker and first words.
fn label(scenario: &Scenario, node: &Node) -> String {
    match node {
        Node::Ending(ending) => ending.title.clone(),
        Node::Scene(scene) => match &scene.speaker {
            Some(speaker) => format!("{}: {}", scenario.speaker_name(speaker), shorten(&scene.text, 40)),
            None => shorten(&scene.text, 40),
        },
    }
}

fn node_outcome(node: &Node) -> Option<Outcome> {
    match node {
        Node::Ending(e) => Some(e.outcome),
        Node::Scene(_) => None,
    }
}

/// The scenario as boxes and arrows: grid positions (column, row) and edges by index.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// (label: an ending's title, a scene's speaker and opening words; column, row,
    /// the outcome if an ending)
    pub nodes: Vec<(String, usize, usize, Option<Outcome>)>,
    pub edges: Vec<(usize, usize)>,
    /// The edges a play took, and those of the recommended path.
    pub taken: Vec<(usize, usize)>,
    pub recommended: Vec<(usize, usize)>,
}

/// Lays the scenario out in columns by depth from the start.
pub fn layout(scenario: &Scenario, taken: &[&str], recommended: &[(String, String)]) -> Layout {
    let n = scenario.nodes.len();
    let targets = |i: usize| -> Vec<usize> {
        match scenario.nodes.at(i).1 {
            Node::Scene(scene) => scene.choices.iter().filter_map(|c| scenario.nodes.position(&c.goto)).collect(),
            Node::Ending(_) => Vec::new(),
        }
    };
    // Longest distance from the start, relaxed in passes (scenarios are small and acyclic).
    let mut depth = vec![usize::MAX; n];
    if let Some(start) = scenario.nodes.position(&scenario.start) {
        depth[start] = 0;
    }
    for _ in 0..n {
        let mut changed = false;
        for i in 0..n {
            if depth[i] == usize::MAX {
                continue;
            }
            for t in targets(i) {
                if depth[t] == usize::MAX || depth[t] < depth[i] + 1 {
                    depth[t] = depth[i] + 1;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let mut rows = std::collections::HashMap::new();
    let nodes = (0..n)
        .map(|i| {
            let (_, node) = scenario.nodes.at(i);
            let column = if depth[i] == usize::MAX { 0 } else { depth[i] };
            let row = rows.entry(column).or_insert(0usize);
            *row += 1;
            (label(scenario, node), column, *row - 1, node_outcome(node))
        })
        .collect();
    let mut edges: Vec<(usize, usize)> = (0..n).flat_map(|i| targets(i).into_iter().map(move |t| (i, t))).collect();
    edges.sort_unstable();
    edges.dedup();
    let index = |id: &str| scenario.nodes.position(id);
    let pairs = |ids: Vec<&str>| -> Vec<(usize, usize)> {
        ids.windows(2).filter_map(|w| Some((index(w[0])?, index(w[1])?))).collect()
    };
    let mut recommended_nodes: Vec<&str> = recommended.iter().map(|(n, _)| n.as_str()).collect();
    if let Some((node, choice)) = recommended.last()
        && let Some(Node::Scene(scene)) = scenario.node(node)
        && let Some(c) = scene.choices.iter().find(|c| &c.id == choice)
    {
        recommended_nodes.push(&c.goto);
    }
    Layout { nodes, edges, taken: pairs(taken.to_vec()), recommended: pairs(recommended_nodes) }
}

impl Layout {
    /// The diagram in words, for a screen reader: the path taken and the recommended
    /// path, box by box.
    pub fn describe(&self) -> String {
        let words = |edges: &[(usize, usize)]| {
            let mut boxes: Vec<&str> = edges.first().map(|e| self.nodes[e.0].0.as_str()).into_iter().collect();
            boxes.extend(edges.iter().filter_map(|e| self.nodes.get(e.1)).map(|n| n.0.as_str()));
            boxes.join(" → ")
        };
        match (self.taken.is_empty(), self.recommended.is_empty()) {
            (false, false) => {
                format!("Your path: {}. The recommended path: {}.", words(&self.taken), words(&self.recommended))
            }
            (false, true) => format!("Your path: {}.", words(&self.taken)),
            (true, false) => format!("The recommended path: {}.", words(&self.recommended)),
            (true, true) => "The scenario's paths.".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::parse::parse;

    #[test]
    fn nodes_sit_in_columns_by_their_longest_distance_from_the_start() {
        let text = r#"Scenario(id: "t", title: "T", summary: "S", setting: "Home care visit", level: Introductory,
            minutes: 5, start: "a", nodes: {
                "a": Scene(text: "A", choices: [(text: "x", goto: "b"), (text: "y", goto: "end")]),
                "b": Scene(text: "B", choices: [(text: "z", goto: "end")]),
                "end": Ending(outcome: Good, title: "E", text: "E"),
            })"#;
        let scenario = parse("t.scenario.ron", text.as_bytes()).unwrap().scenario;
        let layout = layout(&scenario, &["a", "b", "end"], &[("a".into(), "2".into())]);
        let columns: Vec<usize> = layout.nodes.iter().map(|n| n.1).collect();
        assert_eq!(columns, [0, 1, 2], "the ending is after b, though a leads to it too");
        assert_eq!(layout.edges, [(0, 1), (0, 2), (1, 2)]);
        assert_eq!(layout.taken, [(0, 1), (1, 2)]);
        assert_eq!(layout.recommended, [(0, 2)]);
        assert_eq!(layout.nodes[2].3, Some(Outcome::Good));
        let labels: Vec<&str> = layout.nodes.iter().map(|n| n.0.as_str()).collect();
        assert_eq!(labels, ["A", "B", "E"], "words a player knows, not the file's ids");
        assert_eq!(layout.describe(), "Your path: A → B → E. The recommended path: A → E.");
    }
}
