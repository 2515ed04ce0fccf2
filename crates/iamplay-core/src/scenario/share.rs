//! Share links: a scenario as a compact, URL-safe string and back.
//!
//! A link is `1.` + base64url (no padding) of the zlib stream (deflate with an Adler-32
//! checksum) of the scenario's compact JSON; or, for a changed copy of a built-in scenario,
//! `1b.ID.HASH.` + the same encoding of the edits that turn the built-in one into it (HASH
//! tells whether the built-in scenario is still the one the link was made from). The encoder
//! picks the shorter. The version comes first so that later formats can be told apart;
//! decoding checks every layer and stops at the limits below, so a hostile string costs little
//! and never more memory than the limit.

use alloc::string::String;
use alloc::vec::Vec;

use miniz_oxide::deflate::compress_to_vec_zlib;
use miniz_oxide::inflate::decompress_to_vec_zlib_with_limit;
use serde::Serialize;

use crate::json::{self, SyntaxErrorKind, patch};

/// The version prefix of the links this engine makes.
pub const PREFIX: &str = "1.";
/// The prefix of links made against a built-in scenario.
pub const BASED_PREFIX: &str = "1b.";
pub use crate::limits::{MAX_LINK_CHARS, MAX_LINK_TEXT_BYTES as MAX_TEXT_BYTES};

/// Why a link could not be made or read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "camelCase")]
pub enum ShareError {
    /// The link is empty.
    Empty,
    /// The link does not start with a version this engine reads.
    UnknownVersion {
        /// What it starts with.
        found: String,
    },
    /// The link is longer than [`MAX_LINK_CHARS`].
    TooLong {
        /// Its length.
        length: usize,
        /// The limit.
        limit: usize,
    },
    /// A character that base64url does not have, at this character position.
    NotBase64 {
        /// The position (from 0, after the prefix).
        position: usize,
    },
    /// The data is damaged (cut short, altered, or its checksum does not match).
    Corrupt,
    /// The data expands to more than [`MAX_TEXT_BYTES`].
    TooLarge {
        /// The limit.
        limit: usize,
    },
    /// The data is not UTF-8 text.
    NotText,
    /// The text is not JSON.
    NotJson {
        /// What is wrong.
        error: SyntaxErrorKind,
    },
    /// The link is made against a built-in scenario this version of iamplay does not have.
    UnknownBase {
        /// Its id.
        id: String,
    },
    /// The built-in scenario the link was made against has changed since.
    BaseChanged {
        /// Its id.
        id: String,
    },
    /// The edits of the link do not fit the built-in scenario.
    EditsDoNotApply,
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The link for scenario `text` (any JSON; its compact form is what is kept), with any real
/// long-term credentials pasted into it left out
/// ([`credentials::redact`](super::credentials::redact)).
///
/// # Errors
/// [`ShareError::NotJson`] when `text` is not JSON, [`ShareError::TooLarge`] when it is
/// larger than a link may expand to.
pub fn encode(text: &str) -> Result<String, ShareError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(ShareError::TooLarge {
            limit: MAX_TEXT_BYTES,
        });
    }
    let mut document = json::parse(text, json::DEFAULT_MAX_DEPTH)
        .map_err(|error| ShareError::NotJson { error: error.kind })?;
    super::credentials::redact(&mut document);
    let mut best = alloc::format!("{PREFIX}{}", pack(&json::to_compact_string(&document)));
    for builtin in super::builtin::ALL {
        let Ok(base) = json::parse(builtin.text, json::DEFAULT_MAX_DEPTH) else {
            continue;
        };
        let edits = patch::to_json(&patch::diff(&base, &document));
        let link = alloc::format!(
            "{BASED_PREFIX}{}.{}.{}",
            builtin.id,
            base_hash(builtin.text),
            pack(&json::to_compact_string(&edits))
        );
        if link.len() < best.len() {
            best = link;
        }
    }
    Ok(best)
}

/// `text`, compressed and in base64url.
fn pack(text: &str) -> String {
    to_base64url(&compress_to_vec_zlib(text.as_bytes(), 10))
}

/// What tells one version of a built-in scenario from another.
fn base_hash(text: &str) -> String {
    crate::sts::names::id_chars(&[text], 6).to_ascii_lowercase()
}

/// The scenario text (compact JSON) of a link.
///
/// # Errors
/// Which layer of the link is wrong, as a [`ShareError`].
pub fn decode(link: &str) -> Result<String, ShareError> {
    decode_with(link, None)
}

/// [`decode`], with `base` as the text of the built-in scenario a based link names (else the
/// built-in text, when this build has it).
fn decode_with(link: &str, base: Option<&str>) -> Result<String, ShareError> {
    let link = link.trim();
    if link.is_empty() {
        return Err(ShareError::Empty);
    }
    let length = link.chars().count();
    if length > MAX_LINK_CHARS {
        return Err(ShareError::TooLong {
            length,
            limit: MAX_LINK_CHARS,
        });
    }
    if let Some(rest) = link.strip_prefix(BASED_PREFIX) {
        let id = rest.split('.').next().unwrap_or_default();
        let base = match base {
            Some(base) => base,
            None => {
                super::builtin::find(id)
                    .ok_or_else(|| ShareError::UnknownBase { id: id.into() })?
                    .text
            }
        };
        return decode_based(rest, base);
    }
    let Some(body) = link.strip_prefix(PREFIX) else {
        let found: String = link.chars().take_while(|c| *c != '.').take(8).collect();
        return Err(ShareError::UnknownVersion { found });
    };
    let text = unpack(body)?;
    json::parse(&text, json::DEFAULT_MAX_DEPTH)
        .map_err(|error| ShareError::NotJson { error: error.kind })?;
    Ok(text)
}

/// The built-in scenario a link carries the edits of (`per-user-folders` for
/// `1b.per-user-folders.…`), if it is such a link: a build without the lessons' text fetches
/// that lesson and decodes the link with [`decode_on`].
#[must_use]
pub fn based_on(link: &str) -> Option<&str> {
    let id = link.trim().strip_prefix(BASED_PREFIX)?.split('.').next()?;
    (!id.is_empty()).then_some(id)
}

/// [`decode`] for a link that carries the edits of a built-in scenario ([`based_on`]), with
/// that scenario's text as `base`.
///
/// # Errors
/// As [`decode`]; [`ShareError::BaseChanged`] when `base` is not the version of the lesson
/// the link was made from.
pub fn decode_on(link: &str, base: &str) -> Result<String, ShareError> {
    decode_with(link, Some(base))
}

/// `ID.HASH.PAYLOAD`: the built-in scenario `ID`, whose text is `base`, with the payload's
/// edits.
fn decode_based(rest: &str, base: &str) -> Result<String, ShareError> {
    let mut parts = rest.splitn(3, '.');
    let (id, hash, body) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    if base_hash(base) != hash {
        return Err(ShareError::BaseChanged { id: id.into() });
    }
    let edits_text = unpack(body)?;
    let edits = json::parse(&edits_text, json::DEFAULT_MAX_DEPTH)
        .map_err(|error| ShareError::NotJson { error: error.kind })?;
    let edits = patch::from_json(&edits).ok_or(ShareError::EditsDoNotApply)?;
    let base = json::parse(base, json::DEFAULT_MAX_DEPTH)
        .map_err(|error| ShareError::NotJson { error: error.kind })?;
    let document = patch::apply(base, &edits).ok_or(ShareError::EditsDoNotApply)?;
    let text = json::to_compact_string(&document);
    if text.len() > MAX_TEXT_BYTES {
        return Err(ShareError::TooLarge {
            limit: MAX_TEXT_BYTES,
        });
    }
    Ok(text)
}

/// The text of a base64url payload of zlib data.
fn unpack(body: &str) -> Result<String, ShareError> {
    let packed = base64url(body)?;
    let bytes = decompress_to_vec_zlib_with_limit(&packed, MAX_TEXT_BYTES).map_err(|error| {
        if matches!(
            error.status,
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput
        ) {
            ShareError::TooLarge {
                limit: MAX_TEXT_BYTES,
            }
        } else {
            ShareError::Corrupt
        }
    })?;
    String::from_utf8(bytes).map_err(|_| ShareError::NotText)
}

fn to_base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let mut bits = 0u32;
        for (i, byte) in chunk.iter().enumerate() {
            bits |= u32::from(*byte) << (16 - 8 * i);
        }
        for i in 0..=chunk.len() {
            let index = usize::try_from((bits >> (18 - 6 * i)) & 63).unwrap_or(0);
            out.push(char::from(ALPHABET.get(index).copied().unwrap_or(b'A')));
        }
    }
    out
}

fn base64url(body: &str) -> Result<Vec<u8>, ShareError> {
    let mut out = Vec::with_capacity(body.len() / 4 * 3 + 2);
    let mut bits = 0u32;
    let mut count = 0u32;
    for (position, ch) in body.chars().enumerate() {
        let value = match ch {
            'A'..='Z' => u32::from(ch) - u32::from('A'),
            'a'..='z' => u32::from(ch) - u32::from('a') + 26,
            '0'..='9' => u32::from(ch) - u32::from('0') + 52,
            '-' => 62,
            '_' => 63,
            _ => return Err(ShareError::NotBase64 { position }),
        };
        bits = (bits << 6) | value;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push(u8::try_from((bits >> count) & 0xff).unwrap_or(0));
        }
    }
    // A lone trailing character cannot hold a whole byte.
    if count >= 6 {
        return Err(ShareError::Corrupt);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_round_trip_and_are_url_safe() {
        let text = r#"{"version": 1, "title": {"en": "智慧学", "zh-CN": "智慧学"},
                       "world": {"accounts": []}, "steps": []}"#;
        let link = encode(text).unwrap_or_default();
        assert!(link.starts_with("1."));
        assert!(
            link.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        );
        let back = decode(&link).unwrap_or_default();
        assert_eq!(
            back,
            r#"{"version":1,"title":{"en":"智慧学","zh-CN":"智慧学"},"world":{"accounts":[]},"steps":[]}"#
        );
        assert_eq!(encode(&back), Ok(link));
    }

    #[test]
    fn damaged_links_are_refused_with_the_reason() {
        let link = encode(r#"{"version": 1, "steps": [1, 2, 3]}"#).unwrap_or_default();
        assert_eq!(decode(""), Err(ShareError::Empty));
        assert_eq!(
            decode("2.abc"),
            Err(ShareError::UnknownVersion { found: "2".into() })
        );
        assert_eq!(decode("1.ab$c"), Err(ShareError::NotBase64 { position: 2 }));
        let cut = &link[..link.len() - 4];
        assert_eq!(decode(cut), Err(ShareError::Corrupt));
        // One character changed: the checksum (or the stream) no longer holds.
        let mut changed: Vec<char> = link.chars().collect();
        let middle = changed.len() / 2;
        changed[middle] = if changed[middle] == 'A' { 'B' } else { 'A' };
        let changed: String = changed.into_iter().collect();
        assert_eq!(decode(&changed), Err(ShareError::Corrupt));
        assert_eq!(
            decode(&"A".repeat(MAX_LINK_CHARS + 1)),
            Err(ShareError::TooLong {
                length: MAX_LINK_CHARS + 1,
                limit: MAX_LINK_CHARS,
            })
        );
    }

    #[test]
    fn a_changed_builtin_scenario_travels_as_its_edits() {
        let builtin = super::super::builtin::default_scenario();
        let changed = builtin.text.replace("video-streaming", "video-streaming-2");
        let link = encode(&changed).unwrap_or_default();
        assert!(link.starts_with("1b.course-platform."), "{link}");
        assert!(link.len() < 200, "{} characters", link.len());
        let back = decode(&link).unwrap_or_default();
        let expected = json::parse(&changed, json::DEFAULT_MAX_DEPTH)
            .map(|j| json::to_compact_string(&j))
            .unwrap_or_default();
        assert_eq!(back, expected);
        // A build without the lessons' text decodes it with the lesson it fetched.
        assert_eq!(based_on(&link), Some("course-platform"));
        assert_eq!(decode_on(&link, builtin.text), Ok(back.clone()));
        assert_eq!(
            decode_on(&link, "{}"),
            Err(ShareError::BaseChanged {
                id: "course-platform".into()
            })
        );
        let unchanged = encode(builtin.text).unwrap_or_default();
        assert!(unchanged.len() < 60, "{unchanged}");
        let plain = encode("{\"steps\": []}").unwrap_or_default();
        assert_eq!(based_on(&plain), None);
        assert_eq!(decode_on(&plain, builtin.text), decode(&plain));
        let mut parts: Vec<&str> = link.splitn(4, '.').collect();
        parts[2] = "zzzzzz";
        assert_eq!(
            decode(&parts.join(".")),
            Err(ShareError::BaseChanged {
                id: "course-platform".into()
            })
        );
        assert_eq!(
            decode("1b.no-such-lesson.abcdef.eJwDAAAAAAE"),
            Err(ShareError::UnknownBase {
                id: "no-such-lesson".into()
            })
        );
    }

    #[test]
    fn a_link_that_expands_too_far_is_stopped_at_the_limit() {
        // Two megabytes of spaces inside a string compress to a few kilobytes.
        let huge = alloc::format!("\"{}\"", " ".repeat(2 << 20));
        let packed = compress_to_vec_zlib(huge.as_bytes(), 10);
        let link = alloc::format!("{PREFIX}{}", to_base64url(&packed));
        assert!(link.len() < MAX_LINK_CHARS);
        assert_eq!(
            decode(&link),
            Err(ShareError::TooLarge {
                limit: MAX_TEXT_BYTES
            })
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod hostile {
        use proptest::prelude::*;

        use super::super::{decode, encode};

        proptest! {
            #[test]
            fn any_string_decodes_to_a_value_or_an_error(link in "(1b?\\.)?[A-Za-z0-9_\\-\\.]{0,300}") {
                let _ = decode(&link);
            }

        }

        proptest! {
            // Each case encodes against every lesson: fewer cases keep it to a second or two.
            #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

            #[test]
            fn every_generated_scenario_survives_its_link(
                role in crate::eval::properties::statements(),
                tags in proptest::collection::vec(("[a-z]{1,8}", "\\PC{0,16}"), 0..4),
                title in "\\PC{0,40}",
                lesson in proptest::sample::select(crate::scenario::builtin::IDS.to_vec()),
                edit_a_lesson in any::<bool>(),
            ) {
                let tags: alloc::vec::Vec<serde_json::Value> = tags
                    .iter()
                    .map(|(key, value)| serde_json::json!({"Key": key, "Value": value}))
                    .collect();
                let step = serde_json::json!({"as": {"accessKeyId": "AKIAALICE00000000001"}, "call": {"AssumeRole": {
                    "RoleArn": "arn:aws:iam::111122223333:role/R", "RoleSessionName": "s", "Tags": tags
                }}});
                let policy = crate::eval::properties::policy_text(&role);
                let base = crate::scenario::builtin::find(lesson).map(|b| b.text);
                let mut scenario: serde_json::Value = match base {
                    Some(text) if edit_a_lesson => serde_json::from_str(text).unwrap_or_default(),
                    _ => serde_json::json!({"version": 1, "title": {}, "world": {"accounts": [{
                        "id": "111122223333", "roles": [{"name": "R", "trustPolicy": "{}"}]
                    }]}, "steps": []}),
                };
                scenario["title"]["en"] = serde_json::Value::String(title);
                if let Some(steps) = scenario["steps"].as_array_mut() {
                    steps.push(step);
                }
                if let Some(role) = scenario.pointer_mut("/world/accounts/0/roles/0") {
                    role["inlinePolicies"] = serde_json::json!([{"name": "P", "document": policy}]);
                }
                let text = serde_json::to_string(&scenario).unwrap_or_default();
                let link = encode(&text).unwrap_or_default();
                let back = decode(&link).unwrap_or_default();
                let compact = crate::json::parse(&text, crate::json::DEFAULT_MAX_DEPTH)
                    .map(|json| crate::json::to_compact_string(&json))
                    .unwrap_or_default();
                prop_assert_eq!(&back, &compact);
                prop_assert_eq!(crate::scenario::read(&back).scenario, crate::scenario::read(&text).scenario);
            }

            #[test]
            fn a_flipped_character_never_passes_for_another_scenario(position in 3usize..60, ch in "[A-Za-z0-9_-]") {
                let text = r#"{"version": 1, "title": {"en": "flip"}, "world": {}, "steps": [{"wait": 60}]}"#;
                let link = encode(text).unwrap_or_default();
                let mut chars: alloc::vec::Vec<char> = link.chars().collect();
                prop_assume!(position < chars.len());
                let new = ch.chars().next().unwrap_or('A');
                prop_assume!(chars[position] != new);
                chars[position] = new;
                let changed: alloc::string::String = chars.into_iter().collect();
                // Either refused, or (a flip in the last character's unused bits) the same text.
                if let Ok(back) = decode(&changed) {
                    prop_assert_eq!(back, decode(&link).unwrap_or_default());
                }
            }
        }
    }
}
