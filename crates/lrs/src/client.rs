//! Talking to a learning record store over xAPI's HTTP interface: its `/about`, the
//! newest version both sides speak, sending statements and reading them back. Every
//! request carries the version header the specification requires and HTTP Basic
//! credentials; nothing here writes the secret anywhere.

use std::time::Duration;

use base64::Engine;
use boundaries_core::xapi::model::Statement;

/// The versions Boundaries speaks, newest first.
const VERSIONS: [&str; 2] = ["2.0.0", "1.0.3"];
/// Statements sent in one request.
pub const BATCH: usize = 50;

/// What went wrong, in words a trainer can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LrsError {
    #[error("the learning record store cannot be reached: {0}")]
    Unreachable(String),
    #[error("the learning record store did not accept the key and secret (HTTP {0})")]
    Auth(u16),
    #[error("the learning record store refused the statements (HTTP {status}): {reason}")]
    Refused { status: u16, reason: String },
    #[error("the learning record store had a problem of its own (HTTP {status}): {reason}")]
    Server { status: u16, reason: String },
    #[error("the learning record store speaks xAPI {0}, and Boundaries speaks 2.0.0 and 1.0.3")]
    Version(String),
}

/// A learning record store: its endpoint, the credentials, and the version agreed.
pub struct Lrs {
    endpoint: String,
    authorization: String,
    agent: ureq::Agent,
    version: &'static str,
    /// The LRS has no `/about` (Ralph): its statement filters may not work either.
    no_about: bool,
}

impl Lrs {
    /// Connects to `endpoint` (the xAPI base, such as `https://lrs.example.org/xapi/`),
    /// reads its `/about` and agrees the newest version both speak.
    pub fn connect(endpoint: &str, key: &str, secret: &str, timeout: Duration) -> Result<Lrs, LrsError> {
        let endpoint = if endpoint.ends_with('/') { endpoint.to_owned() } else { format!("{endpoint}/") };
        let credentials = base64::engine::general_purpose::STANDARD.encode(format!("{key}:{secret}"));
        let agent =
            ureq::Agent::config_builder().http_status_as_error(false).timeout_global(Some(timeout)).build().into();
        let mut lrs = Lrs {
            endpoint,
            authorization: format!("Basic {credentials}"),
            agent,
            version: VERSIONS[0],
            no_about: false,
        };
        lrs.version = lrs.agree()?;
        lrs.no_about = lrs.version == VERSIONS[1] && lrs.about_missing()?;
        Ok(lrs)
    }

    /// The version agreed with the LRS.
    pub fn version(&self) -> &'static str {
        self.version
    }

    fn agree(&self) -> Result<&'static str, LrsError> {
        let mut response = self
            .agent
            .get(format!("{}about", self.endpoint))
            .header("X-Experience-API-Version", VERSIONS[0])
            .header("Authorization", &self.authorization)
            .call()
            .map_err(|e| LrsError::Unreachable(e.to_string()))?;
        let status = response.status().as_u16();
        // An LRS without /about is taken to speak 1.0.3, which every LRS must.
        if status == 404 {
            return Ok(VERSIONS[1]);
        }
        let body = response.body_mut().read_to_string().unwrap_or_default();
        check(status, &body)?;
        let about: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
        let theirs: Vec<&str> = about["version"].as_array().into_iter().flatten().filter_map(|v| v.as_str()).collect();
        VERSIONS
            .iter()
            .find(|ours| theirs.iter().any(|t| t == *ours || (ours.starts_with("1.0") && t.starts_with("1.0"))))
            .copied()
            .ok_or_else(|| LrsError::Version(theirs.join(", ")))
    }

    fn about_missing(&self) -> Result<bool, LrsError> {
        let response = self
            .agent
            .get(format!("{}about", self.endpoint))
            .call()
            .map_err(|e| LrsError::Unreachable(e.to_string()))?;
        Ok(response.status().as_u16() == 404)
    }

    /// Every statement of Boundaries' own the LRS holds, following its paging: for the
    /// cohort of the whole library, read once.
    pub fn all_statements(&self) -> Result<Vec<Statement>, LrsError> {
        self.read_all(format!("{}statements?limit=500", self.endpoint))
    }

    /// Sends a batch; an LRS that already has a statement stores it once.
    pub fn send(&self, statements: &[Statement]) -> Result<(), LrsError> {
        let body =
            serde_json::to_string(statements).map_err(|e| LrsError::Refused { status: 0, reason: e.to_string() })?;
        let mut response = self
            .agent
            .post(format!("{}statements", self.endpoint))
            .header("X-Experience-API-Version", self.version)
            .header("Authorization", &self.authorization)
            .content_type("application/json")
            .send(body)
            .map_err(|e| LrsError::Unreachable(e.to_string()))?;
        let status = response.status().as_u16();
        let reason = response.body_mut().read_to_string().unwrap_or_default();
        check(status, &reason)
    }

    /// Every statement about `activity` (and its decisions), following the LRS's
    /// `more` links; statements that are not Boundaries' own are skipped. An LRS with
    /// no `/about` (Ralph's file backend) may ignore the activity filter and return
    /// nothing: from such a one every statement is read and the filter applied here.
    pub fn statements_about(&self, activity: &str) -> Result<Vec<Statement>, LrsError> {
        let filtered =
            format!("{}statements?activity={}&related_activities=true&limit=500", self.endpoint, encode(activity));
        let found = self.read_all(filtered)?;
        if !found.is_empty() || !self.no_about {
            return Ok(found);
        }
        let about = |s: &Statement| {
            s.object.id == activity
                || s.object.id.starts_with(&format!("{activity}/"))
                || s.context.context_activities.parent.iter().any(|p| p.id == activity)
        };
        Ok(self.read_all(format!("{}statements?limit=500", self.endpoint))?.into_iter().filter(about).collect())
    }

    /// Every page from `first` on, following `more`.
    fn read_all(&self, first: String) -> Result<Vec<Statement>, LrsError> {
        let mut url = first;
        let mut found = Vec::new();
        for _ in 0..100_000 {
            let mut response = self
                .agent
                .get(&url)
                .header("X-Experience-API-Version", self.version)
                .header("Authorization", &self.authorization)
                .call()
                .map_err(|e| LrsError::Unreachable(e.to_string()))?;
            let status = response.status().as_u16();
            let body = response.body_mut().with_config().limit(64 * 1024 * 1024).read_to_string().unwrap_or_default();
            check(status, &body)?;
            let page: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
            let statements = page["statements"].as_array().cloned().unwrap_or_default();
            found.extend(statements.into_iter().filter_map(|s| serde_json::from_value::<Statement>(s).ok()));
            match page["more"].as_str().filter(|m| !m.is_empty()) {
                Some(more) => url = self.resolve(more),
                None => return Ok(found),
            }
        }
        Ok(found)
    }

    /// A `more` link is relative to the LRS's host (or absolute).
    fn resolve(&self, more: &str) -> String {
        if more.starts_with("http://") || more.starts_with("https://") {
            return more.to_owned();
        }
        let scheme_end = self.endpoint.find("://").map_or(0, |i| i + 3);
        let host_end = self.endpoint[scheme_end..].find('/').map_or(self.endpoint.len(), |i| scheme_end + i);
        format!("{}{more}", &self.endpoint[..host_end])
    }
}

/// The error for a status, if it is one.
fn check(status: u16, body: &str) -> Result<(), LrsError> {
    let reason = boundaries_core::text::shorten(body.trim(), 300);
    match status {
        200..=299 => Ok(()),
        401 | 403 => Err(LrsError::Auth(status)),
        400..=499 => Err(LrsError::Refused { status, reason }),
        _ => Err(LrsError::Server { status, reason }),
    }
}

/// Percent-encodes a query value.
fn encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}
