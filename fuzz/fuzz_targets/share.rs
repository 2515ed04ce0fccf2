//! `share`: any text as a share link, and as a scenario to make a link of.
//!
//! What must hold:
//! - decoding any link gives JSON text within the size limit, or an error worded in every
//!   language; decoding it against the built-in lesson it names gives the same;
//! - a decoded text makes a link that decodes to it again;
//! - the link of any JSON text is URL-safe and decodes to that text in its compact form (both
//!   kinds of link: whole, and as the edits of a built-in lesson).

#![no_main]

use iamplay_core::explain::{Lang, share_error_message};
use iamplay_core::json::{self, DEFAULT_MAX_DEPTH};
use iamplay_core::scenario::builtin;
use iamplay_core::scenario::share::{self, MAX_TEXT_BYTES, ShareError};
use iamplay_fuzz::said;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    as_link(text);
    as_scenario(text);
});

fn as_link(link: &str) {
    let decoded = share::decode(link);
    match &decoded {
        Ok(text) => {
            assert!(text.len() <= MAX_TEXT_BYTES);
            let json = json::parse(text, DEFAULT_MAX_DEPTH);
            assert!(
                json.is_ok(),
                "a link decoded to text that is not JSON: {text}"
            );
            let again = share::encode(text).map(|link| share::decode(&link));
            assert_eq!(
                again,
                Ok(Ok(compact(text))),
                "the decoded text does not travel"
            );
        }
        Err(error) => worded(error),
    }
    if let Some(lesson) = share::based_on(link).and_then(builtin::find) {
        assert_eq!(
            share::decode_on(link, lesson.text),
            decoded,
            "decoding against the lesson `{}` differs",
            lesson.id
        );
    }
    if let Err(error) = share::decode_on(link, builtin::default_scenario().text) {
        worded(&error);
    }
}

fn as_scenario(text: &str) {
    match share::encode(text) {
        Ok(link) => {
            assert!(
                link.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)),
                "a link that is not URL-safe: {link}"
            );
            assert_eq!(
                share::decode(&link),
                Ok(compact(text)),
                "the link {link} does not give the text back"
            );
        }
        Err(error) => {
            worded(&error);
            assert!(
                text.len() > MAX_TEXT_BYTES || json::parse(text, DEFAULT_MAX_DEPTH).is_err(),
                "JSON text without a link: {error:?}"
            );
        }
    }
}

/// The compact form of JSON text.
fn compact(text: &str) -> String {
    json::parse(text, DEFAULT_MAX_DEPTH)
        .map(|json| json::to_compact_string(&json))
        .unwrap_or_default()
}

fn worded(error: &ShareError) {
    for lang in Lang::ALL {
        said(&share_error_message(error, lang), error);
    }
}
