//! Effective permissions: for the session (or principal) a step signs with, the decision on
//! every pair of the scenario's resources and the actions its policies name, found by running
//! the scenario up to that step and then one request per pair.

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use super::model::{Caller, ContextValue, Scenario, Step, StepRequest};
use super::run::run;
use crate::policy;

/// The most resources (rows) a matrix has.
pub const MAX_RESOURCES: usize = 12;
/// The most actions (columns) a matrix has.
pub const MAX_ACTIONS: usize = 16;

/// The step id the matrix gives a credential-returning step that has none, to sign with it.
const SESSION_ID: &str = "effective-permissions";

/// Decisions for one signer over resources × actions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PermissionMatrix {
    /// Who signs the requests (a step's session, a principal or an access key).
    pub caller: Caller,
    /// The resources: those the steps' requests name, then the world's.
    pub resources: Vec<String>,
    /// The actions the world's policies and the steps name, without wildcards.
    pub actions: Vec<String>,
    /// One cell per resource and action of the same service.
    pub cells: Vec<PermissionCell>,
}

/// One request of the matrix and its outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PermissionCell {
    /// The resource's place in [`PermissionMatrix::resources`].
    pub resource: usize,
    /// The action's place in [`PermissionMatrix::actions`].
    pub action: usize,
    /// The request made (with the context of a step that made the same request, if one did).
    pub request: StepRequest,
    /// Its outcome in the words of `expect` (`Allow`, `ImplicitDeny`, `ExplicitDeny`, an
    /// error code); none if it could not run.
    pub outcome: Option<String>,
}

/// The matrix for the signer of step `index`: the session a credential-returning call makes,
/// or who signs a request. `None` for a wait, an unsigned step or a step that is not there.
#[must_use]
pub fn effective_permissions(scenario: &Scenario, index: usize) -> Option<PermissionMatrix> {
    let step = scenario.steps.get(index)?;
    let mut base = scenario.clone();
    base.steps.truncate(index + 1);
    let caller = match (&step.call, &step.caller) {
        (Some(call), _) if call.returns_credentials() => {
            let id = match &step.id {
                Some(id) => id.clone(),
                None => {
                    let last = base.steps.last_mut()?;
                    last.id = Some(SESSION_ID.into());
                    SESSION_ID.into()
                }
            };
            Caller::Step(id)
        }
        (_, Some(caller)) if step.request.is_some() => caller.clone(),
        _ => return None,
    };
    let resources = resources(scenario, step.request.as_ref());
    let actions = actions(scenario, step.request.as_ref());
    let mut pairs = Vec::new();
    for (r, resource) in resources.iter().enumerate() {
        for (a, action) in actions.iter().enumerate() {
            // The step's own request (first row and column) is always a cell.
            let own = step.request.is_some() && r == 0 && a == 0;
            if own || service_of_arn(resource) == service_of_action(action) {
                pairs.push((r, a));
            }
        }
    }
    let first = base.steps.len();
    let mut requests = Vec::new();
    for &(r, a) in &pairs {
        let (Some(resource), Some(action)) = (resources.get(r), actions.get(a)) else {
            continue;
        };
        let request = StepRequest {
            action: action.clone(),
            resource: resource.clone(),
            context: context_of_same_request(scenario, index, action, resource),
        };
        base.steps.push(Step {
            caller: Some(caller.clone()),
            request: Some(request.clone()),
            ..Step::default()
        });
        requests.push((r, a, request));
    }
    let ran = run(&base);
    let cells = requests
        .into_iter()
        .enumerate()
        .map(|(i, (resource, action, request))| PermissionCell {
            resource,
            action,
            request,
            outcome: ran.steps.get(first + i).and_then(|s| s.actual.clone()),
        })
        .collect();
    Some(PermissionMatrix {
        caller,
        resources,
        actions,
        cells,
    })
}

fn push_unique(list: &mut Vec<String>, value: &str, max: usize) {
    if list.len() < max && !value.is_empty() && !list.iter().any(|v| v == value) {
        list.push(value.into());
    }
}

/// The step's own resource, those the steps' requests name, then the world's resources.
fn resources(scenario: &Scenario, own: Option<&StepRequest>) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(request) = own {
        push_unique(&mut out, &request.resource, MAX_RESOURCES);
    }
    for request in scenario.steps.iter().filter_map(|s| s.request.as_ref()) {
        if request.resource.starts_with("arn:") {
            push_unique(&mut out, &request.resource, MAX_RESOURCES);
        }
    }
    for resource in scenario.world.inventory().resources {
        push_unique(&mut out, &resource, MAX_RESOURCES);
    }
    out
}

/// The step's own action, those the steps' requests name, then those the world's policies
/// name, without wildcards.
fn actions(scenario: &Scenario, own: Option<&StepRequest>) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(request) = own {
        push_unique(&mut out, &request.action, MAX_ACTIONS);
    }
    for request in scenario.steps.iter().filter_map(|s| s.request.as_ref()) {
        push_unique(&mut out, &request.action, MAX_ACTIONS);
    }
    for text in scenario.world.policy_texts() {
        let Some(policy) = policy::read(text).policy else {
            continue;
        };
        for block in policy.statements.items.iter().map(|s| &s.value.action) {
            if block.negated {
                continue;
            }
            for action in &block.actions.items {
                if !action.value.contains(['*', '?']) && action.value.contains(':') {
                    push_unique(&mut out, &action.value, MAX_ACTIONS);
                }
            }
        }
    }
    out
}

/// The context of the step `index` if it made this request, else of the first step that did,
/// so that a cell agrees with the step.
fn context_of_same_request(
    scenario: &Scenario,
    index: usize,
    action: &str,
    resource: &str,
) -> BTreeMap<String, ContextValue> {
    let current = scenario.steps.get(index).into_iter();
    current
        .chain(scenario.steps.iter())
        .filter_map(|s| s.request.as_ref())
        .find(|r| r.action == action && r.resource == resource)
        .map(|r| r.context.clone())
        .unwrap_or_default()
}

fn service_of_arn(arn: &str) -> Option<String> {
    arn.split(':').nth(2).map(str::to_ascii_lowercase)
}

fn service_of_action(action: &str) -> Option<String> {
    action.split_once(':').map(|(s, _)| s.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::builtin::{ALL, find};
    use crate::scenario::read;

    fn lesson(id: &str) -> Scenario {
        read(find(id).unwrap().text).scenario.unwrap()
    }

    fn cell<'a>(m: &'a PermissionMatrix, action: &str, resource: &str) -> &'a PermissionCell {
        m.cells
            .iter()
            .find(|c| m.actions[c.action] == action && m.resources[c.resource] == resource)
            .unwrap()
    }

    /// The seed lesson's session tagged `userid=123456` may use its own folder only.
    #[test]
    fn the_tagged_session_may_use_its_own_folder_only() {
        let scenario = lesson("per-user-folders");
        let m = effective_permissions(&scenario, 0).unwrap();
        assert_eq!(m.caller, Caller::Step("student-123456".into()));
        let own = "arn:aws:s3:::xucy-static/app/123456/myfile";
        let other = "arn:aws:s3:::xucy-static/app/234567/homework.pdf";
        assert_eq!(
            cell(&m, "s3:PutObject", own).outcome.as_deref(),
            Some("Allow")
        );
        assert_eq!(
            cell(&m, "s3:GetObject", own).outcome.as_deref(),
            Some("Allow")
        );
        assert_eq!(
            cell(&m, "s3:GetObject", other).outcome.as_deref(),
            Some("ImplicitDeny")
        );
        // No cell pairs an S3 action with an IAM role.
        assert!(
            m.cells
                .iter()
                .all(|c| m.actions[c.action].starts_with("s3:")
                    == m.resources[c.resource].starts_with("arn:aws:s3:"))
        );
    }

    /// A cell for a request a step made has that step's outcome when the signer is the same.
    #[test]
    fn cells_agree_with_the_steps_that_made_the_same_request() {
        for builtin in ALL {
            let scenario = read(builtin.text).scenario.unwrap();
            let ran = run(&scenario);
            for (index, step) in scenario.steps.iter().enumerate() {
                let (Some(request), Some(caller)) = (&step.request, &step.caller) else {
                    continue;
                };
                let Some(m) = effective_permissions(&scenario, index) else {
                    continue;
                };
                assert_eq!(&m.caller, caller);
                let c = cell(&m, &request.action, &request.resource);
                assert_eq!(
                    c.outcome, ran.steps[index].actual,
                    "{} step {index}",
                    builtin.id
                );
            }
        }
    }

    #[test]
    fn a_wait_or_a_missing_step_has_no_matrix() {
        let scenario = lesson("course-platform");
        assert_eq!(effective_permissions(&scenario, 99), None);
        let wait = scenario
            .steps
            .iter()
            .position(|s| s.wait.is_some())
            .unwrap();
        assert_eq!(effective_permissions(&scenario, wait), None);
    }
}
