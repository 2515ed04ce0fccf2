//! A session STS issued: who it is, what limits it, what it carries into every request, and
//! until when; with the simulated credentials that stand for it.

use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use super::credentials::TemporaryCredentials;
use crate::eval::{CompiledPolicy, Tag};
use crate::value::date::Instant;

/// A session.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    /// How it was made.
    pub kind: SessionKind,
    /// Its principal's ARN: `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`,
    /// `arn:aws:sts::ACCOUNT:federated-user/NAME`, or for `GetSessionToken` the user or root.
    pub arn: String,
    /// The account it acts in.
    pub account: String,
    /// `aws:userid`: `AROA...:SESSION`, `ACCOUNT:NAME`, the user's `AIDA...`, or the account id.
    pub user_id: String,
    /// The role it is a session of, or the user (or root) that created it.
    pub source_arn: String,
    /// The principal whose credentials made the call.
    pub created_by: String,
    /// The credentials.
    pub credentials: TemporaryCredentials,
    /// When it was issued (`aws:TokenIssueTime`).
    #[serde(serialize_with = "iso")]
    pub issued_at: Instant,
    /// When its credentials expire.
    #[serde(serialize_with = "iso")]
    pub expires_at: Instant,
    /// Its principal tags (`aws:PrincipalTag/...`): the role's or user's tags, with session tags
    /// and inherited transitive tags in place of those of the same key.
    pub principal_tags: Vec<Tag>,
    /// The keys of its tags that pass on to a chained role session.
    pub transitive_tag_keys: Vec<String>,
    /// The session policies, by name (`inline` for the `Policy` parameter, else the ARN).
    pub session_policy_names: Vec<String>,
    /// The session policies, compiled (`None` when it has none and needs none).
    #[serde(skip)]
    pub(crate) session_policies: Option<Vec<CompiledPolicy>>,
    /// The source identity, set once and kept along a role chain (`aws:SourceIdentity`).
    pub source_identity: Option<String>,
    /// When the caller authenticated with MFA, if it did (`aws:MultiFactorAuthAge` counts from
    /// here).
    #[serde(serialize_with = "iso_option")]
    pub mfa_authenticated_at: Option<Instant>,
    /// Whether it is a role session made with a role session's credentials (role chaining).
    pub chained: bool,
    /// For a web identity session, the provider and the token's claims.
    pub web_identity: Option<WebIdentity>,
}

/// How a session was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum SessionKind {
    /// `AssumeRole`.
    AssumeRole,
    /// `AssumeRoleWithWebIdentity`.
    AssumeRoleWithWebIdentity,
    /// `GetFederationToken`.
    GetFederationToken,
    /// `GetSessionToken`.
    GetSessionToken,
}

/// What a web identity session remembers of its token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WebIdentity {
    /// The provider's ARN (`aws:FederatedProvider`).
    pub provider_arn: String,
    /// The issuer as it prefixes the provider's context keys
    /// (`token.actions.githubusercontent.com`).
    pub issuer: String,
    /// The claims that become context keys (`ISSUER:sub`, `ISSUER:aud`, ...): key and values.
    pub claims: Vec<(String, Vec<String>)>,
}

impl Session {
    /// Whether it has expired at `now`.
    #[must_use]
    pub fn is_expired(&self, now: Instant) -> bool {
        now >= self.expires_at
    }

    /// Whether it is a role session (of `AssumeRole` or `AssumeRoleWithWebIdentity`).
    #[must_use]
    pub fn is_role_session(&self) -> bool {
        matches!(
            self.kind,
            SessionKind::AssumeRole | SessionKind::AssumeRoleWithWebIdentity
        )
    }
}

fn iso<S: serde::Serializer>(instant: &Instant, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(instant)
}

fn iso_option<S: serde::Serializer>(
    instant: &Option<Instant>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match instant {
        Some(instant) => serializer.collect_str(instant),
        None => serializer.serialize_none(),
    }
}
