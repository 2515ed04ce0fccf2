//! The trace with its values: for every statement, the request value compared, the pattern
//! that matched as written and after substituting its variables, and every condition with the
//! request's and the policy's values. Built on demand from a [`Response`] (whose trace holds
//! only booleans and indices, to stay fast) and the set and request it was evaluated on.

use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use super::compile::{CompiledPolicy, CompiledStatement, Text};
use super::condition;
use super::decide::PolicySet;
use super::request::{PrincipalType, Request};
use super::substitute::substitute;
use super::trace::{
    ConditionRule, ElementTrace, Layer, LayerTrace, Response, StatementTrace, Verdict,
};
use crate::policy::model::Effect;

/// The trace of `response` with its values, layer by layer. `response` must come from
/// evaluating `request` against `set` with an explanation.
#[must_use]
pub fn details(response: &Response, request: &Request, set: &PolicySet) -> Vec<LayerDetail> {
    response
        .layers
        .iter()
        .map(|layer| {
            let (policies, level_name) = policies_of(set, layer);
            LayerDetail {
                layer: layer.layer,
                level: layer.level.map(|i| (i, level_name.unwrap_or_default())),
                verdict: layer.verdict,
                policies: layer
                    .policies
                    .iter()
                    .zip(policies)
                    .map(|(trace, policy)| PolicyDetail {
                        name: policy.name.clone(),
                        source: policy.source.clone(),
                        statements: trace
                            .statements
                            .iter()
                            .zip(&policy.statements)
                            .map(|(trace, statement)| statement_detail(trace, statement, request))
                            .collect(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The policies a layer trace was evaluated on, and the organization level's name.
fn policies_of<'s>(
    set: &'s PolicySet,
    layer: &LayerTrace,
) -> (Vec<&'s CompiledPolicy>, Option<String>) {
    let level = |levels: &'s [super::decide::OrgLevel]| {
        layer
            .level
            .and_then(|i| levels.get(i))
            .map_or((Vec::new(), None), |l| {
                (l.policies.iter().collect(), Some(l.name.clone()))
            })
    };
    match layer.layer {
        Layer::ResourceControlPolicy => level(&set.rcps),
        Layer::ServiceControlPolicy => level(&set.scps),
        Layer::ResourceBasedPolicy => (set.resource.iter().collect(), None),
        Layer::IdentityBasedPolicy => (set.identity.iter().collect(), None),
        Layer::PermissionsBoundary => (set.boundary.iter().collect(), None),
        Layer::SessionPolicy => (set.session.iter().flatten().collect(), None),
    }
}

fn statement_detail(
    trace: &StatementTrace,
    statement: &CompiledStatement,
    request: &Request,
) -> StatementDetail {
    let written = |element: &ElementTrace, patterns: &[String]| {
        element
            .pattern
            .and_then(|i| patterns.get(i))
            .map(|w| fixed(w))
    };
    let principal_ids: Vec<String> = statement
        .principal
        .iter()
        .flat_map(|p| p.ids.iter().map(|(_, id)| id.clone()))
        .collect();
    let everyone = statement.principal.as_ref().is_some_and(|p| p.everyone);
    StatementDetail {
        index: statement.index,
        pointer: statement.pointer.clone(),
        sid: statement.sid.clone(),
        effect: statement.effect,
        applies: trace.applies,
        principal: trace.principal.map(|element| MatchDetail {
            matched: element.matched,
            negated: statement.principal.as_ref().is_some_and(|p| p.negated),
            value: caller_name(request),
            matching: written(&element, &principal_ids)
                .or_else(|| (everyone && element.pattern.is_none()).then(|| fixed("*"))),
        }),
        action: MatchDetail {
            matched: trace.action.matched,
            negated: statement.actions.negated,
            value: request.action.clone(),
            matching: trace
                .action
                .pattern
                .and_then(|i| statement.actions.patterns.get(i))
                .map(|(written, _)| fixed(written)),
        },
        resource: trace
            .resource
            .zip(statement.resources.as_ref())
            .map(|(element, resources)| MatchDetail {
                matched: element.matched,
                negated: resources.negated,
                value: request.resource.clone(),
                matching: element.pattern.and_then(|i| resources.patterns.get(i)).map(
                    |(written, text)| match text {
                        Text::Fixed(_) => fixed(written),
                        Text::Variable { pieces, .. } => {
                            let mut variables = Vec::new();
                            let substituted = substitute(request, pieces, Some(&mut variables));
                            PatternDetail {
                                written: written.clone(),
                                substituted: substituted.map(|s| s.text),
                                variables,
                            }
                        }
                    },
                ),
            }),
        conditions: if statement.conditions.is_empty() {
            Some(Vec::new())
        } else {
            trace.conditions.as_ref().map(|_| {
                statement
                    .conditions
                    .iter()
                    .map(|c| condition::describe(c, request))
                    .collect()
            })
        },
    }
}

/// A pattern without variables.
fn fixed(written: &str) -> PatternDetail {
    PatternDetail {
        written: written.into(),
        substituted: Some(written.into()),
        variables: Vec::new(),
    }
}

fn caller_name(request: &Request) -> String {
    match request.principal.principal_type {
        PrincipalType::Anonymous => "anonymous".into(),
        PrincipalType::WebIdentityUser => request
            .principal
            .federated_provider
            .clone()
            .unwrap_or_default(),
        _ => request.principal.arn.clone(),
    }
}

/// One layer's evaluation, with values and texts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerDetail {
    /// The layer.
    pub layer: Layer,
    /// For SCPs and RCPs, the organization level (0 = root) and its name.
    pub level: Option<(usize, String)>,
    /// What it said.
    pub verdict: Verdict,
    /// Its policies.
    pub policies: Vec<PolicyDetail>,
}

/// One policy's evaluation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PolicyDetail {
    /// The policy's name.
    pub name: String,
    /// Where its document is in the world, when it comes from the world.
    pub source: Option<String>,
    /// Its statements.
    pub statements: Vec<StatementDetail>,
}

/// One statement's evaluation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatementDetail {
    /// Its index in the policy.
    pub index: usize,
    /// Its JSON pointer in the policy text.
    pub pointer: String,
    /// Its `Sid`.
    pub sid: Option<String>,
    /// Its effect.
    pub effect: Effect,
    /// Whether it applies to the request (every element matched).
    pub applies: bool,
    /// The `Principal` / `NotPrincipal` comparison, in resource-based policies.
    pub principal: Option<MatchDetail>,
    /// The `Action` / `NotAction` comparison.
    pub action: MatchDetail,
    /// The `Resource` / `NotResource` comparison, if the statement has one.
    pub resource: Option<MatchDetail>,
    /// Each condition key; `None` when they were not evaluated because the principal, action
    /// or resource did not match.
    pub conditions: Option<Vec<ConditionDetail>>,
}

/// Comparing one request value with an element's patterns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MatchDetail {
    /// Whether the element is satisfied (for `Not...`, whether no pattern matched).
    pub matched: bool,
    /// Whether it is `NotPrincipal`, `NotAction` or `NotResource`.
    pub negated: bool,
    /// The request's value.
    pub value: String,
    /// The pattern that matched, as written, with its value after substituting variables.
    pub matching: Option<PatternDetail>,
}

/// A pattern or condition value as written and after substituting its policy variables.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PatternDetail {
    /// As written in the policy.
    pub written: String,
    /// After substitution; `None` when a variable had no value (then it matches nothing).
    pub substituted: Option<String>,
    /// The variables substituted, with their values.
    pub variables: Vec<VariableDetail>,
}

/// One policy variable and what it was replaced with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VariableDetail {
    /// The variable as written, e.g. `${aws:PrincipalTag/userid}`.
    pub variable: String,
    /// Its value; `None` when the request has no value for it (and no default).
    pub value: Option<String>,
    /// Whether the value is the variable's default.
    pub from_default: bool,
}

/// One condition key's evaluation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConditionDetail {
    /// The operator, as written (`ForAnyValue:StringLike`).
    pub operator: String,
    /// The condition key, as written.
    pub key: String,
    /// The request's values for the key; `None` when the request does not have it.
    pub request_values: Option<Vec<String>>,
    /// The policy's values.
    pub policy_values: Vec<PatternDetail>,
    /// Whether the condition holds.
    pub result: bool,
    /// Why, where the rule is not just "a value matched".
    pub rule: Option<ConditionRule>,
}
