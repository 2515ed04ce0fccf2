//! The `~/.aws/config` role profile that makes the AWS CLI and boto3 call `AssumeRole` by
//! themselves (`--profile NAME`, `boto3.Session(profile_name=NAME)`).
//!
//! A role profile has the settings `role_arn`, `source_profile` (or `credential_source`),
//! `role_session_name`, `external_id`, `mfa_serial` and `duration_seconds`
//! (<https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-role.html>,
//! <https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html>); the CLI asks
//! for the MFA code. No setting passes session tags, transitive tag keys, session policies or a
//! source identity, so a call with them is written with what the profile omits.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use super::signer::Signer;
use crate::sts::AssumeRole;

/// A role profile of `~/.aws/config`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// The profile's name: the step's id, or else the role's name.
    pub name: String,
    /// Its settings, in the order written.
    pub settings: Vec<ProfileSetting>,
    /// The section as it goes in the file: `[profile NAME]` and one `key = value` a line.
    pub text: String,
    /// What the call passes that the profile cannot.
    pub omits: Vec<ProfileOmits>,
}

/// One `key = value` of a profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileSetting {
    /// The setting (`role_arn`).
    pub key: &'static str,
    /// Its value.
    pub value: String,
}

/// A parameter of the call that a role profile cannot pass, by the parameter's AWS name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum ProfileOmits {
    /// Session tags.
    Tags,
    /// The keys of transitive session tags.
    TransitiveTagKeys,
    /// The inline session policy.
    Policy,
    /// Managed session policies.
    PolicyArns,
    /// The source identity.
    SourceIdentity,
    /// The MFA code: the profile names the device (`mfa_serial`), and the CLI asks for the code
    /// when it assumes the role.
    TokenCode,
}

impl ProfileOmits {
    /// Every parameter a role profile cannot pass.
    pub const ALL: [Self; 6] = [
        Self::Tags,
        Self::TransitiveTagKeys,
        Self::Policy,
        Self::PolicyArns,
        Self::SourceIdentity,
        Self::TokenCode,
    ];

    /// The parameter's AWS name (`Tags`).
    #[must_use]
    pub fn parameter(self) -> &'static str {
        match self {
            Self::Tags => "Tags",
            Self::TransitiveTagKeys => "TransitiveTagKeys",
            Self::Policy => "Policy",
            Self::PolicyArns => "PolicyArns",
            Self::SourceIdentity => "SourceIdentity",
            Self::TokenCode => "TokenCode",
        }
    }
}

/// The profile for an `AssumeRole` call signed by `signer`, named `name`; none when the call
/// names no role or is signed by no profile.
pub(super) fn profile(name: &str, params: &AssumeRole, signer: &Signer) -> Option<Profile> {
    let role_arn = params.role_arn.clone()?;
    let source = match signer {
        Signer::Default => "default".into(),
        Signer::Profile(source) | Signer::Session(source) => source.clone(),
        Signer::Anonymous | Signer::Unsigned => return None,
    };
    let mut settings = Vec::new();
    let mut set = |key: &'static str, value: Option<String>| {
        if let Some(value) = value {
            settings.push(ProfileSetting { key, value });
        }
    };
    set("role_arn", Some(role_arn));
    set("source_profile", Some(source));
    let session_name = params.role_session_name.clone();
    set(
        "role_session_name",
        session_name.filter(|n| !made_by_botocore(n)),
    );
    set("external_id", params.external_id.clone());
    set("mfa_serial", params.serial_number.clone());
    set(
        "duration_seconds",
        params.duration_seconds.map(|s| format!("{s}")),
    );
    let omits = omits(params);
    let mut text = if name == "default" {
        String::from("[default]\n")
    } else {
        format!("[profile {name}]\n")
    };
    for setting in &settings {
        text.push_str(&format!("{} = {}\n", setting.key, setting.value));
    }
    Some(Profile {
        name: name.into(),
        settings,
        text,
        omits,
    })
}

/// What `params` passes that a role profile cannot.
pub(super) fn omits(params: &AssumeRole) -> Vec<ProfileOmits> {
    [
        (ProfileOmits::Tags, !params.tags.is_empty()),
        (
            ProfileOmits::TransitiveTagKeys,
            !params.transitive_tag_keys.is_empty(),
        ),
        (ProfileOmits::Policy, params.policy.is_some()),
        (ProfileOmits::PolicyArns, !params.policy_arns.is_empty()),
        (
            ProfileOmits::SourceIdentity,
            params.source_identity.is_some(),
        ),
        (ProfileOmits::TokenCode, params.token_code.is_some()),
    ]
    .into_iter()
    .filter_map(|(omit, passed)| passed.then_some(omit))
    .collect()
}

/// Whether `name` is one botocore makes up when a profile has no `role_session_name`:
/// `botocore-session-` and the Unix time (botocore's `credentials.py`).
fn made_by_botocore(name: &str) -> bool {
    name.strip_prefix("botocore-session-")
        .is_some_and(|time| !time.is_empty() && time.chars().all(|c| c.is_ascii_digit()))
}
