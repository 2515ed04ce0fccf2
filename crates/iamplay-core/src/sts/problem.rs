//! What can be wrong with a world: each problem a value with a code, the values involved and
//! where it is (a JSON pointer into the world, and for a policy the findings inside its text).
//! No sentences: the `explain` module words them.

use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use crate::policy::{AwsError, Finding, PolicyKind, Severity};
use crate::source::Location;

/// One problem in a world.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WorldProblem {
    /// Where it is: a JSON pointer into the world (`/accounts/1/roles/0/trustPolicy`).
    pub pointer: String,
    /// Whether the world cannot be used until it is fixed (error) or only deserves a look.
    pub severity: Severity,
    /// What it is.
    pub kind: WorldProblemKind,
}

/// The kinds of world problem, with the values involved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "camelCase")]
pub enum WorldProblemKind {
    /// A policy AWS would not accept (errors) or accepts with findings worth a look
    /// (warnings); the findings point into the policy's text.
    #[serde(rename_all = "camelCase")]
    Policy {
        /// What the policy is checked as.
        #[serde(serialize_with = "kind_name")]
        policy_kind: PolicyKind,
        /// The findings.
        findings: Vec<Finding>,
        /// The error AWS returns when the policy is saved, where it rejects it.
        aws_error: Option<AwsError>,
    },
    /// The world's time is not an ISO 8601 date-time.
    InvalidTime {
        /// The value given.
        value: String,
    },
    /// The partition is not one AWS has.
    InvalidPartition {
        /// The value given.
        value: String,
    },
    /// An account id is not 12 digits.
    InvalidAccountId {
        /// The value given.
        value: String,
    },
    /// Two accounts, users, groups, roles, policies, providers or resources share a name.
    #[serde(rename_all = "camelCase")]
    Duplicate {
        /// What kind of thing.
        entity: Entity,
        /// The name (or id or ARN) they share.
        name: String,
    },
    /// A name breaks IAM's rules for its kind (characters, length).
    #[serde(rename_all = "camelCase")]
    InvalidName {
        /// What kind of thing.
        entity: Entity,
        /// The value given.
        value: String,
        /// The pattern AWS requires.
        pattern: &'static str,
        /// The longest it may be.
        max_length: usize,
    },
    /// A path does not start and end with `/`, or breaks IAM's rules.
    InvalidPath {
        /// The value given.
        value: String,
    },
    /// An OIDC provider without `url`, or a SAML provider without `name`.
    #[serde(rename_all = "camelCase")]
    IncompleteProvider {
        /// The provider's type.
        provider_type: crate::sts::world::ProviderType,
    },
    /// A user names a group its account does not have.
    UnknownGroup {
        /// The group's name.
        name: String,
    },
    /// A managed policy ARN names no policy in the world.
    UnknownPolicy {
        /// The ARN.
        arn: String,
    },
    /// A role's `maxSessionDuration` is outside 3600–43200 seconds.
    InvalidMaxSessionDuration {
        /// The value given.
        value: i64,
    },
    /// A user, group or role with more policies than iamplay evaluates
    /// ([`MAX_POLICIES_PER_PRINCIPAL`](crate::limits::MAX_POLICIES_PER_PRINCIPAL)); the first
    /// ones are kept.
    TooManyPolicies {
        /// How many it has (for a user, with its groups' policies).
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// Two tags of one entity have keys that differ only in case (IAM keeps one).
    DuplicateTagKey {
        /// The second key.
        key: String,
    },
    /// A resource's ARN cannot be read, or names another account than the one holding it.
    #[serde(rename_all = "camelCase")]
    InvalidResourceArn {
        /// The ARN.
        arn: String,
    },
    /// An organization places an account the world does not have.
    UnknownAccount {
        /// The account id.
        id: String,
    },
    /// An account is placed in an organization twice, or in two organizations.
    AccountPlacedTwice {
        /// The account id.
        id: String,
    },
    /// An organization's management account is not in its tree.
    ManagementAccountNotInOrganization {
        /// The account id.
        id: String,
    },
    /// An attachment names no policy of the organization (nor `FullAWSAccess` /
    /// `RCPFullAWSAccess`), or one of the other type.
    #[serde(rename_all = "camelCase")]
    UnknownOrganizationPolicy {
        /// The name.
        name: String,
        /// The type the attachment needs.
        expected: crate::sts::world::OrganizationPolicyType,
    },
    /// An attachment list is empty: AWS keeps at least one SCP (and one RCP) attached to every
    /// root, unit and account while the policy type is enabled.
    NoPolicyAttached {
        /// The type of the empty list.
        policy_type: crate::sts::world::OrganizationPolicyType,
    },
    /// A warning: a role that workloads assume through an OIDC identity provider (a CI
    /// system's, a Kubernetes cluster's) allows sessions longer than AWS's default of one hour.
    #[serde(rename_all = "camelCase")]
    LongSessionForWorkload {
        /// The role's `maxSessionDuration`, in seconds.
        max_session_duration: i64,
        /// The identity provider's ARN, as the trust policy names it.
        provider: String,
        /// Where the trust policy names it (a pointer and span into the trust policy's text).
        trust_policy: Location,
    },
}

impl WorldProblemKind {
    /// The stable code of the kind: the `code` it carries when serialized
    /// (`longSessionForWorkload`).
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Policy { .. } => "policy",
            Self::InvalidTime { .. } => "invalidTime",
            Self::InvalidPartition { .. } => "invalidPartition",
            Self::InvalidAccountId { .. } => "invalidAccountId",
            Self::Duplicate { .. } => "duplicate",
            Self::InvalidName { .. } => "invalidName",
            Self::InvalidPath { .. } => "invalidPath",
            Self::IncompleteProvider { .. } => "incompleteProvider",
            Self::UnknownGroup { .. } => "unknownGroup",
            Self::UnknownPolicy { .. } => "unknownPolicy",
            Self::InvalidMaxSessionDuration { .. } => "invalidMaxSessionDuration",
            Self::TooManyPolicies { .. } => "tooManyPolicies",
            Self::DuplicateTagKey { .. } => "duplicateTagKey",
            Self::InvalidResourceArn { .. } => "invalidResourceArn",
            Self::UnknownAccount { .. } => "unknownAccount",
            Self::AccountPlacedTwice { .. } => "accountPlacedTwice",
            Self::ManagementAccountNotInOrganization { .. } => "managementAccountNotInOrganization",
            Self::UnknownOrganizationPolicy { .. } => "unknownOrganizationPolicy",
            Self::NoPolicyAttached { .. } => "noPolicyAttached",
            Self::LongSessionForWorkload { .. } => "longSessionForWorkload",
        }
    }
}

/// The kinds of thing a world holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Entity {
    /// An account.
    Account,
    /// An IAM user.
    User,
    /// An IAM group.
    Group,
    /// An IAM role.
    Role,
    /// A managed policy.
    Policy,
    /// An inline policy.
    InlinePolicy,
    /// An identity provider.
    IdentityProvider,
    /// A resource.
    Resource,
    /// An organization.
    Organization,
    /// An organization's policy.
    OrganizationPolicy,
    /// An access key.
    AccessKey,
    /// An MFA device.
    MfaDevice,
}

fn kind_name<S: serde::Serializer>(kind: &PolicyKind, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(kind.name())
}

impl WorldProblem {
    pub(crate) fn error(pointer: impl Into<String>, kind: WorldProblemKind) -> Self {
        Self {
            pointer: pointer.into(),
            severity: Severity::Error,
            kind,
        }
    }

    pub(crate) fn warning(pointer: impl Into<String>, kind: WorldProblemKind) -> Self {
        Self {
            pointer: pointer.into(),
            severity: Severity::Warning,
            kind,
        }
    }
}

/// One warning in a world, for a panel that lists them all: a warning about the world itself,
/// or a warning finding inside one of its policies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorldWarning<'a> {
    /// A world problem of severity warning; its place is the problem's pointer.
    World(&'a WorldProblem),
    /// A warning finding in the policy at `pointer` (`/accounts/0/users/1/inlinePolicies/0/document`);
    /// the finding's location points into the policy's text.
    Policy {
        /// The policy's place in the world.
        pointer: &'a str,
        /// What the policy is checked as.
        policy_kind: PolicyKind,
        /// The finding.
        finding: &'a Finding,
    },
}

impl<'a> WorldWarning<'a> {
    /// Where it is in the world: the problem's place, or the policy's.
    #[must_use]
    pub fn pointer(&self) -> &'a str {
        match self {
            Self::World(problem) => &problem.pointer,
            Self::Policy { pointer, .. } => pointer,
        }
    }

    /// The stable code: the world problem kind's, or the finding kind's.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::World(problem) => problem.kind.code(),
            Self::Policy { finding, .. } => finding.kind.code(),
        }
    }
}

/// Every warning among `problems`, in their order: world problems of severity warning, and the
/// warning findings of every policy (also of policies that have errors).
pub fn warnings(problems: &[WorldProblem]) -> impl Iterator<Item = WorldWarning<'_>> {
    problems.iter().flat_map(|problem| {
        let (own, findings) = match &problem.kind {
            WorldProblemKind::Policy {
                policy_kind,
                findings,
                ..
            } => (None, Some((*policy_kind, findings))),
            _ => (
                (problem.severity == Severity::Warning).then_some(WorldWarning::World(problem)),
                None,
            ),
        };
        let in_policy = findings
            .into_iter()
            .flat_map(move |(policy_kind, findings)| {
                findings
                    .iter()
                    .filter(|f| f.severity == Severity::Warning)
                    .map(move |finding| WorldWarning::Policy {
                        pointer: &problem.pointer,
                        policy_kind,
                        finding,
                    })
            });
        own.into_iter().chain(in_policy)
    })
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::sts::world::{OrganizationPolicyType, ProviderType};

    #[test]
    fn every_code_is_the_tag_the_kind_is_serialized_with() {
        let text = || String::from("x");
        let kinds = [
            WorldProblemKind::Policy {
                policy_kind: PolicyKind::RoleTrustPolicy,
                findings: Vec::new(),
                aws_error: None,
            },
            WorldProblemKind::InvalidTime { value: text() },
            WorldProblemKind::InvalidPartition { value: text() },
            WorldProblemKind::InvalidAccountId { value: text() },
            WorldProblemKind::Duplicate {
                entity: Entity::Role,
                name: text(),
            },
            WorldProblemKind::InvalidName {
                entity: Entity::User,
                value: text(),
                pattern: "p",
                max_length: 64,
            },
            WorldProblemKind::InvalidPath { value: text() },
            WorldProblemKind::IncompleteProvider {
                provider_type: ProviderType::Oidc,
            },
            WorldProblemKind::UnknownGroup { name: text() },
            WorldProblemKind::UnknownPolicy { arn: text() },
            WorldProblemKind::InvalidMaxSessionDuration { value: 60 },
            WorldProblemKind::DuplicateTagKey { key: text() },
            WorldProblemKind::InvalidResourceArn { arn: text() },
            WorldProblemKind::UnknownAccount { id: text() },
            WorldProblemKind::AccountPlacedTwice { id: text() },
            WorldProblemKind::ManagementAccountNotInOrganization { id: text() },
            WorldProblemKind::UnknownOrganizationPolicy {
                name: text(),
                expected: OrganizationPolicyType::ServiceControlPolicy,
            },
            WorldProblemKind::NoPolicyAttached {
                policy_type: OrganizationPolicyType::ResourceControlPolicy,
            },
            WorldProblemKind::LongSessionForWorkload {
                max_session_duration: 43200,
                provider: text(),
                trust_policy: Location::default(),
            },
        ];
        for kind in &kinds {
            let json = serde_json::to_value(kind).unwrap_or_default();
            assert_eq!(json["code"], kind.code(), "{kind:?}");
        }
    }
}
