//! The RON dialect of scenario and catalogue files, and its errors as diagnostics
//! that point at the right line and column.

use std::sync::Arc;

use ron::extensions::Extensions;

use super::{Diagnostic, offset_of};

/// How deep values may nest; scenarios need about ten levels.
const RECURSION_LIMIT: usize = 64;

/// The RON dialect of scenario and catalogue files: optional fields are written
/// bare (`speaker: "ada"`, not `Some("ada")`) and nodes as `Scene(text: ...)`.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME | Extensions::UNWRAP_VARIANT_NEWTYPES)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// The offset of the first character at or after `offset` that is not space or a comment.
fn first_token_from(text: &str, mut offset: usize) -> usize {
    loop {
        let rest = &text[offset..];
        let trimmed = rest.trim_start();
        offset += rest.len() - trimmed.len();
        if let Some(after) = trimmed.strip_prefix("//") {
            offset += 2 + after.find('\n').unwrap_or(after.len());
        } else if let Some(after) = trimmed.strip_prefix("/*") {
            offset += 2 + after.find("*/").map_or(after.len(), |i| i + 2);
        } else {
            return offset;
        }
    }
}

/// Turns a RON error into a diagnostic pointing at its line and column.
pub fn syntax_error(file: &str, text: &str, error: &ron::error::SpannedError) -> Diagnostic {
    let source: Arc<str> = Arc::from(text);
    let mut start = offset_of(text, error.span.start.line, error.span.start.col);
    if matches!(error.code, ron::Error::TrailingCharacters) {
        // ron points just past the value; the author needs the first thing after it.
        start = first_token_from(text, start);
    }
    let end = offset_of(text, error.span.end.line, error.span.end.col).max(start);
    let mut message = error.code.to_string();
    let help = match &error.code {
        ron::Error::ExceededRecursionLimit => {
            message = format!("values are nested more than {RECURSION_LIMIT} deep");
            Some("a scenario never needs to nest this deeply; look for unclosed brackets".to_owned())
        }
        ron::Error::Eof => Some("the file ends too early: is a bracket or quote left open?".to_owned()),
        ron::Error::NoSuchStructField { .. } => Some("field names are case-sensitive; check the spelling".to_owned()),
        _ => None,
    };
    let diagnostic = Diagnostic::error(file, message).with_span(&source, start..end);
    match help {
        Some(help) => diagnostic.with_help(help),
        None => diagnostic,
    }
}
