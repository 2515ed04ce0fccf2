//! What validation found: a typed kind with the values involved, a severity, where it is, and
//! the error AWS itself returns for it where AWS has one. No sentences: the `explain` module
//! words findings in English, 简体中文 and 繁體中文.

use alloc::string::String;

use alloc::vec::Vec;

use crate::json::SyntaxErrorKind;
use crate::source::{LineIndex, Location, Span};

mod element;

pub use element::{Element, Shape};

use super::kind::SizeRule;
use super::model::{Effect, PrincipalKind, Version};
use super::operator::{Operator, OperatorFamily, SetOperator};

/// One problem (or risk) in a policy.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
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

/// The most findings one check reports: enough to fix a policy (AWS itself names one), few
/// enough that hostile input cannot make the report huge.
pub const MAX_FINDINGS: usize = 200;

/// Collects findings with their locations, up to [`MAX_FINDINGS`].
pub(crate) struct Collector<'a> {
    lines: &'a LineIndex<'a>,
    /// The findings kept.
    pub(crate) findings: Vec<Finding>,
    /// How many more there were.
    pub(crate) omitted: usize,
    /// How many errors were found, kept or omitted.
    errors: usize,
}

impl<'a> Collector<'a> {
    pub(crate) fn new(lines: &'a LineIndex<'a>) -> Self {
        Self {
            lines,
            findings: Vec::new(),
            omitted: 0,
            errors: 0,
        }
    }

    /// Adds a finding at `span`, with JSON pointer `pointer`.
    pub(crate) fn add(&mut self, kind: FindingKind, severity: Severity, pointer: &str, span: Span) {
        if severity == Severity::Error {
            self.errors += 1;
        }
        if self.findings.len() >= MAX_FINDINGS {
            self.omitted += 1;
            return;
        }
        let location = self.lines.locate(pointer.into(), span);
        self.findings.push(Finding {
            kind,
            severity,
            location,
            aws: None,
        });
    }

    /// How many errors were found so far, kept or omitted.
    pub(crate) fn error_count(&self) -> usize {
        self.errors
    }
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum Severity {
    /// AWS rejects the policy.
    Error,
    /// AWS accepts the policy, but it probably does not do what its author meant, or is risky.
    Warning,
}

/// An error as an AWS API returns it: its code and message.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AwsError {
    /// The error code, e.g. `MalformedPolicyDocument`.
    pub code: &'static str,
    /// The message, in AWS's words.
    pub message: String,
}

/// The kinds of finding, with the values that explain them.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub enum FindingKind {
    // -- the text --
    /// The text is longer than iamplay reads
    /// ([`MAX_POLICY_BYTES`](crate::limits::MAX_POLICY_BYTES)).
    TextTooLong {
        /// Its length in bytes.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// More statements than iamplay reads in one policy
    /// ([`MAX_STATEMENTS`](crate::limits::MAX_STATEMENTS)).
    TooManyStatements {
        /// How many there are.
        count: usize,
        /// The limit.
        limit: usize,
    },
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
    /// A condition operator that does not exist. AWS rejects it unless its block is empty
    /// (then it accepts the policy, and the block has no effect).
    UnknownConditionOperator {
        /// The operator as written.
        found: String,
        /// The operator it most resembles.
        suggestion: Option<Operator>,
        /// Whether its block has keys (`{}` is accepted by AWS).
        has_keys: bool,
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
    // -- kind rules and formats --
    /// The kind requires `"Version": "2012-10-17"` (managed policies, SCPs, RCPs).
    VersionRequired {
        /// The version written, if any.
        found: Option<Version>,
    },
    /// A `Date*` condition value that is neither an ISO 8601 date-time nor epoch seconds.
    InvalidDate {
        /// The value.
        value: String,
    },
    /// A `Sid` with characters other than `A-Z`, `a-z` and `0-9` (IAM policies).
    InvalidSid {
        /// The Sid.
        sid: String,
    },
    /// Two statements with the same non-empty `Sid`.
    DuplicateSid {
        /// The Sid.
        sid: String,
    },
    /// An action's service prefix has characters AWS does not allow.
    InvalidVendor {
        /// The prefix.
        vendor: String,
    },
    /// A statement without `Resource` or `NotResource`, where the kind needs one.
    MissingResource,
    /// A resource that is neither `*` nor ARN-shaped (no colon).
    ResourceNotArn {
        /// The resource.
        resource: String,
    },
    /// A resource ARN whose partition is unknown or not the account's.
    InvalidPartition {
        /// The partition written.
        partition: String,
        /// The ARN as AWS quotes it (missing fields as `*`).
        arn: String,
    },
    /// A resource ARN too short to name a service (`arn:aws`).
    ResourceServiceMissing {
        /// The resource.
        resource: String,
    },
    /// A resource ARN with an empty service, or with `::` but fewer than six fields, which
    /// IAM cannot read ("legacy parsing").
    MalformedArn {
        /// The resource.
        resource: String,
    },
    /// A Region in the ARN of a global service (IAM, S3 buckets and objects).
    ResourceRegionNotAllowed {
        /// The resource.
        resource: String,
        /// The service (`iam` or `s3`).
        service: String,
    },
    /// An IAM ARN whose resource part is not a known IAM resource type.
    InvalidIamResource {
        /// The resource.
        resource: String,
    },
    /// An element this kind of policy does not take (`Principal` in an identity-based policy,
    /// `Resource` in a trust policy, `NotAction` in an RCP, ...).
    ElementNotAllowed {
        /// The element.
        element: Element,
    },
    /// A statement without `Principal`, where the kind needs one.
    MissingPrincipal,
    /// `NotPrincipal` with `"Effect": "Allow"`, which AWS does not support.
    AllowWithNotPrincipal,
    /// An effect this kind does not take (`Allow` in a customer RCP).
    EffectNotAllowed {
        /// The effect.
        effect: Effect,
    },
    /// A principal that is not a valid id of its type (a group, a partial wildcard, a
    /// malformed ARN or account id).
    InvalidPrincipalId {
        /// The principal's type.
        kind: PrincipalKind,
        /// The id.
        id: String,
    },
    /// A principal type the kind does not take (`CanonicalUser` outside S3).
    PrincipalTypeNotAllowed {
        /// The type.
        kind: PrincipalKind,
    },
    /// An RCP principal other than `"*"`.
    RcpPrincipalNotEveryone,
    /// A trust policy action that is not one of STS's role-assuming actions.
    TrustPolicyAction {
        /// The action.
        action: String,
    },
    /// An S3 bucket policy resource outside the bucket (or `*`).
    ResourceOutsideBucket {
        /// The resource.
        resource: String,
        /// The bucket, if known.
        bucket: Option<String>,
    },
    /// The policy is larger than the kind's quota.
    PolicyTooLarge {
        /// Its size, counted as AWS counts it.
        size: u32,
        /// The quota.
        limit: u32,
        /// How AWS counts.
        rule: SizeRule,
    },
    // -- warnings --
    /// No `Version`: the policy is read as 2008-10-17, where policy variables are plain text.
    MissingVersion,
    /// A policy variable in a 2008-10-17 (or versionless) policy, where it is plain text.
    VariableInOldVersion {
        /// The variable as written, e.g. `${aws:username}`.
        variable: String,
    },
    /// A policy variable where AWS does not substitute it (only `Resource` and `Condition`
    /// values).
    VariableNotSubstituted {
        /// The variable.
        variable: String,
        /// Where it is.
        element: Element,
    },
    /// A trust policy statement that lets a whole account assume the role, with no condition.
    WholeAccountTrust {
        /// The account id.
        account: String,
    },
    /// A trust policy statement that lets every AWS principal assume the role, with no
    /// condition.
    AnyoneCanAssume,
    /// An `Allow` of every action on every resource.
    AllActionsOnAllResources,
    /// `NotPrincipal` with `Deny`: hard to get right; AWS recommends `aws:PrincipalArn`.
    DenyWithNotPrincipal,
    /// `"Principal": "*"` in a trust policy, which IAM has rejected; `{"AWS": "*"}` is the
    /// form it takes.
    BareStarPrincipal,
    /// `Id` in an identity-based policy, which the grammar excludes (IAM accepts it).
    IdInIdentityPolicy,
    /// An empty list of condition values: the condition key has no effect (or never matches).
    EmptyConditionValues {
        /// The key.
        key: String,
    },
    /// An empty principal map or list: the statement applies to nobody.
    EmptyPrincipal,
    /// A condition key without a service prefix.
    ConditionKeyFormat {
        /// The key.
        key: String,
    },
    /// The same condition key twice in one operator block, spelled in different case.
    DuplicateConditionKey {
        /// The key.
        key: String,
    },
    /// A value that the operator cannot read (not a number for `Numeric*`, not `true`/`false`
    /// for `Bool`, not an IP range for `IpAddress`): it never matches.
    ValueTypeMismatch {
        /// The value.
        value: String,
        /// The operator's family.
        family: OperatorFamily,
    },
    /// An operator of the wrong family for the key (a String operator on a date key).
    OperatorKeyMismatch {
        /// The key.
        key: String,
        /// The type of the key's values.
        key_type: OperatorFamily,
        /// The operator.
        operator: Operator,
    },
    /// `ForAllValues:` or `ForAnyValue:` with a key that has a single value.
    SetOperatorOnSingleValuedKey {
        /// The key.
        key: String,
        /// The set operator.
        set: SetOperator,
    },
    /// A multivalued key (`aws:TagKeys`) without `ForAllValues:` or `ForAnyValue:`.
    MultivaluedKeyWithoutSetOperator {
        /// The key.
        key: String,
    },
    /// `Null` with `ForAllValues:` or `ForAnyValue:`, which makes it always true or false.
    NullWithSetOperator,
    /// A wildcard in an action's service prefix.
    WildcardInService {
        /// The action.
        action: String,
    },
    /// An `Allow` of every action of a service (`s3:*`), or of every action of every service
    /// (`*`) where [`FindingKind::AllActionsOnAllResources`] does not already say so.
    WildcardAction {
        /// The action as written.
        action: String,
        /// The service (`s3`), or none for `*`.
        service: Option<String>,
    },
    /// `NotAction` with `Allow`: every action not listed is allowed, in every service.
    AllowWithNotAction,
    /// An `Allow` of a sensitive action ([`crate::actions::SENSITIVE`]) that does not require
    /// MFA.
    SensitiveActionWithoutMfa {
        /// The action pattern that allows it, as written (`iam:*`); none for `NotAction`.
        pattern: Option<String>,
        /// The first sensitive action it allows (`iam:CreateAccessKey`).
        action: &'static str,
        /// How many more sensitive actions it allows without MFA.
        more: usize,
    },
}

impl FindingKind {
    /// The stable code of the kind, e.g. `UnknownConditionOperator`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::TextTooLong { .. } => "TextTooLong",
            Self::TooManyStatements { .. } => "TooManyStatements",
            Self::Syntax { .. } => "Syntax",
            Self::InvalidCharacter { .. } => "InvalidCharacter",
            Self::NotAnObject { .. } => "NotAnObject",
            Self::DuplicateKey { .. } => "DuplicateKey",
            Self::UnknownElement { .. } => "UnknownElement",
            Self::WrongType { .. } => "WrongType",
            Self::EmptyList { .. } => "EmptyList",
            Self::InvalidVersion { .. } => "InvalidVersion",
            Self::MissingStatement { .. } => "MissingStatement",
            Self::MissingEffect { .. } => "MissingEffect",
            Self::InvalidEffect { .. } => "InvalidEffect",
            Self::MissingAction { .. } => "MissingAction",
            Self::ConflictingElements { .. } => "ConflictingElements",
            Self::ActionWithoutPrefix { .. } => "ActionWithoutPrefix",
            Self::TooManyColons { .. } => "TooManyColons",
            Self::InvalidPrincipal { .. } => "InvalidPrincipal",
            Self::UnknownPrincipalType { .. } => "UnknownPrincipalType",
            Self::UnknownConditionOperator { .. } => "UnknownConditionOperator",
            Self::ConditionKeyWithoutPrefix { .. } => "ConditionKeyWithoutPrefix",
            Self::InvalidConditionValue { .. } => "InvalidConditionValue",
            Self::VersionRequired { .. } => "VersionRequired",
            Self::InvalidDate { .. } => "InvalidDate",
            Self::InvalidSid { .. } => "InvalidSid",
            Self::DuplicateSid { .. } => "DuplicateSid",
            Self::InvalidVendor { .. } => "InvalidVendor",
            Self::MissingResource { .. } => "MissingResource",
            Self::ResourceNotArn { .. } => "ResourceNotArn",
            Self::InvalidPartition { .. } => "InvalidPartition",
            Self::ResourceServiceMissing { .. } => "ResourceServiceMissing",
            Self::MalformedArn { .. } => "MalformedArn",
            Self::ResourceRegionNotAllowed { .. } => "ResourceRegionNotAllowed",
            Self::InvalidIamResource { .. } => "InvalidIamResource",
            Self::ElementNotAllowed { .. } => "ElementNotAllowed",
            Self::MissingPrincipal { .. } => "MissingPrincipal",
            Self::AllowWithNotPrincipal { .. } => "AllowWithNotPrincipal",
            Self::EffectNotAllowed { .. } => "EffectNotAllowed",
            Self::InvalidPrincipalId { .. } => "InvalidPrincipalId",
            Self::PrincipalTypeNotAllowed { .. } => "PrincipalTypeNotAllowed",
            Self::RcpPrincipalNotEveryone { .. } => "RcpPrincipalNotEveryone",
            Self::TrustPolicyAction { .. } => "TrustPolicyAction",
            Self::ResourceOutsideBucket { .. } => "ResourceOutsideBucket",
            Self::PolicyTooLarge { .. } => "PolicyTooLarge",
            Self::MissingVersion { .. } => "MissingVersion",
            Self::VariableInOldVersion { .. } => "VariableInOldVersion",
            Self::VariableNotSubstituted { .. } => "VariableNotSubstituted",
            Self::WholeAccountTrust { .. } => "WholeAccountTrust",
            Self::AnyoneCanAssume { .. } => "AnyoneCanAssume",
            Self::AllActionsOnAllResources { .. } => "AllActionsOnAllResources",
            Self::DenyWithNotPrincipal { .. } => "DenyWithNotPrincipal",
            Self::BareStarPrincipal { .. } => "BareStarPrincipal",
            Self::IdInIdentityPolicy { .. } => "IdInIdentityPolicy",
            Self::EmptyConditionValues { .. } => "EmptyConditionValues",
            Self::EmptyPrincipal { .. } => "EmptyPrincipal",
            Self::ConditionKeyFormat { .. } => "ConditionKeyFormat",
            Self::DuplicateConditionKey { .. } => "DuplicateConditionKey",
            Self::ValueTypeMismatch { .. } => "ValueTypeMismatch",
            Self::OperatorKeyMismatch { .. } => "OperatorKeyMismatch",
            Self::SetOperatorOnSingleValuedKey { .. } => "SetOperatorOnSingleValuedKey",
            Self::MultivaluedKeyWithoutSetOperator { .. } => "MultivaluedKeyWithoutSetOperator",
            Self::NullWithSetOperator { .. } => "NullWithSetOperator",
            Self::WildcardInService { .. } => "WildcardInService",
            Self::WildcardAction { .. } => "WildcardAction",
            Self::AllowWithNotAction => "AllowWithNotAction",
            Self::SensitiveActionWithoutMfa { .. } => "SensitiveActionWithoutMfa",
        }
    }
}
