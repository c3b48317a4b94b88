//! A scenario as a graph for authors: Graphviz DOT or Mermaid text. Scenes show their
//! speaker and opening words; arrows show each choice with its scores; endings are
//! coloured by outcome and red-flag choices drawn in red.

use std::fmt::Write;

use super::model::{Choice, Node, Outcome, Scenario};
use crate::text::shorten;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Dot,
    Mermaid,
}

/// Fill and stroke colours for an ending of each outcome.
fn outcome_colours(outcome: Outcome) -> (&'static str, &'static str) {
    match outcome {
        Outcome::Good => ("#c8e6c9", "#2e7d32"),
        Outcome::Mixed => ("#ffe0b2", "#ef6c00"),
        Outcome::Poor => ("#ffcdd2", "#c62828"),
    }
}

const RED_FLAG: &str = "#c62828";

pub fn render(scenario: &Scenario, format: Format) -> String {
    match format {
        Format::Dot => dot(scenario),
        Format::Mermaid => mermaid(scenario),
    }
}

fn node_label(scenario: &Scenario, id: &str, node: &Node) -> String {
    match node {
        Node::Scene(scene) => {
            let who = scene.speaker.as_deref().map(|s| format!("{}: ", scenario.speaker_name(s))).unwrap_or_default();
            format!("{id}\n{who}{}", shorten(&scene.text, 60))
        }
        Node::Ending(ending) => format!("{}\n({})", ending.title, ending.outcome),
    }
}

fn choice_label(choice: &Choice) -> String {
    let mut label = format!("{}: {}", choice.id, shorten(&choice.text, 40));
    let scores: Vec<String> = choice.scores.iter().map(|(p, s)| format!("{p} {s:+}")).collect();
    if !scores.is_empty() {
        let _ = write!(label, "\n{}", scores.join(", "));
    }
    for flag in &choice.requires {
        let _ = write!(label, "\n[needs {flag}]");
    }
    for flag in &choice.unless {
        let _ = write!(label, "\n[not if {flag}]");
    }
    if choice.red_flag.is_some() {
        label.push_str("\nRED FLAG");
    }
    label
}

fn dot(scenario: &Scenario) -> String {
    let esc = |s: &str| crate::text::for_terminal(s).replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    let mut out = String::new();
    let _ = writeln!(out, "digraph \"{}\" {{", esc(&scenario.id));
    let _ = writeln!(out, "    label=\"{}\"; labelloc=t; rankdir=TB;", esc(&scenario.title));
    let _ =
        writeln!(out, "    node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\"];");
    let _ = writeln!(out, "    edge [fontname=\"Helvetica\", fontsize=10];");
    for (id, node) in scenario.nodes.iter() {
        let label = esc(&node_label(scenario, id, node));
        match node {
            Node::Scene(_) => {
                let _ = writeln!(out, "    \"{}\" [label=\"{label}\"];", esc(id));
            }
            Node::Ending(ending) => {
                let (fill, stroke) = outcome_colours(ending.outcome);
                let _ = writeln!(
                    out,
                    "    \"{}\" [label=\"{label}\", shape=ellipse, fillcolor=\"{fill}\", color=\"{stroke}\"];",
                    esc(id)
                );
            }
        }
    }
    for (id, scene) in scenario.scenes() {
        for choice in &scene.choices {
            let colour = if choice.red_flag.is_some() {
                format!(", color=\"{RED_FLAG}\", fontcolor=\"{RED_FLAG}\"")
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "    \"{}\" -> \"{}\" [label=\"{}\"{colour}];",
                esc(id),
                esc(&choice.goto),
                esc(&choice_label(choice))
            );
        }
    }
    out.push_str("}\n");
    out
}

fn mermaid(scenario: &Scenario) -> String {
    // Mermaid reads `%%` as a directive and backticks as Markdown anywhere, so
    // everything that could be syntax becomes an entity code.
    let esc = |s: &str| {
        crate::text::for_terminal(s)
            .replace('#', "#35;")
            .replace('&', "#amp;")
            .replace('"', "#quot;")
            .replace('<', "#lt;")
            .replace('>', "#gt;")
            .replace('%', "#37;")
            .replace('`', "#96;")
            .replace('\n', "<br/>")
    };
    let name = |id: &str| scenario.nodes.position(id).map_or_else(|| "missing".to_owned(), |i| format!("n{i}"));
    let mut out = String::from("flowchart TD\n");
    for (i, (id, node)) in scenario.nodes.iter().enumerate() {
        let label = esc(&node_label(scenario, id, node));
        match node {
            Node::Scene(_) => {
                let _ = writeln!(out, "    n{i}[\"{label}\"]");
            }
            Node::Ending(ending) => {
                let _ = writeln!(out, "    n{i}([\"{label}\"]):::{}", ending.outcome.to_string().to_lowercase());
            }
        }
    }
    let mut edge = 0;
    let mut red = Vec::new();
    for (id, scene) in scenario.scenes() {
        for choice in &scene.choices {
            let _ = writeln!(out, "    {} -->|\"{}\"| {}", name(id), esc(&choice_label(choice)), name(&choice.goto));
            if choice.red_flag.is_some() {
                red.push(edge.to_string());
            }
            edge += 1;
        }
    }
    for outcome in [Outcome::Good, Outcome::Mixed, Outcome::Poor] {
        let (fill, stroke) = outcome_colours(outcome);
        let _ = writeln!(out, "    classDef {} fill:{fill},stroke:{stroke}", outcome.to_string().to_lowercase());
    }
    if !red.is_empty() {
        let _ = writeln!(out, "    linkStyle {} stroke:{RED_FLAG},color:{RED_FLAG}", red.join(","));
    }
    out
}
