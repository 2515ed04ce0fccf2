//! The changes worth trying for a step, read off its decision's trace: which statement missed
//! and on which element, which condition failed and on which value, which `Deny` decided.

use alloc::collections::BTreeSet;
use alloc::string::String;
use alloc::vec::Vec;

use super::{Aim, Change};
use crate::eval::{ConditionDetail, Decision, Request, StatementDetail, Verdict};
use crate::policy::variable::{self, Piece};
use crate::policy::{self, ConditionValue, Effect};
use crate::scenario::model::{Call, Caller, ContextValue, Scenario, Step};
use crate::scenario::run::StepResult;
use crate::sts::authorize::{decided_by_aws, set_by_call_parameters};

/// The variable prefix of a principal tag in a policy's text.
const PRINCIPAL_TAG: &str = "aws:PrincipalTag/";

/// The changes to try for `result`'s step, cheapest first (values before policy edits).
pub(super) fn candidates(scenario: &Scenario, result: &StepResult, aim: Aim) -> Vec<Change> {
    let index = result.index;
    let Some(step) = scenario.steps.get(index) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(call) = signing_call(scenario, index) {
        for key in principal_tag_keys(scenario) {
            let current = tag_value(scenario.steps.get(call), &key);
            for value in tag_values(scenario, step, &key, aim) {
                if current.as_deref() != Some(value.as_str()) {
                    out.push(Change::SessionTag {
                        step: call,
                        key: key.clone(),
                        value,
                    });
                }
            }
        }
    }
    for authorization in result.authorizations() {
        let allowed = authorization.response.decision == Decision::Allow;
        if allowed != (aim == Aim::Deny) {
            continue;
        }
        for layer in authorization.details() {
            if aim == Aim::Allow && layer.verdict == Verdict::Allow {
                continue;
            }
            for policy in &layer.policies {
                let Some(source) = &policy.source else {
                    continue;
                };
                for statement in &policy.statements {
                    let found = Found {
                        scenario,
                        step,
                        index,
                        policy: source,
                        statement,
                        request: &authorization.request,
                    };
                    match aim {
                        Aim::Allow => found.to_allow(&mut out),
                        Aim::Deny => found.to_deny(&mut out),
                    }
                }
            }
        }
    }
    let mut unique: Vec<Change> = Vec::new();
    for change in out {
        if !unique.contains(&change) {
            unique.push(change);
        }
    }
    unique.sort_by_key(rank);
    unique
}

fn rank(change: &Change) -> u8 {
    match change {
        Change::SessionTag { .. } => 0,
        Change::ContextValue { .. } => 1,
        Change::AddAction { .. } => 2,
        Change::AddResource { .. } => 3,
        Change::AddPrincipal { .. } => 4,
        Change::RemoveStatement { .. } => 5,
    }
}

/// One statement of the trace, with what a change to it needs.
struct Found<'a> {
    scenario: &'a Scenario,
    step: &'a Step,
    index: usize,
    policy: &'a str,
    statement: &'a StatementDetail,
    request: &'a Request,
}

impl Found<'_> {
    fn remove(&self, out: &mut Vec<Change>) {
        out.push(Change::RemoveStatement {
            policy: self.policy.into(),
            statement: self.statement.pointer.clone(),
            effect: self.statement.effect,
        });
    }

    fn to_allow(&self, out: &mut Vec<Change>) {
        let st = self.statement;
        if st.effect == Effect::Deny {
            if st.applies {
                self.remove(out);
            }
            return;
        }
        if st.applies {
            return;
        }
        let principal = st.principal.as_ref().is_none_or(|m| m.matched);
        let action = st.action.matched;
        let resource = st.resource.as_ref().is_none_or(|m| m.matched);
        let misses = [principal, action, resource]
            .iter()
            .filter(|m| !**m)
            .count();
        let policy = String::from(self.policy);
        let statement = st.pointer.clone();
        if misses == 1 {
            if !action && !st.action.negated {
                out.push(Change::AddAction {
                    policy,
                    statement,
                    action: self.request.action.clone(),
                });
            } else if !resource
                && st.resource.as_ref().is_some_and(|m| !m.negated)
                && self.request.resource != "*"
            {
                out.push(Change::AddResource {
                    policy,
                    statement,
                    resource: self.request.resource.clone(),
                });
            } else if !principal && st.principal.as_ref().is_some_and(|m| !m.negated) {
                let caller = &self.request.principal;
                let arn = caller.role_arn.as_ref().unwrap_or(&caller.arn);
                if arn.starts_with("arn:") {
                    out.push(Change::AddPrincipal {
                        policy,
                        statement,
                        principal: arn.clone(),
                    });
                }
            }
        } else if misses == 0 {
            for condition in st.conditions.iter().flatten().filter(|c| !c.result) {
                for value in condition_values(condition) {
                    self.context(out, &condition.key, value);
                }
            }
        }
    }

    fn to_deny(&self, out: &mut Vec<Change>) {
        let st = self.statement;
        if st.effect != Effect::Allow || !st.applies {
            return;
        }
        self.remove(out);
        for condition in st.conditions.iter().flatten() {
            for value in other_context_values(self.scenario, self.index, &condition.key) {
                self.context(out, &condition.key, value);
            }
        }
    }

    /// A context value for the step's request, where the request can give the key.
    fn context(&self, out: &mut Vec<Change>, key: &str, value: String) {
        // A call's own keys (`sts:ExternalId`, `aws:RequestTag/...`) come from its parameters.
        let gives_context = self.step.request.is_some()
            || (self.step.call.is_some() && !set_by_call_parameters(key));
        if gives_context && !decided_by_aws(key) && !key.is_empty() {
            out.push(Change::ContextValue {
                step: self.index,
                key: key.into(),
                value,
            });
        }
    }
}

/// The values a failed condition was looking for, as a request would give them (wildcards
/// dropped: `app/123456/*` asks for at least `app/123456/`).
fn condition_values(condition: &ConditionDetail) -> Vec<String> {
    condition
        .policy_values
        .iter()
        .map(|p| p.substituted.as_ref().unwrap_or(&p.written))
        .filter(|v| !v.contains("${"))
        .map(|v| v.replace('*', "").replace('?', "x"))
        .collect()
}

/// Values other steps give the context key `key`.
fn other_context_values(scenario: &Scenario, index: usize, key: &str) -> Vec<String> {
    let current = scenario
        .steps
        .get(index)
        .and_then(|s| context_value(s, key));
    let mut out = Vec::new();
    for step in &scenario.steps {
        if let Some(value) = context_value(step, key)
            && Some(&value) != current.as_ref()
            && !out.contains(&value)
        {
            out.push(value);
        }
    }
    out
}

fn context_value(step: &Step, key: &str) -> Option<String> {
    let context = match &step.request {
        Some(request) => &request.context,
        None => &step.context,
    };
    context
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .and_then(|(_, v)| match v {
            ContextValue::One(value) => Some(value.clone()),
            ContextValue::Many(values) => values.first().cloned(),
        })
}

/// The step whose call made the session step `index` signs with, if it signs with one.
fn signing_call(scenario: &Scenario, index: usize) -> Option<usize> {
    let Some(Caller::Step(id)) = scenario.steps.get(index)?.caller.as_ref() else {
        return None;
    };
    scenario
        .steps
        .iter()
        .take(index)
        .rposition(|s| s.id.as_ref() == Some(id) && s.call.is_some())
}

fn tags(step: &Step) -> &[crate::sts::SessionTag] {
    match &step.call {
        Some(Call::AssumeRole(params)) => &params.tags,
        Some(Call::GetFederationToken(params)) => &params.tags,
        _ => &[],
    }
}

fn tag_value(step: Option<&Step>, key: &str) -> Option<String> {
    tags(step?)
        .iter()
        .find(|t| t.key.eq_ignore_ascii_case(key))
        .map(|t| t.value.clone())
}

/// Tag values worth trying: the ones other calls give the key, then the pieces of what the
/// step asks for (`234567` of `arn:aws:s3:::bucket/app/234567/file`).
fn tag_values(scenario: &Scenario, step: &Step, key: &str, aim: Aim) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |value: &str| {
        if !value.is_empty() && !out.iter().any(|v| v == value) {
            out.push(value.into());
        }
    };
    for other in &scenario.steps {
        if let Some(value) = tag_value(Some(other), key) {
            add(&value);
        }
    }
    if let Some(request) = &step.request {
        let mut texts: Vec<&str> = Vec::new();
        for value in request.context.values() {
            match value {
                ContextValue::One(v) => texts.push(v),
                ContextValue::Many(vs) => texts.extend(vs.iter().map(String::as_str)),
            }
        }
        texts.push(request.resource.as_str());
        for text in texts {
            for piece in text.split(['/', ':', '*']) {
                add(piece);
            }
        }
    }
    if aim == Aim::Deny {
        out.truncate(2);
    }
    out
}

/// The tag keys the world's policies and the steps' session policies read as
/// `${aws:PrincipalTag/KEY}` (in resources and condition values) or test as
/// `aws:PrincipalTag/KEY` (condition keys).
fn principal_tag_keys(scenario: &Scenario) -> BTreeSet<String> {
    let mut texts = scenario.world.policy_texts();
    for step in &scenario.steps {
        if let Some(Call::AssumeRole(params)) = &step.call
            && let Some(policy) = &params.policy
        {
            texts.push(policy);
        }
    }
    let mut keys = BTreeSet::new();
    for text in texts {
        let Some(policy) = policy::read(text).policy else {
            continue;
        };
        let mut names: Vec<&str> = Vec::new();
        for statement in policy.statements.items.iter().map(|s| &s.value) {
            for resource in statement.resource.iter().flat_map(|r| &r.resources.items) {
                names.extend(variable_keys(&resource.value));
            }
            for entry in statement
                .condition
                .iter()
                .flat_map(|c| &c.operators)
                .flat_map(|o| &o.keys)
            {
                // The key itself names a tag (`"aws:PrincipalTag/team": ...`), and so may
                // the variables in its values.
                names.push(&entry.key.value);
                for value in &entry.values.items {
                    if let ConditionValue::String(text) = &value.value {
                        names.extend(variable_keys(text));
                    }
                }
            }
        }
        keys.extend(names.into_iter().filter_map(tag_of).map(String::from));
    }
    keys
}

/// The context keys of the variables in `text`.
fn variable_keys(text: &str) -> Vec<&str> {
    variable::parse(text)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Variable { key, .. } => Some(key),
            Piece::Text(_) | Piece::Literal(_) => None,
        })
        .collect()
}

/// The tag key of a principal tag context key (`userid` of `aws:PrincipalTag/userid`).
fn tag_of(key: &str) -> Option<&str> {
    let head = key.get(..PRINCIPAL_TAG.len())?;
    let tag = key.get(PRINCIPAL_TAG.len()..)?;
    (head.eq_ignore_ascii_case(PRINCIPAL_TAG) && !tag.is_empty()).then_some(tag)
}
