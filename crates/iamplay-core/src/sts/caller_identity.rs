//! `GetCallerIdentity`
//! (<https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html>): who the
//! credentials belong to. "No permissions are required to perform this operation": not even an
//! explicit deny stops it.

use alloc::string::String;

use serde::Serialize;

use super::call::CallOutcome;
use super::caller::Credentials;
use super::simulator::{Simulator, missing_authentication};

/// The response of `GetCallerIdentity`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetCallerIdentityResponse {
    /// `aws:userid` of the caller.
    pub user_id: String,
    /// The caller's account.
    pub account: String,
    /// The caller's ARN (the session's ARN for a role session or federated user).
    pub arn: String,
}

impl Simulator {
    /// Calls `GetCallerIdentity` with `credentials`.
    #[must_use]
    pub fn get_caller_identity(
        &self,
        credentials: &Credentials,
    ) -> CallOutcome<GetCallerIdentityResponse> {
        let outcome = CallOutcome::new();
        if *credentials == Credentials::Anonymous {
            return outcome.fail(missing_authentication());
        }
        match self.usable().and_then(|()| self.principal(credentials)) {
            Ok(principal) => CallOutcome {
                response: Some(GetCallerIdentityResponse {
                    user_id: principal.caller.user_id,
                    account: principal.caller.account,
                    arn: principal.caller.arn,
                }),
                ..outcome
            },
            Err(error) => outcome.fail(error),
        }
    }
}
