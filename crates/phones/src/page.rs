//! The phone's page: plain HTML, a form with real radio buttons in a fieldset, no
//! script. Everything from a scenario is escaped (authors make mistakes). Pages that
//! wait for the trainer reload themselves every few seconds with a meta refresh.

use std::fmt::Write;

use crate::{Room, Stage};

/// Nothing but the page's own stylesheet and its own form.
pub(crate) const CSP: &str =
    "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Large targets, text that grows with the phone's settings (rem and em only), and
/// contrast above 7:1 (#1d1d1b on #ffffff; white on #1f5f66 is 7.3:1).
pub(crate) const CSS: &str = "html{font-size:100%;-webkit-text-size-adjust:100%}\
body{margin:0;font-family:system-ui,sans-serif;line-height:1.5;color:#1d1d1b;background:#fff}\
main{max-width:40rem;margin:0 auto;padding:1rem}\
.title{font-weight:bold;color:#1f5f66;margin:0 0 .5rem}\
fieldset{border:0;padding:0;margin:0}\
legend{font-size:1.25rem;font-weight:bold;margin-bottom:.75rem}\
.choice{display:flex;align-items:flex-start;gap:.75rem;border:2px solid #5a5a55;border-radius:.75rem;padding:.75rem;margin:.5rem 0}\
.choice input{width:1.75rem;height:1.75rem;margin:.1rem 0 0;flex:none}\
.choice label{flex:1;min-height:2.75rem}\
.letter{font-weight:bold}\
button{font-size:1.25rem;width:100%;min-height:3rem;margin-top:1rem;border:0;border-radius:.75rem;background:#1f5f66;color:#fff}\
button:focus,input:focus{outline:3px solid #b35400;outline-offset:2px}\
.status{border-left:.5rem solid #1f5f66;padding:.5rem .75rem;background:#eef4f4}\
ul{padding-left:1.25rem}";

/// Escapes text for HTML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

fn letter(i: usize) -> char {
    (b'A' + (i % 26) as u8) as char
}

fn frame(secret: &str, refresh: bool, body: &str) -> String {
    let refresh = if refresh { "<meta http-equiv=\"refresh\" content=\"4\">" } else { "" };
    format!(
        "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">{refresh}\
<title>Boundaries: vote</title><link rel=\"stylesheet\" href=\"/{secret}/style.css\"></head>\
<body><main>{body}</main></body></html>"
    )
}

/// The page for `room`, for a phone that voted `mine` (if it did).
pub(crate) fn render(room: &Room, secret: &str, mine: Option<usize>) -> String {
    let mut body = format!("<p class=\"title\">{}</p>", escape(&room.title));
    let refresh = match &room.stage {
        Stage::Discussing => {
            let _ = write!(
                body,
                "<h1>Decision {}</h1><p class=\"status\" role=\"status\">The room is talking it over. The vote opens here when the trainer opens it.</p>",
                room.decision
            );
            true
        }
        Stage::Voting => {
            let _ = write!(
                body,
                "<form method=\"post\" action=\"/{secret}/vote\"><fieldset><legend>Decision {}: {}</legend>\
<input type=\"hidden\" name=\"decision\" value=\"{}\">",
                room.decision,
                escape(&room.prompt),
                room.decision
            );
            for (i, choice) in room.choices.iter().enumerate() {
                let checked = if mine == Some(i) { " checked" } else { "" };
                let _ = write!(
                    body,
                    "<div class=\"choice\"><input type=\"radio\" id=\"c{i}\" name=\"choice\" value=\"{i}\" required{checked}>\
<label for=\"c{i}\"><span class=\"letter\">{}.</span> {}</label></div>",
                    letter(i),
                    escape(choice)
                );
            }
            let button = if mine.is_some() { "Change my vote" } else { "Vote" };
            let _ = write!(body, "</fieldset><button type=\"submit\">{button}</button></form>");
            if let Some(mine) = mine {
                let _ = write!(
                    body,
                    "<p class=\"status\" role=\"status\">You voted {}. You can change your vote until the trainer closes it. Nobody can see who voted for what.</p>",
                    letter(mine)
                );
            } else {
                body.push_str("<p>Your vote is anonymous: nobody can see who voted for what.</p>");
            }
            // Reloading while someone is choosing would undo their pick: only after a vote.
            mine.is_some()
        }
        Stage::Revealed(split) => {
            let _ = write!(body, "<h1>Decision {}: the room's votes</h1><ul>", room.decision);
            for (i, (choice, votes)) in room.choices.iter().zip(split).enumerate() {
                let plural = if *votes == 1 { "" } else { "s" };
                let _ =
                    write!(body, "<li><strong>{}. {votes} vote{plural}</strong>: {}</li>", letter(i), escape(choice));
            }
            body.push_str("</ul><p class=\"status\" role=\"status\">The vote is closed. Look up at the screen for what happens next.</p>");
            true
        }
        Stage::Ended => {
            body.push_str("<p class=\"status\" role=\"status\">The session has ended. Thank you for taking part.</p>");
            false
        }
    };
    frame(secret, refresh, &body)
}

/// The page for a vote that came too late, or for another decision.
pub(crate) fn closed(secret: &str, reason: &str) -> String {
    let body = format!(
        "<p class=\"status\" role=\"status\">Your vote was not counted: {}.</p><p><a href=\"/{secret}/\">Back to the vote</a></p>",
        escape(reason)
    );
    frame(secret, false, &body)
}
