//! The few xAPI structures Boundaries sends, as serde types (xAPI 2.0.0, IEEE
//! 9274.1.1; the same fields are valid 1.0.3). Only what is used is modelled.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub id: String,
    pub actor: Actor,
    pub verb: Verb,
    pub object: Activity,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub result: Option<XResult>,
    pub context: Context,
    pub timestamp: String,
}

/// Who: one player (an Agent) or a group session (a Group), always identified by an
/// account, never by a name or an email address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    #[serde(rename = "objectType")]
    pub object_type: String,
    pub account: Account,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Account {
    #[serde(rename = "homePage")]
    pub home_page: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verb {
    pub id: String,
    pub display: LanguageMap,
}

/// Text by language tag; Boundaries writes `en-GB`.
pub type LanguageMap = std::collections::BTreeMap<String, String>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    #[serde(rename = "objectType")]
    pub object_type: String,
    pub id: String,
    pub definition: Definition,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Definition {
    pub name: LanguageMap,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(rename = "interactionType", skip_serializing_if = "Option::is_none", default)]
    pub interaction_type: Option<String>,
    #[serde(rename = "correctResponsesPattern", skip_serializing_if = "Option::is_none", default)]
    pub correct_responses_pattern: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub choices: Option<Vec<InteractionComponent>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InteractionComponent {
    pub id: String,
    pub description: LanguageMap,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct XResult {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub score: Option<Score>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub completion: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub response: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub duration: Option<String>,
    #[serde(skip_serializing_if = "Map::is_empty", default)]
    pub extensions: Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// The overall figure out of 1.
    pub scaled: f64,
    /// The overall figure out of 100, as shown. `min` and `max` (0 and 100) are left
    /// out: LaRS 0.2.0 refuses a raw score equal to its max, which xAPI allows.
    pub raw: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Context {
    pub registration: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub instructor: Option<Actor>,
    #[serde(rename = "contextActivities")]
    pub context_activities: ContextActivities,
    pub platform: String,
    pub language: String,
    #[serde(skip_serializing_if = "Map::is_empty", default)]
    pub extensions: Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContextActivities {
    /// The scenario, for every statement about one of its decisions.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub parent: Vec<Activity>,
    /// The profile the statements follow.
    pub category: Vec<Activity>,
}
