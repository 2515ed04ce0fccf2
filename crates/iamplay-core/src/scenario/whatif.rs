//! What would make a denied step allowed, and what would deny an allowed one: the smallest
//! single changes to the scenario, each tried by running the changed scenario before it is
//! offered, so a suggestion never promises what the engine would not decide.
//!
//! The changes considered are the ones a learner can make in the playground: a different value
//! for a session tag (`aws:PrincipalTag/...`) or for a request's context key; an action,
//! resource or principal added to a statement that almost applied; a statement removed (a
//! `Deny` that decided, or for "what would deny this" an `Allow` that did). They come from the
//! decision's own trace (which statement missed, and on what), not from per-scenario text.

use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use super::model::Scenario;
use super::run::{ScenarioRun, run};
use crate::policy::{Effect, Severity};

mod apply;
mod candidates;
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests;

pub use apply::apply;

/// The most suggestions offered for one step.
pub const MAX_SUGGESTIONS: usize = 8;

/// The most changes tried for one step (each is a run of the whole scenario).
pub const MAX_TRIES: usize = 64;

/// One change to a scenario. Policies are named by their JSON pointer in the world (as
/// [`PolicyDetail::source`](crate::eval::PolicyDetail) names them) and statements by their
/// pointer in the policy (`/Statement/1`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "camelCase")]
pub enum Change {
    /// Give the session tag `key` the value `value` in the call of step `step` (the call that
    /// made the session the denied step signs with).
    SessionTag {
        /// The step whose call passes the tag.
        step: usize,
        /// The tag key.
        key: String,
        /// The new value.
        value: String,
    },
    /// Give the request of step `step` the context key `key` with the value `value`.
    ContextValue {
        /// The step.
        step: usize,
        /// The key (`s3:prefix`).
        key: String,
        /// The new value.
        value: String,
    },
    /// Add `action` to a statement's `Action`.
    AddAction {
        /// The policy's pointer in the world.
        policy: String,
        /// The statement's pointer in the policy.
        statement: String,
        /// The action.
        action: String,
    },
    /// Add `resource` to a statement's `Resource`.
    AddResource {
        /// The policy's pointer in the world.
        policy: String,
        /// The statement's pointer in the policy.
        statement: String,
        /// The resource's ARN.
        resource: String,
    },
    /// Add `principal` to the `AWS` principals of a trust policy or resource-based policy
    /// statement.
    AddPrincipal {
        /// The policy's pointer in the world.
        policy: String,
        /// The statement's pointer in the policy.
        statement: String,
        /// The principal's ARN.
        principal: String,
    },
    /// Remove a statement from its policy.
    RemoveStatement {
        /// The policy's pointer in the world.
        policy: String,
        /// The statement's pointer in the policy.
        statement: String,
        /// The statement's effect.
        effect: Effect,
    },
}

impl Change {
    /// The policy the change edits (its pointer in the world), if it edits one.
    #[must_use]
    pub fn policy(&self) -> Option<(&str, &str)> {
        match self {
            Self::SessionTag { .. } | Self::ContextValue { .. } => None,
            Self::AddAction {
                policy, statement, ..
            }
            | Self::AddResource {
                policy, statement, ..
            }
            | Self::AddPrincipal {
                policy, statement, ..
            }
            | Self::RemoveStatement {
                policy, statement, ..
            } => Some((policy, statement)),
        }
    }
}

/// A change, and the outcome the step has once it is made (found by running the changed
/// scenario).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// The change.
    pub change: Change,
    /// The step's outcome after it, in the words of `expect` (`Allow`, `ImplicitDeny`,
    /// `ExplicitDeny`).
    pub promised: String,
}

/// What the suggestions aim at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Aim {
    /// The step is denied: what would allow it.
    Allow,
    /// The step is allowed: what would deny it.
    Deny,
}

impl Aim {
    /// The aim for a step's outcome (`actual`): none for errors that are not decisions.
    #[must_use]
    pub fn for_outcome(actual: &str) -> Option<Self> {
        match actual {
            "Allow" => Some(Self::Deny),
            "ImplicitDeny" | "ExplicitDeny" => Some(Self::Allow),
            _ => None,
        }
    }

    fn met_by(self, actual: &str) -> bool {
        match self {
            Self::Allow => actual == "Allow",
            Self::Deny => matches!(actual, "ImplicitDeny" | "ExplicitDeny"),
        }
    }
}

/// The changes that would turn step `index`'s decision around, given `ran` (the run of
/// `scenario`), best first; each one tried. Empty for a step that is not an allowed or denied
/// call or request.
#[must_use]
pub fn suggest(scenario: &Scenario, ran: &ScenarioRun, index: usize) -> Vec<Suggestion> {
    let Some(result) = ran.steps.get(index) else {
        return Vec::new();
    };
    let Some(aim) = result.actual.as_deref().and_then(Aim::for_outcome) else {
        return Vec::new();
    };
    let errors_before = errors(ran);
    let mut out = Vec::new();
    for change in candidates::candidates(scenario, result, aim)
        .into_iter()
        .take(MAX_TRIES)
    {
        if out.len() >= MAX_SUGGESTIONS {
            break;
        }
        let Some(changed) = apply(scenario, &change) else {
            continue;
        };
        let rerun = run(&changed);
        let Some(actual) = rerun.steps.get(index).and_then(|s| s.actual.clone()) else {
            continue;
        };
        if aim.met_by(&actual) && errors(&rerun) <= errors_before {
            out.push(Suggestion {
                change,
                promised: actual,
            });
        }
    }
    out
}

fn errors(ran: &ScenarioRun) -> usize {
    ran.problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count()
}
