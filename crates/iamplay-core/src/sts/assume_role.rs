//! `AssumeRole` (<https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html>),
//! checked in the order `docs/sources/sts.md` §11 gives: the caller's credentials; the
//! parameters' constraints; the role ARN's syntax; the kind of caller; MFA; the trust policy and
//! the caller's own policies (`sts:AssumeRole`, then `sts:TagSession` and
//! `sts:SetSourceIdentity` when needed); the duration; tags, source identity and session
//! policies; then the new session.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::call::{AssumeRoleResponse, AssumedRoleUser, CallOutcome, Note};
use super::caller::{Credentials, Principal};
use super::credentials::simulated;
use super::error::{CallerKind, Failure, StsError};
use super::params::AssumeRole;
use super::session::{Session, SessionKind};
use super::session_policies;
use super::simulator::{
    Simulator, access_denied, check_arn_syntax, check_mfa, denied, missing_authentication,
};
use super::tags::{session_tags, transitive_tags};
use super::validate::{Checker, Pattern, validation_error};
use crate::eval::ContextEntry;

/// The duration of a role session when the call does not say.
const DEFAULT_DURATION: i64 = 3600;
/// The longest session a role chain may ask for.
const CHAIN_LIMIT: i64 = 3600;

/// Checks `AssumeRole`'s parameter constraints (`docs/sources/sts.md` §2.1–§2.2), in the
/// order of the API model's members.
fn check_parameters(call: &AssumeRole) -> Result<(), StsError> {
    let mut checker = Checker::default();
    checker.role(call.role_arn.as_deref(), call.role_session_name.as_deref());
    checker.policy_arns(&call.policy_arns);
    let policy = call.policy.as_deref();
    checker.string(
        "policy",
        policy,
        false,
        (1, usize::MAX),
        Pattern::PolicyText,
    );
    checker.number("durationSeconds", call.duration_seconds, (900, 43200));
    check_tags(&mut checker, &call.tags, &call.transitive_tag_keys);
    let external_id = call.external_id.as_deref();
    checker.string(
        "externalId",
        external_id,
        false,
        (2, 1224),
        Pattern::ExternalId,
    );
    checker.mfa(call.serial_number.as_deref(), call.token_code.as_deref());
    let source_identity = call.source_identity.as_deref();
    checker.string(
        "sourceIdentity",
        source_identity,
        false,
        (2, 64),
        Pattern::Name,
    );
    checker.finish()
}

/// The constraints of `Tags` and `TransitiveTagKeys`.
pub(crate) fn check_tags(
    checker: &mut Checker,
    tags: &[super::params::SessionTag],
    transitive: &[String],
) {
    let keys: Vec<&str> = tags.iter().map(|t| t.key.as_str()).collect();
    checker.list("tags", &keys, 50);
    for (i, tag) in tags.iter().enumerate() {
        let at = format!("tags.{}.member", i + 1);
        checker.string(
            &format!("{at}.key"),
            Some(&tag.key),
            true,
            (1, 128),
            Pattern::TagKey,
        );
        checker.string(
            &format!("{at}.value"),
            Some(&tag.value),
            true,
            (0, 256),
            Pattern::TagValue,
        );
    }
    let transitive_keys: Vec<&str> = transitive.iter().map(String::as_str).collect();
    checker.list("transitiveTagKeys", &transitive_keys, 50);
    for (i, key) in transitive.iter().enumerate() {
        let member = format!("transitiveTagKeys.{}.member", i + 1);
        checker.string(&member, Some(key), true, (1, 128), Pattern::TagKey);
    }
}

impl Simulator {
    /// Calls `AssumeRole` with `credentials`; `context` adds request keys (`aws:SourceIp`,
    /// ...). On success the session is kept and its credentials work for later calls.
    pub fn assume_role(
        &mut self,
        credentials: &Credentials,
        call: &AssumeRole,
        context: &[ContextEntry],
    ) -> CallOutcome<AssumeRoleResponse> {
        let mut outcome = CallOutcome::new();
        match self.assume_role_session(credentials, call, context, &mut outcome) {
            Ok((session, packed)) => {
                let session = self.issue(session);
                outcome.response = Some(AssumeRoleResponse {
                    assumed_role_user: AssumedRoleUser {
                        assumed_role_id: session.user_id.clone(),
                        arn: session.arn.clone(),
                    },
                    credentials: session.credentials,
                    packed_policy_size: packed,
                    source_identity: session.source_identity,
                });
                outcome
            }
            Err(error) => outcome.fail(error),
        }
    }

    fn assume_role_session(
        &self,
        credentials: &Credentials,
        call: &AssumeRole,
        context: &[ContextEntry],
        outcome: &mut CallOutcome<AssumeRoleResponse>,
    ) -> Result<(Session, Option<u32>), StsError> {
        self.usable()?;
        if *credentials == Credentials::Anonymous {
            return Err(missing_authentication());
        }
        let mut principal = self.principal(credentials)?;
        check_parameters(call)?;
        let role_arn = call.role_arn.clone().unwrap_or_default();
        let session_name = call.role_session_name.clone().unwrap_or_default();
        check_arn_syntax(&role_arn)?;
        match principal.kind {
            CallerKind::Root => {
                return Err(access_denied(
                    "Roles may not be assumed by root accounts.",
                    Failure::CallerCannotCall {
                        call: "AssumeRole",
                        caller: CallerKind::Root,
                    },
                ));
            }
            CallerKind::FederatedUser => {
                let message = format!(
                    "User: {} is not authorized to perform: sts:AssumeRole on resource: {role_arn}",
                    principal.caller.arn
                );
                return Err(access_denied(
                    &message,
                    Failure::CallerCannotCall {
                        call: "AssumeRole",
                        caller: CallerKind::FederatedUser,
                    },
                ));
            }
            _ => {}
        }
        let mfa_now = check_mfa(
            &principal,
            call.serial_number.as_deref(),
            call.token_code.as_deref(),
        )?;
        if mfa_now {
            mark_mfa_in_call(&mut principal);
        }
        let caller_session = principal.session;
        let inherited_identity = caller_session.and_then(|s| s.source_identity.clone());
        let source_identity = call.source_identity.clone().or(inherited_identity.clone());
        let call_context = self.call_context(call, source_identity.as_deref());
        let inherited_tags = caller_session
            .filter(|s| s.is_role_session())
            .map(|s| transitive_tags(&s.principal_tags, &s.transitive_tag_keys))
            .unwrap_or_default();
        let mut actions = alloc::vec!["sts:AssumeRole"];
        // Inherited transitive tags are set on the new session too, which takes the same
        // permission as passing them (`docs/sources/sts.md` §8).
        if !call.tags.is_empty()
            || !call.transitive_tag_keys.is_empty()
            || !inherited_tags.is_empty()
        {
            actions.push("sts:TagSession");
        }
        if source_identity.is_some() {
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
            return Err(outcome
                .authorizations
                .last()
                .map(denied)
                .unwrap_or_else(missing_authentication));
        }
        let Some(role) = self.directory.roles.get(&role_arn) else {
            // An unknown role has no trust policy to allow the call, so this is not reached.
            return Err(outcome
                .authorizations
                .last()
                .map(denied)
                .unwrap_or_else(missing_authentication));
        };
        let chained = matches!(
            principal.kind,
            CallerKind::RoleSession | CallerKind::UserSession
        );
        let duration = call.duration_seconds.unwrap_or(DEFAULT_DURATION);
        // The role's own maximum is checked before the one-hour cap of a chain.
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
        if chained && duration > CHAIN_LIMIT {
            return Err(validation_error(
                "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.".into(),
                Failure::ChainedDurationOverOneHour { requested: duration },
            ));
        }
        let tags = session_tags(
            &call.tags,
            &call.transitive_tag_keys,
            &inherited_tags,
            &role.tags,
        )?;
        if !inherited_tags.is_empty() {
            outcome.notes.push(Note::TransitiveTagsInherited {
                keys: inherited_tags.iter().map(|t| t.key.clone()).collect(),
            });
        }
        if let (Some(current), Some(requested)) = (&inherited_identity, &call.source_identity)
            && current != requested
        {
            let message = format!(
                "User: {} is not authorized to perform: sts:SetSourceIdentity on resource: {role_arn}",
                principal.caller.arn
            );
            return Err(access_denied(
                &message,
                Failure::SourceIdentityChange {
                    current: current.clone(),
                    requested: requested.clone(),
                },
            ));
        }
        if let (Some(source_identity), None) = (&inherited_identity, &call.source_identity) {
            outcome.notes.push(Note::SourceIdentityInherited {
                source_identity: source_identity.clone(),
            });
        }
        let (policies, packed_size) = session_policies::for_call(
            &self.directory,
            call.policy.as_deref(),
            &call.policy_arns,
            &call.tags,
            outcome,
        )?;
        let mfa_authenticated_at = if mfa_now {
            Some(self.now)
        } else {
            caller_session.and_then(|s| s.mfa_authenticated_at)
        };
        if let (false, Some(at)) = (mfa_now, mfa_authenticated_at) {
            outcome.notes.push(Note::MfaCarriedFromCaller {
                authenticated_at: format!("{at}"),
            });
        }
        let arn = format!(
            "arn:{}:sts::{}:assumed-role/{}/{session_name}",
            self.directory.partition, role.account, role.name
        );
        let expires_at = self.now.plus_seconds(duration);
        Ok((
            Session {
                kind: SessionKind::AssumeRole,
                credentials: simulated(&arn, self.now, expires_at, self.issued),
                user_id: format!("{}:{session_name}", role.id),
                arn,
                account: role.account.clone(),
                source_arn: role_arn.clone(),
                created_by: principal.caller.arn.clone(),
                issued_at: self.now,
                expires_at,
                principal_tags: tags.principal_tags,
                transitive_tag_keys: tags.transitive_keys,
                session_policy_names: policies.names,
                session_policies: policies.passed.then_some(policies.policies),
                source_identity,
                mfa_authenticated_at,
                chained,
                web_identity: None,
            },
            packed_size,
        ))
    }

    /// The keys `AssumeRole` adds to its own authorization (`docs/sources/condition-keys.md`
    /// §2.1, §7).
    fn call_context(&self, call: &AssumeRole, source_identity: Option<&str>) -> Vec<ContextEntry> {
        let mut context = Vec::new();
        if let Some(name) = &call.role_session_name {
            context.push(ContextEntry::single("sts:RoleSessionName", name.clone()));
        }
        if let Some(external_id) = &call.external_id {
            context.push(ContextEntry::single("sts:ExternalId", external_id.clone()));
        }
        if let Some(source_identity) = source_identity {
            context.push(ContextEntry::single("sts:SourceIdentity", source_identity));
        }
        request_tag_context(&mut context, &call.tags, &call.transitive_tag_keys);
        context
    }
}

/// `aws:RequestTag/KEY` for each tag, `aws:TagKeys`, and `sts:TransitiveTagKeys`.
pub(crate) fn request_tag_context(
    context: &mut Vec<ContextEntry>,
    tags: &[super::params::SessionTag],
    transitive: &[String],
) {
    for tag in tags {
        context.push(ContextEntry::single(
            format!("aws:RequestTag/{}", tag.key),
            tag.value.clone(),
        ));
    }
    if !tags.is_empty() {
        context.push(ContextEntry {
            key: "aws:TagKeys".into(),
            values: tags.iter().map(|t| t.key.clone()).collect(),
        });
    }
    if !transitive.is_empty() {
        context.push(ContextEntry {
            key: "sts:TransitiveTagKeys".into(),
            values: transitive.to_vec(),
        });
    }
}

/// A call made with MFA carries `aws:MultiFactorAuthPresent` `true` and an age of 0, in place
/// of what the caller's credentials carried.
fn mark_mfa_in_call(principal: &mut Principal<'_>) {
    principal.context.retain(|entry| {
        !entry.key.eq_ignore_ascii_case("aws:MultiFactorAuthPresent")
            && !entry.key.eq_ignore_ascii_case("aws:MultiFactorAuthAge")
    });
    principal
        .context
        .push(ContextEntry::single("aws:MultiFactorAuthPresent", "true"));
    principal
        .context
        .push(ContextEntry::single("aws:MultiFactorAuthAge", "0"));
}
