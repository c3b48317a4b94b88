//! The source a diagnostic shows, made safe to render whatever the file holds. A
//! terminal renderer pads to a span's column, and a line may be millions of
//! characters long (a scenario written on one line, a huge string): such a line is
//! shown as a window of it around the span, with the true line and column kept.
//! Control characters are shown as placeholders, never sent to the terminal.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// Lines longer than this, in characters, are shown as a window of this width.
const WIDEST: usize = 160;
/// How much of the window comes before the span starts.
const LEAD: usize = 40;

/// What miette is given to draw: the source, or a window of one long line of it.
pub(super) enum Snippet {
    Whole(miette::NamedSource<String>),
    Window(Window),
}

/// One line cut around a span; `first_column` is the 0-based column (in characters)
/// of the window's first character in the real line.
pub(super) struct Window {
    name: String,
    text: String,
    line: usize,
    first_column: usize,
    /// Bytes at the start of `text` that are not the line's (an ellipsis).
    lead_in: usize,
}

/// The snippet for a span of `source`, with the span as it is in that snippet.
pub(super) fn snippet(name: &str, source: &str, span: std::ops::Range<usize>) -> (Snippet, SourceSpan) {
    let safe = crate::text::same_length_placeholders(source);
    let line_start = source[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[span.start..].find('\n').map_or(source.len(), |i| span.start + i);
    let long = |text: &str| text.chars().nth(WIDEST).is_some();
    let before = source[..line_start.saturating_sub(1)].rfind('\n').map_or(0, |i| i + 1);
    let after_end =
        source.get(line_end + 1..).and_then(|rest| rest.find('\n')).map_or(source.len(), |i| line_end + 1 + i);
    let neighbours_long = long(&source[before..line_start]) || long(source.get(line_end..after_end).unwrap_or(""));
    if !long(&source[line_start..line_end]) && !neighbours_long {
        let whole = miette::NamedSource::new(name, safe.into_owned());
        return (Snippet::Whole(whole), (span.start, span.end - span.start).into());
    }
    let line = source[..line_start].bytes().filter(|&b| b == b'\n').count();
    let column = source[line_start..span.start].chars().count();
    let first_column = column.saturating_sub(LEAD);
    let start = line_start + source[line_start..].char_indices().nth(first_column).map_or(0, |(i, _)| i);
    let end = source[start..line_end].char_indices().nth(WIDEST).map_or(line_end, |(i, _)| start + i);
    let lead_in = if first_column > 0 { '…'.len_utf8() } else { 0 };
    let mut text = String::with_capacity(end - start + 8);
    if lead_in > 0 {
        text.push('…');
    }
    text.push_str(&safe[start..end]);
    if end < line_end {
        text.push('…');
    }
    let from = lead_in + span.start - start;
    let to = lead_in + span.end.clamp(span.start, end) - start;
    let window = Window { name: name.to_owned(), text, line, first_column, lead_in };
    (Snippet::Window(window), (from, to - from).into())
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        _: usize,
        _: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let offset = span.offset().clamp(self.lead_in, self.text.len());
        let column = self.first_column + self.text.get(self.lead_in..offset).map_or(0, |s| s.chars().count());
        let whole = (0, self.text.len()).into();
        let contents =
            MietteSpanContents::new_named(self.name.clone(), self.text.as_bytes(), whole, self.line, column, 1);
        Ok(Box::new(contents))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_source_is_shown_whole_with_controls_replaced() {
        let (snippet, span) = snippet("f", "ab\n\x1b[2Jcd\n", 3..8);
        let Snippet::Whole(source) = snippet else { panic!("a short source is shown whole") };
        assert_eq!(source.inner(), "ab\n?[2Jcd\n");
        assert_eq!((span.offset(), span.len()), (3, 5));
    }

    #[test]
    fn a_long_line_is_windowed_around_the_span_with_its_true_place() {
        let source = format!("first\n{}ERROR{}\nlast", "x".repeat(100_000), "y".repeat(100_000));
        let start = source.find("ERROR").unwrap();
        let (snippet, span) = snippet("f", &source, start..start + 5);
        let Snippet::Window(window) = snippet else { panic!("a long line is windowed") };
        assert!(window.text.chars().count() <= WIDEST + 2);
        assert_eq!(&window.text[span.offset()..span.offset() + span.len()], "ERROR");
        let contents = window.read_span(&span, 1, 1).unwrap();
        assert_eq!((contents.line(), contents.column()), (1, 100_000));
    }
}
