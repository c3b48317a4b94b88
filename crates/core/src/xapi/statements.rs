//! A record as xAPI statements: `initialized` when the play started, one `answered`
//! per decision, and `completed` at the ending or `suspended` if it was left part-way.
//! Every statement's id is made from the record and the step, so building them again
//! from the same record gives the same ids, and an LRS stores a statement sent twice
//! once. The vocabulary is described, with an example of each, in `docs/xapi.md`.

use jiff::{SignedDuration, Timestamp};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::model::{
    Account, Activity, Actor, Context, ContextActivities, Definition, InteractionComponent, LanguageMap, Score,
    Statement, Verb, XResult,
};
use crate::catalogues::Catalogues;
use crate::play::Record;
use crate::scenario::{Node, Scenario};

/// The namespace of Boundaries' name-based ids (a UUID of our own, fixed for ever).
const NAMESPACE: Uuid = Uuid::from_u128(0x6f1c_2b8e_4d3a_5c7e_9a10_b2c4_d6e8_f0a1);
/// Where Boundaries' activity and extension ids live.
pub const IRI: &str = "https://w3id.org/boundaries/xapi";
const ADL_VERBS: &str = "http://adlnet.gov/expapi/verbs";
/// The ADL profile for serious games, which these statements follow where it fits.
const PROFILE: &str = "https://w3id.org/xapi/seriousgames";

/// How the organisation identifies players: an account under its home page, or (no
/// name) anonymous, as an account named after the play alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub home_page: String,
    /// The account name the player typed for this purpose; none for anonymous.
    pub account: Option<String>,
    /// The trainer, as an account name, for group sessions.
    pub instructor: Option<String>,
}

/// The play's registration: the same for every statement of one record.
pub fn registration(record: &Record) -> Uuid {
    let name =
        format!("{}|{}|{}|{}", record.scenario, record.started, record.seed, record.player.as_deref().unwrap_or(""));
    Uuid::new_v5(&NAMESPACE, name.as_bytes())
}

fn text(value: &str) -> LanguageMap {
    LanguageMap::from([("en-GB".to_owned(), value.to_owned())])
}

fn verb(name: &str) -> Verb {
    Verb { id: format!("{ADL_VERBS}/{name}"), display: text(name) }
}

fn extension(name: &str) -> String {
    format!("{IRI}/extensions/{name}")
}

fn activity(id: String, name: &str, kind: &str) -> Activity {
    let definition = Definition {
        name: text(name),
        kind: kind.to_owned(),
        interaction_type: None,
        correct_responses_pattern: None,
        choices: None,
    };
    Activity { object_type: "Activity".into(), id, definition }
}

fn scenario_activity(record: &Record) -> Activity {
    activity(
        format!("{IRI}/scenarios/{}", record.scenario),
        &record.scenario_title,
        "http://adlnet.gov/expapi/activities/simulation",
    )
}

/// "PT12.3S"
fn duration(millis: u64) -> String {
    format!("PT{}.{:01}S", millis / 1000, (millis % 1000) / 100)
}

/// Builds a record's statements, in order.
pub fn statements(
    record: &Record,
    scenario: Option<&Scenario>,
    catalogues: &Catalogues,
    who: &Identity,
) -> Vec<Statement> {
    let registration = registration(record);
    let account = |name: String| Account { home_page: who.home_page.clone(), name };
    let actor = match (record.group, &who.account) {
        (Some(_), _) => Actor { object_type: "Group".into(), account: account(format!("group-{registration}")) },
        (None, Some(name)) => Actor { object_type: "Agent".into(), account: account(name.clone()) },
        (None, None) => Actor { object_type: "Agent".into(), account: account(format!("anonymous-{registration}")) },
    };
    let mut context_extensions = Map::new();
    if let Some(present) = record.group {
        context_extensions.insert(extension("present"), json!(present));
    }
    let context = Context {
        registration: registration.to_string(),
        instructor: record
            .group
            .and(who.instructor.clone())
            .map(|name| Actor { object_type: "Agent".into(), account: account(name) }),
        context_activities: ContextActivities {
            parent: Vec::new(),
            category: vec![activity(PROFILE.into(), "Serious games", "http://adlnet.gov/expapi/activities/profile")],
        },
        platform: "Boundaries".into(),
        language: "en-GB".into(),
        extensions: context_extensions,
    };
    let step = |n: usize, verb_name: &str, object: Activity, result: Option<XResult>, at: Timestamp, parent: bool| {
        let mut context = context.clone();
        if parent {
            context.context_activities.parent = vec![scenario_activity(record)];
        }
        Statement {
            // The verb is in the name: a play suspended after two decisions and carried on
            // later must not reuse the id of its third answer.
            id: Uuid::new_v5(&NAMESPACE, format!("{registration}/{verb_name}/{n}").as_bytes()).to_string(),
            actor: actor.clone(),
            verb: verb(verb_name),
            object,
            result,
            context,
            timestamp: at.to_string(),
        }
    };
    let mut out = vec![step(0, "initialized", scenario_activity(record), None, record.started, false)];
    let mut at = record.started;
    // When each decision was taken, for the suspensions carried on later.
    let mut taken_at = vec![record.started];
    for (i, decision) in record.decisions.iter().enumerate() {
        at = at.saturating_add(SignedDuration::from_millis(decision.millis.min(i64::MAX as u64) as i64)).unwrap_or(at);
        let scene = match scenario.and_then(|s| s.node(&decision.node)) {
            Some(Node::Scene(scene)) => Some(scene),
            _ => None,
        };
        let choice_text = |id: &str| scene.and_then(|s| s.choices.iter().find(|c| c.id == id)).map(|c| c.text.clone());
        let mut object = activity(
            format!("{IRI}/scenarios/{}/{}", record.scenario, decision.node),
            scene.map_or(decision.node.as_str(), |s| s.prompt()),
            "http://adlnet.gov/expapi/activities/cmi.interaction",
        );
        object.definition.interaction_type = Some("choice".into());
        object.definition.choices = Some(
            decision
                .offered
                .iter()
                .map(|id| InteractionComponent {
                    id: id.clone(),
                    description: text(&choice_text(id).unwrap_or_else(|| id.clone())),
                })
                .collect(),
        );
        let mut extensions = Map::new();
        if let Some(confidence) = decision.confidence {
            extensions.insert(extension("confidence"), json!(confidence));
        }
        if let Some(chosen) = scene.and_then(|s| s.choices.iter().find(|c| c.id == decision.chosen)) {
            let changes: Map<String, Value> = chosen.scores.iter().map(|(p, s)| (p.to_owned(), json!(s))).collect();
            extensions.insert(extension("changes"), Value::Object(changes));
        }
        if let Some(votes) = &decision.votes {
            let split: Map<String, Value> =
                decision.offered.iter().cloned().zip(votes.iter().map(|v| json!(v))).collect();
            extensions.insert(extension("votes"), Value::Object(split));
        }
        if let Some(phones) = decision.phones {
            extensions.insert(extension("phones"), json!(phones));
        }
        let result = XResult {
            score: None,
            completion: None,
            response: Some(decision.chosen.clone()),
            duration: Some(duration(decision.millis)),
            extensions,
        };
        out.push(step(i + 1, "answered", object, Some(result), at, true));
        taken_at.push(at);
    }
    // A play left part-way and carried on: the suspension as it was sent then (same
    // id), and the resumption.
    for resumption in &record.resumed {
        let left = taken_at.get(resumption.after).copied().unwrap_or(at);
        let paused =
            XResult { score: None, completion: Some(false), response: None, duration: None, extensions: Map::new() };
        out.push(step(resumption.after + 1, "suspended", scenario_activity(record), Some(paused), left, false));
        out.push(step(resumption.after, "resumed", scenario_activity(record), None, resumption.at, false));
    }
    let last = record.decisions.len() + 1;
    match (&record.ending, &record.result) {
        (Some(ending), Some(result)) => {
            let mut extensions = Map::new();
            extensions.insert(extension("ending"), json!(ending));
            if let Some(Node::Ending(end)) = scenario.and_then(|s| s.node(ending)) {
                extensions.insert(extension("outcome"), json!(format!("{:?}", end.outcome)));
            }
            extensions.insert(extension("band"), json!(result.band.to_string()));
            let ratings: Vec<Value> = result
                .ratings
                .iter()
                .map(|r| json!({"principle": r.principle, "name": catalogues.principle_name(&r.principle), "rating": r.rating, "decisions": r.decisions}))
                .collect();
            extensions.insert(extension("ratings"), Value::Array(ratings));
            let lines: Vec<Value> = result
                .red_flags
                .iter()
                .map(|f| json!({"line": f.red_line, "what": f.line, "decision": f.node, "choice": f.choice, "put_right": f.put_right}))
                .collect();
            extensions.insert(extension("red-lines"), Value::Array(lines));
            // The figure as shown, whole (a float a hair over 100 would be refused).
            let score = result.overall.map(|o| {
                let raw = o.round().clamp(0.0, 100.0);
                Score { scaled: raw / 100.0, raw }
            });
            let result = XResult { score, completion: Some(true), response: None, duration: None, extensions };
            out.push(step(
                last,
                "completed",
                scenario_activity(record),
                Some(result),
                record.ended.unwrap_or(at),
                false,
            ));
        }
        _ => {
            let result = XResult {
                score: None,
                completion: Some(false),
                response: None,
                duration: None,
                extensions: Map::new(),
            };
            out.push(step(last, "suspended", scenario_activity(record), Some(result), at, false));
        }
    }
    out
}
