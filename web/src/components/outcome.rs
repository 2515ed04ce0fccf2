//! A step's outcome in one word: allowed, explicitly or implicitly denied, failed, waited.

use iamplay_core::eval::Decision;
use iamplay_core::scenario::{StepOutcome, StepResult};

use crate::i18n::Ui;

/// The outcome of a step, as the badge and the decision panel show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// The request was allowed, or the call succeeded.
    Allowed,
    /// An explicit deny.
    ExplicitDeny,
    /// No allow.
    ImplicitDeny,
    /// The call failed for a reason other than a denial (validation, expired credentials).
    Failed,
    /// The step did not run.
    Skipped,
    /// The clock moved on.
    Waited,
}

impl Verdict {
    /// The CSS class.
    pub(crate) fn class(self) -> &'static str {
        match self {
            Self::Allowed => "allow",
            Self::ExplicitDeny => "explicit-deny",
            Self::ImplicitDeny => "implicit-deny",
            Self::Failed => "failed",
            Self::Skipped => "skipped",
            Self::Waited => "waited",
        }
    }

    /// The word.
    pub(crate) fn name(self, ui: &Ui) -> &'static str {
        match self {
            Self::Allowed => ui.allowed,
            Self::ExplicitDeny => ui.explicit_deny,
            Self::ImplicitDeny => ui.implicit_deny,
            Self::Failed => ui.call_failed,
            Self::Skipped => ui.skipped,
            Self::Waited => ui.waited,
        }
    }
}

/// The verdict of a step: a denial by the engine is a deny of its kind, whatever error code
/// the service answered with.
pub(crate) fn verdict(result: &StepResult) -> Verdict {
    match &result.outcome {
        StepOutcome::Wait { .. } => return Verdict::Waited,
        StepOutcome::Skipped { .. } => return Verdict::Skipped,
        _ => {}
    }
    if let Some(denied) = result
        .authorizations()
        .iter()
        .find(|a| a.response.decision != Decision::Allow)
    {
        return match denied.response.decision {
            Decision::ExplicitDeny => Verdict::ExplicitDeny,
            _ => Verdict::ImplicitDeny,
        };
    }
    if result.error().is_some() {
        Verdict::Failed
    } else {
        Verdict::Allowed
    }
}
