//! Whether a statement applies to a request: its principal (in resource-based policies), action,
//! resource and every condition key must match. With an explanation, every element is compared
//! and recorded; without, the first mismatch ends the statement.

use alloc::string::String;
use alloc::vec::Vec;

use super::compile::{CompiledPrincipal, CompiledStatement, Matchers, Text};
use super::condition;
use super::request::{PrincipalType, Request};
use super::substitute::substitute;
use super::trace::{GrantedTo, MatchTrace, PatternTrace, StatementTrace};
use crate::pattern::Glob;
use crate::policy::model::PrincipalKind;

/// What evaluating a statement found.
pub(crate) struct Outcome {
    /// Whether it applies.
    pub(crate) applies: bool,
    /// In a resource-based policy, how its principal named the caller.
    pub(crate) granted_to: Option<GrantedTo>,
    /// Its trace, when asked for.
    pub(crate) trace: Option<StatementTrace>,
}

/// The request, prepared once for many statements.
pub(crate) struct Prepared<'r> {
    pub(crate) request: &'r Request,
    /// The action, lower-cased (actions match without regard to case).
    pub(crate) action: String,
    pub(crate) explain: bool,
}

impl<'r> Prepared<'r> {
    pub(crate) fn new(request: &'r Request, explain: bool) -> Self {
        Self {
            request,
            action: request.action.to_ascii_lowercase(),
            explain,
        }
    }

    /// Evaluates `statement`; `with_principal` for resource-based policies, whose statements
    /// name who they apply to.
    pub(crate) fn statement(&self, statement: &CompiledStatement, with_principal: bool) -> Outcome {
        let explain = self.explain;
        let (principal_ok, granted_to, principal_trace) =
            match (&statement.principal, with_principal) {
                (Some(principal), true) => {
                    let (matched, granted_to, trace) = self.principal(principal);
                    (matched, granted_to, trace)
                }
                // A resource-based statement without a principal names nobody.
                (None, true) => (false, None, None),
                (_, false) => (true, None, None),
            };
        if !explain && !principal_ok {
            return Outcome {
                applies: false,
                granted_to: None,
                trace: None,
            };
        }
        let (action_ok, action_trace) = self.actions(&statement.actions);
        if !explain && !action_ok {
            return Outcome {
                applies: false,
                granted_to: None,
                trace: None,
            };
        }
        let (resource_ok, resource_trace) = match &statement.resources {
            Some(resources) => {
                let (ok, trace) = self.resources(resources);
                (ok, trace)
            }
            None => (true, None),
        };
        if !explain && !resource_ok {
            return Outcome {
                applies: false,
                granted_to: None,
                trace: None,
            };
        }
        let mut conditions_ok = true;
        let mut condition_traces = Vec::new();
        for condition in &statement.conditions {
            let (holds, trace) = condition::evaluate(condition, self.request, explain);
            conditions_ok &= holds;
            condition_traces.extend(trace);
            if !explain && !holds {
                break;
            }
        }
        let applies = principal_ok && action_ok && resource_ok && conditions_ok;
        Outcome {
            applies,
            granted_to: granted_to.filter(|_| applies),
            trace: explain.then(|| StatementTrace {
                index: statement.index,
                pointer: statement.pointer.clone(),
                sid: statement.sid.clone(),
                effect: statement.effect,
                applies,
                principal: principal_trace,
                action: action_trace.unwrap_or_else(|| self.no_match(&self.request.action, false)),
                resource: resource_trace,
                conditions: condition_traces,
            }),
        }
    }

    fn no_match(&self, value: &str, negated: bool) -> MatchTrace {
        MatchTrace {
            matched: false,
            negated,
            value: value.into(),
            matching: None,
        }
    }

    fn actions(&self, actions: &Matchers<Glob>) -> (bool, Option<MatchTrace>) {
        let found = actions
            .patterns
            .iter()
            .find(|(_, glob)| glob.matches(&self.action));
        let matched = found.is_some() != actions.negated;
        let trace = self.explain.then(|| MatchTrace {
            matched,
            negated: actions.negated,
            value: self.request.action.clone(),
            matching: found.map(|(written, _)| fixed(written)),
        });
        (matched, trace)
    }

    fn resources(&self, resources: &Matchers<Text>) -> (bool, Option<MatchTrace>) {
        let resource = self.request.resource.as_str();
        let mut found = None;
        for (written, text) in &resources.patterns {
            let (hit, trace) = match text {
                Text::Fixed(glob) => (glob.matches(resource), None),
                Text::Variable(pieces) => {
                    let mut variables = Vec::new();
                    let substituted =
                        substitute(self.request, pieces, self.explain.then_some(&mut variables));
                    let hit = substituted
                        .as_ref()
                        .is_some_and(|s| s.glob.matches(resource));
                    let trace = PatternTrace {
                        written: written.clone(),
                        substituted: substituted.map(|s| s.text),
                        variables,
                    };
                    (hit, Some(trace))
                }
            };
            if hit {
                found = Some(trace.unwrap_or_else(|| fixed(written)));
                break;
            }
        }
        let matched = found.is_some() != resources.negated;
        let trace = self.explain.then(|| MatchTrace {
            matched,
            negated: resources.negated,
            value: resource.into(),
            matching: found,
        });
        (matched, trace)
    }

    /// Whether the caller is among `principal` (or, for `NotPrincipal`, not among it), and how
    /// it is named there.
    fn principal(
        &self,
        principal: &CompiledPrincipal,
    ) -> (bool, Option<GrantedTo>, Option<MatchTrace>) {
        let mut best: Option<(GrantedTo, &str)> =
            principal.everyone.then_some((GrantedTo::Principal, "*"));
        for (kind, id) in &principal.ids {
            if let Some(granted) = self.names_caller(*kind, id)
                && best.is_none_or(|(b, _)| granted < b)
            {
                best = Some((granted, id));
            }
        }
        let matched = best.is_some() != principal.negated;
        let granted_to = if principal.negated {
            matched.then_some(GrantedTo::Principal)
        } else {
            best.map(|(g, _)| g)
        };
        let trace = self.explain.then(|| MatchTrace {
            matched,
            negated: principal.negated,
            value: self.caller_name(),
            matching: best.map(|(_, id)| fixed(id)),
        });
        (matched, granted_to, trace)
    }

    /// How the principal id `id` of type `kind` names the caller, if it does
    /// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html>).
    fn names_caller(&self, kind: PrincipalKind, id: &str) -> Option<GrantedTo> {
        let caller = &self.request.principal;
        let has_account = !matches!(
            caller.principal_type,
            PrincipalType::Anonymous | PrincipalType::Service
        );
        match kind {
            PrincipalKind::Aws if id == "*" => Some(GrantedTo::Principal),
            PrincipalKind::Aws => {
                // A session is named through its role, a federated user session through the
                // IAM user that created it.
                let names_source = match caller.principal_type {
                    PrincipalType::AssumedRole => {
                        caller.role_arn.as_deref() == Some(id) || is_role_id_of(id, &caller.user_id)
                    }
                    PrincipalType::FederatedUser => caller.source_user_arn.as_deref() == Some(id),
                    _ => false,
                };
                let names_self = id == caller.arn
                    || (caller.principal_type == PrincipalType::User && id == caller.user_id);
                if has_account && names_self {
                    Some(GrantedTo::Principal)
                } else if names_source {
                    Some(GrantedTo::RoleOrUser)
                } else if has_account && names_account(id, &caller.account) {
                    Some(GrantedTo::Account)
                } else {
                    None
                }
            }
            PrincipalKind::Service => (caller.principal_type == PrincipalType::Service
                && caller.arn == id)
                .then_some(GrantedTo::Principal),
            PrincipalKind::Federated => {
                (caller.federated_provider.as_deref() == Some(id)).then_some(GrantedTo::Principal)
            }
            PrincipalKind::CanonicalUser => None,
        }
    }

    fn caller_name(&self) -> String {
        let caller = &self.request.principal;
        match caller.principal_type {
            PrincipalType::Anonymous => "anonymous".into(),
            _ => caller.arn.clone(),
        }
    }
}

/// A pattern without variables, for the trace.
fn fixed(written: &str) -> PatternTrace {
    PatternTrace {
        written: written.into(),
        substituted: Some(written.into()),
        variables: Vec::new(),
    }
}

/// Whether `id` (`123456789012` or `arn:<partition>:iam::123456789012:root`) names `account`.
fn names_account(id: &str, account: &str) -> bool {
    if id == account {
        return !account.is_empty();
    }
    id.strip_prefix("arn:")
        .and_then(|rest| rest.split_once(':'))
        .and_then(|(_, rest)| rest.strip_prefix("iam::"))
        .and_then(|rest| rest.strip_suffix(":root"))
        .is_some_and(|named| named == account)
}

/// Whether `id` is the unique id (`AROA...`) of the role whose session has `user_id`
/// (`AROA...:session`): IAM stores trusted roles in policies this way.
fn is_role_id_of(id: &str, user_id: &str) -> bool {
    id.starts_with("AROA")
        && user_id
            .strip_prefix(id)
            .is_some_and(|rest| rest.starts_with(':'))
}
