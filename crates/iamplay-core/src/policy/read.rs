//! Reading a policy document: JSON text → [`Policy`], reporting every structural problem
//! (wrong types, unknown or duplicate elements, missing `Effect` or `Action`, unknown condition
//! operators) in one pass. Rules that depend on the kind of policy, and the formats of actions,
//! resources and keys, are `validate`'s.

use alloc::collections::BTreeSet;
use alloc::string::String;
use alloc::vec::Vec;

use crate::json::{self, Json, Member, Value};
use crate::limits::{MAX_POLICY_BYTES, MAX_STATEMENTS};
use crate::source::{LineIndex, Pointer, Span};

use super::finding::{Collector, Element, Finding, FindingKind, Severity, Shape};
use super::model::{
    ActionBlock, ConditionBlock, ConditionKeyValues, ConditionOperatorBlock, ConditionValue,
    Effect, Loc, Located, OneOrMany, POLICY_ELEMENTS, Policy, Principal, PrincipalBlock,
    PrincipalEntry, PrincipalKind, ResourceBlock, STATEMENT_ELEMENTS, Statement, Version,
};
use super::operator::Operator;
use super::suggest;

/// What reading a document gave: the policy if its structure is sound, and the findings.
#[derive(Clone, Debug)]
pub struct Read {
    /// The policy, when no structural error was found.
    pub policy: Option<Policy>,
    /// The structural errors (and the warnings about what AWS accepts but ignores), at most
    /// [`MAX_FINDINGS`](super::finding::MAX_FINDINGS).
    pub findings: Vec<Finding>,
    /// How many findings there were beyond those.
    pub omitted: usize,
}

/// Reads a policy document from its text.
#[must_use]
pub fn read(text: &str) -> Read {
    let lines = LineIndex::new(text);
    let mut out = Collector::new(&lines);
    let policy = read_into(text, &mut out).filter(|_| out.error_count() == 0);
    Read {
        policy,
        findings: out.findings,
        omitted: out.omitted,
    }
}

/// Reads a policy document, adding the findings to `out`. The policy is returned when its
/// structure could be read, even with errors that AWS checks only later (a missing `Action`,
/// an `Effect` in the wrong case), so that validation can find AWS's earlier errors too.
pub(crate) fn read_into(text: &str, out: &mut Collector<'_>) -> Option<Policy> {
    let mut reader = Reader { out, fatal: false };
    if text.len() > MAX_POLICY_BYTES {
        reader.error(
            FindingKind::TextTooLong {
                size: text.len(),
                limit: MAX_POLICY_BYTES,
            },
            &Pointer::root(),
            Span::new(0, 0),
        );
        return None;
    }
    let policy = match json::parse(text, json::DEFAULT_MAX_DEPTH) {
        Ok(json) => reader.policy(&json),
        Err(err) => {
            reader.error(
                FindingKind::Syntax { error: err.kind },
                &Pointer::root(),
                err.span,
            );
            None
        }
    };
    policy.filter(|_| !reader.fatal)
}

struct Reader<'o, 't> {
    out: &'o mut Collector<'t>,
    /// Whether an error made the structure unreadable.
    fatal: bool,
}

/// `Some(value)` when every part was read, `None` when any part had an error (already
/// reported).
type Part<T> = Option<T>;

fn loc(pointer: &Pointer, span: Span) -> Loc {
    Loc {
        pointer: pointer.as_str().into(),
        span,
    }
}

impl Reader<'_, '_> {
    /// An error that leaves the structure unreadable.
    fn error(&mut self, kind: FindingKind, pointer: &Pointer, span: Span) {
        self.fatal = true;
        self.out.add(kind, Severity::Error, pointer.as_str(), span);
    }

    /// An error that AWS checks after the structure: the model is still built.
    fn late_error(&mut self, kind: FindingKind, pointer: &Pointer, span: Span) {
        self.out.add(kind, Severity::Error, pointer.as_str(), span);
    }

    fn warn(&mut self, kind: FindingKind, pointer: &Pointer, span: Span) {
        self.out
            .add(kind, Severity::Warning, pointer.as_str(), span);
    }

    fn wrong_type(&mut self, element: Element, expected: Shape, json: &Json, pointer: &Pointer) {
        let found = json.value.type_name();
        self.error(
            FindingKind::WrongType {
                element,
                expected,
                found,
            },
            pointer,
            json.span,
        );
    }

    /// The members of an object, after reporting duplicate keys.
    fn members<'j>(&mut self, members: &'j [Member], pointer: &Pointer) -> &'j [Member] {
        let mut seen = BTreeSet::new();
        for member in members {
            if !seen.insert(member.key.as_str()) {
                let kind = FindingKind::DuplicateKey {
                    key: member.key.clone(),
                };
                self.error(kind, &pointer.key(&member.key), member.key_span);
            }
        }
        members
    }

    /// Reports `name` as unknown under `parent`, suggesting the nearest of `known`.
    fn unknown_element(
        &mut self,
        member: &Member,
        parent: Element,
        known: &[&'static str],
        pointer: &Pointer,
    ) {
        let kind = FindingKind::UnknownElement {
            name: member.key.clone(),
            parent,
            suggestion: suggest::nearest(&member.key, known),
        };
        self.error(kind, &pointer.key(&member.key), member.key_span);
    }

    fn policy(&mut self, json: &Json) -> Part<Policy> {
        let root = Pointer::root();
        let Value::Object(members) = &json.value else {
            let kind = FindingKind::NotAnObject {
                found: json.value.type_name(),
            };
            self.error(kind, &root, json.span);
            return None;
        };
        let mut version = Some(None);
        let mut id = Some(None);
        let mut statements = None;
        let mut saw_statement = false;
        for member in self.members(members, &root) {
            let pointer = root.key(&member.key);
            match member.key.as_str() {
                "Version" => version = self.version(&member.value, &pointer).map(Some),
                "Id" => id = self.string(&member.value, Element::Id, &pointer).map(Some),
                "Statement" => {
                    saw_statement = true;
                    statements = self.statements(&member.value, &pointer);
                }
                _ => self.unknown_element(member, Element::Policy, &POLICY_ELEMENTS, &root),
            }
        }
        if !saw_statement {
            self.error(FindingKind::MissingStatement, &root, json.span);
        }
        Some(Policy {
            version: version?,
            id: id?,
            statements: statements?,
            loc: loc(&root, json.span),
        })
    }

    fn version(&mut self, json: &Json, pointer: &Pointer) -> Part<Located<Version>> {
        let text = self.string(json, Element::Version, pointer)?;
        let value = match text.value.as_str() {
            "2012-10-17" => Version::V2012_10_17,
            "2008-10-17" => Version::V2008_10_17,
            other => {
                let kind = FindingKind::InvalidVersion {
                    found: other.into(),
                };
                self.error(kind, pointer, json.span);
                return None;
            }
        };
        Some(Located {
            value,
            loc: text.loc,
        })
    }

    fn string(
        &mut self,
        json: &Json,
        element: Element,
        pointer: &Pointer,
    ) -> Part<Located<String>> {
        match &json.value {
            Value::String(text) => Some(Located {
                value: text.clone(),
                loc: loc(pointer, json.span),
            }),
            _ => {
                self.wrong_type(element, Shape::String, json, pointer);
                None
            }
        }
    }

    fn statements(&mut self, json: &Json, pointer: &Pointer) -> Part<OneOrMany<Statement>> {
        match &json.value {
            Value::Object(_) => {
                let statement = self.statement(json, pointer)?;
                Some(OneOrMany {
                    items: alloc::vec![Located {
                        value: statement,
                        loc: loc(pointer, json.span)
                    }],
                    list: false,
                })
            }
            Value::Array(items) if items.is_empty() => {
                self.error(
                    FindingKind::EmptyList {
                        element: Element::Statement,
                    },
                    pointer,
                    json.span,
                );
                None
            }
            Value::Array(items) if items.len() > MAX_STATEMENTS => {
                self.error(
                    FindingKind::TooManyStatements {
                        count: items.len(),
                        limit: MAX_STATEMENTS,
                    },
                    pointer,
                    json.span,
                );
                None
            }
            Value::Array(items) => {
                let mut statements = Some(Vec::with_capacity(items.len()));
                for (i, item) in items.iter().enumerate() {
                    let item_pointer = pointer.index(i);
                    let statement = if matches!(item.value, Value::Object(_)) {
                        self.statement(item, &item_pointer)
                    } else {
                        self.wrong_type(Element::Statement, Shape::Object, item, &item_pointer);
                        None
                    };
                    match (statement, statements.as_mut()) {
                        (Some(statement), Some(list)) => list.push(Located {
                            value: statement,
                            loc: loc(&item_pointer, item.span),
                        }),
                        _ => statements = None,
                    }
                }
                Some(OneOrMany {
                    items: statements?,
                    list: true,
                })
            }
            _ => {
                self.wrong_type(
                    Element::Statement,
                    Shape::ObjectOrArrayOfObjects,
                    json,
                    pointer,
                );
                None
            }
        }
    }

    fn statement(&mut self, json: &Json, pointer: &Pointer) -> Part<Statement> {
        let Value::Object(members) = &json.value else {
            return None;
        };
        let mut ok = true;
        let mut sid = None;
        let mut effect = None;
        let mut principal = None;
        let mut action: Option<ActionBlock> = None;
        let mut resource: Option<ResourceBlock> = None;
        let mut condition = None;
        let mut seen: Vec<(Element, Span)> = Vec::new();
        for member in self.members(members, pointer) {
            let at = pointer.key(&member.key);
            let value = &member.value;
            let element = match member.key.as_str() {
                "Sid" => {
                    sid = self.string(value, Element::Sid, &at);
                    ok &= sid.is_some();
                    Element::Sid
                }
                "Effect" => {
                    effect = self.effect(value, &at);
                    ok &= effect.is_some();
                    Element::Effect
                }
                name @ ("Principal" | "NotPrincipal") => {
                    let negated = name == "NotPrincipal";
                    principal = self.principal(value, negated, &at);
                    ok &= principal.is_some();
                    Element::from_name(name).unwrap_or(Element::Principal)
                }
                name @ ("Action" | "NotAction" | "Resource" | "NotResource") => {
                    let element = Element::from_name(name).unwrap_or(Element::Action);
                    let negated = name.starts_with("Not");
                    let list = self.string_list(value, element, &at);
                    ok &= list.is_some();
                    if let Some(list) = list {
                        let loc = loc(&at, value.span);
                        if matches!(element, Element::Action | Element::NotAction) {
                            action = Some(ActionBlock {
                                negated,
                                actions: list,
                                loc,
                            });
                        } else {
                            resource = Some(ResourceBlock {
                                negated,
                                resources: list,
                                loc,
                            });
                        }
                    }
                    element
                }
                "Condition" => {
                    condition = self.condition(value, &at);
                    ok &= condition.is_some();
                    Element::Condition
                }
                _ => {
                    self.unknown_element(member, Element::Statement, &STATEMENT_ELEMENTS, pointer);
                    ok = false;
                    continue;
                }
            };
            ok &= self.not_both(element, member.key_span, &mut seen, pointer);
        }
        let present = |e: Element| seen.iter().any(|&(s, _)| s == e);
        if !present(Element::Effect) {
            self.error(FindingKind::MissingEffect, pointer, json.span);
            ok = false;
        }
        if !present(Element::Action) && !present(Element::NotAction) {
            self.late_error(FindingKind::MissingAction, pointer, json.span);
            action = Some(ActionBlock {
                negated: false,
                actions: OneOrMany {
                    items: Vec::new(),
                    list: true,
                },
                loc: loc(pointer, json.span),
            });
        }
        if !ok {
            return None;
        }
        Some(Statement {
            sid,
            effect: effect?,
            principal,
            action: action?,
            resource,
            condition,
            loc: loc(pointer, json.span),
        })
    }

    /// Records `element` as seen and reports it if its negated twin was seen too.
    fn not_both(
        &mut self,
        element: Element,
        key_span: Span,
        seen: &mut Vec<(Element, Span)>,
        pointer: &Pointer,
    ) -> bool {
        let twin = match element {
            Element::Principal => Some(Element::NotPrincipal),
            Element::NotPrincipal => Some(Element::Principal),
            Element::Action => Some(Element::NotAction),
            Element::NotAction => Some(Element::Action),
            Element::Resource => Some(Element::NotResource),
            Element::NotResource => Some(Element::Resource),
            _ => None,
        };
        seen.push((element, key_span));
        match twin
            .and_then(|twin| seen.iter().find(|&&(s, _)| s == twin))
            .copied()
        {
            Some((first, _)) => {
                let kind = FindingKind::ConflictingElements {
                    first,
                    second: element,
                };
                self.error(kind, &pointer.key(element.name()), key_span);
                false
            }
            None => true,
        }
    }

    fn effect(&mut self, json: &Json, pointer: &Pointer) -> Part<Located<Effect>> {
        let text = self.string(json, Element::Effect, pointer)?;
        let value = match text.value.as_str() {
            "Allow" => Effect::Allow,
            "Deny" => Effect::Deny,
            other => {
                let suggestion = ["Allow", "Deny"]
                    .into_iter()
                    .find(|name| name.eq_ignore_ascii_case(other.trim()));
                let kind = FindingKind::InvalidEffect {
                    found: other.into(),
                    suggestion,
                };
                // In the wrong case, IAM reads the statement and fails later ("legacy
                // parsing"); anything else is a syntax error.
                match suggestion {
                    Some("Allow") => {
                        self.late_error(kind, pointer, json.span);
                        Effect::Allow
                    }
                    Some(_) => {
                        self.late_error(kind, pointer, json.span);
                        Effect::Deny
                    }
                    None => {
                        self.error(kind, pointer, json.span);
                        return None;
                    }
                }
            }
        };
        Some(Located {
            value,
            loc: text.loc,
        })
    }

    /// A string or an array of strings (an empty one is an error AWS checks late).
    fn string_list(
        &mut self,
        json: &Json,
        element: Element,
        pointer: &Pointer,
    ) -> Part<OneOrMany<String>> {
        match &json.value {
            Value::String(text) => Some(OneOrMany {
                items: alloc::vec![Located {
                    value: text.clone(),
                    loc: loc(pointer, json.span)
                }],
                list: false,
            }),
            Value::Array(items) if items.is_empty() => {
                self.late_error(FindingKind::EmptyList { element }, pointer, json.span);
                Some(OneOrMany {
                    items: Vec::new(),
                    list: true,
                })
            }
            Value::Array(items) => {
                let mut ok = true;
                let mut values = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    let at = pointer.index(i);
                    match &item.value {
                        Value::String(text) => values.push(Located {
                            value: text.clone(),
                            loc: loc(&at, item.span),
                        }),
                        _ => {
                            self.wrong_type(element, Shape::StringOrArrayOfStrings, item, &at);
                            ok = false;
                        }
                    }
                }
                ok.then_some(OneOrMany {
                    items: values,
                    list: true,
                })
            }
            _ => {
                self.wrong_type(element, Shape::StringOrArrayOfStrings, json, pointer);
                None
            }
        }
    }

    fn principal(&mut self, json: &Json, negated: bool, pointer: &Pointer) -> Part<PrincipalBlock> {
        let element = if negated {
            Element::NotPrincipal
        } else {
            Element::Principal
        };
        let value = match &json.value {
            Value::String(text) if text == "*" => Principal::Everyone,
            Value::String(text) => {
                let kind = FindingKind::InvalidPrincipal {
                    found: text.clone(),
                };
                self.error(kind, pointer, json.span);
                return None;
            }
            Value::Object(members) => {
                let mut ok = true;
                let mut entries = Vec::with_capacity(members.len());
                for member in self.members(members, pointer) {
                    let at = pointer.key(&member.key);
                    let kind = PrincipalKind::ALL
                        .into_iter()
                        .find(|kind| kind.as_str() == member.key);
                    let Some(kind) = kind else {
                        let names = PrincipalKind::ALL.map(PrincipalKind::as_str);
                        let kind = FindingKind::UnknownPrincipalType {
                            found: member.key.clone(),
                            suggestion: suggest::nearest(&member.key, &names),
                        };
                        self.error(kind, &at, member.key_span);
                        ok = false;
                        continue;
                    };
                    if matches!(&member.value.value, Value::Array(ids) if ids.is_empty()) {
                        self.warn(FindingKind::EmptyPrincipal, &at, member.value.span);
                        entries.push(PrincipalEntry {
                            kind: Located {
                                value: kind,
                                loc: loc(&at, member.key_span),
                            },
                            ids: OneOrMany {
                                items: Vec::new(),
                                list: true,
                            },
                        });
                        continue;
                    }
                    match self.string_list(&member.value, Element::PrincipalIds, &at) {
                        Some(ids) => entries.push(PrincipalEntry {
                            kind: Located {
                                value: kind,
                                loc: loc(&at, member.key_span),
                            },
                            ids,
                        }),
                        None => ok = false,
                    }
                }
                if members.is_empty() {
                    self.warn(FindingKind::EmptyPrincipal, pointer, json.span);
                }
                if !ok {
                    return None;
                }
                Principal::Map(entries)
            }
            _ => {
                self.wrong_type(element, Shape::StarOrObject, json, pointer);
                return None;
            }
        };
        Some(PrincipalBlock {
            negated,
            value,
            loc: loc(pointer, json.span),
        })
    }

    fn condition(&mut self, json: &Json, pointer: &Pointer) -> Part<ConditionBlock> {
        let Value::Object(members) = &json.value else {
            self.wrong_type(Element::Condition, Shape::Object, json, pointer);
            return None;
        };
        let mut ok = true;
        let mut operators = Vec::with_capacity(members.len());
        for member in self.members(members, pointer) {
            let at = pointer.key(&member.key);
            let operator = match Operator::parse(&member.key) {
                Ok(operator) => Some(operator),
                Err(unknown) => {
                    // AWS accepts an unknown operator whose block is empty: it has no effect.
                    let has_keys =
                        !matches!(&member.value.value, Value::Object(keys) if keys.is_empty());
                    let kind = FindingKind::UnknownConditionOperator {
                        found: member.key.clone(),
                        suggestion: unknown.suggestion,
                        has_keys,
                    };
                    if has_keys {
                        self.error(kind, &at, member.key_span);
                    } else {
                        self.warn(kind, &at, member.key_span);
                        continue;
                    }
                    None
                }
            };
            let keys = self.condition_keys(&member.value, &at);
            match (operator, keys) {
                (Some(operator), Some(keys)) => operators.push(ConditionOperatorBlock {
                    operator: Located {
                        value: operator,
                        loc: loc(&at, member.key_span),
                    },
                    keys,
                }),
                _ => ok = false,
            }
        }
        ok.then(|| ConditionBlock {
            operators,
            loc: loc(pointer, json.span),
        })
    }

    fn condition_keys(&mut self, json: &Json, pointer: &Pointer) -> Part<Vec<ConditionKeyValues>> {
        let Value::Object(members) = &json.value else {
            self.wrong_type(Element::ConditionOperator, Shape::Object, json, pointer);
            return None;
        };
        let mut ok = true;
        let mut keys = Vec::with_capacity(members.len());
        for member in self.members(members, pointer) {
            let at = pointer.key(&member.key);
            match self.condition_values(&member.value, &at) {
                Some(values) => keys.push(ConditionKeyValues {
                    key: Located {
                        value: member.key.clone(),
                        loc: loc(&at, member.key_span),
                    },
                    values,
                }),
                None => ok = false,
            }
        }
        ok.then_some(keys)
    }

    fn condition_values(
        &mut self,
        json: &Json,
        pointer: &Pointer,
    ) -> Part<OneOrMany<ConditionValue>> {
        let scalar = |json: &Json| match &json.value {
            Value::String(text) => Some(ConditionValue::String(text.clone())),
            Value::Number(text) => Some(ConditionValue::Number(text.clone())),
            Value::Bool(value) => Some(ConditionValue::Bool(*value)),
            Value::Null | Value::Array(_) | Value::Object(_) => None,
        };
        match &json.value {
            // An empty list is accepted by AWS (the lint says what it means).
            Value::Array(items) => {
                let mut ok = true;
                let mut values = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    let at = pointer.index(i);
                    match scalar(item) {
                        Some(value) => values.push(Located {
                            value,
                            loc: loc(&at, item.span),
                        }),
                        None => {
                            let kind = FindingKind::InvalidConditionValue {
                                found: item.value.type_name(),
                            };
                            self.error(kind, &at, item.span);
                            ok = false;
                        }
                    }
                }
                ok.then_some(OneOrMany {
                    items: values,
                    list: true,
                })
            }
            _ => match scalar(json) {
                Some(value) => Some(OneOrMany {
                    items: alloc::vec![Located {
                        value,
                        loc: loc(pointer, json.span)
                    }],
                    list: false,
                }),
                None => {
                    let kind = FindingKind::InvalidConditionValue {
                        found: json.value.type_name(),
                    };
                    self.error(kind, pointer, json.span);
                    None
                }
            },
        }
    }
}

#[cfg(test)]
mod tests;
