//! Running a scenario: every step in order on one simulator, sessions fed forward by step id,
//! and each outcome held against the step's expectation.

use alloc::boxed::Box;
use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use super::model::{Call, Caller, ContextValue, Scenario, Step};
use crate::eval::{ContextEntry, Decision};
use crate::limits::MAX_STEPS;
use crate::policy::Finding;
use crate::sts::{
    AssumeRoleResponse, AssumeRoleWithWebIdentityResponse, Authorization, CallOutcome, Credentials,
    Failure, GetCallerIdentityResponse, GetFederationTokenResponse, GetSessionTokenResponse, Note,
    RequestOutcome, ServiceRequest, Simulator, StsError, TemporaryCredentials, WorldProblem,
    WorldWarning, unsigned_jwt,
};

/// A scenario, run.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScenarioRun {
    /// Each step's result, in order.
    pub steps: Vec<StepResult>,
    /// Whether every step with an expectation met it.
    pub passed: bool,
    /// The world's problems (errors and warnings), found once for the whole run.
    pub problems: Vec<WorldProblem>,
}

impl ScenarioRun {
    /// Every warning in the world, its policies' warning findings included, each with its
    /// place (taken from [`ScenarioRun::problems`]: the world is not built again).
    pub fn warnings(&self) -> impl Iterator<Item = WorldWarning<'_>> {
        crate::sts::warnings(&self.problems)
    }
}

/// One step's result.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepResult {
    /// The step's place.
    pub index: usize,
    /// The step's id.
    pub id: Option<String>,
    /// The time when it ran.
    pub time: String,
    /// What happened.
    pub outcome: StepOutcome,
    /// The outcome in the words of `expect`: `Allow`, `ExplicitDeny`, `ImplicitDeny`, or an
    /// error code; none for a wait.
    pub actual: Option<String>,
    /// The expectation, if the step has one.
    pub expected: Option<String>,
    /// Whether it met its expectation (none without one).
    pub met: Option<bool>,
}

impl StepResult {
    /// The engine's decisions in the step, for explanations.
    #[must_use]
    pub fn authorizations(&self) -> &[Authorization] {
        self.outcome.authorizations()
    }

    /// The decisions that explain the step's outcome: the ones that did not allow, when any
    /// did not (they refused it); otherwise all of them.
    #[must_use]
    pub fn deciding_authorizations(&self) -> Vec<&Authorization> {
        let all = self.authorizations();
        let refusing: Vec<&Authorization> = all
            .iter()
            .filter(|a| a.response.decision != Decision::Allow)
            .collect();
        if refusing.is_empty() {
            all.iter().collect()
        } else {
            refusing
        }
    }

    /// The error AWS returned, if any.
    #[must_use]
    pub fn error(&self) -> Option<&StsError> {
        self.outcome.error()
    }
}

/// What a step did.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", content = "result")]
pub enum StepOutcome {
    /// `AssumeRole`.
    AssumeRole(Box<CallOutcome<AssumeRoleResponse>>),
    /// `GetSessionToken`.
    GetSessionToken(Box<CallOutcome<GetSessionTokenResponse>>),
    /// `GetFederationToken`.
    GetFederationToken(Box<CallOutcome<GetFederationTokenResponse>>),
    /// `AssumeRoleWithWebIdentity`.
    AssumeRoleWithWebIdentity(Box<CallOutcome<AssumeRoleWithWebIdentityResponse>>),
    /// `GetCallerIdentity`.
    GetCallerIdentity(Box<CallOutcome<GetCallerIdentityResponse>>),
    /// A request.
    Request(Box<RequestOutcome>),
    /// The clock moved on.
    Wait {
        /// By how many seconds.
        seconds: i64,
    },
    /// The step could not run.
    Skipped {
        /// Why.
        reason: SkipReason,
    },
}

impl StepOutcome {
    /// The engine's decisions in the step, in order.
    #[must_use]
    pub fn authorizations(&self) -> &[Authorization] {
        match self {
            Self::AssumeRole(o) => &o.authorizations,
            Self::GetSessionToken(o) => &o.authorizations,
            Self::GetFederationToken(o) => &o.authorizations,
            Self::AssumeRoleWithWebIdentity(o) => &o.authorizations,
            Self::GetCallerIdentity(o) => &o.authorizations,
            Self::Request(o) => o.authorization.as_slice(),
            Self::Wait { .. } | Self::Skipped { .. } => &[],
        }
    }

    /// The temporary credentials a call returned.
    #[must_use]
    pub fn credentials(&self) -> Option<&TemporaryCredentials> {
        match self {
            Self::AssumeRole(o) => o.response.as_ref().map(|r| &r.credentials),
            Self::GetSessionToken(o) => o.response.as_ref().map(|r| &r.credentials),
            Self::GetFederationToken(o) => o.response.as_ref().map(|r| &r.credentials),
            Self::AssumeRoleWithWebIdentity(o) => o.response.as_ref().map(|r| &r.credentials),
            Self::GetCallerIdentity(_)
            | Self::Request(_)
            | Self::Wait { .. }
            | Self::Skipped { .. } => None,
        }
    }

    /// What a call's session policy was found to hold.
    #[must_use]
    pub fn policy_findings(&self) -> &[Finding] {
        match self {
            Self::AssumeRole(o) => &o.policy_findings,
            Self::GetFederationToken(o) => &o.policy_findings,
            Self::AssumeRoleWithWebIdentity(o) => &o.policy_findings,
            Self::GetSessionToken(o) => &o.policy_findings,
            Self::GetCallerIdentity(o) => &o.policy_findings,
            Self::Request(_) | Self::Wait { .. } | Self::Skipped { .. } => &[],
        }
    }

    /// A call's notes (estimates, silent adjustments).
    #[must_use]
    pub fn notes(&self) -> &[Note] {
        match self {
            Self::AssumeRole(o) => &o.notes,
            Self::GetSessionToken(o) => &o.notes,
            Self::GetFederationToken(o) => &o.notes,
            Self::AssumeRoleWithWebIdentity(o) => &o.notes,
            Self::GetCallerIdentity(o) => &o.notes,
            Self::Request(_) | Self::Wait { .. } | Self::Skipped { .. } => &[],
        }
    }

    /// The error AWS returned, if any.
    #[must_use]
    pub fn error(&self) -> Option<&StsError> {
        match self {
            Self::AssumeRole(o) => o.error.as_ref(),
            Self::GetSessionToken(o) => o.error.as_ref(),
            Self::GetFederationToken(o) => o.error.as_ref(),
            Self::AssumeRoleWithWebIdentity(o) => o.error.as_ref(),
            Self::GetCallerIdentity(o) => o.error.as_ref(),
            Self::Request(o) => o.error.as_ref(),
            Self::Wait { .. } | Self::Skipped { .. } => None,
        }
    }
}

/// Why a step could not run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "camelCase")]
pub enum SkipReason {
    /// It signs with the credentials of a step that got none (it failed, or it is no call).
    NoCredentialsFromStep {
        /// That step's id.
        step: String,
    },
    /// It is not exactly one of a call, a request and a wait (see the scenario's problems).
    Malformed,
    /// It comes after the [`MAX_STEPS`](crate::limits::MAX_STEPS) steps iamplay runs.
    BeyondLimit {
        /// The limit.
        limit: usize,
    },
}

/// Runs every step of `scenario`.
#[must_use]
pub fn run(scenario: &Scenario) -> ScenarioRun {
    let mut simulator = Simulator::new(&scenario.world);
    let problems = simulator.problems().to_vec();
    let mut keys: BTreeMap<String, String> = BTreeMap::new();
    let mut steps = Vec::new();
    for (index, step) in scenario.steps.iter().enumerate() {
        let time = format!("{}", simulator.now());
        let outcome = if index < MAX_STEPS {
            run_step(&mut simulator, step, &keys)
        } else {
            StepOutcome::Skipped {
                reason: SkipReason::BeyondLimit { limit: MAX_STEPS },
            }
        };
        if let (Some(id), Some(key)) = (&step.id, access_key_of(&outcome)) {
            keys.insert(id.clone(), key);
        }
        let actual = actual(&outcome);
        let met = step
            .expect
            .as_ref()
            .map(|expected| meets(expected, actual.as_deref(), &outcome));
        steps.push(StepResult {
            index,
            id: step.id.clone(),
            time,
            outcome,
            actual,
            expected: step.expect.clone(),
            met,
        });
    }
    let passed = steps.iter().all(|s| s.met != Some(false));
    ScenarioRun {
        steps,
        passed,
        problems,
    }
}

fn context(values: &BTreeMap<String, ContextValue>) -> Vec<ContextEntry> {
    values
        .iter()
        .map(|(key, value)| ContextEntry {
            key: key.clone(),
            values: value.values(),
        })
        .collect()
}

fn run_step(
    simulator: &mut Simulator,
    step: &Step,
    keys: &BTreeMap<String, String>,
) -> StepOutcome {
    let kinds = usize::from(step.call.is_some())
        + usize::from(step.request.is_some())
        + usize::from(step.wait.is_some());
    if kinds != 1 {
        return StepOutcome::Skipped {
            reason: SkipReason::Malformed,
        };
    }
    if let Some(seconds) = step.wait {
        simulator.advance(seconds.max(0));
        return StepOutcome::Wait { seconds };
    }
    let credentials = match &step.caller {
        None | Some(Caller::Anonymous) => Credentials::Anonymous,
        Some(Caller::Principal(arn)) => Credentials::LongTerm(arn.clone()),
        Some(Caller::AccessKeyId(id)) => Credentials::AccessKeyId(id.clone()),
        Some(Caller::Step(id)) => match keys.get(id) {
            Some(key) => Credentials::AccessKeyId(key.clone()),
            None => {
                return StepOutcome::Skipped {
                    reason: SkipReason::NoCredentialsFromStep { step: id.clone() },
                };
            }
        },
    };
    let call_context = context(&step.context);
    if let Some(request) = &step.request {
        let request = ServiceRequest {
            action: request.action.clone(),
            resource: request.resource.clone(),
            context: context(&request.context),
        };
        return StepOutcome::Request(Box::new(simulator.request(&credentials, &request)));
    }
    match &step.call {
        Some(Call::AssumeRole(params)) => StepOutcome::AssumeRole(Box::new(simulator.assume_role(
            &credentials,
            params,
            &call_context,
        ))),
        Some(Call::GetSessionToken(params)) => StepOutcome::GetSessionToken(Box::new(
            simulator.get_session_token(&credentials, params),
        )),
        Some(Call::GetFederationToken(params)) => StepOutcome::GetFederationToken(Box::new(
            simulator.get_federation_token(&credentials, params, &call_context),
        )),
        Some(Call::AssumeRoleWithWebIdentity(params)) => {
            let mut params = params.clone();
            if let (None, Some(claims)) = (&params.web_identity_token, &step.claims) {
                params.web_identity_token = Some(unsigned_jwt(claims));
            }
            StepOutcome::AssumeRoleWithWebIdentity(Box::new(
                simulator.assume_role_with_web_identity(&params, &call_context),
            ))
        }
        Some(Call::GetCallerIdentity(_)) => {
            StepOutcome::GetCallerIdentity(Box::new(simulator.get_caller_identity(&credentials)))
        }
        None => StepOutcome::Skipped {
            reason: SkipReason::Malformed,
        },
    }
}

/// The access key id of the credentials a call returned.
fn access_key_of(outcome: &StepOutcome) -> Option<String> {
    outcome.credentials().map(|c| c.access_key_id.clone())
}

/// The outcome in the words of `expect`.
fn actual(outcome: &StepOutcome) -> Option<String> {
    match outcome {
        StepOutcome::Wait { .. } | StepOutcome::Skipped { .. } => None,
        _ => Some(match outcome.error() {
            None => "Allow".into(),
            Some(error) => {
                let decision = outcome.authorizations().last().map(|a| a.response.decision);
                match (&error.reason, decision) {
                    (Failure::NotAuthorized { .. }, Some(decision)) => {
                        decision_name(decision).into()
                    }
                    _ => error.code.into(),
                }
            }
        }),
    }
}

fn decision_name(decision: Decision) -> &'static str {
    match decision {
        Decision::Allow => "Allow",
        Decision::ExplicitDeny => "ExplicitDeny",
        Decision::ImplicitDeny => "ImplicitDeny",
    }
}

/// Whether `actual` meets `expected`: the same words, or the error code that came with it
/// (`AccessDenied` for either kind of deny).
fn meets(expected: &str, actual: Option<&str>, outcome: &StepOutcome) -> bool {
    actual == Some(expected) || outcome.error().is_some_and(|error| error.code == expected)
}
