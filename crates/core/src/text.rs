//! Text an author or a player typed, made safe for where it is shown. A terminal
//! obeys escape sequences (colours, window titles, links, even the clipboard), and
//! bidirectional overrides reorder what a reader sees; none of that may come from a
//! scenario, a catalogue, a record or a name. HTML, Markdown and graph output have
//! escapes of their own (in `report` and `scenario::graph`).

use std::borrow::Cow;

/// Whether a character would be acted on by a terminal or reorder text, rather than
/// shown: C0 and C1 controls (but not new lines and tabs) and bidirectional controls.
fn is_unsafe(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
        || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The text with every control character shown as a visible sign instead of acted
/// on: C0 controls as their Unicode control pictures (ESC as `␛`), and the others as
/// `<U+202E>`. New lines and tabs are kept.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            c if !is_unsafe(c) => out.push(c),
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
            '\u{7f}' => out.push('␡'),
            c => out.push_str(&format!("<U+{:04X}>", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// One line for a table cell: new lines and tabs become spaces, control characters
/// are made visible, and anything past `max_chars` is cut with an ellipsis, so a
/// table's cost stays in proportion to what it shows.
pub fn cell(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    for (count, c) in text.chars().enumerate() {
        if count == max_chars {
            out.push('…');
            break;
        }
        out.push(if c == '\n' || c == '\t' || c == '\r' { ' ' } else { c });
    }
    for_terminal(&out).into_owned()
}

/// The text with each unsafe character replaced by placeholders of the same length
/// in bytes, so byte offsets into it (a diagnostic's span) still hold.
pub fn same_length_placeholders(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c.len_utf8() {
            _ if !is_unsafe(c) => out.push(c),
            3 => out.push('\u{fffd}'),
            n => out.extend(std::iter::repeat_n('?', n)),
        }
    }
    debug_assert_eq!(out.len(), text.len());
    Cow::Owned(out)
}

/// The first words of a text, cut at a word boundary with an ellipsis.
pub fn shorten(text: &str, max_chars: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max_chars {
        return text;
    }
    let cut: String = text.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "Ada\x1b]0;owned\x07\x1b[31m red \x1b]52;c;aGk=\x07\u{9b}2J\u{202e}drow\u{2066}";

    #[test]
    fn escape_sequences_and_bidi_overrides_are_shown_not_obeyed() {
        let safe = for_terminal(HOSTILE);
        assert!(!safe.chars().any(is_unsafe), "{safe}");
        assert_eq!(safe, "Ada␛]0;owned␇␛[31m red ␛]52;c;aGk=␇<U+009B>2J<U+202E>drow<U+2066>");
        assert_eq!(for_terminal("plain\ttext\nlines"), "plain\ttext\nlines");
        assert!(matches!(for_terminal("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn cells_are_one_line_and_cut() {
        assert_eq!(cell("a\nb\tc", 10), "a b c");
        assert_eq!(cell(&"x".repeat(1_000_000), 5), "xxxxx…");
        assert_eq!(cell("\x1b[2J", 10), "␛[2J");
    }

    #[test]
    fn placeholders_keep_byte_offsets() {
        let safe = same_length_placeholders(HOSTILE);
        assert_eq!(safe.len(), HOSTILE.len());
        assert!(!safe.chars().any(is_unsafe));
    }
}
