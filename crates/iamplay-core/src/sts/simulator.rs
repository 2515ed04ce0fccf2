//! The simulator: a world, its clock and the sessions STS has issued in it. Calls and requests
//! are its methods (one file each); this file holds what they share.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::authorize::{Authorization, Target, authorize};
use super::call::CallOutcome;
use super::caller::{Credentials, Principal, resolve};
use super::directory::{self, Directory};
use super::error::{Failure, MfaProblem, StsError};
use super::problem::{WorldProblem, WorldWarning, warnings};
use super::session::Session;
use super::world::World;
use crate::eval::ContextEntry;
use crate::policy::Severity;
use crate::value::date::Instant;

/// A world with its clock and its issued sessions.
#[derive(Clone, Debug)]
pub struct Simulator {
    pub(crate) directory: Directory,
    problems: Vec<WorldProblem>,
    pub(crate) sessions: Vec<Session>,
    pub(crate) now: Instant,
    /// How many sessions have been issued (tells apart the credentials of identical calls).
    pub(crate) issued: u64,
}

impl Simulator {
    /// Reads `world`. Its problems are in [`problems`](Self::problems); while it has errors,
    /// every call and request fails with [`Failure::WorldHasErrors`].
    #[must_use]
    pub fn new(world: &World) -> Self {
        let (directory, problems) = directory::build(world);
        let now = directory.time;
        Self {
            directory,
            problems,
            sessions: Vec::new(),
            now,
            issued: 0,
        }
    }

    /// What is wrong with the world (errors) or worth a look (warnings).
    #[must_use]
    pub fn problems(&self) -> &[WorldProblem] {
        &self.problems
    }

    /// Every warning in the world, its policies' warning findings included, each with its
    /// place: one list for a findings panel.
    pub fn warnings(&self) -> impl Iterator<Item = WorldWarning<'_>> {
        warnings(&self.problems)
    }

    /// The time now.
    #[must_use]
    pub fn now(&self) -> Instant {
        self.now
    }

    /// Moves the clock `seconds` on.
    pub fn advance(&mut self, seconds: i64) {
        self.now = self.now.plus_seconds(seconds);
    }

    /// Sets the clock.
    pub fn set_time(&mut self, now: Instant) {
        self.now = now;
    }

    /// The sessions issued so far, oldest first.
    #[must_use]
    pub fn sessions(&self) -> &[Session] {
        &self.sessions
    }

    /// The session whose credentials have `access_key_id`.
    #[must_use]
    pub fn session(&self, access_key_id: &str) -> Option<&Session> {
        self.sessions
            .iter()
            .find(|s| s.credentials.access_key_id == access_key_id)
    }

    /// The partition of the world.
    #[must_use]
    pub fn partition(&self) -> &str {
        &self.directory.partition
    }

    /// `Err` while the world has errors.
    pub(crate) fn usable(&self) -> Result<(), StsError> {
        let count = self
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        if count == 0 {
            return Ok(());
        }
        Err(StsError {
            code: "WorldHasErrors",
            status: 400,
            message: String::new(),
            reason: Failure::WorldHasErrors { count },
        })
    }

    /// The principal `credentials` stand for now.
    pub(crate) fn principal(&self, credentials: &Credentials) -> Result<Principal<'_>, StsError> {
        resolve(&self.directory, &self.sessions, credentials, self.now)
    }

    /// Authorizes `action` on `resource` for `principal`.
    pub(crate) fn authorize(
        &self,
        principal: &Principal<'_>,
        action: &str,
        resource: &str,
        call_context: Vec<ContextEntry>,
        request_context: &[ContextEntry],
    ) -> Authorization {
        authorize(
            &self.directory,
            principal,
            Target {
                action,
                resource,
                call_context,
                request_context,
            },
            self.now,
            true,
        )
    }

    /// Authorizes each of `actions` on `resource` in turn, recording every authorization in
    /// `outcome`, and stops at the first that is not allowed: `false` then (the last
    /// authorization is the denial).
    pub(crate) fn authorize_actions<T>(
        &self,
        principal: &Principal<'_>,
        actions: &[&str],
        resource: &str,
        call_context: &[ContextEntry],
        request_context: &[ContextEntry],
        outcome: &mut CallOutcome<T>,
    ) -> bool {
        for action in actions {
            let authorization = self.authorize(
                principal,
                action,
                resource,
                call_context.to_vec(),
                request_context,
            );
            let allowed = authorization.is_allowed();
            outcome.authorizations.push(authorization);
            if !allowed {
                return false;
            }
        }
        true
    }

    /// Records a new session and returns it.
    pub(crate) fn issue(&mut self, session: Session) -> Session {
        self.issued += 1;
        self.sessions.push(session.clone());
        session
    }
}

/// AWS's `AccessDenied` for a denied authorization (the engine's message).
pub(crate) fn denied(authorization: &Authorization) -> StsError {
    let response = &authorization.response;
    StsError {
        code: "AccessDenied",
        status: 403,
        message: response
            .aws_error
            .as_ref()
            .map(|e| e.message.clone())
            .unwrap_or_default(),
        reason: Failure::NotAuthorized {
            action: authorization.request.action.clone(),
            resource: authorization.request.resource.clone(),
            layer: response.denial.map(|d| d.layer),
            explicit: response.denial.is_some_and(|d| d.explicit),
        },
    }
}

/// An `AccessDenied` with a fixed message.
pub(crate) fn access_denied(message: &str, reason: Failure) -> StsError {
    StsError {
        code: "AccessDenied",
        status: 403,
        message: message.into(),
        reason,
    }
}

/// `MissingAuthenticationToken`, for an unsigned call that needs credentials.
pub(crate) fn missing_authentication() -> StsError {
    StsError {
        code: "MissingAuthenticationToken",
        status: 403,
        message: "Request is missing Authentication Token".into(),
        reason: Failure::MissingAuthentication,
    }
}

/// Checks `SerialNumber` and `TokenCode` against the caller's MFA devices
/// (`docs/sources/sts.md` §3.6): `Ok(true)` when MFA was passed and is right, `Ok(false)` when
/// none was passed.
pub(crate) fn check_mfa(
    principal: &Principal<'_>,
    serial: Option<&str>,
    code: Option<&str>,
) -> Result<bool, StsError> {
    let fail = |message: &str, serial: &str, problem| {
        access_denied(
            message,
            Failure::MfaFailed {
                serial_number: serial.into(),
                problem,
            },
        )
    };
    let (serial, code) = match (serial, code) {
        (None, None) => return Ok(false),
        (Some(serial), Some(code)) => (serial, code),
        (serial, _) => {
            return Err(fail(
                "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.",
                serial.unwrap_or_default(),
                MfaProblem::Incomplete,
            ));
        }
    };
    match principal.mfa_serials.iter().find(|(s, _)| s == serial) {
        None => Err(fail(
            "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.",
            serial,
            MfaProblem::UnknownDevice,
        )),
        Some((_, shown)) if shown != code => Err(fail(
            "MultiFactorAuthentication failed with invalid MFA one time pass code.",
            serial,
            MfaProblem::WrongCode,
        )),
        Some(_) => Ok(true),
    }
}

/// Whether `arn` passes STS's ARN syntax check (`arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`
/// with a partition, a service and a resource), which comes after the parameter constraints
/// (`docs/sources/sts.md` §3.2): `Err` is "`<arn>` is invalid".
pub(crate) fn check_arn_syntax(arn: &str) -> Result<(), StsError> {
    let fields: Vec<&str> = arn.splitn(6, ':').collect();
    let valid = matches!(
        fields.as_slice(),
        ["arn", partition, service, _, _, resource]
            if !partition.is_empty() && !service.is_empty() && !resource.is_empty()
    );
    if valid {
        return Ok(());
    }
    Err(super::validate::validation_error(
        format!("{arn} is invalid"),
        Failure::InvalidArn { arn: arn.into() },
    ))
}
