//! What validation found: a typed kind with the values involved, a severity, where it is, and
//! the error AWS itself returns for it where AWS has one. No sentences: the `explain` module
//! words findings in English, 简体中文 and 繁體中文.

use alloc::string::String;

use crate::json::SyntaxErrorKind;
use crate::source::Location;

use super::operator::Operator;

/// One problem (or risk) in a policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// What it is, with the values involved.
    pub kind: FindingKind,
    /// Whether AWS would reject the policy (error) or accept it (warning).
    pub severity: Severity,
    /// Where it is.
    pub location: Location,
    /// The error AWS returns for it, where AWS rejects the policy.
    pub aws: Option<AwsError>,
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// AWS rejects the policy.
    Error,
    /// AWS accepts the policy, but it probably does not do what its author meant, or is risky.
    Warning,
}

/// An error as an AWS API returns it: its code and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwsError {
    /// The error code, e.g. `MalformedPolicyDocument`.
    pub code: &'static str,
    /// The message, in AWS's words.
    pub message: String,
}

/// The elements of a policy, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Element {
    /// The policy document itself.
    Policy,
    /// `Version`.
    Version,
    /// `Id`.
    Id,
    /// `Statement`.
    Statement,
    /// `Sid`.
    Sid,
    /// `Effect`.
    Effect,
    /// `Principal`.
    Principal,
    /// `NotPrincipal`.
    NotPrincipal,
    /// `Action`.
    Action,
    /// `NotAction`.
    NotAction,
    /// `Resource`.
    Resource,
    /// `NotResource`.
    NotResource,
    /// `Condition`.
    Condition,
    /// A condition operator's block of keys.
    ConditionOperator,
    /// A condition key's values.
    ConditionValues,
    /// A principal map entry's ids (`"AWS": [...]`).
    PrincipalIds,
}

impl Element {
    /// The name as written in a policy (`Statement`), or a short description for the parts
    /// that have no name of their own.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Policy => "policy",
            Self::Version => "Version",
            Self::Id => "Id",
            Self::Statement => "Statement",
            Self::Sid => "Sid",
            Self::Effect => "Effect",
            Self::Principal => "Principal",
            Self::NotPrincipal => "NotPrincipal",
            Self::Action => "Action",
            Self::NotAction => "NotAction",
            Self::Resource => "Resource",
            Self::NotResource => "NotResource",
            Self::Condition => "Condition",
            Self::ConditionOperator => "condition operator",
            Self::ConditionValues => "condition values",
            Self::PrincipalIds => "principal ids",
        }
    }
}

/// The JSON shapes an element may take, for [`FindingKind::WrongType`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    /// A string.
    String,
    /// An object.
    Object,
    /// An object or an array of objects.
    ObjectOrArrayOfObjects,
    /// A string or an array of strings.
    StringOrArrayOfStrings,
    /// `"*"` or an object.
    StarOrObject,
    /// A string, number or boolean, or an array of them.
    ScalarOrArrayOfScalars,
}

/// The kinds of finding, with the values that explain them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindingKind {
    // -- the text --
    /// The text is not JSON.
    Syntax {
        /// What is wrong with it.
        error: SyntaxErrorKind,
    },
    /// A character IAM does not allow in policy documents (only tab, line feed, carriage
    /// return and U+0020–U+00FF).
    InvalidCharacter {
        /// The character.
        found: char,
    },
    // -- the structure --
    /// The document is not a JSON object.
    NotAnObject {
        /// The JSON type found.
        found: &'static str,
    },
    /// An object has the same key twice.
    DuplicateKey {
        /// The key.
        key: String,
    },
    /// A key that is not an element of the policy language here.
    UnknownElement {
        /// The key as written.
        name: String,
        /// Where it was found (`Policy` or `Statement`).
        parent: Element,
        /// The element it most resembles.
        suggestion: Option<&'static str>,
    },
    /// An element has the wrong JSON type.
    WrongType {
        /// The element.
        element: Element,
        /// What it must be.
        expected: Shape,
        /// The JSON type found.
        found: &'static str,
    },
    /// A list that must not be empty is empty.
    EmptyList {
        /// The element.
        element: Element,
    },
    /// `Version` is neither `2012-10-17` nor `2008-10-17`.
    InvalidVersion {
        /// The value found.
        found: String,
    },
    /// The policy has no `Statement`.
    MissingStatement,
    /// A statement has no `Effect`.
    MissingEffect,
    /// `Effect` is neither `Allow` nor `Deny`.
    InvalidEffect {
        /// The value found.
        found: String,
        /// `Allow` or `Deny`, when the value is one of them in the wrong case.
        suggestion: Option<&'static str>,
    },
    /// A statement has neither `Action` nor `NotAction`.
    MissingAction,
    /// A statement has an element and its negated twin (`Action` and `NotAction`).
    ConflictingElements {
        /// The element written first.
        first: Element,
        /// The other one.
        second: Element,
    },
    /// An action without a service prefix (`GetObject` instead of `s3:GetObject`).
    ActionWithoutPrefix {
        /// The action.
        action: String,
    },
    /// An action or condition key with more than one colon.
    TooManyColons {
        /// The action or key.
        value: String,
    },
    /// A `Principal` value that is neither `"*"` nor a map of principal types.
    InvalidPrincipal {
        /// The value found.
        found: String,
    },
    /// A principal map key that is not `AWS`, `Federated`, `Service` or `CanonicalUser`.
    UnknownPrincipalType {
        /// The key as written.
        found: String,
        /// The type it most resembles.
        suggestion: Option<&'static str>,
    },
    /// A condition operator that does not exist.
    UnknownConditionOperator {
        /// The operator as written.
        found: String,
        /// The operator it most resembles.
        suggestion: Option<Operator>,
    },
    /// A condition key without a prefix (`PrincipalTag/x` instead of `aws:PrincipalTag/x`).
    ConditionKeyWithoutPrefix {
        /// The key.
        key: String,
    },
    /// A condition value that is not a string, number or boolean.
    InvalidConditionValue {
        /// The JSON type found.
        found: &'static str,
    },
}

impl FindingKind {
    /// The stable code of the kind, e.g. `UnknownConditionOperator`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Syntax { .. } => "Syntax",
            Self::InvalidCharacter { .. } => "InvalidCharacter",
            Self::NotAnObject { .. } => "NotAnObject",
            Self::DuplicateKey { .. } => "DuplicateKey",
            Self::UnknownElement { .. } => "UnknownElement",
            Self::WrongType { .. } => "WrongType",
            Self::EmptyList { .. } => "EmptyList",
            Self::InvalidVersion { .. } => "InvalidVersion",
            Self::MissingStatement => "MissingStatement",
            Self::MissingEffect => "MissingEffect",
            Self::InvalidEffect { .. } => "InvalidEffect",
            Self::MissingAction => "MissingAction",
            Self::ConflictingElements { .. } => "ConflictingElements",
            Self::ActionWithoutPrefix { .. } => "ActionWithoutPrefix",
            Self::TooManyColons { .. } => "TooManyColons",
            Self::InvalidPrincipal { .. } => "InvalidPrincipal",
            Self::UnknownPrincipalType { .. } => "UnknownPrincipalType",
            Self::UnknownConditionOperator { .. } => "UnknownConditionOperator",
            Self::ConditionKeyWithoutPrefix { .. } => "ConditionKeyWithoutPrefix",
            Self::InvalidConditionValue { .. } => "InvalidConditionValue",
        }
    }
}
