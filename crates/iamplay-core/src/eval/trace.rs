//! The decision and its explanation, as data: which layers allowed or denied, and for every
//! statement what was compared with what. No sentences (the `explain` module words this).

use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use crate::policy::finding::AwsError;
use crate::policy::model::Effect;

/// AWS's three possible answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Decision {
    /// The request is allowed.
    Allow,
    /// A `Deny` statement applies.
    ExplicitDeny,
    /// Nothing that must allow it does.
    ImplicitDeny,
}

/// The kinds of policy that take part in a decision, in the order AWS evaluates them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Layer {
    /// Resource control policies of the resource's account.
    ResourceControlPolicy,
    /// Service control policies of the principal's account.
    ServiceControlPolicy,
    /// The resource's resource-based policy (a bucket policy, a role's trust policy, ...).
    ResourceBasedPolicy,
    /// The principal's identity-based policies.
    IdentityBasedPolicy,
    /// The principal's permissions boundary.
    PermissionsBoundary,
    /// The session's session policies.
    SessionPolicy,
}

/// What one layer said.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Verdict {
    /// An `Allow` statement applies (and no `Deny`).
    Allow,
    /// A `Deny` statement applies.
    ExplicitDeny,
    /// No statement applies.
    NoAllow,
}

/// Why a request was denied: the layer AWS names in its AccessDenied message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Denial {
    /// The layer.
    pub layer: Layer,
    /// Whether a `Deny` statement did it (else nothing in the layer allowed).
    pub explicit: bool,
    /// For a resource-based policy, whether it is a role's trust policy.
    pub trust_policy: bool,
}

/// A statement, by where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatementRef {
    /// Its layer.
    pub layer: Layer,
    /// For SCPs and RCPs, the organization level (0 = root).
    pub level: Option<usize>,
    /// The policy's name.
    pub policy: String,
    /// The statement's index in its policy.
    pub index: usize,
    /// Its `Sid`.
    pub sid: Option<String>,
    /// Its effect.
    pub effect: Effect,
}

/// The answer to a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Response {
    /// The decision.
    pub decision: Decision,
    /// For a deny, the layer that denied.
    pub denial: Option<Denial>,
    /// The statements that decided: every applicable `Deny` for an explicit deny; for an
    /// allow, the `Allow` statements of each layer that had to allow.
    pub determining: Vec<StatementRef>,
    /// How the resource-based policy named the principal, when it allowed.
    pub granted_to: Option<GrantedTo>,
    /// Whether the principal and the resource are in different accounts.
    pub cross_account: bool,
    /// AWS's AccessDenied error for a deny.
    pub aws_error: Option<AwsError>,
    /// Every layer with every statement, when an explanation was asked for.
    pub layers: Vec<LayerTrace>,
}

/// How a resource-based policy statement named the principal that it allowed; this decides
/// which other policies still limit the grant
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html>).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum GrantedTo {
    /// The principal itself: its user, role session or federated user ARN, or everyone
    /// (`*`). Not limited by implicit denies elsewhere in the same account.
    Principal,
    /// The role of a role session, or the IAM user of a federated user session: limited by the
    /// permissions boundary and session policy.
    RoleOrUser,
    /// The principal's account: its identity-based policies must allow too.
    Account,
}

/// One layer's (or organization level's) evaluation, compact: what matched, by index into
/// the [`PolicySet`](super::PolicySet)'s policies. [`details`](super::details) turns it into
/// values and texts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LayerTrace {
    /// The layer.
    pub layer: Layer,
    /// For SCPs and RCPs, the organization level (0 = root).
    pub level: Option<usize>,
    /// What it said.
    pub verdict: Verdict,
    /// Its policies, in the order of the set.
    pub policies: Vec<PolicyTrace>,
}

/// One policy's statements.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PolicyTrace {
    /// Its statements, in order.
    pub statements: Vec<StatementTrace>,
}

/// One statement's evaluation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatementTrace {
    /// Whether it applies to the request.
    pub applies: bool,
    /// The `Principal` / `NotPrincipal` comparison, in resource-based policies.
    pub principal: Option<ElementTrace>,
    /// The `Action` / `NotAction` comparison.
    pub action: ElementTrace,
    /// The `Resource` / `NotResource` comparison, if the statement has one.
    pub resource: Option<ElementTrace>,
    /// Each condition key's outcome, in order; `None` when they were not evaluated because
    /// the principal, action or resource did not match.
    pub conditions: Option<Vec<ConditionOutcome>>,
}

/// Whether an element matched, and which of its patterns (or principal ids) did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ElementTrace {
    /// Whether the element is satisfied (for `Not...`, whether the request is not excluded).
    pub matched: bool,
    /// The index of the pattern that matched the request.
    pub pattern: Option<usize>,
}

/// One condition key's outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ConditionOutcome {
    /// Whether it holds.
    pub result: bool,
    /// The documented rule that decided it, where it is not just "a value matched".
    pub rule: Option<ConditionRule>,
}

/// The documented rule that decided a condition
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html>).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum ConditionRule {
    /// The key is missing: a condition on it is false.
    MissingKeyFalse,
    /// The key is missing: a negated operator is true.
    MissingKeyNegated,
    /// The key is missing and the operator ends in `IfExists`: true.
    MissingKeyIfExists,
    /// `ForAllValues:` with a missing or empty key: true.
    ForAllValuesEmpty,
    /// `ForAnyValue:` with a missing or empty key: false.
    ForAnyValueEmpty,
    /// The condition has no values, so it does not test the key.
    NoValues,
    /// A negated operator with several values: true only if none matches.
    NegatedNoneMatched,
}
