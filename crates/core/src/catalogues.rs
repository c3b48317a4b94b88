//! The catalogues scenarios refer to: the principles choices are scored against
//! (`assets/principles.ron`), the sections of the guide feedback cites
//! (`assets/guide.ron`) and the lines a choice can cross (`assets/red-lines.ron`). They are data, so an organisation can adapt them; the
//! shipped ones are built into the binary so every command works from any directory.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use crate::diagnostic::Diagnostic;
use crate::diagnostic::outline::{Outline, Step};

pub const PRINCIPLES_FILE: &str = "principles.ron";
pub const GUIDE_FILE: &str = "guide.ron";
/// Optional in an organisation's folder: without it, the shipped red lines are used.
pub const RED_LINES_FILE: &str = "red-lines.ron";
/// Optional in an organisation's folder: without it, the shipped topics are used.
pub const TOPICS_FILE: &str = "topics.ron";

const SHIPPED_PRINCIPLES: &str = include_str!("../../../assets/principles.ron");
const SHIPPED_GUIDE: &str = include_str!("../../../assets/guide.ron");
const SHIPPED_RED_LINES: &str = include_str!("../../../assets/red-lines.ron");
const SHIPPED_TOPICS: &str = include_str!("../../../assets/topics.ron");

/// A principle every choice may be scored against.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Guide section ids this principle draws on.
    pub guide: Vec<String>,
    /// `#rrggbb`, for the principle's chips and bars.
    pub colour: String,
    /// The question a debrief asks when a play scored lowest on this principle.
    #[serde(default)]
    pub reflect: Option<String>,
}

/// One section of the professional-relationships guide.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideSection {
    /// Kebab-case of the heading.
    pub id: String,
    pub title: String,
    /// The key points, in our own words.
    pub points: Vec<String>,
}

/// A line a choice can cross, whatever the scenario: crossing one makes a play Unsafe
/// unless it is put right.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedLine {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Guide section ids the line rests on.
    pub guide: Vec<String>,
}

/// An area of practice a library should cover; a scenario names those at its heart.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone)]
pub struct Catalogues {
    pub principles: Vec<Principle>,
    pub guide: Vec<GuideSection>,
    pub red_lines: Vec<RedLine>,
    pub topics: Vec<Topic>,
}

/// Larger catalogue files are refused unread; the shipped ones are a few tens of KB.
pub const MAX_CATALOGUE_BYTES: u64 = 4 * 1024 * 1024;

impl Catalogues {
    /// The catalogues built into the binary.
    pub fn shipped() -> Result<Catalogues, Vec<Diagnostic>> {
        Catalogues::from_sources(("assets/principles.ron", SHIPPED_PRINCIPLES), ("assets/guide.ron", SHIPPED_GUIDE))?
            .with_red_lines(("assets/red-lines.ron", SHIPPED_RED_LINES))?
            .with_topics(("assets/topics.ron", SHIPPED_TOPICS))
    }

    /// An organisation's own catalogues: `principles.ron` and `guide.ron` in `dir`.
    pub fn load_dir(dir: &Path) -> Result<Catalogues, Vec<Diagnostic>> {
        let read = |name: &str| {
            let path = dir.join(name);
            let label = path.display().to_string();
            crate::files::read_text(&path, MAX_CATALOGUE_BYTES, "a catalogue")
                .map(|text| (label.clone(), text))
                .map_err(|e| vec![Diagnostic::error(&label, format!("cannot read the catalogue: {}", e.reason()))])
        };
        let (principles_file, principles) = read(PRINCIPLES_FILE)?;
        let (guide_file, guide) = read(GUIDE_FILE)?;
        let catalogues = Catalogues::from_sources((&principles_file, &principles), (&guide_file, &guide))?;
        let catalogues = if dir.join(RED_LINES_FILE).exists() {
            let (file, text) = read(RED_LINES_FILE)?;
            catalogues.with_red_lines((&file, &text))?
        } else {
            catalogues.with_red_lines(("assets/red-lines.ron", SHIPPED_RED_LINES))?
        };
        if dir.join(TOPICS_FILE).exists() {
            let (file, text) = read(TOPICS_FILE)?;
            catalogues.with_topics((&file, &text))
        } else {
            catalogues.with_topics(("assets/topics.ron", SHIPPED_TOPICS))
        }
    }

    /// These catalogues with the red lines read from a source (file name, text).
    pub fn with_red_lines(mut self, source: (&str, &str)) -> Result<Catalogues, Vec<Diagnostic>> {
        self.red_lines = parse_list::<RedLine>(source.0, source.1).map_err(|d| vec![d])?;
        let text: Arc<str> = Arc::from(source.1);
        let outline = Outline::scan(source.1);
        let mut problems = Vec::new();
        let mut seen = HashSet::new();
        for (i, line) in self.red_lines.iter().enumerate() {
            let at = |field: &str, message: String| {
                let span = outline.locate(&[Step::Item(i), Step::Field(field)]);
                Diagnostic::error(source.0, message).with_span(&text, span)
            };
            if !is_kebab_case(&line.id) || !seen.insert(line.id.as_str()) {
                problems.push(at("id", format!("red line id \"{}\" must be kebab-case and unique", line.id)));
            }
            for section in line.guide.iter().filter(|s| self.section(s).is_none()) {
                let message = format!(
                    "red line \"{}\" rests on guide section \"{section}\", which guide.ron does not have",
                    line.id
                );
                problems.push(at("guide", message));
            }
        }
        if problems.is_empty() { Ok(self) } else { Err(problems) }
    }

    /// These catalogues with the topics read from a source (file name, text).
    pub fn with_topics(mut self, source: (&str, &str)) -> Result<Catalogues, Vec<Diagnostic>> {
        self.topics = parse_list::<Topic>(source.0, source.1).map_err(|d| vec![d])?;
        let text: Arc<str> = Arc::from(source.1);
        let outline = Outline::scan(source.1);
        let mut seen = HashSet::new();
        let problems: Vec<Diagnostic> = self
            .topics
            .iter()
            .enumerate()
            .filter(|(_, topic)| !is_kebab_case(&topic.id) || !seen.insert(topic.id.as_str()))
            .map(|(i, topic)| {
                let span = outline.locate(&[Step::Item(i), Step::Field("id")]);
                let message = format!("topic id \"{}\" must be kebab-case and unique", topic.id);
                Diagnostic::error(source.0, message).with_span(&text, span)
            })
            .collect();
        if problems.is_empty() { Ok(self) } else { Err(problems) }
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    pub fn red_line(&self, id: &str) -> Option<&RedLine> {
        self.red_lines.iter().find(|l| l.id == id)
    }

    /// Parses and checks both catalogues from their text, each named for messages.
    pub fn from_sources(principles: (&str, &str), guide: (&str, &str)) -> Result<Catalogues, Vec<Diagnostic>> {
        let parsed_principles = parse_list::<Principle>(principles.0, principles.1);
        let parsed_guide = parse_list::<GuideSection>(guide.0, guide.1);
        let (principles_list, guide_list) = match (parsed_principles, parsed_guide) {
            (Ok(p), Ok(g)) => (p, g),
            (p, g) => return Err(p.err().into_iter().chain(g.err()).collect()),
        };
        let catalogues =
            Catalogues { principles: principles_list, guide: guide_list, red_lines: Vec::new(), topics: Vec::new() };
        let problems = catalogues.check(principles, guide);
        if problems.is_empty() { Ok(catalogues) } else { Err(problems) }
    }

    pub fn principle(&self, id: &str) -> Option<&Principle> {
        self.principles.iter().find(|p| p.id == id)
    }

    /// A principle's display name, or its id if the catalogue lacks it.
    pub fn principle_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.principle(id).map_or(id, |p| p.name.as_str())
    }

    /// A guide section's title, or its id if the catalogue lacks it.
    pub fn section_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.section(id).map_or(id, |s| s.title.as_str())
    }

    pub fn section(&self, id: &str) -> Option<&GuideSection> {
        self.guide.iter().find(|s| s.id == id)
    }

    /// Position of a principle in the catalogue, for ordering (unknown ids last).
    pub fn principle_rank(&self, id: &str) -> usize {
        self.principles.iter().position(|p| p.id == id).unwrap_or(usize::MAX)
    }

    fn check(&self, principles: (&str, &str), guide: (&str, &str)) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let principles_source: Arc<str> = Arc::from(principles.1);
        let guide_source: Arc<str> = Arc::from(guide.1);
        let principles_outline = Outline::scan(principles.1);
        let guide_outline = Outline::scan(guide.1);
        let at_principle = |i: usize, field: &str, d: Diagnostic| {
            let span = principles_outline.locate(&[Step::Item(i), Step::Field(field)]);
            d.with_span(&principles_source, span)
        };

        let mut seen = HashSet::new();
        for (i, section) in self.guide.iter().enumerate() {
            if !is_kebab_case(&section.id) || !seen.insert(section.id.as_str()) {
                let span = guide_outline.locate(&[Step::Item(i), Step::Field("id")]);
                let message = format!("guide section id \"{}\" must be kebab-case and unique", section.id);
                problems.push(Diagnostic::error(guide.0, message).with_span(&guide_source, span));
            }
        }
        let mut seen = HashSet::new();
        for (i, principle) in self.principles.iter().enumerate() {
            if !is_kebab_case(&principle.id) || !seen.insert(principle.id.as_str()) {
                let message = format!("principle id \"{}\" must be kebab-case and unique", principle.id);
                problems.push(at_principle(i, "id", Diagnostic::error(principles.0, message)));
            }
            for section in principle.guide.iter().filter(|s| self.section(s).is_none()) {
                let message = format!(
                    "principle \"{}\" cites guide section \"{section}\", which guide.ron does not have",
                    principle.id
                );
                problems.push(at_principle(i, "guide", Diagnostic::error(principles.0, message)));
            }
            if !is_hex_colour(&principle.colour) {
                let message = format!("colour \"{}\" is not of the form \"#rrggbb\"", principle.colour);
                problems.push(at_principle(i, "colour", Diagnostic::error(principles.0, message)));
            }
        }
        problems
    }
}

fn parse_list<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<Vec<T>, Diagnostic> {
    crate::diagnostic::ron::ron_options()
        .from_str(text)
        .map_err(|e| crate::diagnostic::ron::syntax_error(file, text, &e))
}

/// Lower-case letters and digits in words joined by single hyphens.
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

fn is_hex_colour(colour: &str) -> bool {
    colour.len() == 7 && colour.starts_with('#') && colour[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// Parses `#rrggbb` into its three channels.
pub fn rgb(colour: &str) -> Option<[u8; 3]> {
    if !is_hex_colour(colour) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&colour[i..i + 2], 16).ok();
    Some([channel(1)?, channel(3)?, channel(5)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_catalogues_load_and_cover_the_guide() {
        let catalogues = Catalogues::shipped().expect("shipped catalogues are valid");
        assert_eq!(catalogues.guide.len(), 15);
        for id in ["dignity", "boundaries", "safeguarding"] {
            assert!(catalogues.principle(id).is_some(), "{id}");
        }
        for section in &catalogues.guide {
            assert!(
                catalogues.principles.iter().any(|p| p.guide.contains(&section.id)),
                "no principle draws on {}",
                section.id
            );
        }
    }

    #[test]
    fn broken_catalogue_names_file_and_place() {
        let guide = r#"[(id: "a-section", title: "A", points: [])]"#;
        let principles = r##"[
            (id: "dignity", name: "D", description: "d", guide: ["nowhere"], colour: "#123456"),
        ]"##;
        let problems = Catalogues::from_sources(("p.ron", principles), ("g.ron", guide)).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].to_string().starts_with("p.ron:2:"), "{}", problems[0]);
        assert!(problems[0].message.contains("nowhere"));
    }

    #[test]
    fn kebab_case() {
        assert!(is_kebab_case("gift-at-the-door"));
        assert!(is_kebab_case("step2"));
        for bad in ["", "Gift", "a--b", "-a", "a-", "a_b", "a b"] {
            assert!(!is_kebab_case(bad), "{bad}");
        }
    }

    #[test]
    fn colours() {
        assert_eq!(rgb("#ff8000"), Some([255, 128, 0]));
        assert_eq!(rgb("ff8000"), None);
    }
}
