//! The authorization engine: decide a request through every policy type, as AWS does, and say
//! exactly why.
//!
//! Policies are [compiled](compile()) once; [`evaluate`] then decides requests against a
//! [`PolicySet`], with or without the full explanation.

mod compile;
mod condition;
mod context;
mod decide;
mod detail;
pub mod input;
pub mod request;
mod statement;
mod substitute;
pub mod trace;

pub use compile::{CompiledPolicy, compile};
pub use decide::{OrgLevel, PolicySet};
pub use detail::{
    ConditionDetail, LayerDetail, MatchDetail, PatternDetail, PolicyDetail, StatementDetail,
    VariableDetail, details,
};
pub use request::{Caller, ContextEntry, ContextValue, PrincipalType, Request, Tag};
pub use trace::{
    ConditionOutcome, ConditionRule, Decision, Denial, ElementTrace, GrantedTo, Layer, LayerTrace,
    PolicyTrace, Response, StatementRef, StatementTrace, Verdict,
};

/// Whether to build the explanation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Record every layer, statement, match and condition (else only the decision, the layer
    /// that denied and the determining statements).
    pub explain: bool,
}

/// Decides `request` against the policies in `set`.
#[must_use]
pub fn evaluate(request: &Request, set: &PolicySet, options: Options) -> Response {
    decide::decide(request, set, options.explain)
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
pub(crate) mod properties;
#[cfg(test)]
pub(crate) mod tests;
