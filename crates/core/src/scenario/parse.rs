//! Reading a scenario file's bytes into a [`Scenario`], or one diagnostic that says
//! exactly why not (with line and column). Nothing an author can type panics here.

use std::sync::Arc;

use super::model::{Node, Scenario};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::ron::{ron_options, syntax_error};

/// Larger files are refused before parsing; real scenarios are a few tens of KB.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// A parsed scenario with the text it came from.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub scenario: Scenario,
    pub source: Arc<str>,
}

/// Parses one scenario file. `file` names it in messages.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Parsed, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        let limit = MAX_FILE_BYTES / (1024 * 1024);
        return Err(Diagnostic::error(
            file,
            format!("the file is larger than {limit} MB, the most a scenario file may be"),
        )
        .with_help("is this really a scenario? Real ones are a few tens of kilobytes"));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid: Arc<str> = Arc::from(std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default());
            let end = valid.len();
            return Err(Diagnostic::error(file, "the file is not UTF-8 text (is it a scenario file?)")
                .with_help("save the file as UTF-8 plain text")
                .with_span(&valid, end..end));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Diagnostic::error(file, "the file is empty").with_help("a scenario starts with `Scenario(`"));
    }
    let mut scenario: Scenario = ron_options().from_str(text).map_err(|e| syntax_error(file, text, &e))?;
    for node in scenario.nodes.values_mut() {
        if let Node::Scene(scene) = node {
            for (i, choice) in scene.choices.iter_mut().enumerate() {
                if choice.id.is_empty() {
                    choice.id = (i + 1).to_string();
                }
            }
        }
    }
    scenario.content_hash = content_hash(text);
    Ok(Parsed { scenario, source: Arc::from(text) })
}

/// A short hash of a file's text (XXH3, stable across versions and machines).
pub fn content_hash(text: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"Scenario(
    id: "tiny", title: "T", summary: "S", setting: "Home care visit", level: Introductory, minutes: 2,
    start: "a",
    nodes: {
        "a": Scene(text: "Hello", choices: [(text: "Wave", goto: "b"), (id: "nod", text: "Nod", goto: "b")]),
        "b": Ending(outcome: Good, title: "Done", text: "Bye"),
    },
)"#;

    #[test]
    fn optional_fields_may_be_left_out_and_choice_ids_default_to_position() {
        let parsed = parse("tiny.scenario.ron", MINIMAL.as_bytes()).unwrap();
        let Node::Scene(scene) = parsed.scenario.node("a").unwrap() else { panic!("a is a scene") };
        assert_eq!(scene.choices[0].id, "1");
        assert_eq!(scene.choices[1].id, "nod");
        assert!(scene.speaker.is_none());
        assert_eq!(parsed.scenario.content_hash.len(), 16);
    }

    #[test]
    fn unknown_field_is_an_error_at_its_position() {
        let text = MINIMAL.replace("goto: \"b\"), (id", "goto: \"b\", gotoo: \"c\"), (id");
        let d = parse("tiny.scenario.ron", text.as_bytes()).unwrap_err();
        assert!(d.message.contains("gotoo"), "{d}");
        assert_eq!(d.line_col.map(|(line, _)| line), Some(5), "{d}");
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        let text = MINIMAL.replace("title: \"Done\",", "title: \"Done\" ");
        let d = parse("tiny.scenario.ron", text.as_bytes()).unwrap_err();
        assert_eq!(d.line_col.map(|(line, _)| line), Some(6), "{d}");
        assert!(d.to_string().starts_with("tiny.scenario.ron:6:"), "{d}");
    }

    #[test]
    fn trailing_text_is_placed_where_it_starts() {
        let text = format!("{MINIMAL}\n// a comment\n\n  extra");
        let d = parse("tiny.scenario.ron", text.as_bytes()).unwrap_err();
        assert_eq!(d.line_col, Some((11, 3)), "{d}");
    }

    #[test]
    fn type_error_names_line() {
        let text = MINIMAL.replace("minutes: 2", "minutes: \"two\"");
        let d = parse("tiny.scenario.ron", text.as_bytes()).unwrap_err();
        assert_eq!(d.line_col.map(|(line, _)| line), Some(2), "{d}");
    }

    #[test]
    fn empty_garbage_huge_and_deep_files_get_clear_errors() {
        let empty = parse("e.scenario.ron", b"  \n").unwrap_err();
        assert!(empty.message.contains("empty"));

        let garbage = parse("g.scenario.ron", &[0x53, 0x63, 0xff, 0xfe, 0x00, 0x80]).unwrap_err();
        assert!(garbage.message.contains("UTF-8"), "{garbage}");

        let random: Vec<u8> = (0..10_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        assert!(parse("r.scenario.ron", &random).is_err());

        let huge = vec![b' '; 50 * 1024 * 1024];
        assert!(parse("h.scenario.ron", &huge).unwrap_err().message.contains("larger than"));

        let deep = format!("Scenario(id: {}{})", "[".repeat(5000), "]".repeat(5000));
        let d = parse("d.scenario.ron", deep.as_bytes()).unwrap_err();
        assert_eq!(d.line_col.map(|(line, _)| line), Some(1), "{d}");
    }
}
