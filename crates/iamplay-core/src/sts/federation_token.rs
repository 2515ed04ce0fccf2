//! `GetFederationToken`
//! (<https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html>): a
//! federated user session for someone without an IAM identity, limited by the session policies
//! passed ("if you do not pass any session policies, then the resulting federated user session
//! has no permissions"). The caller needs `sts:GetFederationToken` on the federated user's ARN
//! and must use long-term credentials; a session caller is refused after the authorization
//! (`docs/sources/sts.md` §2.4, §3.4, §3.5, §5).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use super::assume_role::{check_tags, request_tag_context};
use super::call::{CallOutcome, Note};
use super::caller::Credentials;
use super::credentials::{TemporaryCredentials, simulated};
use super::error::{CallerKind, StsError};
use super::params::GetFederationToken;
use super::session::{Session, SessionKind};
use super::session_policies;
use super::session_token::{long_term_duration, session_credentials_refused};
use super::simulator::{Simulator, denied, missing_authentication};
use super::tags::session_tags;
use super::validate::{Checker, Pattern};

/// The response of `GetFederationToken`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetFederationTokenResponse {
    /// The credentials.
    pub credentials: TemporaryCredentials,
    /// The federated user.
    pub federated_user: FederatedUser,
    /// The packed size of the session policies and tags (an estimate; 0 with none).
    pub packed_policy_size: u32,
}

/// `FederatedUser`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct FederatedUser {
    /// `ACCOUNT:NAME`.
    pub federated_user_id: String,
    /// `arn:aws:sts::ACCOUNT:federated-user/NAME`.
    pub arn: String,
}

impl Simulator {
    /// Calls `GetFederationToken` with `credentials`; `context` adds request keys.
    pub fn get_federation_token(
        &mut self,
        credentials: &Credentials,
        call: &GetFederationToken,
        context: &[crate::eval::ContextEntry],
    ) -> CallOutcome<GetFederationTokenResponse> {
        let mut outcome = CallOutcome::new();
        match self.federation_token(credentials, call, context, &mut outcome) {
            Ok((session, packed_size)) => {
                let session = self.issue(session);
                outcome.response = Some(GetFederationTokenResponse {
                    federated_user: FederatedUser {
                        federated_user_id: session.user_id.clone(),
                        arn: session.arn.clone(),
                    },
                    credentials: session.credentials,
                    packed_policy_size: packed_size,
                });
                outcome
            }
            Err(error) => outcome.fail(error),
        }
    }

    fn federation_token(
        &self,
        credentials: &Credentials,
        call: &GetFederationToken,
        context: &[crate::eval::ContextEntry],
        outcome: &mut CallOutcome<GetFederationTokenResponse>,
    ) -> Result<(Session, u32), StsError> {
        self.usable()?;
        if *credentials == Credentials::Anonymous {
            return Err(missing_authentication());
        }
        let principal = self.principal(credentials)?;
        let mut checker = Checker::default();
        checker.string("name", call.name.as_deref(), true, (2, 32), Pattern::Name);
        checker.string(
            "policy",
            call.policy.as_deref(),
            false,
            (1, 2048),
            Pattern::PolicyText,
        );
        checker.policy_arns(&call.policy_arns);
        checker.number("durationSeconds", call.duration_seconds, (900, 129_600));
        check_tags(&mut checker, &call.tags, &[]);
        checker.finish()?;
        let name = call.name.clone().unwrap_or_default();
        let account = principal.caller.account.clone();
        let arn = format!(
            "arn:{}:sts::{account}:federated-user/{name}",
            self.directory.partition
        );
        let mut call_context = Vec::new();
        request_tag_context(&mut call_context, &call.tags, &[]);
        let mut actions = alloc::vec!["sts:GetFederationToken"];
        if !call.tags.is_empty() {
            actions.push("sts:TagSession");
        }
        if !self.authorize_actions(&principal, &actions, &arn, &call_context, context, outcome) {
            return Err(outcome
                .authorizations
                .last()
                .map(denied)
                .unwrap_or_else(missing_authentication));
        }
        if !matches!(principal.kind, CallerKind::User | CallerKind::Root) {
            return Err(session_credentials_refused(
                "GetFederationToken",
                principal.kind,
            ));
        }
        let tags = session_tags(&call.tags, &[], &[], &principal.caller.tags)?;
        let (policies, packed_size) = session_policies::for_call(
            &self.directory,
            call.policy.as_deref(),
            &call.policy_arns,
            &call.tags,
            outcome,
        )?;
        if !policies.passed {
            outcome.notes.push(Note::FederatedUserWithoutSessionPolicy);
        }
        let root = principal.kind == CallerKind::Root;
        let duration = long_term_duration(call.duration_seconds, root, outcome);
        let expires_at = self.now.plus_seconds(duration);
        let session = Session {
            kind: SessionKind::GetFederationToken,
            credentials: simulated(&arn, self.now, expires_at, self.issued),
            user_id: format!("{account}:{name}"),
            arn,
            account,
            source_arn: principal.caller.arn.clone(),
            created_by: principal.caller.arn.clone(),
            issued_at: self.now,
            expires_at,
            principal_tags: tags.principal_tags,
            transitive_tag_keys: Vec::new(),
            session_policy_names: policies.names,
            // Without session policies it may do nothing (but what resource policies grant it).
            session_policies: Some(policies.policies),
            source_identity: None,
            mfa_authenticated_at: None,
            chained: false,
            web_identity: None,
        };
        Ok((session, packed_size.unwrap_or(0)))
    }
}
