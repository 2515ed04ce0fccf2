//! `GetSessionToken`
//! (<https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html>): temporary
//! credentials for a user (or root user) with its own permissions, typically to prove MFA. "No
//! permissions are required": no policy is evaluated. Only long-term credentials may call it
//! (`docs/sources/sts.md` §2.3, §3.5).

use alloc::format;

use serde::Serialize;

use super::call::{CallOutcome, Note};
use super::caller::Credentials;
use super::credentials::{TemporaryCredentials, simulated};
use super::error::{CallerKind, Failure, StsError};
use super::params::GetSessionToken;
use super::session::{Session, SessionKind};
use super::simulator::{Simulator, access_denied, check_mfa, missing_authentication};
use super::validate::Checker;

/// The response of `GetSessionToken`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetSessionTokenResponse {
    /// The credentials.
    pub credentials: TemporaryCredentials,
}

/// A user's session lasts 12 hours unless the call says otherwise; a root user's one hour at
/// most ("If the duration is longer than one hour, the session for Amazon Web Services account
/// owners defaults to one hour").
const USER_DEFAULT: i64 = 43_200;
const ROOT_LIMIT: i64 = 3_600;

/// The refusal of a call that must be made with long-term credentials.
pub(crate) fn session_credentials_refused(call: &'static str, caller: CallerKind) -> StsError {
    access_denied(
        &format!("Cannot call {call} with session credentials"),
        Failure::CallerCannotCall { call, caller },
    )
}

/// The duration of a session a user or root user asked for: the default when absent, and at
/// most an hour for a root user (with a note when cut).
pub(crate) fn long_term_duration<T>(
    requested: Option<i64>,
    root: bool,
    outcome: &mut CallOutcome<T>,
) -> i64 {
    match (requested, root) {
        (Some(seconds), true) if seconds > ROOT_LIMIT => {
            outcome
                .notes
                .push(Note::RootSessionCappedToOneHour { requested: seconds });
            ROOT_LIMIT
        }
        (Some(seconds), _) => seconds,
        (None, true) => ROOT_LIMIT,
        (None, false) => USER_DEFAULT,
    }
}

impl Simulator {
    /// Calls `GetSessionToken` with `credentials`.
    pub fn get_session_token(
        &mut self,
        credentials: &Credentials,
        call: &GetSessionToken,
    ) -> CallOutcome<GetSessionTokenResponse> {
        let mut outcome = CallOutcome::new();
        match self.session_token(credentials, call, &mut outcome) {
            Ok(session) => {
                let session = self.issue(session);
                outcome.response = Some(GetSessionTokenResponse {
                    credentials: session.credentials,
                });
                outcome
            }
            Err(error) => outcome.fail(error),
        }
    }

    fn session_token(
        &self,
        credentials: &Credentials,
        call: &GetSessionToken,
        outcome: &mut CallOutcome<GetSessionTokenResponse>,
    ) -> Result<Session, StsError> {
        self.usable()?;
        if *credentials == Credentials::Anonymous {
            return Err(missing_authentication());
        }
        let principal = self.principal(credentials)?;
        let mut checker = Checker::default();
        checker.number("durationSeconds", call.duration_seconds, (900, 129_600));
        checker.mfa(call.serial_number.as_deref(), call.token_code.as_deref());
        checker.finish()?;
        if !matches!(principal.kind, CallerKind::User | CallerKind::Root) {
            return Err(session_credentials_refused(
                "GetSessionToken",
                principal.kind,
            ));
        }
        let mfa = check_mfa(
            &principal,
            call.serial_number.as_deref(),
            call.token_code.as_deref(),
        )?;
        let root = principal.kind == CallerKind::Root;
        let duration = long_term_duration(call.duration_seconds, root, outcome);
        let caller = &principal.caller;
        let expires_at = self.now.plus_seconds(duration);
        Ok(Session {
            kind: SessionKind::GetSessionToken,
            credentials: simulated(&caller.arn, self.now, expires_at, self.issued),
            arn: caller.arn.clone(),
            account: caller.account.clone(),
            user_id: caller.user_id.clone(),
            source_arn: caller.arn.clone(),
            created_by: caller.arn.clone(),
            issued_at: self.now,
            expires_at,
            principal_tags: caller.tags.clone(),
            transitive_tag_keys: alloc::vec::Vec::new(),
            session_policy_names: alloc::vec::Vec::new(),
            session_policies: None,
            source_identity: None,
            mfa_authenticated_at: mfa.then_some(self.now),
            chained: false,
            web_identity: None,
        })
    }
}
