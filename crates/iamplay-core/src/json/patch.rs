//! The difference between two JSON documents as a list of edits, and applying it: what a
//! share link carries when a scenario is a changed copy of a built-in one.
//!
//! An edit is `[pointer, value]` (set the value at the pointer: replace it, add an object
//! member, or append to an array at its length) or `[pointer]` (remove it). Object members keep
//! their order; a member that moved is not an edit.

use alloc::string::String;
use alloc::vec::Vec;

use super::{Json, Member, Value};
use crate::source::{Pointer, Span};

/// One edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Set the value at the pointer.
    Set(String, Json),
    /// Remove the value at the pointer.
    Remove(String),
}

/// The edits that turn `base` into `target`.
#[must_use]
pub fn diff(base: &Json, target: &Json) -> Vec<Edit> {
    let mut edits = Vec::new();
    diff_at(&Pointer::root(), &base.value, target, &mut edits);
    edits
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(&x.value, &y.value))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .zip(b)
                    .all(|(x, y)| x.key == y.key && same(&x.value.value, &y.value.value))
        }
        _ => a == b,
    }
}

fn diff_at(at: &Pointer, base: &Value, target: &Json, edits: &mut Vec<Edit>) {
    match (base, &target.value) {
        (Value::Object(old), Value::Object(new)) => {
            for member in new {
                let here = at.key(&member.key);
                match old.iter().find(|m| m.key == member.key) {
                    Some(previous) => diff_at(&here, &previous.value.value, &member.value, edits),
                    None => edits.push(Edit::Set(here.into(), member.value.clone())),
                }
            }
            for member in old {
                if !new.iter().any(|m| m.key == member.key) {
                    edits.push(Edit::Remove(at.key(&member.key).into()));
                }
            }
        }
        (Value::Array(old), Value::Array(new)) => {
            for (i, item) in new.iter().enumerate() {
                match old.get(i) {
                    Some(previous) => diff_at(&at.index(i), &previous.value, item, edits),
                    None => edits.push(Edit::Set(at.index(i).into(), item.clone())),
                }
            }
            for i in (new.len()..old.len()).rev() {
                edits.push(Edit::Remove(at.index(i).into()));
            }
        }
        (old, new) if same(old, new) => {}
        _ => edits.push(Edit::Set(at.as_str().into(), target.clone())),
    }
}

/// The edits as a JSON array.
#[must_use]
pub fn to_json(edits: &[Edit]) -> Json {
    let item = |values: Vec<Json>| Json {
        value: Value::Array(values),
        span: Span::default(),
    };
    let text = |s: &str| Json {
        value: Value::String(s.into()),
        span: Span::default(),
    };
    item(
        edits
            .iter()
            .map(|edit| match edit {
                Edit::Set(pointer, value) => item(alloc::vec![text(pointer), value.clone()]),
                Edit::Remove(pointer) => item(alloc::vec![text(pointer)]),
            })
            .collect(),
    )
}

/// The edits a JSON array holds; `None` when it is not such an array.
#[must_use]
pub fn from_json(json: &Json) -> Option<Vec<Edit>> {
    let Value::Array(items) = &json.value else {
        return None;
    };
    items
        .iter()
        .map(|item| match &item.value {
            Value::Array(parts) => match parts.as_slice() {
                [
                    Json {
                        value: Value::String(pointer),
                        ..
                    },
                ] => Some(Edit::Remove(pointer.clone())),
                [
                    Json {
                        value: Value::String(pointer),
                        ..
                    },
                    value,
                ] => Some(Edit::Set(pointer.clone(), value.clone())),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// Applies `edits` to `document`; `None` when one does not fit it (a pointer to nothing).
#[must_use]
pub fn apply(mut document: Json, edits: &[Edit]) -> Option<Json> {
    for edit in edits {
        let pointer = match edit {
            Edit::Set(pointer, _) | Edit::Remove(pointer) => pointer,
        };
        if pointer.is_empty() {
            match edit {
                Edit::Set(_, value) => document = value.clone(),
                Edit::Remove(_) => return None,
            }
            continue;
        }
        let (parent_pointer, last) = pointer.rsplit_once('/')?;
        let key = last.replace("~1", "/").replace("~0", "~");
        let parent = get_mut(&mut document, parent_pointer)?;
        match (&mut parent.value, edit) {
            (Value::Object(members), Edit::Set(_, value)) => {
                match members.iter_mut().find(|m| m.key == key) {
                    Some(member) => member.value = value.clone(),
                    None => members.push(Member {
                        key,
                        key_span: Span::default(),
                        value: value.clone(),
                    }),
                }
            }
            (Value::Object(members), Edit::Remove(_)) => {
                let index = members.iter().position(|m| m.key == key)?;
                members.remove(index);
            }
            (Value::Array(items), Edit::Set(_, value)) => {
                let index: usize = key.parse().ok()?;
                if index == items.len() {
                    items.push(value.clone());
                } else {
                    *items.get_mut(index)? = value.clone();
                }
            }
            (Value::Array(items), Edit::Remove(_)) => {
                let index: usize = key.parse().ok()?;
                if index >= items.len() {
                    return None;
                }
                items.remove(index);
            }
            _ => return None,
        }
    }
    Some(document)
}

fn get_mut<'a>(json: &'a mut Json, pointer: &str) -> Option<&'a mut Json> {
    if pointer.is_empty() {
        return Some(json);
    }
    let mut current = json;
    for token in pointer.strip_prefix('/')?.split('/') {
        let key = token.replace("~1", "/").replace("~0", "~");
        current = match &mut current.value {
            Value::Object(members) => &mut members.iter_mut().find(|m| m.key == key)?.value,
            Value::Array(items) => items.get_mut(key.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(current)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{DEFAULT_MAX_DEPTH, parse, to_compact_string};

    fn json(text: &str) -> Json {
        parse(text, DEFAULT_MAX_DEPTH).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn a_small_change_is_a_small_patch_that_applies_back() {
        let base = json(r#"{"a": 1, "list": [1, 2, 3], "o": {"x/y": "v", "gone": true}}"#);
        let target = json(r#"{"a": 2, "list": [1, 2], "o": {"x/y": "w", "new": [1]}, "z": null}"#);
        let edits = diff(&base, &target);
        assert_eq!(
            to_compact_string(&to_json(&edits)),
            r#"[["/a",2],["/list/2"],["/o/x~1y","w"],["/o/new",[1]],["/o/gone"],["/z",null]]"#
        );
        let rebuilt = apply(base.clone(), &edits).unwrap_or_else(|| panic!("does not apply"));
        assert!(
            same(&rebuilt.value, &target.value),
            "{}",
            to_compact_string(&rebuilt)
        );
        assert_eq!(from_json(&to_json(&edits)), Some(edits));
        assert_eq!(diff(&base, &base), []);
    }

    #[test]
    fn edits_that_do_not_fit_are_refused() {
        let base = json(r#"{"a": [1]}"#);
        assert_eq!(apply(base.clone(), &[Edit::Remove("/b".into())]), None);
        assert_eq!(
            apply(base.clone(), &[Edit::Set("/a/5".into(), json("1"))]),
            None
        );
        assert_eq!(apply(base, &[Edit::Set("/a/0/x".into(), json("1"))]), None);
        assert_eq!(from_json(&json(r#"[["/a", 1, 2]]"#)), None);
    }
}
