//! A step as code a learner can run: the AWS CLI command, the boto3 (Python) code and, for
//! `AssumeRole`, the `~/.aws/config` role profile with which the CLI and boto3 make the call
//! themselves.
//!
//! The signer is a profile. The first principal whose long-term keys sign a step is the
//! `default` profile, as the course sets up the server's keys (no `--profile`); every other
//! user's profile is named after the user (`root-ACCOUNT` for a root user, `NAME-ACCOUNT` when
//! users of two accounts share a name). An earlier step's session is the profile named after
//! that step's id (`--profile assume`), which for an `AssumeRole` step is that step's
//! [`StepCode::profile`] (and what it omits, [`StepCode::signer_profile_omits`]); in boto3 it is
//! the `creds_ID` that step's code keeps. No credentials is `--no-sign-request`.
//! `AssumeRoleWithWebIdentity` is never signed.
//!
//! A request becomes the API operation that makes it (`s3:ListBucket` → `list-objects-v2`);
//! an action iamplay does not map becomes the operation of the action's name, with
//! [`StepCode::generic`] set.

mod actions;
mod boto3;
mod cli;
mod operation;
mod profile;
mod services;
mod signer;
mod sts_call;

use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

pub use profile::{Profile, ProfileOmits, ProfileSetting};

use super::{Call, Scenario, Step};
use signer::Signer;

/// A step as code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepCode {
    /// The AWS CLI command (`aws sts assume-role ...`), long ones split with `\` continuations.
    pub cli: String,
    /// The Python code with boto3, from `import boto3` to the call (and, for a call that returns
    /// credentials, `creds_ID = response["Credentials"]`).
    pub boto3: String,
    /// For `AssumeRole`, the role profile of `~/.aws/config`; later steps signed with this
    /// step's session use `--profile` with its name.
    pub profile: Option<Profile>,
    /// Whether iamplay does not know the action's operation and named it after the action: the
    /// command may not exist, and its parameters may be missing.
    pub generic: bool,
    /// The parameters whose values are examples, by AWS's name (`Key`, `Body`): the step does
    /// not say them.
    pub placeholders: Vec<&'static str>,
    /// When the step signs with the session of an earlier `AssumeRole` step, what that step's
    /// profile omits: through `--profile` the session lacks it, and may be refused or allowed
    /// where the step's is not.
    pub signer_profile_omits: Vec<ProfileOmits>,
}

/// The code of step `index` of `scenario`: `None` for a wait, a step that is not exactly one
/// call or request, and an index past the end.
#[must_use]
pub fn step_code(scenario: &Scenario, index: usize) -> Option<StepCode> {
    let step = scenario.steps.get(index)?;
    if step.wait.is_some() || step.call.is_some() == step.request.is_some() {
        return None;
    }
    let signer = signer::signer(scenario, step);
    let signer_profile_omits = match &signer {
        Signer::Session(id) => session_omits(scenario, index, id),
        _ => Vec::new(),
    };
    if let Some(request) = &step.request {
        let mapped = actions::operation(request);
        return Some(StepCode {
            cli: cli::command(&mapped.operation, &signer),
            boto3: boto3::code(&mapped.operation, &signer, None),
            profile: None,
            generic: mapped.generic,
            placeholders: mapped.placeholders,
            signer_profile_omits,
        });
    }
    let call = step.call.as_ref()?;
    let operation = sts_call::operation(step, call);
    let credentials = call.returns_credentials().then(|| {
        step.id
            .as_deref()
            .map_or_else(|| "creds".into(), boto3::credentials_variable)
    });
    let profile = match call {
        Call::AssumeRole(params) => {
            let role = params.role_arn.as_deref().unwrap_or_default();
            let role_name = role.rsplit('/').next().unwrap_or(role);
            let name = step.id.as_deref().unwrap_or(role_name);
            profile::profile(name, params, &signer)
        }
        _ => None,
    };
    Some(StepCode {
        cli: cli::command(&operation, &signer),
        boto3: boto3::code(&operation, &signer, credentials.as_deref()),
        profile,
        generic: false,
        placeholders: Vec::new(),
        signer_profile_omits,
    })
}

/// What the profile of the `AssumeRole` step `id` before step `index` omits.
fn session_omits(scenario: &Scenario, index: usize, id: &str) -> Vec<ProfileOmits> {
    let mut earlier = scenario.steps.iter().take(index).rev();
    match earlier.find(|s| s.id.as_deref() == Some(id)) {
        Some(Step {
            call: Some(Call::AssumeRole(params)),
            ..
        }) => profile::omits(params),
        _ => Vec::new(),
    }
}

/// The code of every step of `scenario`, in order.
#[must_use]
pub fn scenario_code(scenario: &Scenario) -> Vec<Option<StepCode>> {
    (0..scenario.steps.len())
        .map(|index| step_code(scenario, index))
        .collect()
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests;
