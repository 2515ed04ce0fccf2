//! Real long-term AWS credentials pasted into a scenario, found so that the page can warn and
//! share links can leave them out.
//!
//! Long-term access keys have two parts: an access key id, `AKIA` and 16 upper-case letters or
//! digits, and a secret access key of 40 characters (AWS's examples: `AKIAIOSFODNN7EXAMPLE`
//! and `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`; ids starting `ASIA` are temporary,
//! <https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html>). A
//! scenario names access key ids of its own world (`AKIAAPPSERVER0000001`), which are only
//! names; what gives a key away is its secret. So a text holds credentials where one string
//! has a secret-shaped word together with an access key id (a credentials file, the console's
//! CSV, an `export` line) or right after the word "secret" (`aws_secret_access_key = …`).
//! A secret-shaped word is exactly 40 characters of `A–Z a–z 0–9 / +`, with upper-case,
//! lower-case and digits all in it (a hex digest has no upper case, a path of words no
//! digits); words with `EXAMPLE` in them are AWS's documentation and left alone.

use alloc::string::String;
use alloc::vec::Vec;

use crate::json::{Json, Value};
use crate::source::Pointer;

/// What a secret access key is replaced with in a share link.
pub const REDACTED: &str = "REDACTED";

/// The length of a secret access key.
const SECRET_LEN: usize = 40;
/// The length of an access key id.
const KEY_ID_LEN: usize = 20;
/// How far before a secret the word "secret" may be, in bytes.
const SECRET_WORD_REACH: usize = 40;

/// The JSON pointers of the strings in `document` that hold long-term credentials, in
/// document order.
#[must_use]
pub fn holders(document: &Json) -> Vec<String> {
    let mut out = Vec::new();
    visit(document, &Pointer::root(), &mut |pointer, text| {
        if !secrets(text).is_empty() {
            out.push(String::from(pointer.as_str()));
        }
    });
    out
}

/// [`holders`] in the JSON `text` (none when it is not JSON).
#[must_use]
pub fn holders_in(text: &str) -> Vec<String> {
    crate::json::parse(text, crate::json::DEFAULT_MAX_DEPTH)
        .map(|document| holders(&document))
        .unwrap_or_default()
}

/// Replaces every secret access key in `document`'s strings (and the access key ids beside
/// them) with [`REDACTED`]; how many strings changed.
pub fn redact(document: &mut Json) -> usize {
    let mut changed = 0;
    visit_mut(document, &mut |text| {
        let found = secrets(text);
        if found.is_empty() {
            return;
        }
        changed += 1;
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for (start, end) in words(text) {
            let word = text.get(start..end).unwrap_or_default();
            if found.contains(&start) || is_key_id(word) {
                out.push_str(text.get(at..start).unwrap_or_default());
                out.push_str(REDACTED);
                at = end;
            }
        }
        out.push_str(text.get(at..).unwrap_or_default());
        *text = out;
    });
    changed
}

/// Where the secrets in `text` start.
fn secrets(text: &str) -> Vec<usize> {
    let words: Vec<(usize, usize)> = words(text).collect();
    let has_key_id = words
        .iter()
        .any(|&(start, end)| text.get(start..end).is_some_and(is_key_id));
    words
        .iter()
        .filter(|&&(start, end)| {
            text.get(start..end).is_some_and(is_secret)
                && (has_key_id || after_secret_word(text, start))
        })
        .map(|&(start, _)| start)
        .collect()
}

/// The byte ranges of the runs of `A–Z a–z 0–9 / +` in `text`.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let in_word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'/' || *b == b'+';
    let mut at = 0;
    core::iter::from_fn(move || {
        let start = at + bytes.get(at..)?.iter().position(in_word)?;
        let len = bytes
            .get(start..)?
            .iter()
            .position(|b| !in_word(b))
            .unwrap_or(bytes.len() - start);
        at = start + len;
        Some((start, at))
    })
}

fn is_key_id(word: &str) -> bool {
    word.len() == KEY_ID_LEN
        && word.starts_with("AKIA")
        && word
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && !word.contains("EXAMPLE")
}

fn is_secret(word: &str) -> bool {
    word.len() == SECRET_LEN
        && word.bytes().any(|b| b.is_ascii_uppercase())
        && word.bytes().any(|b| b.is_ascii_lowercase())
        && word.bytes().any(|b| b.is_ascii_digit())
        && !word.contains("EXAMPLE")
}

fn after_secret_word(text: &str, start: usize) -> bool {
    let from = start.saturating_sub(SECRET_WORD_REACH);
    let before = text.as_bytes().get(from..start).unwrap_or_default();
    before
        .windows(6)
        .any(|window| window.eq_ignore_ascii_case(b"secret"))
}

fn visit(json: &Json, pointer: &Pointer, f: &mut impl FnMut(&Pointer, &str)) {
    match &json.value {
        Value::String(text) => f(pointer, text),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                visit(item, &pointer.index(i), f);
            }
        }
        Value::Object(members) => {
            for member in members {
                f(pointer, &member.key);
                visit(&member.value, &pointer.key(&member.key), f);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

fn visit_mut(json: &mut Json, f: &mut impl FnMut(&mut String)) {
    match &mut json.value {
        Value::String(text) => f(text),
        Value::Array(items) => items.iter_mut().for_each(|item| visit_mut(item, f)),
        Value::Object(members) => {
            for member in members {
                f(&mut member.key);
                visit_mut(&mut member.value, f);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{DEFAULT_MAX_DEPTH, parse, to_compact_string};

    // Made up for these tests: shaped like real keys, belonging to no one.
    const KEY_ID: &str = "AKIAQ3EGRRXHV7DLLGTB";
    const SECRET: &str = "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";

    fn json(text: &str) -> Json {
        parse(text, DEFAULT_MAX_DEPTH).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn a_pasted_key_pair_is_found_where_it_is_and_redacted() {
        let csv = alloc::format!("Access key ID,Secret access key\n{KEY_ID},{SECRET}\n");
        let mut document = Json {
            value: Value::Object(alloc::vec![crate::json::Member {
                key: "tags".into(),
                key_span: crate::source::Span::new(0, 0),
                value: Json {
                    value: Value::Array(alloc::vec![Json {
                        value: Value::String(csv),
                        span: crate::source::Span::new(0, 0),
                    }]),
                    span: crate::source::Span::new(0, 0),
                },
            }]),
            span: crate::source::Span::new(0, 0),
        };
        assert_eq!(holders(&document), ["/tags/0"]);
        assert_eq!(redact(&mut document), 1);
        let text = to_compact_string(&document);
        assert!(!text.contains(SECRET) && !text.contains(KEY_ID), "{text}");
        assert!(text.contains("REDACTED,REDACTED"), "{text}");
        assert!(holders(&document).is_empty());
    }

    #[test]
    fn a_secret_after_its_name_is_found_without_a_key_id() {
        let text = alloc::format!(r#"{{"d": "aws_secret_access_key = {SECRET}"}}"#);
        assert_eq!(holders(&json(&text)), ["/d"]);
    }

    #[test]
    fn a_secret_inside_a_policy_document_is_found_at_the_document() {
        let policy = alloc::format!(
            r#"{{\"Statement\":{{\"Sid\":\"x\",\"Condition\":{{\"StringEquals\":{{\"k\":\"{KEY_ID} {SECRET}\"}}}}}}}}"#
        );
        let text = alloc::format!(r#"{{"world": {{"policy": "{policy}"}}}}"#);
        let mut document = json(&text);
        assert_eq!(holders(&document), ["/world/policy"]);
        redact(&mut document);
        let Some(Json {
            value: Value::String(redacted),
            ..
        }) = document.get_pointer("/world/policy")
        else {
            panic!("still a string");
        };
        assert!(
            parse(redacted, DEFAULT_MAX_DEPTH).is_ok(),
            "still JSON: {redacted}"
        );
    }

    #[test]
    fn share_links_leave_the_pair_out_and_keep_the_rest() {
        let text = alloc::format!(r#"{{"title": "mine", "note": "{KEY_ID}:{SECRET}"}}"#);
        let link = crate::scenario::share::encode(&text).unwrap_or_default();
        let back = crate::scenario::share::decode(&link).unwrap_or_default();
        assert_eq!(back, r#"{"title":"mine","note":"REDACTED:REDACTED"}"#);
        assert_eq!(holders_in(&text), ["/note"]);
    }

    #[cfg(feature = "lessons")]
    #[test]
    fn no_lesson_holds_credentials() {
        for lesson in crate::scenario::builtin::ALL {
            assert_eq!(
                holders_in(lesson.text),
                Vec::<String>::new(),
                "{}",
                lesson.id
            );
        }
    }

    #[test]
    fn world_key_ids_examples_digests_and_paths_are_not_credentials() {
        for text in [
            // The world's own key ids, alone.
            r#"{"accessKeyId": "AKIAAPPSERVER0000001"}"#,
            // AWS's documentation example pair.
            r#"{"d": "AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}"#,
            // A SHA-1 digest next to a key id.
            r#"{"d": "AKIAQ3EGRRXHV7DLLGTB 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"}"#,
            // A 40-character path of words next to a key id.
            r#"{"d": "AKIAQ3EGRRXHV7DLLGTB course/Videos/Lesson/Introduction/PartOn"}"#,
            // A secret-shaped word with neither a key id nor its name near it.
            r#"{"d": "h7Rk2mQpX9vLw4Tn8Zs1Yb6Fc3Jd0Ge5Ua/PqWo+"}"#,
        ] {
            assert!(holders(&json(text)).is_empty(), "{text}");
        }
    }
}
