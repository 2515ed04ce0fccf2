//! A world made ready for STS calls and requests: every entity under its ARN, every policy
//! checked and compiled, every access key under its id, every account with its place in its
//! organization. Built once by [`build`](build::build); read by the calls.

mod build;
mod organization;
mod resources;
mod role;

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use crate::eval::{CompiledPolicy, OrgLevel, Tag};
use crate::value::date::Instant;

use super::world::{AccessKeyStatus, MfaDevice};

pub(crate) use build::build;

/// The world, indexed.
#[derive(Clone, Debug, Default)]
pub(crate) struct Directory {
    /// The partition of every ARN.
    pub(crate) partition: String,
    /// The world's starting time.
    pub(crate) time: Instant,
    /// Accounts by id.
    pub(crate) accounts: BTreeMap<String, AccountEntry>,
    /// IAM users by ARN.
    pub(crate) users: BTreeMap<String, UserEntry>,
    /// IAM roles by ARN.
    pub(crate) roles: BTreeMap<String, RoleEntry>,
    /// Identity providers by ARN.
    pub(crate) providers: BTreeMap<String, ProviderEntry>,
    /// Resources by ARN.
    pub(crate) resources: BTreeMap<String, ResourceEntry>,
    /// Long-term access keys by id.
    pub(crate) access_keys: BTreeMap<String, KeyEntry>,
    /// Managed policies by ARN.
    pub(crate) managed_policies: BTreeMap<String, ManagedEntry>,
}

/// A managed policy.
#[derive(Clone, Debug)]
pub(crate) struct ManagedEntry {
    /// The policy (absent when its text has errors: the world then has an error).
    pub(crate) policy: Option<CompiledPolicy>,
    /// The length of its text, in characters.
    pub(crate) length: usize,
}

/// An account.
#[derive(Clone, Debug, Default)]
pub(crate) struct AccountEntry {
    /// The root user's MFA devices.
    pub(crate) root_mfa_devices: Vec<MfaDevice>,
    /// Its organization, if it is in one.
    pub(crate) organization: Option<Placement>,
}

/// An account's place in an organization.
#[derive(Clone, Debug, Default)]
pub(crate) struct Placement {
    /// The organization's id (`aws:PrincipalOrgID`, `aws:ResourceOrgID`).
    pub(crate) organization_id: String,
    /// The path of ids from the organization down to the account's unit
    /// (`o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/`: `aws:PrincipalOrgPaths`).
    pub(crate) path: String,
    /// Whether it is the management account (SCPs do not apply to its principals).
    pub(crate) management: bool,
    /// The SCPs level by level, root first, the account last.
    pub(crate) scps: Vec<OrgLevel>,
    /// The RCPs level by level.
    pub(crate) rcps: Vec<OrgLevel>,
}

/// An IAM user.
#[derive(Clone, Debug)]
pub(crate) struct UserEntry {
    pub(crate) account: String,
    pub(crate) id: String,
    /// Its own and its groups' policies.
    pub(crate) policies: Vec<CompiledPolicy>,
    pub(crate) boundary: Option<CompiledPolicy>,
    pub(crate) tags: Vec<Tag>,
    pub(crate) mfa_devices: Vec<MfaDevice>,
}

/// An IAM role.
#[derive(Clone, Debug)]
pub(crate) struct RoleEntry {
    pub(crate) account: String,
    pub(crate) name: String,
    pub(crate) id: String,
    /// The trust policy (absent when it does not compile: the world then has an error).
    pub(crate) trust_policy: Option<CompiledPolicy>,
    pub(crate) policies: Vec<CompiledPolicy>,
    pub(crate) boundary: Option<CompiledPolicy>,
    pub(crate) tags: Vec<Tag>,
    pub(crate) max_session_duration: i64,
}

/// An identity provider.
#[derive(Clone, Debug)]
pub(crate) struct ProviderEntry {
    pub(crate) account: String,
    pub(crate) kind: ProviderKind,
}

/// What kind of identity provider.
#[derive(Clone, Debug)]
pub(crate) enum ProviderKind {
    /// OIDC (its issuer, without `https://`, ends its ARN), and its client ids.
    Oidc { client_ids: Vec<String> },
    /// SAML.
    Saml,
}

/// A resource.
#[derive(Clone, Debug)]
pub(crate) struct ResourceEntry {
    pub(crate) account: String,
    pub(crate) policy: Option<CompiledPolicy>,
    /// Whether its policy must allow even within its account (KMS key policies).
    pub(crate) policy_must_allow: bool,
    pub(crate) tags: Vec<Tag>,
}

/// Who an access key belongs to.
#[derive(Clone, Debug)]
pub(crate) struct KeyEntry {
    pub(crate) owner: KeyOwner,
    pub(crate) status: AccessKeyStatus,
}

/// The owner of a long-term access key.
#[derive(Clone, Debug)]
pub(crate) enum KeyOwner {
    /// An IAM user, by ARN.
    User(String),
    /// An account's root user, by account id.
    Root(String),
}

impl Directory {
    /// The ARN of `resource` in the world's partition (`iam`, account, `user/path/name`).
    pub(crate) fn iam_arn(&self, account: &str, resource: &str) -> String {
        alloc::format!("arn:{}:iam::{account}:{resource}", self.partition)
    }

    /// The managed policy `arn` and the length of its text, if the world has it (and it
    /// compiles), or if it is one of the AWS managed policies iamplay knows.
    pub(crate) fn managed_policy(&self, arn: &str) -> Option<(CompiledPolicy, usize)> {
        let entry = self.managed_policies.get(arn)?;
        Some((entry.policy.clone()?, entry.length))
    }

    /// The resource a request's ARN falls under: the resource itself, or for an S3 object
    /// (`arn:aws:s3:::bucket/key`) its bucket.
    pub(crate) fn resource(&self, arn: &str) -> Option<(&str, &ResourceEntry)> {
        if let Some((key, entry)) = self.resources.get_key_value(arn) {
            return Some((key.as_str(), entry));
        }
        let prefix = alloc::format!("arn:{}:s3:::", self.partition);
        let bucket_name = arn.strip_prefix(&prefix)?.split('/').next()?;
        let bucket = alloc::format!("{prefix}{bucket_name}");
        self.resources
            .get_key_value(&bucket)
            .map(|(key, entry)| (key.as_str(), entry))
    }
}
