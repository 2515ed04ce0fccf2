//! Canonical formatting of policy documents: pretty JSON with the elements in the order AWS's
//! documentation shows them (`Version`, `Id`, `Statement`; `Sid`, `Effect`, `Principal`,
//! `Action`, `Resource`, `Condition`), four-space indentation, one value per line.
//!
//! [`format`] works on any JSON text, so that even a policy with errors can be tidied without
//! losing a character of what it says: unknown elements and duplicate keys stay, after the known
//! ones. [`write`] writes a policy model the same way; `read(write(p))` gives `p` back.

use alloc::string::String;
use alloc::vec::Vec;

use crate::json::{self, Json, Member, SyntaxError, Value};
use crate::source::Span;

use super::model::{
    ConditionValue, OneOrMany, POLICY_ELEMENTS, Policy, Principal, PrincipalBlock, PrincipalKind,
    STATEMENT_ELEMENTS, Statement,
};

/// Formats a policy document's text canonically.
///
/// # Errors
/// The [`SyntaxError`] when the text is not JSON: then there is nothing to format.
pub fn format(text: &str) -> Result<String, SyntaxError> {
    let mut json = json::parse(text, json::DEFAULT_MAX_DEPTH)?;
    order_policy(&mut json);
    let mut out = json::to_pretty_string(&json);
    out.push('\n');
    Ok(out)
}

/// Writes a policy canonically.
#[must_use]
pub fn write(policy: &Policy) -> String {
    let mut json = policy_json(policy);
    order_policy(&mut json);
    let mut out = json::to_pretty_string(&json);
    out.push('\n');
    out
}

/// Puts the known members of an object first, in `order`; the rest keep their order after them.
fn order_members(members: &mut [Member], order: &[&str]) {
    members.sort_by_key(|member| {
        order
            .iter()
            .position(|&name| name == member.key)
            .unwrap_or(order.len())
    });
}

fn order_policy(json: &mut Json) {
    let Value::Object(members) = &mut json.value else {
        return;
    };
    order_members(members, &POLICY_ELEMENTS);
    for member in members.iter_mut().filter(|m| m.key == "Statement") {
        match &mut member.value.value {
            Value::Array(items) => items.iter_mut().for_each(order_statement),
            Value::Object(_) => order_statement(&mut member.value),
            _ => {}
        }
    }
}

fn order_statement(json: &mut Json) {
    let Value::Object(members) = &mut json.value else {
        return;
    };
    order_members(members, &STATEMENT_ELEMENTS);
    for member in members
        .iter_mut()
        .filter(|m| m.key == "Principal" || m.key == "NotPrincipal")
    {
        if let Value::Object(entries) = &mut member.value.value {
            order_members(entries, &PrincipalKind::ALL.map(PrincipalKind::as_str));
        }
    }
}

fn node(value: Value) -> Json {
    Json {
        value,
        span: Span::default(),
    }
}

fn member(key: &str, value: Json) -> Member {
    Member {
        key: key.into(),
        key_span: Span::default(),
        value,
    }
}

fn string(text: &str) -> Json {
    node(Value::String(text.into()))
}

fn one_or_many<T>(values: &OneOrMany<T>, item: impl Fn(&T) -> Json) -> Json {
    let mut items = values.items.iter().map(|located| item(&located.value));
    match (values.list, items.next()) {
        (false, Some(only)) => only,
        (_, first) => node(Value::Array(first.into_iter().chain(items).collect())),
    }
}

fn strings(values: &OneOrMany<String>) -> Json {
    one_or_many(values, |text| string(text))
}

fn policy_json(policy: &Policy) -> Json {
    let mut members = Vec::new();
    if let Some(version) = &policy.version {
        members.push(member("Version", string(version.value.as_str())));
    }
    if let Some(id) = &policy.id {
        members.push(member("Id", string(&id.value)));
    }
    members.push(member(
        "Statement",
        one_or_many(&policy.statements, statement_json),
    ));
    node(Value::Object(members))
}

fn statement_json(statement: &Statement) -> Json {
    let mut members = Vec::new();
    if let Some(sid) = &statement.sid {
        members.push(member("Sid", string(&sid.value)));
    }
    members.push(member("Effect", string(statement.effect.value.as_str())));
    if let Some(principal) = &statement.principal {
        let key = if principal.negated {
            "NotPrincipal"
        } else {
            "Principal"
        };
        members.push(member(key, principal_json(principal)));
    }
    let action = &statement.action;
    let key = if action.negated {
        "NotAction"
    } else {
        "Action"
    };
    members.push(member(key, strings(&action.actions)));
    if let Some(resource) = &statement.resource {
        let key = if resource.negated {
            "NotResource"
        } else {
            "Resource"
        };
        members.push(member(key, strings(&resource.resources)));
    }
    if let Some(condition) = &statement.condition {
        let operators = condition
            .operators
            .iter()
            .map(|block| {
                let keys = block
                    .keys
                    .iter()
                    .map(|key| {
                        member(
                            &key.key.value,
                            one_or_many(&key.values, condition_value_json),
                        )
                    })
                    .collect();
                member(
                    &alloc::format!("{}", block.operator.value),
                    node(Value::Object(keys)),
                )
            })
            .collect();
        members.push(member("Condition", node(Value::Object(operators))));
    }
    node(Value::Object(members))
}

fn principal_json(principal: &PrincipalBlock) -> Json {
    match &principal.value {
        Principal::Everyone => string("*"),
        Principal::Map(entries) => node(Value::Object(
            entries
                .iter()
                .map(|entry| member(entry.kind.value.as_str(), strings(&entry.ids)))
                .collect(),
        )),
    }
}

fn condition_value_json(value: &ConditionValue) -> Json {
    node(match value {
        ConditionValue::String(text) => Value::String(text.clone()),
        ConditionValue::Number(text) => Value::Number(text.clone()),
        ConditionValue::Bool(value) => Value::Bool(*value),
    })
}

#[cfg(test)]
mod tests;
