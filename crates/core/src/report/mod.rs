//! Debrief reports of a play, in Markdown or as one self-contained HTML page that
//! prints on A4: the path with the feedback at each step, the options not taken, the
//! ratings per principle, red flags, takeaways and the reflection. Templates live in
//! `templates/`; everything from a scenario or a player is escaped.

pub mod export;
mod view;

use jiff::tz::TimeZone;
use minijinja::{AutoEscape, Environment};

use crate::catalogues::Catalogues;
use crate::play::Replay;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

const MARKDOWN: &str = "report.md";
const HTML: &str = "report.html";

/// Writes the report of a replayed play; dates are shown in `zone`.
pub fn render(
    replay: &Replay,
    catalogues: &Catalogues,
    format: Format,
    zone: &TimeZone,
) -> Result<String, minijinja::Error> {
    let mut env = Environment::new();
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()?,
    );
    env.set_auto_escape_callback(|name| match name {
        HTML => AutoEscape::Html,
        _ => AutoEscape::Custom("markdown".into()),
    });
    env.set_formatter(|out, state, value| match state.auto_escape() {
        AutoEscape::Custom(_) => {
            let text = if value.is_none() || value.is_undefined() { String::new() } else { value.to_string() };
            out.write_str(&escape_markdown(&text)).map_err(minijinja::Error::from)
        }
        _ => minijinja::escape_formatter(out, state, value),
    });
    // Templates take their escaping from the callback when they are added, so add them last.
    env.add_template(MARKDOWN, include_str!("../../../../templates/report.md.jinja"))?;
    env.add_template(HTML, include_str!("../../../../templates/report.html.jinja"))?;
    let view = view::ReportView::new(replay, catalogues, zone);
    let name = match format {
        Format::Markdown => MARKDOWN,
        Format::Html => HTML,
    };
    env.get_template(name)?.render(minijinja::value::Serde(&view))
}

/// Text made safe to place in Markdown: no HTML, no emphasis or links by accident,
/// and no line breaks that would end a table row.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape_markdown;

    #[test]
    fn markdown_escaping() {
        assert_eq!(escape_markdown("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
        assert_eq!(escape_markdown("a|b *c* [d](e)\nf"), "a\\|b \\*c\\* \\[d\\](e) f");
    }
}
