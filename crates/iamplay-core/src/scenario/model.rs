//! The scenario document, version 1: a world, a title and description in each language, and
//! ordered steps — STS calls, requests and waits — each with an optional expected outcome. The
//! JSON Schema is `scenarios/scenario.schema.json`.

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

pub use crate::eval::ContextValue;
use crate::explain::Lang;
use crate::sts::{
    AssumeRole, AssumeRoleWithWebIdentity, GetFederationToken, GetSessionToken, World,
};

/// The version of the format this engine reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A scenario.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scenario {
    /// The schema editors validate against (`./scenario.schema.json`); not used by iamplay.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The format version: 1.
    pub version: u32,
    /// A short stable name (`course-platform`), for links and lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The title.
    pub title: Localized,
    /// What the scenario shows, for the learner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Localized>,
    /// The world it plays in; its `time` is the clock at the first step.
    pub world: World,
    /// The steps, in order.
    #[serde(default)]
    pub steps: Vec<Step>,
}

/// Text in each language iamplay speaks (at least one).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    /// English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// 简体中文.
    #[serde(rename = "zh-CN", default, skip_serializing_if = "Option::is_none")]
    pub zh_cn: Option<String>,
    /// 繁體中文.
    #[serde(rename = "zh-TW", default, skip_serializing_if = "Option::is_none")]
    pub zh_tw: Option<String>,
}

impl Localized {
    /// The text in `lang`, or else in the nearest language it has (the other Chinese script
    /// before English for Chinese, Simplified before Traditional for English).
    #[must_use]
    pub fn get(&self, lang: Lang) -> Option<&str> {
        let order = match lang {
            Lang::En => [&self.en, &self.zh_cn, &self.zh_tw],
            Lang::ZhCn => [&self.zh_cn, &self.zh_tw, &self.en],
            Lang::ZhTw => [&self.zh_tw, &self.zh_cn, &self.en],
        };
        order.into_iter().find_map(|text| text.as_deref())
    }

    /// Whether it has no text at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.en.is_none() && self.zh_cn.is_none() && self.zh_tw.is_none()
    }
}

/// One step: exactly one of `call`, `request` and `wait`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Step {
    /// A name later steps use to take its session (`{"as": {"step": "assume"}}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What the step does, for the learner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Localized>,
    /// What to notice about its outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Localized>,
    /// Whose credentials sign it (none for `AssumeRoleWithWebIdentity` and waits).
    #[serde(rename = "as", default, skip_serializing_if = "Option::is_none")]
    pub caller: Option<Caller>,
    /// An STS call with AWS's parameters: `{"AssumeRole": {"RoleArn": ..., ...}}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<Call>,
    /// For `AssumeRoleWithWebIdentity`: the token's claims (a JSON object), from which an
    /// unsigned token is made when `WebIdentityToken` is not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claims: Option<String>,
    /// A request to a service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<StepRequest>,
    /// Context keys of the call (`aws:SourceIp`, ...).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub context: BTreeMap<String, ContextValue>,
    /// Seconds for the clock to move on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait: Option<i64>,
    /// The expected outcome: `Allow` (a call succeeds, a request is allowed), `ExplicitDeny`,
    /// `ImplicitDeny`, or an error code (`AccessDenied`, `ValidationError`, `ExpiredToken`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect: Option<String>,
}

/// Whose credentials sign a step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Caller {
    /// The long-term credentials of the user or root user with this ARN.
    Principal(String),
    /// The credentials an earlier step's call returned, by the step's `id`.
    Step(String),
    /// An access key id of the world (`AKIA...`).
    AccessKeyId(String),
    /// No credentials.
    Anonymous,
}

/// An STS call and its parameters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Call {
    /// `AssumeRole`.
    AssumeRole(AssumeRole),
    /// `GetSessionToken`.
    GetSessionToken(GetSessionToken),
    /// `GetFederationToken`.
    GetFederationToken(GetFederationToken),
    /// `AssumeRoleWithWebIdentity`.
    AssumeRoleWithWebIdentity(AssumeRoleWithWebIdentity),
    /// `GetCallerIdentity` (no parameters: `{}`).
    GetCallerIdentity(NoParameters),
}

impl Call {
    /// The call's name as AWS writes it.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Self::AssumeRole(_) => "AssumeRole",
            Self::GetSessionToken(_) => "GetSessionToken",
            Self::GetFederationToken(_) => "GetFederationToken",
            Self::AssumeRoleWithWebIdentity(_) => "AssumeRoleWithWebIdentity",
            Self::GetCallerIdentity(_) => "GetCallerIdentity",
        }
    }

    /// Whether it returns temporary credentials that later steps can sign with.
    #[must_use]
    pub fn returns_credentials(&self) -> bool {
        !matches!(self, Self::GetCallerIdentity(_))
    }
}

/// The parameters of a call that takes none.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoParameters {}

/// A request to a service.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StepRequest {
    /// The action (`s3:GetObject`).
    pub action: String,
    /// The resource's ARN, or `*`.
    pub resource: String,
    /// Context keys the request brings (`s3:prefix`, `aws:SourceIp`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub context: BTreeMap<String, ContextValue>,
}
