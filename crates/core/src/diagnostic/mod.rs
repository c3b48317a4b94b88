//! Problems found in an author's files, with enough position to fix them.
//!
//! A [`Diagnostic`] names its file and, where it can, the line and column and the
//! span of source it is about; structural problems also name the node and choice.
//! The one-line form (`Display`) is what the game's Problems panel lists; [`render`]
//! adds a source snippet for the terminal, so both read the same.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic};

pub mod outline;
pub mod ron;
mod snippet;

/// The most characters of a message or help text a rendered diagnostic shows.
const MAX_MESSAGE: usize = 2000;
use snippet::Snippet;

/// How bad a problem is: errors stop a scenario loading, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// Where in a scenario a structural problem lies.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Place {
    /// The node id, when the problem is inside a node.
    pub node: Option<String>,
    /// The choice id, when the problem is inside a choice.
    pub choice: Option<String>,
}

impl Place {
    pub fn node(node: &str) -> Self {
        Place { node: Some(node.to_owned()), choice: None }
    }

    pub fn choice(node: &str, choice: &str) -> Self {
        Place { node: Some(node.to_owned()), choice: Some(choice.to_owned()) }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.node, &self.choice) {
            (Some(node), Some(choice)) => write!(f, "node \"{node}\", choice \"{choice}\""),
            (Some(node), None) => write!(f, "node \"{node}\""),
            _ => Ok(()),
        }
    }
}

/// One problem in one file.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file as the user named it.
    pub file: String,
    /// 1-based line and column, when known.
    pub line_col: Option<(usize, usize)>,
    pub place: Place,
    pub message: String,
    pub help: Option<String>,
    span: Option<Range<usize>>,
    source: Option<Arc<str>>,
}

impl Diagnostic {
    pub fn error(file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_owned(),
            line_col: None,
            place: Place::default(),
            message: message.into(),
            help: None,
            span: None,
            source: None,
        }
    }

    pub fn warning(file: &str, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(file, message) }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn at(mut self, place: Place) -> Self {
        self.place = place;
        self
    }

    /// Points the diagnostic at a byte range of `source`, and derives line and column.
    pub fn with_span(self, source: &Arc<str>, span: Range<usize>) -> Self {
        self.with_span_in(source, span, &LineIndex::new(source))
    }

    /// As [`Diagnostic::with_span`], with the lines of `source` already indexed.
    pub fn with_span_in(mut self, source: &Arc<str>, span: Range<usize>, lines: &LineIndex) -> Self {
        let start = floor_char_boundary(source, span.start);
        let end = floor_char_boundary(source, span.end.max(start));
        self.line_col = Some(lines.line_col(source, start));
        self.span = Some(start..end);
        self.source = Some(Arc::clone(source));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The diagnostic with a source snippet, as `boundaries validate` prints it.
    pub fn render(&self, colour: bool) -> String {
        let theme = if colour { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
        let handler = GraphicalReportHandler::new_themed(theme).with_context_lines(1);
        // Messages can quote a file (an unknown field's name): a long one is cut.
        let safe = |text: &str| {
            let cut: String = text.chars().take(MAX_MESSAGE).collect();
            let more = if cut.len() < text.len() { "…" } else { "" };
            format!("{}{more}", crate::text::for_terminal(&cut))
        };
        let mut diagnostic = MietteDiagnostic::new(safe(&self.to_string())).with_severity(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        });
        if let Some(help) = &self.help {
            diagnostic = diagnostic.with_help(safe(help));
        }
        let mut out = String::new();
        let rendered = match (&self.source, &self.span) {
            (Some(source), Some(span)) => {
                let name = safe(&self.file);
                let (snippet, span) = snippet::snippet(&name, source, span.clone());
                let diagnostic = diagnostic.with_label(LabeledSpan::new_with_span(Some("here".into()), span));
                let report = match snippet {
                    Snippet::Whole(source) => miette::Report::new(diagnostic).with_source_code(source),
                    Snippet::Window(window) => miette::Report::new(diagnostic).with_source_code(window),
                };
                handler.render_report(&mut out, report.as_ref())
            }
            _ => handler.render_report(&mut out, &diagnostic),
        };
        if rendered.is_err() {
            out = self.to_string();
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:col: error: node "x", choice "y": message`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((line, col)) = self.line_col {
            write!(f, ":{line}:{col}")?;
        }
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {severity}: ")?;
        if self.place.node.is_some() {
            write!(f, "{}: ", self.place)?;
        }
        write!(f, "{}", self.message)
    }
}

/// Where each line of a text starts, to turn byte offsets into lines and columns
/// quickly when a large file has many diagnostics.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(source: &str) -> Self {
        let breaks = source.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1);
        LineIndex { starts: std::iter::once(0).chain(breaks).collect() }
    }

    /// 1-based line and column (in characters) of a byte offset in the indexed source.
    pub fn line_col(&self, source: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(source, offset);
        let line = self.starts.partition_point(|&start| start <= offset);
        let line_start = self.starts[line - 1];
        (line, source[line_start..offset].chars().count() + 1)
    }
}

/// Byte offset of a 1-based line and column (in characters), clamped to the source.
pub fn offset_of(source: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for _ in 1..line {
        match source[offset..].find('\n') {
            Some(i) => offset += i + 1,
            None => return source.len(),
        }
    }
    let rest = &source[offset..];
    let line_end = rest.find('\n').unwrap_or(rest.len());
    offset + rest[..line_end].char_indices().nth(col.saturating_sub(1)).map_or(line_end, |(i, _)| i)
}

fn floor_char_boundary(source: &str, mut offset: usize) -> usize {
    offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_round_trip() {
        let source = "ab\nc€d\n\nx";
        for (offset, expected) in [(0, (1, 1)), (3, (2, 1)), (4, (2, 2)), (7, (2, 3)), (10, (4, 1))] {
            assert_eq!(LineIndex::new(source).line_col(source, offset), expected, "offset {offset}");
            assert_eq!(offset_of(source, expected.0, expected.1), offset);
        }
    }

    #[test]
    fn one_line_form_names_file_place_and_position() {
        let source: Arc<str> = Arc::from("first\nsecond line\n");
        let d = Diagnostic::error("s.scenario.ron", "goto names no node \"x\"")
            .at(Place::choice("door", "2"))
            .with_span(&source, 6..12);
        assert_eq!(d.to_string(), "s.scenario.ron:2:1: error: node \"door\", choice \"2\": goto names no node \"x\"");
        let rendered = d.render(false);
        assert!(rendered.contains("second line"), "{rendered}");
        assert!(rendered.contains("s.scenario.ron:2:1"), "{rendered}");
    }
}
