//! What an STS call gives back: AWS's response or AWS's error, every authorization the engine
//! made on the way, and notes on where the simulation had to estimate or AWS bends a rule.

use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use super::authorize::Authorization;
use super::credentials::TemporaryCredentials;
use super::error::StsError;
use crate::policy::Finding;

/// The outcome of a call.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CallOutcome<T> {
    /// AWS's response, when the call succeeded.
    pub response: Option<T>,
    /// AWS's error, when it failed.
    pub error: Option<StsError>,
    /// The engine's decisions, in the order they were made (`sts:AssumeRole`, then
    /// `sts:TagSession`, ...); the last one decided a denial.
    pub authorizations: Vec<Authorization>,
    /// What checking the inline session policy found (warnings on success; on
    /// `MalformedPolicyDocument`, the errors), pointing into the text passed.
    pub policy_findings: Vec<Finding>,
    /// Where the simulation estimated, or AWS quietly changed what was asked.
    pub notes: Vec<Note>,
}

impl<T> CallOutcome<T> {
    pub(crate) fn new() -> Self {
        Self {
            response: None,
            error: None,
            authorizations: Vec::new(),
            policy_findings: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub(crate) fn fail(mut self, error: StsError) -> Self {
        self.error = Some(error);
        self
    }

    /// Whether the call succeeded.
    #[must_use]
    pub fn is_ok(&self) -> bool {
        self.error.is_none()
    }
}

/// A note on a call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "note", rename_all = "camelCase")]
pub enum Note {
    /// `PackedPolicySize` is iamplay's estimate: AWS does not publish how it packs.
    PackedPolicySizeEstimated {
        /// The estimate, in percent.
        percent: u32,
    },
    /// A root user's session was cut to one hour, as AWS does without an error.
    #[serde(rename_all = "camelCase")]
    RootSessionCappedToOneHour {
        /// The duration asked for.
        requested: i64,
    },
    /// The session carries the MFA authentication of the calling session.
    #[serde(rename_all = "camelCase")]
    MfaCarriedFromCaller {
        /// When the caller authenticated with MFA.
        authenticated_at: String,
    },
    /// The source identity of the calling session passes to the new one.
    #[serde(rename_all = "camelCase")]
    SourceIdentityInherited {
        /// The source identity.
        source_identity: String,
    },
    /// Transitive tags of the calling session pass to the new one.
    #[serde(rename_all = "camelCase")]
    TransitiveTagsInherited {
        /// Their keys.
        keys: Vec<String>,
    },
    /// A federated user session without session policies may do nothing, except what
    /// resource-based policies grant its ARN.
    FederatedUserWithoutSessionPolicy,
}

/// `AssumedRoleUser`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AssumedRoleUser {
    /// `ROLEID:SESSION`.
    pub assumed_role_id: String,
    /// The session's ARN.
    pub arn: String,
}

/// The response of `AssumeRole`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AssumeRoleResponse {
    /// The credentials.
    pub credentials: TemporaryCredentials,
    /// The session's principal.
    pub assumed_role_user: AssumedRoleUser,
    /// The packed size of the session policies and tags, when any were passed (an estimate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packed_policy_size: Option<u32>,
    /// The source identity, when one is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_identity: Option<String>,
}
