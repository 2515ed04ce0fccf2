//! An IAM policy document as typed values, each element with its place in the source text.
//!
//! The shapes follow the grammar in AWS's IAM User Guide
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html>).
//! Where the grammar allows one value or a list, [`OneOrMany`] remembers which the author wrote,
//! so that formatting keeps the author's choice.

use alloc::string::String;
use alloc::vec::Vec;

use crate::source::Span;

use super::operator::Operator;

/// The elements of a policy document, in the order AWS's documentation shows them.
pub(crate) const POLICY_ELEMENTS: [&str; 3] = ["Version", "Id", "Statement"];

/// The elements of a statement, in the order AWS's documentation shows them.
pub(crate) const STATEMENT_ELEMENTS: [&str; 9] = [
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];

/// Where an element came from: its JSON pointer and byte span.
///
/// Locations never take part in equality: two elements are equal when they mean the same,
/// whatever text they were read from (so `parse(format(p)) == p` holds).
#[derive(Clone, Debug, Default)]
pub struct Loc {
    /// The element's JSON pointer, e.g. `/Statement/0/Action/1`.
    pub pointer: String,
    /// The element's value in the source text.
    pub span: Span,
}

impl PartialEq for Loc {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Loc {}

/// A value with its location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it is.
    pub loc: Loc,
}

/// One value or a list of values, as the author wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OneOrMany<T> {
    /// The values (exactly one when `list` is false).
    pub items: Vec<Located<T>>,
    /// Whether the author wrote a JSON array.
    pub list: bool,
}

/// The policy language version (`Version` element).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Version {
    /// `2012-10-17`: the current language, with policy variables.
    V2012_10_17,
    /// `2008-10-17`: the old language; `${...}` is literal text. Also the default when
    /// `Version` is absent.
    V2008_10_17,
}

impl Version {
    /// The version as written in a policy.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::V2012_10_17 => "2012-10-17",
            Self::V2008_10_17 => "2008-10-17",
        }
    }
}

/// A whole policy document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    /// `Version`, if present.
    pub version: Option<Located<Version>>,
    /// `Id`, if present.
    pub id: Option<Located<String>>,
    /// The statements; `list` is false when `Statement` was a single object.
    pub statements: OneOrMany<Statement>,
    /// The whole document.
    pub loc: Loc,
}

impl Policy {
    /// The language version in effect: `Version`, or 2008-10-17 when it is absent.
    #[must_use]
    pub fn effective_version(&self) -> Version {
        self.version
            .as_ref()
            .map_or(Version::V2008_10_17, |v| v.value)
    }
}

/// `Allow` or `Deny`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Effect {
    /// `Allow`.
    Allow,
    /// `Deny`.
    Deny,
}

impl Effect {
    /// The effect as written in a policy.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Allow => "Allow",
            Self::Deny => "Deny",
        }
    }
}

/// One statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// `Sid`, if present.
    pub sid: Option<Located<String>>,
    /// `Effect`.
    pub effect: Located<Effect>,
    /// `Principal` or `NotPrincipal`, if present.
    pub principal: Option<PrincipalBlock>,
    /// `Action` or `NotAction`.
    pub action: ActionBlock,
    /// `Resource` or `NotResource`, if present.
    pub resource: Option<ResourceBlock>,
    /// `Condition`, if present.
    pub condition: Option<ConditionBlock>,
    /// The statement object.
    pub loc: Loc,
}

/// `Principal` (or, with `negated`, `NotPrincipal`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrincipalBlock {
    /// True for `NotPrincipal`.
    pub negated: bool,
    /// The principals.
    pub value: Principal,
    /// The element's value.
    pub loc: Loc,
}

/// The value of a `Principal` element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Principal {
    /// `"*"`: everyone, including anonymous callers.
    Everyone,
    /// `{"AWS": ..., "Service": ...}`: principals by type, in the order written.
    Map(Vec<PrincipalEntry>),
}

/// One `"AWS": [...]` entry of a principal map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrincipalEntry {
    /// The type (`AWS`, `Service`, `Federated`, `CanonicalUser`).
    pub kind: Located<PrincipalKind>,
    /// The principal ids (ARNs, account ids, service names, `*`).
    pub ids: OneOrMany<String>,
}

/// The types of principal a policy can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum PrincipalKind {
    /// `AWS`: accounts, IAM users and roles, role sessions, federated users, `*`.
    Aws,
    /// `Federated`: OIDC and SAML identity providers, web identity providers.
    Federated,
    /// `Service`: AWS service principals such as `ec2.amazonaws.com`.
    Service,
    /// `CanonicalUser`: an S3 canonical user id.
    CanonicalUser,
}

impl PrincipalKind {
    /// Every principal type, in the order AWS's grammar lists them.
    pub const ALL: [Self; 4] = [
        Self::Aws,
        Self::Federated,
        Self::Service,
        Self::CanonicalUser,
    ];

    /// The key as written in a policy.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Aws => "AWS",
            Self::Federated => "Federated",
            Self::Service => "Service",
            Self::CanonicalUser => "CanonicalUser",
        }
    }
}

/// `Action` (or, with `negated`, `NotAction`): action patterns such as `s3:Get*` or `*`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionBlock {
    /// True for `NotAction`.
    pub negated: bool,
    /// The action patterns.
    pub actions: OneOrMany<String>,
    /// The element's value.
    pub loc: Loc,
}

/// `Resource` (or, with `negated`, `NotResource`): ARN patterns or `*`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceBlock {
    /// True for `NotResource`.
    pub negated: bool,
    /// The resource patterns.
    pub resources: OneOrMany<String>,
    /// The element's value.
    pub loc: Loc,
}

/// `Condition`: operators, each with its keys and values. All must hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionBlock {
    /// The operator blocks in the order written.
    pub operators: Vec<ConditionOperatorBlock>,
    /// The element's value.
    pub loc: Loc,
}

/// `"StringEquals": {"key": values, ...}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionOperatorBlock {
    /// The operator.
    pub operator: Located<Operator>,
    /// The keys with their values, in the order written.
    pub keys: Vec<ConditionKeyValues>,
}

/// One condition key and the values it is compared with (any value may match).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionKeyValues {
    /// The condition key as written, e.g. `aws:PrincipalTag/userid`.
    pub key: Located<String>,
    /// The values.
    pub values: OneOrMany<ConditionValue>,
}

/// A condition value as written in the JSON: IAM compares it as text, but formatting keeps
/// the JSON type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConditionValue {
    /// A JSON string.
    String(String),
    /// A JSON number, as written.
    Number(String),
    /// A JSON boolean.
    Bool(bool),
}

impl ConditionValue {
    /// The value as the text IAM compares.
    #[must_use]
    pub fn as_text(&self) -> &str {
        match self {
            Self::String(text) | Self::Number(text) => text,
            Self::Bool(true) => "true",
            Self::Bool(false) => "false",
        }
    }
}
