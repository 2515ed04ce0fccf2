//! Making a change to a copy of a scenario: a step's session tag or context key, or one edit
//! of a world policy's text (written back in the canonical layout).

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use super::Change;
use crate::json::patch::{self, Edit};
use crate::json::{self, Json, Value};
use crate::scenario::model::{Call, ContextValue, Scenario, Step};
use crate::source::Span;
use crate::sts::SessionTag;
use crate::sts::world::World;

/// `scenario` with `change` made; `None` when the change does not fit it (a step or
/// statement that is not there, an element that cannot take the value).
#[must_use]
pub fn apply(scenario: &Scenario, change: &Change) -> Option<Scenario> {
    let mut out = scenario.clone();
    match change {
        Change::SessionTag { step, key, value } => {
            set_tag(out.steps.get_mut(*step)?, key, value)?;
        }
        Change::ContextValue { step, key, value } => {
            let step = out.steps.get_mut(*step)?;
            let context = match &mut step.request {
                Some(request) => &mut request.context,
                None => &mut step.context,
            };
            context.insert(key.clone(), ContextValue::One(value.clone()));
        }
        Change::AddAction {
            policy,
            statement,
            action,
        } => edit_policy(&mut out.world, policy, |doc| {
            add_to_list(doc, &format!("{statement}/Action"), action)
        })?,
        Change::AddResource {
            policy,
            statement,
            resource,
        } => edit_policy(&mut out.world, policy, |doc| {
            add_to_list(doc, &format!("{statement}/Resource"), resource)
        })?,
        Change::AddPrincipal {
            policy,
            statement,
            principal,
        } => edit_policy(&mut out.world, policy, |doc| {
            let principal_pointer = format!("{statement}/Principal");
            match doc.get_pointer(&principal_pointer).map(|p| &p.value) {
                Some(Value::Object(_)) => {
                    add_to_list(doc, &format!("{principal_pointer}/AWS"), principal)
                }
                _ => None,
            }
        })?,
        Change::RemoveStatement {
            policy, statement, ..
        } => edit_policy(&mut out.world, policy, |doc| {
            // A policy needs a statement: only one of several can go.
            let (list, _) = statement.rsplit_once('/')?;
            match &doc.get_pointer(list)?.value {
                Value::Array(items) if items.len() > 1 => {
                    patch::apply(doc.clone(), &[Edit::Remove(statement.clone())])
                }
                _ => None,
            }
        })?,
    }
    Some(out)
}

/// Gives the session tag `key` the value `value` in the step's call (a new tag if it has none
/// of that key; AWS compares tag keys without regard to case).
fn set_tag(step: &mut Step, key: &str, value: &str) -> Option<()> {
    let tags = match step.call.as_mut()? {
        Call::AssumeRole(params) => &mut params.tags,
        Call::GetFederationToken(params) => &mut params.tags,
        Call::GetSessionToken(_)
        | Call::AssumeRoleWithWebIdentity(_)
        | Call::GetCallerIdentity(_) => return None,
    };
    match tags.iter_mut().find(|t| t.key.eq_ignore_ascii_case(key)) {
        Some(tag) => tag.value = value.into(),
        None => tags.push(SessionTag {
            key: key.into(),
            value: value.into(),
        }),
    }
    Some(())
}

/// Replaces the policy text at `pointer` in the world with `edit` of its JSON, written in the
/// canonical layout.
fn edit_policy(
    world: &mut World,
    pointer: &str,
    edit: impl FnOnce(&Json) -> Option<Json>,
) -> Option<()> {
    let text = document_mut(world, pointer)?;
    let document = json::parse(text, json::DEFAULT_MAX_DEPTH).ok()?;
    let edited = edit(&document)?;
    *text = json::to_pretty_string(&edited);
    Some(())
}

/// `value` added to the string-or-list at `pointer` (created when absent).
fn add_to_list(document: &Json, pointer: &str, value: &str) -> Option<Json> {
    let new = string(value);
    let list = match document.get_pointer(pointer).map(|j| &j.value) {
        None => new,
        Some(Value::String(old)) => array(vec![string(old), new]),
        Some(Value::Array(items)) => {
            let mut items = items.clone();
            items.push(new);
            array(items)
        }
        Some(_) => return None,
    };
    patch::apply(document.clone(), &[Edit::Set(pointer.into(), list)])
}

fn string(value: &str) -> Json {
    Json {
        value: Value::String(value.into()),
        span: Span::default(),
    }
}

fn array(items: Vec<Json>) -> Json {
    Json {
        value: Value::Array(items),
        span: Span::default(),
    }
}

/// The policy text at a world pointer (`/accounts/0/roles/1/trustPolicy`,
/// `.../inlinePolicies/0/document`, `/accounts/0/policies/2/document`,
/// `/accounts/0/resources/0/policy`, `/organizations/0/policies/1/document`). AWS managed
/// policies cannot be changed.
fn document_mut<'a>(world: &'a mut World, pointer: &str) -> Option<&'a mut String> {
    let parts: Vec<&str> = pointer.strip_prefix('/')?.split('/').collect();
    let index = |s: &str| s.parse::<usize>().ok();
    match parts.as_slice() {
        ["accounts", a, rest @ ..] => {
            let account = world.accounts.get_mut(index(a)?)?;
            match rest {
                ["roles", r, "trustPolicy"] => {
                    Some(&mut account.roles.get_mut(index(r)?)?.trust_policy)
                }
                ["roles", r, "inlinePolicies", p, "document"] => Some(
                    &mut account
                        .roles
                        .get_mut(index(r)?)?
                        .inline_policies
                        .get_mut(index(p)?)?
                        .document,
                ),
                ["users", u, "inlinePolicies", p, "document"] => Some(
                    &mut account
                        .users
                        .get_mut(index(u)?)?
                        .inline_policies
                        .get_mut(index(p)?)?
                        .document,
                ),
                ["groups", g, "inlinePolicies", p, "document"] => Some(
                    &mut account
                        .groups
                        .get_mut(index(g)?)?
                        .inline_policies
                        .get_mut(index(p)?)?
                        .document,
                ),
                ["policies", p, "document"] => {
                    Some(&mut account.policies.get_mut(index(p)?)?.document)
                }
                ["resources", r, "policy"] => account.resources.get_mut(index(r)?)?.policy.as_mut(),
                _ => None,
            }
        }
        ["organizations", o, "policies", p, "document"] => Some(
            &mut world
                .organizations
                .get_mut(index(o)?)?
                .policies
                .get_mut(index(p)?)?
                .document,
        ),
        _ => None,
    }
}
