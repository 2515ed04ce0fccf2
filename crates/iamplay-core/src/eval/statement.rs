//! Whether a statement applies to a request: its principal (in resource-based policies), action,
//! resource and every condition key must match. Conditions are evaluated only when the rest
//! matched. With a trace, the principal, action and resource are all compared and recorded; the
//! trace holds only booleans and indices (see `detail` for the values).

use alloc::string::String;
use alloc::vec::Vec;

use super::compile::{CompiledPrincipal, CompiledStatement, Matchers, Text};
use super::condition;
use super::request::{PrincipalType, Request};
use super::substitute::slot_values;
use super::trace::{ConditionOutcome, ElementTrace, GrantedTo, StatementTrace};
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
    /// Whether to record a trace.
    pub(crate) explain: bool,
    /// Whether the caller has a permissions boundary (`NotPrincipal` with `Deny` then always
    /// applies to it).
    pub(crate) has_boundary: bool,
}

impl<'r> Prepared<'r> {
    pub(crate) fn new(request: &'r Request, explain: bool, has_boundary: bool) -> Self {
        Self {
            request,
            action: request.action.to_ascii_lowercase(),
            explain,
            has_boundary,
        }
    }

    /// Evaluates `statement`; `with_principal` for resource-based policies, whose statements
    /// name who they apply to.
    pub(crate) fn statement(&self, statement: &CompiledStatement, with_principal: bool) -> Outcome {
        let explain = self.explain;
        let not_applying = Outcome {
            applies: false,
            granted_to: None,
            trace: None,
        };
        let (principal, granted_to) = match (&statement.principal, with_principal) {
            (Some(principal), true) => {
                let (trace, granted_to) = self.principal(principal);
                (Some(trace), granted_to)
            }
            // A resource-based statement without a principal names nobody.
            (None, true) => (
                Some(ElementTrace {
                    matched: false,
                    pattern: None,
                }),
                None,
            ),
            (_, false) => (None, None),
        };
        let principal_ok = principal.is_none_or(|p| p.matched);
        if !explain && !principal_ok {
            return not_applying;
        }
        let action = self.actions(&statement.actions);
        if !explain && !action.matched {
            return not_applying;
        }
        let resource = statement.resources.as_ref().map(|r| self.resources(r));
        let resource_ok = resource.is_none_or(|r| r.matched);
        if !explain && !resource_ok {
            return not_applying;
        }
        let mut conditions: Option<Vec<ConditionOutcome>> = None;
        let mut conditions_ok = false;
        if principal_ok && action.matched && resource_ok {
            if explain {
                let outcomes: Vec<ConditionOutcome> = statement
                    .conditions
                    .iter()
                    .map(|c| condition::evaluate(c, self.request))
                    .collect();
                conditions_ok = outcomes.iter().all(|o| o.result);
                conditions = Some(outcomes);
            } else {
                conditions_ok = statement
                    .conditions
                    .iter()
                    .all(|c| condition::evaluate(c, self.request).result);
            }
        }
        let applies = principal_ok && action.matched && resource_ok && conditions_ok;
        Outcome {
            applies,
            granted_to: granted_to.filter(|_| applies),
            trace: explain.then_some(StatementTrace {
                applies,
                principal,
                action,
                resource,
                conditions,
            }),
        }
    }

    fn actions(&self, actions: &Matchers<Glob>) -> ElementTrace {
        let found = actions
            .patterns
            .iter()
            .position(|(_, glob)| glob.matches(&self.action));
        ElementTrace {
            matched: found.is_some() != actions.negated,
            pattern: found,
        }
    }

    fn resources(&self, resources: &Matchers<Text>) -> ElementTrace {
        let resource = self.request.resource.as_str();
        let found = resources.patterns.iter().position(|(_, text)| match text {
            Text::Fixed(glob) => glob.matches(resource),
            // A variable without a value leaves a pattern that matches nothing.
            Text::Variable {
                glob, variables, ..
            } => slot_values(self.request, variables).is_some_and(|(values, count)| {
                glob.matches_with(resource, values.get(..count).unwrap_or_default())
            }),
        });
        ElementTrace {
            matched: found.is_some() != resources.negated,
            pattern: found,
        }
    }

    /// Whether the statement's principal covers the caller, and how it names it.
    fn principal(&self, principal: &CompiledPrincipal) -> (ElementTrace, Option<GrantedTo>) {
        if principal.negated {
            return self.not_principal(principal);
        }
        let mut best: Option<(GrantedTo, Option<usize>)> =
            principal.everyone.then_some((GrantedTo::Principal, None));
        for (i, (kind, id)) in principal.ids.iter().enumerate() {
            if let Some(granted) = self.names_caller(*kind, id)
                && best.is_none_or(|(b, _)| granted < b)
            {
                best = Some((granted, Some(i)));
            }
        }
        let trace = ElementTrace {
            matched: best.is_some(),
            pattern: best.and_then(|(_, i)| i),
        };
        (trace, best.map(|(g, _)| g))
    }

    /// `NotPrincipal`: the statement applies to everyone except a caller whose every level is
    /// listed — the account, then the user, or the role and the session — and never exempts a
    /// caller that has a permissions boundary
    /// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html>).
    fn not_principal(&self, principal: &CompiledPrincipal) -> (ElementTrace, Option<GrantedTo>) {
        let caller = &self.request.principal;
        let listed = |kind: PrincipalKind, test: &dyn Fn(&str) -> bool| {
            principal
                .ids
                .iter()
                .position(|(k, id)| *k == kind && test(id))
        };
        let aws = PrincipalKind::Aws;
        let account = listed(aws, &|id| names_account(id, &caller.account));
        let itself = listed(aws, &|id| {
            id == caller.arn
                || (caller.principal_type == PrincipalType::User && id == caller.user_id)
        });
        let exempt_at = if principal.everyone || listed(aws, &|id| id == "*").is_some() {
            Some(None)
        } else {
            match caller.principal_type {
                PrincipalType::Account => account.map(Some),
                PrincipalType::User | PrincipalType::FederatedUser => account.and(itself).map(Some),
                PrincipalType::AssumedRole => {
                    let role = listed(aws, &|id| {
                        caller.role_arn.as_deref() == Some(id) || is_role_id_of(id, &caller.user_id)
                    });
                    account.and(role).and(itself).map(Some)
                }
                PrincipalType::Service => {
                    listed(PrincipalKind::Service, &|id| id == caller.arn).map(Some)
                }
                PrincipalType::WebIdentityUser => caller
                    .federated_provider
                    .as_deref()
                    .and_then(|provider| listed(PrincipalKind::Federated, &|id| id == provider))
                    .map(Some),
                PrincipalType::Anonymous => None,
            }
        };
        let exempt = exempt_at.is_some() && !self.has_boundary;
        let trace = ElementTrace {
            matched: !exempt,
            pattern: exempt_at.flatten(),
        };
        (trace, (!exempt).then_some(GrantedTo::Principal))
    }

    /// How the principal id `id` of type `kind` names the caller, if it does
    /// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html>).
    fn names_caller(&self, kind: PrincipalKind, id: &str) -> Option<GrantedTo> {
        let caller = &self.request.principal;
        let has_account = !matches!(
            caller.principal_type,
            PrincipalType::Anonymous | PrincipalType::Service | PrincipalType::WebIdentityUser
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
}

/// Whether `id` (`123456789012` or `arn:<partition>:iam::123456789012:root`) names `account`.
pub(crate) fn names_account(id: &str, account: &str) -> bool {
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
