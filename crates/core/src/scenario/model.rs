//! The scenario format as Rust types: what an author writes in a `.scenario.ron` file.
//!
//! Optional fields may be left out; unknown fields are errors. Maps keep every entry
//! in file order (see [`Entries`]) so that a duplicate key is reported, not lost.

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

/// One scenario: a branching story of decisions that ends in one of several endings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Kebab-case, unique in the library, equal to the file stem.
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Where it happens, in the author's words ("Home care visit").
    pub setting: String,
    pub level: Level,
    /// Roughly how long a play takes.
    pub minutes: u32,
    /// Principle ids this scenario is mostly about.
    #[serde(default)]
    pub focus: Vec<String>,
    /// The areas of practice at the heart of the scenario: ids from the topics catalogue.
    #[serde(default)]
    pub topics: Vec<String>,
    /// Shown before the scenario starts, for content that may distress.
    #[serde(default)]
    pub content_note: Option<String>,
    /// The people in the story, keyed by the id scenes use as `speaker`.
    #[serde(default)]
    pub cast: Entries<CastMember>,
    /// The id of the first node.
    pub start: String,
    pub nodes: Entries<Node>,
    /// A hash of the file's text, so a record can tell that its scenario has changed.
    #[serde(skip)]
    pub content_hash: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Level {
    Introductory,
    Intermediate,
    Advanced,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CastMember {
    pub name: String,
    pub role: String,
}

/// A point in the story: a decision to take, or an ending.
#[derive(Debug, Clone, Deserialize)]
pub enum Node {
    Scene(Scene),
    Ending(Ending),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scene {
    /// A cast key.
    #[serde(default)]
    pub speaker: Option<String>,
    pub text: String,
    #[serde(default)]
    pub prompt: Option<String>,
    /// Notes for a trainer running the scenario with a group; never shown to players.
    #[serde(default)]
    pub facilitator: Option<String>,
    /// Questions for a group to talk over before deciding.
    #[serde(default)]
    pub discuss: Vec<String>,
    #[serde(default)]
    pub choices: Vec<Choice>,
}

/// The question put to the player when a scene gives none.
pub const DEFAULT_PROMPT: &str = "What do you do?";

impl Scene {
    /// The scene's question, or the usual one.
    pub fn prompt(&self) -> &str {
        self.prompt.as_deref().unwrap_or(DEFAULT_PROMPT)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Unique within its scene. Left out, it is the choice's 1-based position.
    #[serde(default)]
    pub id: String,
    pub text: String,
    /// The node this choice leads to.
    pub goto: String,
    /// Principle id to a score in -3..=3.
    #[serde(default)]
    pub scores: Entries<i64>,
    #[serde(default)]
    pub feedback: Option<String>,
    /// Guide section ids the feedback draws on.
    #[serde(default)]
    pub guide: Vec<String>,
    /// Set when this choice crosses a line that must not be crossed: what was done, in
    /// the author's words.
    #[serde(default)]
    pub red_flag: Option<String>,
    /// The line a red-flag choice crosses: an id from the red lines catalogue.
    #[serde(default)]
    pub red_line: Option<String>,
    /// Flags set by earlier red-flag choices that this choice puts right (owning up,
    /// handing the money in): a play whose every red flag is put right is rated
    /// "Put right" rather than "Unsafe".
    #[serde(default)]
    pub repairs: Vec<String>,
    /// Flags this choice sets for the rest of the play.
    #[serde(default)]
    pub sets: Vec<String>,
    /// Offered only when every one of these flags is set.
    #[serde(default)]
    pub requires: Vec<String>,
    /// Offered only when none of these flags is set.
    #[serde(default)]
    pub unless: Vec<String>,
}

impl Choice {
    /// This choice's score for a principle (0 when it does not mention it).
    pub fn score(&self, principle: &str) -> i64 {
        self.scores.get(principle).copied().unwrap_or(0)
    }

    /// The sum of all its scores, used to pick the recommended choice.
    pub fn total(&self) -> i64 {
        self.scores.iter().map(|(_, s)| *s).sum()
    }

    /// Whether this choice is offered given the flags set so far.
    pub fn offered_with(&self, has_flag: impl Fn(&str) -> bool) -> bool {
        self.requires.iter().all(|f| has_flag(f)) && !self.unless.iter().any(|f| has_flag(f))
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    pub outcome: Outcome,
    pub title: String,
    pub text: String,
    #[serde(default)]
    pub takeaways: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum Outcome {
    Good,
    Mixed,
    Poor,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

impl Scenario {
    /// The first node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.get(id)
    }

    pub fn scenes(&self) -> impl Iterator<Item = (&str, &Scene)> {
        self.nodes.iter().filter_map(|(id, node)| match node {
            Node::Scene(scene) => Some((id, scene)),
            Node::Ending(_) => None,
        })
    }

    pub fn endings(&self) -> impl Iterator<Item = (&str, &Ending)> {
        self.nodes.iter().filter_map(|(id, node)| match node {
            Node::Ending(ending) => Some((id, ending)),
            Node::Scene(_) => None,
        })
    }

    /// Who speaks in a scene, and their place in the cast (for their avatar's colour).
    pub fn speaker(&self, scene: &Scene) -> Option<(&CastMember, usize)> {
        let place = self.cast.position(scene.speaker.as_deref()?)?;
        Some((self.cast.at(place).1, place))
    }

    /// The name of a cast member, or the key itself if it is not in the cast.
    pub fn speaker_name<'a>(&'a self, key: &'a str) -> &'a str {
        self.cast.get(key).map_or(key, |c| c.name.as_str())
    }

    /// Every principle id scored by some choice, in first-seen order.
    pub fn scored_principles(&self) -> Vec<&str> {
        let mut seen = Vec::new();
        for (_, scene) in self.scenes() {
            for choice in &scene.choices {
                for (p, _) in choice.scores.iter() {
                    if !seen.contains(&p) {
                        seen.push(p);
                    }
                }
            }
        }
        seen
    }

    /// Every guide section id cited by some choice, in first-seen order.
    pub fn cited_sections(&self) -> Vec<&str> {
        let mut seen = Vec::new();
        for (_, scene) in self.scenes() {
            for section in scene.choices.iter().flat_map(|c| &c.guide) {
                if !seen.contains(&section.as_str()) {
                    seen.push(section.as_str());
                }
            }
        }
        seen
    }
}

/// A map written `{ "key": value, ... }` that keeps every entry in file order,
/// duplicates included, so that validation can report a key written twice
/// (a plain map would silently keep the last one and lose a node).
#[derive(Debug, Clone)]
pub struct Entries<V> {
    entries: Vec<(String, V)>,
    /// Key to the index of its first entry; only for maps too long to search in order.
    index: Option<HashMap<String, usize>>,
}

/// Maps with more entries than this get a hash index.
const INDEX_FROM: usize = 12;

impl<V> Default for Entries<V> {
    fn default() -> Self {
        Entries { entries: Vec::new(), index: None }
    }
}

impl<V> Entries<V> {
    /// The value of the first entry with this key.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.position(key).map(|i| &self.entries[i].1)
    }

    /// The position of the first entry with this key.
    pub fn position(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => self.entries.iter().position(|(k, _)| k == key),
        }
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_some()
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&str, &V)> + ExactSizeIterator {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_str())
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry at a position, as counted by [`Entries::iter`].
    pub fn at(&self, i: usize) -> (&str, &V) {
        let (k, v) = &self.entries[i];
        (k, v)
    }

    pub(crate) fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.entries.iter_mut().map(|(_, v)| v)
    }
}

impl<V> FromIterator<(String, V)> for Entries<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        let entries: Vec<(String, V)> = iter.into_iter().collect();
        let index = (entries.len() > INDEX_FROM).then(|| {
            let mut index = HashMap::with_capacity(entries.len());
            for (i, (key, _)) in entries.iter().enumerate() {
                index.entry(key.clone()).or_insert(i);
            }
            index
        });
        Entries { entries, index }
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Entries<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<V>(PhantomData<V>);

        impl<'de, V: Deserialize<'de>> Visitor<'de> for EntriesVisitor<V> {
            type Value = Entries<V>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of \"key\": value entries")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, V>()? {
                    entries.push(entry);
                }
                Ok(entries.into_iter().collect())
            }
        }

        deserializer.deserialize_map(EntriesVisitor(PhantomData))
    }
}
