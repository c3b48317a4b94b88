//! Checking a parsed scenario against the rules of the format, reporting every
//! problem found in one pass. See `docs/scenario-format.md` for the rules.

use std::cell::OnceCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use super::model::{Choice, Node, Scenario, Scene};
use super::parse::Parsed;
use super::reach::{MAX_STATES, StateGraph};
use crate::catalogues::{Catalogues, is_kebab_case};
use crate::diagnostic::outline::{Outline, Step};
use crate::diagnostic::{Diagnostic, LineIndex, Place, Severity};

/// Scores run from -3 (works against the principle) to 3 (upholds it well).
pub const SCORE_RANGE: std::ops::RangeInclusive<i64> = -3..=3;

/// How long a play may say it takes, in minutes.
pub const MINUTES: std::ops::RangeInclusive<u32> = 1..=120;

/// After this many problems in one file the rest are counted, not listed.
const MAX_REPORTS: usize = 100;

/// The scenario id a file must declare: its name without `.scenario.ron`.
pub fn file_stem(file: &str) -> &str {
    let name = Path::new(file).file_name().and_then(|n| n.to_str()).unwrap_or(file);
    name.strip_suffix(".scenario.ron").or_else(|| name.strip_suffix(".ron")).unwrap_or(name)
}

/// Every problem in a parsed scenario, errors and warnings, in file order where possible,
/// with the graph of plays explored to find them (for analysis of a valid scenario).
pub fn validate<'s>(file: &str, parsed: &'s Parsed, catalogues: &Catalogues) -> (Vec<Diagnostic>, StateGraph<'s>) {
    let mut checker = Checker {
        file,
        source: &parsed.source,
        located: OnceCell::new(),
        catalogues,
        scenario: &parsed.scenario,
        found: Vec::new(),
        unlisted: [0, 0],
        node_nth: occurrence_numbers(parsed.scenario.nodes.keys()),
    };
    checker.scenario_fields(file_stem(file));
    checker.nodes();
    let has_cycle = checker.cycles();
    let graph = StateGraph::explore(&parsed.scenario);
    checker.reachability(&graph, has_cycle);
    (checker.finish(), graph)
}

struct Checker<'a> {
    file: &'a str,
    source: &'a Arc<str>,
    /// The outline and line index of the source, made only when a problem is found.
    located: OnceCell<(Outline, LineIndex)>,
    catalogues: &'a Catalogues,
    scenario: &'a Scenario,
    found: Vec<Diagnostic>,
    /// Problems beyond [`MAX_REPORTS`], counted by severity.
    unlisted: [usize; 2],
    /// For each node, how many earlier nodes share its id (to find duplicates in the text).
    node_nth: Vec<usize>,
}

/// Where a problem is: in the scenario's own fields, a node, or a choice.
#[derive(Clone, Copy)]
enum At<'a> {
    Top(&'a str),
    Node(usize, &'a str),
    Choice(usize, usize, &'a str),
}

impl<'a> Checker<'a> {
    fn report(&mut self, severity: Severity, at: At<'_>, message: String, help: Option<&str>) {
        if self.found.len() >= MAX_REPORTS {
            self.unlisted[(severity == Severity::Error) as usize] += 1;
            return;
        }
        let mut diagnostic = Diagnostic::error(self.file, message);
        diagnostic.severity = severity;
        if let Some(help) = help {
            diagnostic = diagnostic.with_help(help);
        }
        let nodes = &self.scenario.nodes;
        let source = self.source;
        let (outline, lines) = self.located.get_or_init(|| (Outline::scan(source), LineIndex::new(source)));
        let (place, span) = match at {
            At::Top(field) => (Place::default(), outline.locate(&[Step::Field(field)])),
            At::Node(n, field) => {
                let (id, _) = nodes.at(n);
                let mut path = vec![Step::Field("nodes"), Step::Key(id, self.node_nth[n])];
                if !field.is_empty() {
                    path.push(Step::Field(field));
                }
                (Place::node(id), outline.locate(&path))
            }
            At::Choice(n, c, field) => {
                let (id, node) = nodes.at(n);
                let Node::Scene(scene) = node else { unreachable!("choices belong to scenes") };
                let mut path =
                    vec![Step::Field("nodes"), Step::Key(id, self.node_nth[n]), Step::Field("choices"), Step::Item(c)];
                if !field.is_empty() {
                    path.push(Step::Field(field));
                }
                (Place::choice(id, &scene.choices[c].id), outline.locate(&path))
            }
        };
        self.found.push(diagnostic.at(place).with_span_in(source, span, lines));
    }

    fn error(&mut self, at: At<'_>, message: String, help: Option<&str>) {
        self.report(Severity::Error, at, message, help);
    }

    fn warning(&mut self, at: At<'_>, message: String, help: Option<&str>) {
        self.report(Severity::Warning, at, message, help);
    }

    fn finish(mut self) -> Vec<Diagnostic> {
        let [warnings, errors] = self.unlisted;
        if errors > 0 {
            let more = format!("{errors} more errors and {warnings} more warnings not listed; fix these first");
            self.found.push(Diagnostic::error(self.file, more));
        } else if warnings > 0 {
            self.found.push(Diagnostic::warning(self.file, format!("{warnings} more warnings not listed")));
        }
        self.found
    }

    fn scenario_fields(&mut self, stem: &str) {
        let s = self.scenario;
        if !is_kebab_case(&s.id) {
            let message = format!("scenario id \"{}\" must be kebab-case (lower-case words joined by hyphens)", s.id);
            self.error(At::Top("id"), message, None);
        } else if s.id != stem {
            let message = format!("scenario id \"{}\" does not match the file name \"{stem}.scenario.ron\"", s.id);
            self.error(At::Top("id"), message, Some("rename the file or change the id so they match"));
        }
        if !MINUTES.contains(&s.minutes) {
            let message = format!(
                "minutes is {}; give how long a play takes, from {} to {} minutes",
                s.minutes,
                MINUTES.start(),
                MINUTES.end()
            );
            self.error(At::Top("minutes"), message, Some("most scenarios take 10 to 15 minutes"));
        }
        for principle in s.focus.iter().filter(|p| self.catalogues.principle(p).is_none()) {
            let message = format!("focus names unknown principle \"{principle}\"");
            self.error(At::Top("focus"), message, Some(&self.known_principles()));
        }
        for topic in s.topics.iter().filter(|t| self.catalogues.topic(t).is_none()) {
            let ids: Vec<&str> = self.catalogues.topics.iter().map(|t| t.id.as_str()).collect();
            let help = format!("known topics: {}", ids.join(", "));
            self.error(At::Top("topics"), format!("topics names unknown topic \"{topic}\""), Some(&help));
        }
        for key in duplicates(s.cast.keys()) {
            self.error(At::Top("cast"), format!("cast member \"{key}\" is listed twice"), None);
        }
        if !s.nodes.contains_key(&s.start) {
            self.error(At::Top("start"), format!("start names no node: \"{}\"", s.start), None);
        }
        for principle in &s.focus {
            let scored = s.scenes().any(|(_, scene)| scene.choices.iter().any(|c| c.scores.contains_key(principle)));
            if !scored && self.catalogues.principle(principle).is_some() {
                let message = format!("focus principle \"{principle}\" is not scored by any choice");
                self.warning(At::Top("focus"), message, None);
            }
        }
    }

    fn known_principles(&self) -> String {
        let ids: Vec<&str> = self.catalogues.principles.iter().map(|p| p.id.as_str()).collect();
        format!("known principles: {}", ids.join(", "))
    }

    fn nodes(&mut self) {
        let s = self.scenario;
        for n in 0..s.nodes.len() {
            if self.node_nth[n] > 0 {
                let message =
                    format!("node id \"{}\" is used more than once; only the first would be kept", s.nodes.at(n).0);
                self.error(At::Node(n, ""), message, Some("give each node its own id"));
            }
        }
        let set_flags: HashSet<&str> =
            s.scenes().flat_map(|(_, scene)| scene.choices.iter().flat_map(|c| &c.sets)).map(String::as_str).collect();
        for n in 0..s.nodes.len() {
            if let (_, Node::Scene(scene)) = s.nodes.at(n) {
                self.scene(n, scene, &set_flags);
            }
        }
    }

    fn scene(&mut self, n: usize, scene: &Scene, set_flags: &HashSet<&str>) {
        let s = self.scenario;
        if let Some(speaker) = &scene.speaker
            && !s.cast.contains_key(speaker)
        {
            self.error(At::Node(n, "speaker"), format!("speaker \"{speaker}\" is not in the cast"), None);
        }
        match scene.choices.len() {
            0 => self.error(At::Node(n, ""), "a scene needs at least one choice".into(), None),
            1 => self.warning(At::Node(n, "choices"), "this scene offers only one choice".into(), None),
            _ => {}
        }
        for id in duplicates(scene.choices.iter().map(|c| c.id.as_str())) {
            let c = scene.choices.iter().rposition(|c| c.id == id).unwrap_or_default();
            let message = format!("choice id \"{id}\" is used more than once in this scene");
            self.error(
                At::Choice(n, c, "id"),
                message,
                Some("a choice without an id takes its position (1, 2, ...) as its id"),
            );
        }
        for (c, choice) in scene.choices.iter().enumerate() {
            if !s.nodes.contains_key(&choice.goto) {
                self.error(At::Choice(n, c, "goto"), format!("goto names no node: \"{}\"", choice.goto), None);
            }
            for (principle, score) in choice.scores.iter() {
                if self.catalogues.principle(principle).is_none() {
                    let help = self.known_principles();
                    self.error(At::Choice(n, c, "scores"), format!("unknown principle \"{principle}\""), Some(&help));
                }
                if !SCORE_RANGE.contains(score) {
                    let message = format!("score {score} for \"{principle}\" is outside -3..=3");
                    self.error(At::Choice(n, c, "scores"), message, None);
                }
            }
            for principle in duplicates(choice.scores.keys()) {
                self.error(At::Choice(n, c, "scores"), format!("\"{principle}\" is scored twice"), None);
            }
            for section in choice.guide.iter().filter(|g| self.catalogues.section(g).is_none()) {
                let message = format!("unknown guide section \"{section}\"");
                self.error(
                    At::Choice(n, c, "guide"),
                    message,
                    Some("guide section ids are listed in assets/guide.ron"),
                );
            }
            for flag in choice.requires.iter().chain(&choice.unless).filter(|f| !set_flags.contains(f.as_str())) {
                let message = format!("flag \"{flag}\" is never set by any choice");
                let field = if choice.requires.contains(flag) { "requires" } else { "unless" };
                self.error(At::Choice(n, c, field), message, Some("flags are set by a choice's `sets`"));
            }
            self.red_line(n, c, choice);
            if choice.feedback.is_none() {
                self.warning(At::Choice(n, c, ""), "choice has no feedback".into(), None);
            }
            if choice.scores.is_empty() {
                self.warning(At::Choice(n, c, ""), "choice has no scores".into(), None);
            }
        }
    }

    /// A red flag names the line it crosses, and a repair puts right a flag that a
    /// red-flag choice sets.
    fn red_line(&mut self, n: usize, c: usize, choice: &Choice) {
        let lines = || {
            let ids: Vec<&str> = self.catalogues.red_lines.iter().map(|l| l.id.as_str()).collect();
            format!("the red lines are: {}", ids.join(", "))
        };
        match (&choice.red_flag, &choice.red_line) {
            (Some(_), None) => {
                let help = lines();
                self.error(
                    At::Choice(n, c, "red_flag"),
                    "a red flag must name the line it crosses with `red_line`".into(),
                    Some(&help),
                );
            }
            (None, Some(_)) => {
                let message = "`red_line` needs a `red_flag` saying what was done".into();
                self.error(At::Choice(n, c, "red_line"), message, None);
            }
            (Some(_), Some(line)) if self.catalogues.red_line(line).is_none() => {
                let help = lines();
                self.error(At::Choice(n, c, "red_line"), format!("unknown red line \"{line}\""), Some(&help));
            }
            _ => {}
        }
        let s = self.scenario;
        let (here, _) = s.nodes.at(n);
        for flag in &choice.repairs {
            let mut setters = s
                .scenes()
                .flat_map(|(_, scene)| &scene.choices)
                .filter(|o| o.red_flag.is_some() && o.sets.contains(flag))
                .peekable();
            if setters.peek().is_none() {
                let message = format!("repairs names flag \"{flag}\", which no red-flag choice sets");
                self.error(
                    At::Choice(n, c, "repairs"),
                    message,
                    Some("a repair puts right a red flag: name a flag its choice `sets`"),
                );
            } else if !setters.any(|o| leads_to(s, &o.goto, here)) {
                let message = format!(
                    "repairs names flag \"{flag}\", but no red-flag choice that sets it comes before this scene"
                );
                self.error(
                    At::Choice(n, c, "repairs"),
                    message,
                    Some("a repair can only put right what was done earlier in the play"),
                );
            }
        }
    }

    /// Reports each cycle once; returns whether there was any.
    fn cycles(&mut self) -> bool {
        let s = self.scenario;
        let targets: Vec<Vec<usize>> = (0..s.nodes.len())
            .map(|n| match s.nodes.at(n).1 {
                Node::Scene(scene) => scene.choices.iter().filter_map(|c| s.nodes.position(&c.goto)).collect(),
                Node::Ending(_) => Vec::new(),
            })
            .collect();
        // Iterative depth-first search: 0 unvisited, 1 on the current path, 2 done.
        let mut colour = vec![0u8; s.nodes.len()];
        let mut found = false;
        for root in 0..s.nodes.len() {
            if colour[root] != 0 {
                continue;
            }
            let mut stack = vec![(root, 0usize)];
            colour[root] = 1;
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                let Some(&to) = targets[node].get(*next) else {
                    colour[node] = 2;
                    stack.pop();
                    continue;
                };
                *next += 1;
                match colour[to] {
                    0 => {
                        colour[to] = 1;
                        stack.push((to, 0));
                    }
                    1 => {
                        found = true;
                        let from = stack.iter().position(|&(n, _)| n == to).unwrap_or_default();
                        let mut names: Vec<&str> = stack[from..].iter().map(|&(n, _)| s.nodes.at(n).0).collect();
                        names.push(s.nodes.at(to).0);
                        let message = format!("the story loops back on itself: {}", names.join(" → "));
                        self.error(At::Node(to, ""), message, Some("scenarios must always move forward to an ending"));
                    }
                    _ => {}
                }
            }
        }
        found
    }

    fn reachability(&mut self, graph: &StateGraph<'_>, has_cycle: bool) {
        let s = self.scenario;
        if graph.states.is_empty() {
            return; // no valid start, already reported
        }
        if !graph.complete {
            let message = format!("too many combinations of flags to check (over {MAX_STATES} states)");
            self.error(At::Top("nodes"), message, Some("use fewer independent flags"));
            return;
        }
        let mut dead_end_reported = HashSet::new();
        for (state, offered) in graph.offered.iter().enumerate() {
            let node = graph.states[state].node;
            let is_scene = matches!(s.nodes.at(node).1, Node::Scene(scene) if !scene.choices.is_empty());
            if *offered == 0 && is_scene && dead_end_reported.insert(node) {
                let path: Vec<String> = graph.path_to(state).iter().map(|(n, c)| format!("{n}/{c}")).collect();
                let flags = graph.flag_names(state);
                let message = format!(
                    "dead end: a play can arrive here with {} and then no choice is offered (path: {})",
                    if flags.is_empty() {
                        "no flags set".to_owned()
                    } else {
                        format!("flags {{{}}}", flags.join(", "))
                    },
                    if path.is_empty() { "the start".to_owned() } else { path.join(", ") },
                );
                self.error(
                    At::Node(node, ""),
                    message,
                    Some("check the `requires` and `unless` of this scene's choices"),
                );
            }
        }
        let reached = graph.reached_nodes();
        let unreached: Vec<usize> = (0..s.nodes.len()).filter(|&n| !reached[n] && self.node_nth[n] == 0).collect();
        for n in unreached {
            match s.nodes.at(n).1 {
                Node::Ending(_) => self.error(At::Node(n, ""), "no play can reach this ending".into(), None),
                Node::Scene(_) => self.warning(At::Node(n, ""), "no play can reach this scene".into(), None),
            }
        }
        if has_cycle {
            return; // choices on a loop would be reported twice over
        }
        let mut offered_somewhere: BTreeMap<usize, HashSet<usize>> = BTreeMap::new();
        for (state, edges) in graph.edges.iter().enumerate() {
            offered_somewhere.entry(graph.states[state].node).or_default().extend(edges.iter().map(|e| e.choice));
        }
        for (n, choices) in offered_somewhere {
            let Node::Scene(scene) = s.nodes.at(n).1 else {
                continue;
            };
            for (c, choice) in scene.choices.iter().enumerate() {
                if !choices.contains(&c) && s.nodes.contains_key(&choice.goto) {
                    let message = "this choice is never offered: its `requires`/`unless` rule it out on every way here";
                    self.warning(At::Choice(n, c, ""), message.into(), None);
                }
            }
        }
    }
}

/// For each key, how many earlier keys are equal to it.
fn occurrence_numbers<'k>(keys: impl Iterator<Item = &'k str>) -> Vec<usize> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    keys.map(|k| {
        let count = counts.entry(k).or_default();
        *count += 1;
        *count - 1
    })
    .collect()
}

/// The keys that occur more than once, each once, in order of their second occurrence.
fn duplicates<'k>(keys: impl Iterator<Item = &'k str>) -> Vec<&'k str> {
    let mut seen = HashSet::new();
    let mut repeated = Vec::new();
    for key in keys {
        if !seen.insert(key) && !repeated.contains(&key) {
            repeated.push(key);
        }
    }
    repeated
}

/// Whether a play at node `from` can go on to reach node `to` (or is there).
fn leads_to(s: &Scenario, from: &str, to: &str) -> bool {
    let mut seen = HashSet::new();
    let mut next = vec![from];
    while let Some(id) = next.pop() {
        if id == to {
            return true;
        }
        if seen.insert(id)
            && let Some(Node::Scene(scene)) = s.node(id)
        {
            next.extend(scene.choices.iter().map(|c| c.goto.as_str()));
        }
    }
    false
}
