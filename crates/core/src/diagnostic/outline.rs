//! A lenient structural scan of RON source, used only to point diagnostics at the
//! right line: serde gives no positions once a file has parsed, so structural
//! problems (a bad `goto`, a duplicate node) are located by walking this outline.
//!
//! It never fails: on anything unexpected it stops and keeps what it has, and a
//! lookup that cannot be resolved falls back to the nearest enclosing place.

use std::ops::Range;

/// An outline of a RON value: where it is and what it contains.
#[derive(Debug)]
pub enum Outline {
    /// A string, number, identifier or other leaf; `text` holds a string's contents.
    Atom { span: Range<usize>, text: Option<String> },
    /// `Name(...)`, `(...)` or `[...]`: named fields and unnamed items.
    Group { head: Range<usize>, fields: Vec<Field>, items: Vec<Outline> },
    /// `{ key: value, ... }`.
    Map { head: Range<usize>, entries: Vec<(Outline, Outline)> },
}

#[derive(Debug)]
pub struct Field {
    pub name: String,
    pub value: Outline,
}

/// One step of a path into the outline.
#[derive(Debug, Clone, Copy)]
pub enum Step<'a> {
    /// A named field of a struct.
    Field(&'a str),
    /// The `nth` (0-based) entry of a map whose key is this string.
    Key(&'a str, usize),
    /// The `n`th (0-based) item of a list.
    Item(usize),
}

impl Outline {
    pub fn scan(source: &str) -> Outline {
        let mut scanner = Scanner { src: source.as_bytes(), pos: 0, depth: 0 };
        scanner.value()
    }

    /// The span to underline for `path`: the deepest part of it that exists.
    pub fn locate(&self, path: &[Step<'_>]) -> Range<usize> {
        let mut here = self;
        let mut span = self.head();
        for step in path {
            let next = match (step, here) {
                (Step::Field(name), Outline::Group { fields, .. }) => {
                    fields.iter().find(|f| f.name == *name).map(|f| (&f.value, f.value.head()))
                }
                (Step::Item(n), Outline::Group { items, .. }) => items.get(*n).map(|v| (v, v.head())),
                (Step::Key(key, nth), Outline::Map { entries, .. }) => {
                    entries.iter().filter(|(k, _)| k.string_value() == Some(*key)).nth(*nth).map(|(k, v)| (v, k.head()))
                }
                _ => None,
            };
            match next {
                Some((value, value_span)) => {
                    here = value;
                    span = value_span;
                }
                None => break,
            }
        }
        span
    }

    fn head(&self) -> Range<usize> {
        match self {
            Outline::Atom { span, .. } => span.clone(),
            Outline::Group { head, .. } | Outline::Map { head, .. } => head.clone(),
        }
    }

    fn string_value(&self) -> Option<&str> {
        match self {
            Outline::Atom { text, .. } => text.as_deref(),
            _ => None,
        }
    }
}

struct Scanner<'a> {
    src: &'a [u8],
    pos: usize,
    depth: usize,
}

/// Deeper than this, the outline stops (the parser's own limit is lower).
const MAX_DEPTH: usize = 256;

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.src.get(self.pos + 1)) {
                (Some(c), _) if c.is_ascii_whitespace() => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.pos += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    self.pos += 2;
                    let mut level = 1;
                    while level > 0 && self.pos < self.src.len() {
                        if self.src[self.pos..].starts_with(b"/*") {
                            level += 1;
                            self.pos += 2;
                        } else if self.src[self.pos..].starts_with(b"*/") {
                            level -= 1;
                            self.pos += 2;
                        } else {
                            self.pos += 1;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn value(&mut self) -> Outline {
        self.skip_trivia();
        let start = self.pos;
        match self.peek() {
            Some(b'"') => {
                self.string();
                // Only map keys are compared, so the simple escapes suffice.
                let inner = String::from_utf8_lossy(&self.src[start + 1..self.pos.saturating_sub(1).max(start + 1)]);
                let text = inner.replace("\\\"", "\"").replace("\\\\", "\\");
                Outline::Atom { span: start..self.pos, text: Some(text) }
            }
            Some(b'(') | Some(b'[') => self.group(start),
            Some(b'{') => self.map(),
            Some(c) if is_word(c) => {
                while self.peek().is_some_and(is_word) {
                    self.pos += 1;
                }
                let word_end = self.pos;
                if self.src[start..word_end].starts_with(b"r") && matches!(self.peek(), Some(b'#') | Some(b'"')) {
                    self.raw_string();
                    return Outline::Atom { span: start..self.pos, text: None };
                }
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    let mut group = self.group(self.pos);
                    if let Outline::Group { head, .. } = &mut group {
                        *head = start..word_end;
                    }
                    group
                } else {
                    Outline::Atom { span: start..word_end, text: None }
                }
            }
            Some(_) => {
                self.pos += 1;
                Outline::Atom { span: start..self.pos, text: None }
            }
            None => Outline::Atom { span: start..start, text: None },
        }
    }

    fn string(&mut self) {
        self.pos += 1;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'\\' => self.pos += 1,
                b'"' => return,
                _ => {}
            }
        }
    }

    fn raw_string(&mut self) {
        let hashes = self.src[self.pos..].iter().take_while(|&&c| c == b'#').count();
        self.pos += hashes + 1;
        let mut close = vec![b'"'];
        close.extend(std::iter::repeat_n(b'#', hashes));
        while self.pos < self.src.len() && !self.src[self.pos..].starts_with(&close) {
            self.pos += 1;
        }
        self.pos = (self.pos + close.len()).min(self.src.len());
    }

    fn group(&mut self, start: usize) -> Outline {
        let close = if self.peek() == Some(b'(') { b')' } else { b']' };
        self.pos += 1;
        let head = start..self.pos;
        let (mut fields, mut items) = (Vec::new(), Vec::new());
        self.depth += 1;
        while self.depth < MAX_DEPTH {
            self.skip_trivia();
            match self.peek() {
                None => break,
                Some(c) if c == close => {
                    self.pos += 1;
                    break;
                }
                Some(b',') => self.pos += 1,
                Some(_) => {
                    let before = self.pos;
                    if let Some(name) = self.field_name() {
                        fields.push(Field { name, value: self.value() });
                    } else {
                        items.push(self.value());
                    }
                    if self.pos == before {
                        break;
                    }
                }
            }
        }
        self.depth -= 1;
        Outline::Group { head, fields, items }
    }

    /// `name:` (but not `name::`), consumed; otherwise nothing is consumed.
    fn field_name(&mut self) -> Option<String> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_') {
            self.pos += 1;
        }
        let end = self.pos;
        self.skip_trivia();
        if end > start && self.peek() == Some(b':') && self.src.get(self.pos + 1) != Some(&b':') {
            self.pos += 1;
            return Some(String::from_utf8_lossy(&self.src[start..end]).into_owned());
        }
        self.pos = start;
        None
    }

    fn map(&mut self) -> Outline {
        let head = self.pos..self.pos + 1;
        self.pos += 1;
        let mut entries = Vec::new();
        self.depth += 1;
        while self.depth < MAX_DEPTH {
            self.skip_trivia();
            match self.peek() {
                None => break,
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                Some(b',') => self.pos += 1,
                Some(_) => {
                    let before = self.pos;
                    let key = self.value();
                    self.skip_trivia();
                    if self.peek() == Some(b':') {
                        self.pos += 1;
                    }
                    let value = self.value();
                    entries.push((key, value));
                    if self.pos == before {
                        break;
                    }
                }
            }
        }
        self.depth -= 1;
        Outline::Map { head, entries }
    }
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'+' | b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_fields_keys_and_items() {
        let source = "S(\n  a: 1,\n  m: {\"k\": T(x: [1, (y: \"q\")]), \"k\": 2},\n)";
        let outline = Outline::scan(source);
        let at = |path: &[Step]| &source[outline.locate(path)];
        assert_eq!(at(&[Step::Field("a")]), "1");
        assert_eq!(at(&[Step::Field("m"), Step::Key("k", 0)]), "\"k\"");
        assert_eq!(
            at(&[Step::Field("m"), Step::Key("k", 0), Step::Field("x"), Step::Item(1), Step::Field("y")]),
            "\"q\""
        );
        assert_eq!(source[outline.locate(&[Step::Field("m"), Step::Key("k", 1)])].len(), 3);
        assert_eq!(at(&[Step::Field("m"), Step::Key("missing", 0)]), "{", "falls back to the nearest enclosing place");
    }

    #[test]
    fn deep_or_broken_input_does_not_overflow() {
        let _ = Outline::scan(&"[".repeat(200_000));
        let _ = Outline::scan(&"{\"a\": ".repeat(50_000));
        let _ = Outline::scan("S(a: \"unterminated");
    }
}
