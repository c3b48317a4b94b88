//! Every way a scenario can be played: the graph of (node, flags set) states that
//! plays can reach from the start. Flags decide which choices are offered, so
//! reachability, dead ends and path totals are questions about states, not nodes.

use std::collections::{HashMap, VecDeque};

use super::model::{Node, Scenario};

/// Beyond this many states exploration stops and the scenario is reported as too
/// tangled to check (many independent flags multiply the states).
pub const MAX_STATES: usize = 1_000_000;

/// A set of flags, as bits indexed by [`StateGraph`]'s flag numbering.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct FlagSet(Vec<u64>);

impl FlagSet {
    pub fn contains(&self, flag: usize) -> bool {
        self.0.get(flag / 64).is_some_and(|word| word & (1 << (flag % 64)) != 0)
    }

    fn insert(&mut self, flag: usize) {
        if self.0.len() <= flag / 64 {
            self.0.resize(flag / 64 + 1, 0);
        }
        self.0[flag / 64] |= 1 << (flag % 64);
    }

    fn is_subset_of(&self, other: &FlagSet) -> bool {
        self.0.iter().enumerate().all(|(i, w)| w & !other.0.get(i).copied().unwrap_or(0) == 0)
    }

    fn intersects(&self, other: &FlagSet) -> bool {
        self.0.iter().zip(&other.0).any(|(a, b)| a & b != 0)
    }

    fn union(&self, other: &FlagSet) -> FlagSet {
        let (long, short) = if self.0.len() >= other.0.len() { (self, other) } else { (other, self) };
        let mut union = long.clone();
        for (w, s) in union.0.iter_mut().zip(&short.0) {
            *w |= s;
        }
        union
    }
}

/// A choice's conditions and effects as flag sets, worked out once per scene.
struct Rule {
    /// None when it requires a flag that nothing sets, so it is never offered.
    requires: Option<FlagSet>,
    unless: FlagSet,
    sets: FlagSet,
    goto: Option<usize>,
}

/// A point a play can be at: a node, with the flags set on the way there.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct State {
    /// Position of the node in `Scenario::nodes`.
    pub node: usize,
    pub flags: FlagSet,
}

/// Taking a choice: its position in the scene's `choices`, and the state it leads to.
#[derive(Debug, Clone, Copy)]
pub struct Edge {
    pub choice: usize,
    pub to: usize,
}

/// All states reachable from the start, with the choices offered in each.
pub struct StateGraph<'s> {
    scenario: &'s Scenario,
    /// State 0 is the start.
    pub states: Vec<State>,
    /// For each state, the offered choices whose `goto` names a node, in file order.
    pub edges: Vec<Vec<Edge>>,
    /// For each state, how many choices are offered there (including any whose
    /// `goto` is broken), so that a scene offering nothing can be told apart.
    pub offered: Vec<usize>,
    /// For each state but the start, the state and choice that first reached it.
    parent: Vec<Option<(usize, usize)>>,
    flags: HashMap<&'s str, usize>,
    flag_names: Vec<&'s str>,
    /// False when exploration stopped at [`MAX_STATES`].
    pub complete: bool,
}

impl<'s> StateGraph<'s> {
    /// Explores the scenario from its start. With no valid start there are no states.
    pub fn explore(scenario: &'s Scenario) -> Self {
        let mut flag_names: Vec<&str> = Vec::new();
        let mut flags = HashMap::new();
        for (_, scene) in scenario.scenes() {
            for flag in scene.choices.iter().flat_map(|c| &c.sets) {
                flags.entry(flag.as_str()).or_insert_with(|| {
                    flag_names.push(flag);
                    flag_names.len() - 1
                });
            }
        }
        let mut graph = StateGraph {
            scenario,
            states: Vec::new(),
            edges: Vec::new(),
            offered: Vec::new(),
            parent: Vec::new(),
            flags,
            flag_names,
            complete: true,
        };
        let Some(start) = scenario.nodes.position(&scenario.start) else {
            return graph;
        };

        let set_of = |names: &[String], flags: &HashMap<&str, usize>| -> Option<FlagSet> {
            let mut set = FlagSet::default();
            for name in names {
                set.insert(*flags.get(name.as_str())?);
            }
            Some(set)
        };
        let rules: Vec<Vec<Rule>> = scenario
            .nodes
            .iter()
            .map(|(_, node)| match node {
                Node::Scene(scene) => scene
                    .choices
                    .iter()
                    .map(|c| Rule {
                        requires: set_of(&c.requires, &graph.flags),
                        unless: {
                            let known: Vec<String> =
                                c.unless.iter().filter(|f| graph.flags.contains_key(f.as_str())).cloned().collect();
                            set_of(&known, &graph.flags).unwrap_or_default()
                        },
                        sets: set_of(&c.sets, &graph.flags).unwrap_or_default(),
                        goto: scenario.nodes.position(&c.goto),
                    })
                    .collect(),
                Node::Ending(_) => Vec::new(),
            })
            .collect();

        let mut seen: HashMap<State, usize> = HashMap::new();
        let first = State { node: start, flags: FlagSet::default() };
        seen.insert(first.clone(), 0);
        graph.push(first, None);
        let mut queue = VecDeque::from([0]);
        while let Some(at) = queue.pop_front() {
            let flags = graph.states[at].flags.clone();
            for (i, rule) in rules[graph.states[at].node].iter().enumerate() {
                let offered =
                    rule.requires.as_ref().is_some_and(|r| r.is_subset_of(&flags)) && !rule.unless.intersects(&flags);
                if !offered {
                    continue;
                }
                graph.offered[at] += 1;
                let Some(node) = rule.goto else { continue };
                let next = State { node, flags: flags.union(&rule.sets) };
                let to = match seen.get(&next) {
                    Some(&to) => to,
                    None if graph.states.len() >= MAX_STATES => {
                        graph.complete = false;
                        return graph;
                    }
                    None => {
                        let to = graph.states.len();
                        seen.insert(next.clone(), to);
                        graph.push(next, Some((at, i)));
                        queue.push_back(to);
                        to
                    }
                };
                graph.edges[at].push(Edge { choice: i, to });
            }
        }
        graph
    }

    fn push(&mut self, state: State, parent: Option<(usize, usize)>) {
        self.states.push(state);
        self.edges.push(Vec::new());
        self.offered.push(0);
        self.parent.push(parent);
    }

    pub fn scenario(&self) -> &'s Scenario {
        self.scenario
    }

    /// The names of the flags set in a state, in the order they are first set in the file.
    pub fn flag_names(&self, state: usize) -> Vec<&'s str> {
        let flags = &self.states[state].flags;
        self.flag_names.iter().enumerate().filter(|(i, _)| flags.contains(*i)).map(|(_, n)| *n).collect()
    }

    /// Which nodes some play reaches, by position in `Scenario::nodes`.
    pub fn reached_nodes(&self) -> Vec<bool> {
        let mut reached = vec![false; self.scenario.nodes.len()];
        for state in &self.states {
            reached[state.node] = true;
        }
        reached
    }

    /// The choices taken, as (node id, choice id), on the first-found way to a state.
    pub fn path_to(&self, mut state: usize) -> Vec<(&'s str, &'s str)> {
        let mut path = Vec::new();
        while let Some((parent, choice)) = self.parent[state] {
            let (node_id, node) = self.scenario.nodes.at(self.states[parent].node);
            if let Node::Scene(scene) = node {
                path.push((node_id, scene.choices[choice].id.as_str()));
            }
            state = parent;
        }
        path.reverse();
        path
    }

    /// One way to reach each reachable ending: ending id to the choice ids taken.
    pub fn paths_to_endings(&self) -> Vec<(&'s str, Vec<&'s str>)> {
        let mut found: Vec<(&str, Vec<&str>)> = Vec::new();
        for (i, state) in self.states.iter().enumerate() {
            let (id, node) = self.scenario.nodes.at(state.node);
            if matches!(node, Node::Ending(_)) && !found.iter().any(|(e, _)| *e == id) {
                found.push((id, self.path_to(i).into_iter().map(|(_, c)| c).collect()));
            }
        }
        found
    }

    /// States in an order where every state comes after all the states it leads to.
    /// Only meaningful when the scenario has no cycle.
    pub fn post_order(&self) -> Vec<usize> {
        let mut order = Vec::with_capacity(self.states.len());
        let mut visited = vec![false; self.states.len()];
        if self.states.is_empty() {
            return order;
        }
        let mut stack = vec![(0usize, 0usize)];
        visited[0] = true;
        while let Some(&mut (state, ref mut next_edge)) = stack.last_mut() {
            if let Some(edge) = self.edges[state].get(*next_edge) {
                *next_edge += 1;
                if !visited[edge.to] {
                    visited[edge.to] = true;
                    stack.push((edge.to, 0));
                }
            } else {
                order.push(state);
                stack.pop();
            }
        }
        order
    }
}
