//! `AssumeRoleWithWebIdentity`
//! (<https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html>):
//! a role session for whoever holds a token from an identity provider the role trusts. No AWS
//! credentials sign the call. The token's issuer must be an OIDC provider of the role's account
//! (or a built-in one), its audience one of the provider's client ids, and the trust policy
//! must allow the provider (`docs/sources/sts.md` §2.5, §3.13, §9).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use super::assume_role::request_tag_context;
use super::call::{AssumedRoleUser, CallOutcome};
use super::caller::{Principal, caller};
use super::credentials::{TemporaryCredentials, simulated};
use super::directory::ProviderKind;
use super::error::{CallerKind, Failure, StsError, TokenProblem};
use super::params::{AssumeRoleWithWebIdentity, SessionTag};
use super::session::{Session, SessionKind, WebIdentity};
use super::session_policies;
use super::simulator::{Simulator, access_denied, check_arn_syntax};
use super::tags::session_tags;
use super::token::{self, Claims};
use super::validate::{Checker, Pattern, validation_error};
use crate::eval::{ContextEntry, PrincipalType};

/// The response of `AssumeRoleWithWebIdentity`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AssumeRoleWithWebIdentityResponse {
    /// The credentials.
    pub credentials: TemporaryCredentials,
    /// The token's `sub`.
    pub subject_from_web_identity_token: String,
    /// The session's principal.
    pub assumed_role_user: AssumedRoleUser,
    /// The packed size of the session policies and tags, when any were passed (an estimate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packed_policy_size: Option<u32>,
    /// The identity provider: the IAM OIDC provider's ARN, the `iss` of a built-in provider's
    /// token, or the `ProviderId` of an OAuth 2.0 token.
    pub provider: String,
    /// The audience (client id) the token was for.
    pub audience: String,
    /// The source identity from the token, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_identity: Option<String>,
}

/// The identity providers AWS knows without an IAM provider object, named in trust policies by
/// their domain.
const BUILT_IN: [&str; 4] = [
    "cognito-identity.amazonaws.com",
    "accounts.google.com",
    "www.amazon.com",
    "graph.facebook.com",
];

/// How long after `exp` a token is still taken ("IAM provides a five-minute window beyond the
/// expiration time specified in the JWT to account for clock skew").
const CLOCK_SKEW: i64 = 300;

fn invalid_token(message: String, problem: TokenProblem) -> StsError {
    StsError {
        code: "InvalidIdentityToken",
        status: 400,
        message,
        reason: Failure::InvalidWebIdentityToken { problem },
    }
}

/// The provider a token comes from: what trust policies name it by, and the prefix of its
/// context keys.
struct Provider {
    federated: String,
    prefix: String,
    audience: String,
}

impl Simulator {
    /// Calls `AssumeRoleWithWebIdentity` (no credentials: the token stands for the caller);
    /// `context` adds request keys.
    pub fn assume_role_with_web_identity(
        &mut self,
        call: &AssumeRoleWithWebIdentity,
        context: &[ContextEntry],
    ) -> CallOutcome<AssumeRoleWithWebIdentityResponse> {
        let mut outcome = CallOutcome::new();
        match self.web_identity_session(call, context, &mut outcome) {
            Ok((session, packed_size, provider, audience, subject)) => {
                let session = self.issue(session);
                outcome.response = Some(AssumeRoleWithWebIdentityResponse {
                    assumed_role_user: AssumedRoleUser {
                        assumed_role_id: session.user_id.clone(),
                        arn: session.arn.clone(),
                    },
                    credentials: session.credentials,
                    subject_from_web_identity_token: subject,
                    packed_policy_size: packed_size,
                    provider,
                    audience,
                    source_identity: session.source_identity,
                });
                outcome
            }
            Err(error) => outcome.fail(error),
        }
    }

    #[allow(clippy::type_complexity)]
    fn web_identity_session(
        &self,
        call: &AssumeRoleWithWebIdentity,
        context: &[ContextEntry],
        outcome: &mut CallOutcome<AssumeRoleWithWebIdentityResponse>,
    ) -> Result<(Session, Option<u32>, String, String, String), StsError> {
        self.usable()?;
        check_parameters(call)?;
        let role_arn = call.role_arn.clone().unwrap_or_default();
        let session_name = call.role_session_name.clone().unwrap_or_default();
        check_arn_syntax(&role_arn)?;
        let token_text = call.web_identity_token.as_deref().unwrap_or_default();
        let Some(claims) = token::read(token_text) else {
            return Err(invalid_token(
                "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)".into(),
                TokenProblem::Unreadable,
            ));
        };
        let provider = self.provider(&role_arn, call.provider_id.as_deref(), &claims)?;
        if let Some(expires) = claims.expires
            && self.now.seconds > expires.saturating_add(CLOCK_SKEW)
        {
            return Err(StsError {
                code: "ExpiredTokenException",
                status: 400,
                message: format!(
                    "Token expired: current date/time {} must be before the expiration date/time {expires}",
                    self.now.seconds
                ),
                reason: Failure::InvalidWebIdentityToken {
                    problem: TokenProblem::Expired,
                },
            });
        }
        let principal = web_identity_principal(&provider);
        let passed_tags: Vec<SessionTag> = claims
            .tags
            .iter()
            .map(|(key, value)| SessionTag {
                key: key.clone(),
                value: value.clone(),
            })
            .collect();
        let claim_keys = claim_context(&provider, &claims);
        let mut call_context = claim_keys.clone();
        call_context.push(ContextEntry::single(
            "aws:FederatedProvider",
            provider.federated.clone(),
        ));
        call_context.push(ContextEntry::single(
            "sts:RoleSessionName",
            session_name.clone(),
        ));
        if let Some(source_identity) = &claims.source_identity {
            call_context.push(ContextEntry::single(
                "sts:SourceIdentity",
                source_identity.clone(),
            ));
        }
        request_tag_context(&mut call_context, &passed_tags, &claims.transitive_tag_keys);
        let mut actions = alloc::vec!["sts:AssumeRoleWithWebIdentity"];
        if !passed_tags.is_empty() {
            actions.push("sts:TagSession");
        }
        if claims.source_identity.is_some() {
            actions.push("sts:SetSourceIdentity");
        }
        if !self.authorize_actions(
            &principal,
            &actions,
            &role_arn,
            &call_context,
            context,
            outcome,
        ) {
            let action = outcome
                .authorizations
                .last()
                .map(|a| a.request.action.clone())
                .unwrap_or_default();
            return Err(access_denied(
                &format!("Not authorized to perform {action}"),
                Failure::InvalidWebIdentityToken {
                    problem: TokenProblem::NotTrusted,
                },
            ));
        }
        let Some(role) = self.directory.roles.get(&role_arn) else {
            return Err(access_denied(
                "Not authorized to perform sts:AssumeRoleWithWebIdentity",
                Failure::InvalidWebIdentityToken {
                    problem: TokenProblem::NotTrusted,
                },
            ));
        };
        let duration = call.duration_seconds.unwrap_or(3600);
        if duration > role.max_session_duration {
            return Err(validation_error(
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."
                    .into(),
                Failure::DurationOverRoleMaximum {
                    requested: duration,
                    maximum: role.max_session_duration,
                },
            ));
        }
        let tags = session_tags(&passed_tags, &claims.transitive_tag_keys, &[], &role.tags)?;
        let (policies, packed_size) = session_policies::for_call(
            &self.directory,
            call.policy.as_deref(),
            &call.policy_arns,
            &passed_tags,
            outcome,
        )?;
        let arn = format!(
            "arn:{}:sts::{}:assumed-role/{}/{session_name}",
            self.directory.partition, role.account, role.name
        );
        let expires_at = self.now.plus_seconds(duration);
        let issuer = claims.issuer.clone().unwrap_or_default();
        let session = Session {
            kind: SessionKind::AssumeRoleWithWebIdentity,
            credentials: simulated(&arn, self.now, expires_at, self.issued),
            user_id: format!("{}:{session_name}", role.id),
            arn,
            account: role.account.clone(),
            source_arn: role_arn.clone(),
            created_by: provider.federated.clone(),
            issued_at: self.now,
            expires_at,
            principal_tags: tags.principal_tags,
            transitive_tag_keys: tags.transitive_keys,
            session_policy_names: policies.names,
            session_policies: policies.passed.then_some(policies.policies),
            source_identity: claims.source_identity.clone(),
            mfa_authenticated_at: None,
            chained: false,
            web_identity: Some(WebIdentity {
                provider_arn: provider.federated.clone(),
                issuer: provider.prefix.clone(),
                claims: claim_keys.into_iter().map(|e| (e.key, e.values)).collect(),
            }),
        };
        // The API reference says `Provider` is the token's `iss`; every response recorded from
        // AWS for an IAM OIDC provider shows the provider's ARN, which iamplay follows
        // (`docs/sources/sts.md` §13).
        let shown_provider = match &call.provider_id {
            Some(provider_id) => provider_id.clone(),
            None if provider.federated.starts_with("arn:") => provider.federated.clone(),
            None => issuer,
        };
        Ok((
            session,
            packed_size,
            shown_provider,
            provider.audience,
            claims.subject.unwrap_or_default(),
        ))
    }

    /// The provider of the token: a built-in one, or the OIDC provider of the role's account
    /// whose URL is the token's issuer and whose client ids include its audience.
    fn provider(
        &self,
        role_arn: &str,
        provider_id: Option<&str>,
        claims: &Claims,
    ) -> Result<Provider, StsError> {
        let issuer = claims.issuer.clone().unwrap_or_default();
        let host = issuer
            .strip_prefix("https://")
            .unwrap_or(&issuer)
            .trim_end_matches('/');
        let built_in = provider_id.or_else(|| BUILT_IN.iter().copied().find(|b| *b == host));
        if let Some(name) = built_in {
            return Ok(Provider {
                federated: name.into(),
                prefix: name.into(),
                audience: claims.audiences.first().cloned().unwrap_or_default(),
            });
        }
        let account = role_arn.split(':').nth(4).unwrap_or_default();
        let arn = self
            .directory
            .iam_arn(account, &format!("oidc-provider/{host}"));
        let client_ids = match self.directory.providers.get(&arn) {
            Some(entry) if entry.account == account => match &entry.kind {
                ProviderKind::Oidc { client_ids } => client_ids,
                ProviderKind::Saml => &Vec::new(),
            },
            _ => {
                return Err(invalid_token(
                    format!("No OpenIDConnect provider found in your account for {issuer}"),
                    TokenProblem::NoProviderForIssuer,
                ));
            }
        };
        if claims.audiences.is_empty() {
            return Err(invalid_token(
                "Missing a required claim: aud".into(),
                TokenProblem::AudienceNotAccepted,
            ));
        }
        let Some(audience) = claims.audiences.iter().find(|a| client_ids.contains(a)) else {
            return Err(invalid_token(
                "Incorrect token audience".into(),
                TokenProblem::AudienceNotAccepted,
            ));
        };
        Ok(Provider {
            federated: arn,
            prefix: host.into(),
            audience: audience.clone(),
        })
    }
}

/// The parameter constraints, in the API model's member order.
fn check_parameters(call: &AssumeRoleWithWebIdentity) -> Result<(), StsError> {
    let mut checker = Checker::default();
    checker.role(call.role_arn.as_deref(), call.role_session_name.as_deref());
    let token = call.web_identity_token.as_deref();
    checker.sensitive_string("webIdentityToken", token, true, (4, 20_000));
    let provider_id = call.provider_id.as_deref();
    checker.string("providerId", provider_id, false, (4, 2048), Pattern::Any);
    checker.policy_arns(&call.policy_arns);
    let policy = call.policy.as_deref();
    checker.string("policy", policy, false, (1, 2048), Pattern::PolicyText);
    checker.number("durationSeconds", call.duration_seconds, (900, 43_200));
    checker.finish()
}

/// The caller of the call: known only by its provider.
fn web_identity_principal(provider: &Provider) -> Principal<'static> {
    let mut caller = caller(
        PrincipalType::WebIdentityUser,
        String::new(),
        String::new(),
        String::new(),
    );
    caller.federated_provider = Some(provider.federated.clone());
    Principal::bare(caller, CallerKind::WebIdentity)
}

/// The provider's keys (`docs/sources/condition-keys.md` §2.4): `PREFIX:aud`, `PREFIX:sub`,
/// Cognito's `amr`, and Google's `aud` (the `azp` when there is one) and `oaud`.
fn claim_context(provider: &Provider, claims: &Claims) -> Vec<ContextEntry> {
    let prefix = &provider.prefix;
    let mut keys = Vec::new();
    let google = prefix == "accounts.google.com";
    let aud = if google {
        claims
            .authorized_party
            .clone()
            .unwrap_or_else(|| provider.audience.clone())
    } else {
        provider.audience.clone()
    };
    if !aud.is_empty() {
        keys.push(ContextEntry::single(format!("{prefix}:aud"), aud));
    }
    if google && !provider.audience.is_empty() {
        keys.push(ContextEntry::single(
            format!("{prefix}:oaud"),
            provider.audience.clone(),
        ));
    }
    if let Some(subject) = &claims.subject {
        keys.push(ContextEntry::single(
            format!("{prefix}:sub"),
            subject.clone(),
        ));
    }
    if !claims.amr.is_empty() {
        keys.push(ContextEntry {
            key: format!("{prefix}:amr"),
            values: claims.amr.clone(),
        });
    }
    keys
}
