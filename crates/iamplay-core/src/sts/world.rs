//! The AWS world a scenario plays in, as its author writes it: accounts with their IAM users,
//! groups, roles, customer managed policies, identity providers and resources; organizations
//! with their SCPs and RCPs; and the time. Everything is an input: iamplay reads no real clock
//! and makes up no randomness.
//!
//! Policies are kept as the text their author typed, so that every error can point into it.

use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use crate::eval::Tag;

/// A small AWS world.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct World {
    /// The partition every ARN is in (`aws`, `aws-cn`, `aws-us-gov`); `aws` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition: Option<String>,
    /// The time the world starts at, ISO 8601 in UTC (`2026-03-01T09:00:00Z`); when absent,
    /// [`DEFAULT_TIME`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// The accounts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accounts: Vec<Account>,
    /// The organizations some of the accounts belong to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organizations: Vec<Organization>,
    /// AWS managed policies used in the world (`arn:aws:iam::aws:policy/...`) beyond the ones
    /// iamplay knows ([`crate::aws_managed`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aws_managed_policies: Vec<ManagedPolicy>,
}

/// The time a world starts at when it does not say.
pub const DEFAULT_TIME: &str = "2026-01-01T00:00:00Z";

/// An AWS account and what it holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Account {
    /// The 12-digit account id.
    pub id: String,
    /// A name for people (`Production`); not used in ARNs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The account's root user.
    #[serde(default, skip_serializing_if = "RootUser::is_empty")]
    pub root: RootUser,
    /// IAM users.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub users: Vec<User>,
    /// IAM groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    /// IAM roles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// Customer managed policies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policies: Vec<ManagedPolicy>,
    /// Identity providers (OIDC and SAML).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identity_providers: Vec<IdentityProvider>,
    /// Resources the account owns: S3 buckets, KMS keys, anything with an ARN.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<Resource>,
}

/// An account's root user: its credentials.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RootUser {
    /// Its MFA devices.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mfa_devices: Vec<MfaDevice>,
    /// Its access keys (AWS advises against root access keys; the seeds show why).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub access_keys: Vec<AccessKey>,
}

impl RootUser {
    /// Whether it has neither MFA devices nor access keys (and is left out when written).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.mfa_devices.is_empty() && self.access_keys.is_empty()
    }
}

/// An IAM user.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct User {
    /// The user name (`ServerUser`).
    pub name: String,
    /// The path (`/`, `/division/`); `/` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The unique id (`AIDA...`); made up from the ARN when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Inline policies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inline_policies: Vec<InlinePolicy>,
    /// Attached managed policies, by ARN.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub managed_policies: Vec<String>,
    /// The groups it is in, by name (in the same account).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    /// Its permissions boundary: a managed policy's ARN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<String>,
    /// Its tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
    /// Its MFA devices.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mfa_devices: Vec<MfaDevice>,
    /// Its access keys.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub access_keys: Vec<AccessKey>,
}

/// An IAM group.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Group {
    /// The group name.
    pub name: String,
    /// The path; `/` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Inline policies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inline_policies: Vec<InlinePolicy>,
    /// Attached managed policies, by ARN.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub managed_policies: Vec<String>,
}

/// An IAM role.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Role {
    /// The role name (`CourseAccessRole`).
    pub name: String,
    /// The path; `/` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The unique id (`AROA...`); made up from the ARN when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The trust policy (`AssumeRolePolicyDocument`): who may assume the role.
    pub trust_policy: String,
    /// Inline permission policies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inline_policies: Vec<InlinePolicy>,
    /// Attached managed policies, by ARN.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub managed_policies: Vec<String>,
    /// Its permissions boundary: a managed policy's ARN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<String>,
    /// Its tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
    /// The longest session it allows, in seconds: 3600 to 43200; 3600 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_session_duration: Option<i64>,
}

/// An inline policy: a name and the policy text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InlinePolicy {
    /// The policy name.
    pub name: String,
    /// The policy document, as typed.
    pub document: String,
}

/// A managed policy.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ManagedPolicy {
    /// The policy name.
    pub name: String,
    /// The path; `/` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The policy document, as typed.
    pub document: String,
}

/// An MFA device.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MfaDevice {
    /// The serial number: a virtual device's ARN (`arn:aws:iam::123456789012:mfa/ServerUser`)
    /// or a hardware device's serial (`GAHT12345678`).
    pub serial_number: String,
    /// The one-time code the device shows now; a call with another `TokenCode` fails.
    pub code: String,
}

/// An access key: the long-term credentials of a user or a root user.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AccessKey {
    /// The access key id (`AKIA...`).
    pub access_key_id: String,
    /// Whether it is active (`Active`, the default) or deactivated (`Inactive`).
    #[serde(default, skip_serializing_if = "AccessKeyStatus::is_active")]
    pub status: AccessKeyStatus,
}

/// An access key's status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccessKeyStatus {
    /// It can sign requests.
    #[default]
    Active,
    /// It cannot.
    Inactive,
}

impl AccessKeyStatus {
    /// Whether it is `Active`, the default (left out when written).
    #[must_use]
    pub fn is_active(&self) -> bool {
        *self == Self::Active
    }
}

/// An identity provider that IAM trusts: an OIDC provider (`url`, `clientIds`) or a SAML
/// provider (`name`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IdentityProvider {
    /// `OIDC` or `SAML`.
    #[serde(rename = "type")]
    pub provider_type: ProviderType,
    /// An OIDC provider's issuer URL (`https://token.actions.githubusercontent.com`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The audiences (client ids) an OIDC provider accepts tokens for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub client_ids: Vec<String>,
    /// A SAML provider's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The kinds of identity provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProviderType {
    /// OpenID Connect (`arn:aws:iam::ACCOUNT:oidc-provider/HOST/PATH`).
    #[serde(rename = "OIDC")]
    Oidc,
    /// SAML (`arn:aws:iam::ACCOUNT:saml-provider/NAME`).
    #[serde(rename = "SAML")]
    Saml,
}

/// A resource: an S3 bucket (`arn:aws:s3:::bucket`, whose objects it also stands for), a KMS
/// key, or anything else with an ARN, with its resource-based policy.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Resource {
    /// The ARN.
    pub arn: String,
    /// The resource-based policy (a bucket policy, a key policy, ...), as typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// Its tags (`aws:ResourceTag/...`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
}

/// An AWS Organizations organization.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Organization {
    /// The organization id (`o-a1b2c3d4e5`).
    pub id: String,
    /// The management account's id (SCPs do not apply to it).
    pub management_account: String,
    /// The organization's SCPs and RCPs, attached by name below.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policies: Vec<OrganizationPolicy>,
    /// The root of the organization's tree.
    pub root: OrganizationalUnit,
}

/// A policy of an organization.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OrganizationPolicy {
    /// Its name, by which it is attached.
    pub name: String,
    /// Whether it is an SCP or an RCP.
    #[serde(rename = "type")]
    pub policy_type: OrganizationPolicyType,
    /// The policy document, as typed.
    pub document: String,
}

/// The types of organization policy that take part in authorization.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrganizationPolicyType {
    /// A service control policy: limits the principals of the accounts below.
    #[default]
    #[serde(rename = "SERVICE_CONTROL_POLICY")]
    ServiceControlPolicy,
    /// A resource control policy: limits access to the resources of the accounts below.
    #[serde(rename = "RESOURCE_CONTROL_POLICY")]
    ResourceControlPolicy,
}

/// A node of an organization's tree: the root or an organizational unit, with what is attached
/// to it and what it holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OrganizationalUnit {
    /// Its id (`r-ab12` for the root, `ou-ab12-cd34ef56` for a unit); made up when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name (`Root`, `Courses`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The SCPs attached, by name; `FullAWSAccess` (AWS's default attachment) when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scps: Option<Vec<String>>,
    /// The RCPs attached, by name; `RCPFullAWSAccess` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rcps: Option<Vec<String>>,
    /// The units below it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<OrganizationalUnit>,
    /// The accounts directly in it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accounts: Vec<OrganizationAccount>,
}

/// An account's place in an organization and the policies attached to it directly.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OrganizationAccount {
    /// The account id.
    pub id: String,
    /// The SCPs attached to the account, by name; `FullAWSAccess` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scps: Option<Vec<String>>,
    /// The RCPs attached to the account, by name; `RCPFullAWSAccess` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rcps: Option<Vec<String>>,
}
