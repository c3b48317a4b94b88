//! Answering a phone: the routes, the phone's token, the limits, and the vote. The
//! routing is a pure function of what was asked ([`Asked`]) so it is tested without
//! a socket; [`answer`] adapts it to tiny_http.

use std::collections::HashMap;
use std::io::Read;
use std::net::IpAddr;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use boundaries_core::play::ballot::{Refusal, SECRET_ALPHABET, random_text};

use crate::page;
use crate::{Keys, Shared};

/// The largest vote a phone may send: a decision and a choice need a few bytes.
pub(crate) const MOST_BODY: usize = 1024;
/// How many requests one phone may make in [`WINDOW`]; more are refused.
const MOST_PER_PHONE: u32 = 30;
/// How many requests without a phone's token one network address may make in
/// [`WINDOW`] (a phone opening the page for the first time has no token yet).
const MOST_PER_ADDRESS: u32 = 300;
const WINDOW: Duration = Duration::from_secs(10);
/// Tokens given out in a session; past this, new phones are turned away rather than
/// letting one device fill the laptop's memory.
const MOST_PHONES: usize = 2000;
const TOKEN_LEN: usize = 24;
const COOKIE: &str = "boundaries";

/// The phones' tokens and how often each (or each address, before it has a token)
/// has asked lately.
#[derive(Default)]
pub(crate) struct Limits {
    tokens: std::collections::HashSet<String>,
    recent: HashMap<String, (Instant, u32)>,
}

impl Limits {
    /// Whether `key` may make another request now.
    fn allow(&mut self, key: String, most: u32) -> bool {
        let now = Instant::now();
        if self.recent.len() > 4 * MOST_PHONES {
            self.recent.retain(|_, (start, _)| now.duration_since(*start) < WINDOW);
        }
        let (start, count) = self.recent.entry(key).or_insert((now, 0));
        if now.duration_since(*start) >= WINDOW {
            (*start, *count) = (now, 0);
        }
        *count += 1;
        *count <= most
    }
}

/// What a phone asked, as far as the server cares.
pub(crate) struct Asked<'a> {
    pub(crate) post: bool,
    pub(crate) path: &'a str,
    pub(crate) cookie: Option<&'a str>,
    pub(crate) from: Option<IpAddr>,
    /// The body, or none if it was larger than [`MOST_BODY`].
    pub(crate) body: Option<&'a [u8]>,
}

/// The answer: a status, a page or stylesheet (if any), a new token to set, and where
/// to go next for a redirect.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) body: String,
    pub(crate) css: bool,
    pub(crate) set_token: Option<String>,
    pub(crate) location: Option<String>,
    /// Whether a phone joined or voted, so the game should wake.
    pub(crate) changed: bool,
}

impl Answer {
    fn status(status: u16, body: &str) -> Answer {
        Answer { status, body: body.to_owned(), css: false, set_token: None, location: None, changed: false }
    }
}

/// Constant-time comparison, so the time taken says nothing about how much of a
/// guessed secret was right.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The phone's token from its cookie header, if it is one this server gave out.
fn token<'a>(cookie: Option<&'a str>, limits: &Limits) -> Option<&'a str> {
    cookie?
        .split(';')
        .filter_map(|pair| pair.trim().strip_prefix(COOKIE)?.strip_prefix('='))
        .find(|t| t.len() == TOKEN_LEN && limits.tokens.contains(*t))
}

pub(crate) fn route(asked: &Asked, shared: &mut Shared, keys: &Keys) -> Answer {
    let not_found = || Answer::status(404, "Not found");
    let path = asked.path.split('?').next().unwrap_or("");
    let mut parts = path.trim_start_matches('/').splitn(2, '/');
    let (first, rest) = (parts.next().unwrap_or(""), parts.next());
    let phone = token(asked.cookie, &shared.limits).map(ToOwned::to_owned);
    let key = match (&phone, asked.from) {
        (Some(t), _) => (format!("t{t}"), MOST_PER_PHONE),
        (None, from) => (format!("a{from:?}"), MOST_PER_ADDRESS),
    };
    if !shared.limits.allow(key.0, key.1) {
        return Answer::status(429, "Too many requests: wait a few seconds.");
    }
    // The room code, typed: on to the page with the secret.
    if !asked.post && rest.is_none() && same(&first.to_ascii_uppercase(), &keys.code) {
        let mut answer = Answer::status(303, "");
        answer.location = Some(format!("/{}/", keys.secret));
        return answer;
    }
    if !same(first, &keys.secret) {
        return not_found();
    }
    match (asked.post, rest.unwrap_or("")) {
        (false, "") => page(shared, keys, phone),
        (false, "style.css") => Answer { css: true, ..Answer::status(200, page::CSS) },
        (true, "vote") => vote(asked.body, shared, keys, phone.as_deref()),
        (false, "vote") | (true, _) => Answer::status(405, "Method not allowed"),
        _ => not_found(),
    }
}

/// The page, giving the phone a token if it has none.
fn page(shared: &mut Shared, keys: &Keys, phone: Option<String>) -> Answer {
    let (phone, set_token) = match phone {
        Some(phone) => (phone, None),
        None if shared.limits.tokens.len() >= MOST_PHONES => {
            return Answer::status(503, "This session has as many phones as it can take.");
        }
        None => {
            let new = random_text(SECRET_ALPHABET, TOKEN_LEN);
            shared.limits.tokens.insert(new.clone());
            (new.clone(), Some(new))
        }
    };
    let before = shared.ballot.joined();
    shared.ballot.join(&phone);
    let body = page::render(&shared.room, &keys.secret, shared.ballot.vote_of(&phone));
    Answer { set_token, changed: shared.ballot.joined() != before, ..Answer::status(200, &body) }
}

fn vote(body: Option<&[u8]>, shared: &mut Shared, keys: &Keys, phone: Option<&str>) -> Answer {
    let Some(phone) = phone else {
        return Answer::status(403, "Open the voting page first.");
    };
    let Some(body) = body else {
        return Answer::status(413, "Too large.");
    };
    let field =
        |name: &str| form_urlencoded::parse(body).find(|(k, _)| k == name).and_then(|(_, v)| v.parse::<usize>().ok());
    let (Some(decision), Some(choice)) = (field("decision"), field("choice")) else {
        return Answer::status(400, "Choose one of the answers, then vote.");
    };
    match shared.ballot.vote(phone, decision, choice) {
        Ok(()) => {
            let mut answer = Answer::status(303, "");
            answer.location = Some(format!("/{}/", keys.secret));
            answer.changed = true;
            answer
        }
        Err(refusal @ (Refusal::NotOpen | Refusal::OtherDecision)) => {
            Answer::status(409, &page::closed(&keys.secret, &refusal.to_string()))
        }
        Err(Refusal::UnknownChoice) => Answer::status(422, "There is no such choice."),
    }
}

/// Reads a tiny_http request, answers it, and wakes the game if a phone joined or voted.
pub(crate) fn answer(mut request: tiny_http::Request, shared: &Mutex<Shared>, keys: &Keys, wake: &dyn Fn()) {
    let header = |name: &'static str| {
        request.headers().iter().find(|h| h.field.equiv(name)).map(|h| h.value.as_str().to_owned())
    };
    let cookie = header("Cookie");
    let declared_too_large = request.body_length().is_some_and(|n| n > MOST_BODY);
    let mut body = Vec::new();
    let within = !declared_too_large
        && request.as_reader().take(MOST_BODY as u64 + 1).read_to_end(&mut body).is_ok()
        && body.len() <= MOST_BODY;
    let asked = Asked {
        post: *request.method() == tiny_http::Method::Post,
        path: request.url(),
        cookie: cookie.as_deref(),
        from: request.remote_addr().map(|a| a.ip()),
        body: within.then_some(body.as_slice()),
    };
    let is_get_or_post = matches!(request.method(), tiny_http::Method::Get | tiny_http::Method::Post);
    let answer = if is_get_or_post {
        let mut shared = shared.lock().unwrap_or_else(PoisonError::into_inner);
        route(&asked, &mut shared, keys)
    } else {
        Answer::status(404, "Not found")
    };
    if answer.changed {
        wake();
    }
    let _ = request.respond(response(answer));
}

fn response(answer: Answer) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let header = |k: &str, v: &str| tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()).expect("a valid header");
    let kind = match (answer.css, answer.body.starts_with("<!doctype html>")) {
        (true, _) => "text/css; charset=utf-8",
        (false, true) => "text/html; charset=utf-8",
        (false, false) => "text/plain; charset=utf-8",
    };
    let mut response = tiny_http::Response::from_string(answer.body)
        .with_status_code(answer.status)
        .with_header(header("Content-Type", kind))
        .with_header(header("Content-Security-Policy", page::CSP))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header("Referrer-Policy", "no-referrer"))
        .with_header(header("Cache-Control", "no-store"));
    if let Some(token) = answer.set_token {
        response =
            response.with_header(header("Set-Cookie", &format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict")));
    }
    if let Some(location) = answer.location {
        response = response.with_header(header("Location", &location));
    }
    if answer.status == 429 {
        response = response.with_header(header("Retry-After", "10"));
    }
    response
}

#[cfg(test)]
#[path = "serve_tests.rs"]
mod tests;
