//! A step's outcome in one word: allowed, explicitly or implicitly denied, failed, waited.

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

/// The verdict of a step, in the core's words for its outcome (`StepResult::actual`): a
/// decision, or the error code of a call that failed for another reason.
pub(crate) fn verdict(result: &StepResult) -> Verdict {
    match &result.outcome {
        StepOutcome::Wait { .. } => Verdict::Waited,
        StepOutcome::Skipped { .. } => Verdict::Skipped,
        _ => verdict_of(result.actual.as_deref()),
    }
}

/// The verdict for an outcome in the core's words (`Allow`, `ImplicitDeny`, an error code).
pub(crate) fn verdict_of(actual: Option<&str>) -> Verdict {
    match actual {
        None => Verdict::Skipped,
        Some("Allow") => Verdict::Allowed,
        Some("ExplicitDeny") => Verdict::ExplicitDeny,
        Some("ImplicitDeny") => Verdict::ImplicitDeny,
        Some(_) => Verdict::Failed,
    }
}
