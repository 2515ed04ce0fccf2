//! What can be wrong with a world: each problem a value with a code, the values involved and
//! where it is (a JSON pointer into the world, and for a policy the findings inside its text).
//! No sentences: the `explain` module words them.

use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use crate::policy::{AwsError, Finding, PolicyKind, Severity};

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
}
