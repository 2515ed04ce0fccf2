//! A JSON reader that keeps where everything came from.
//!
//! Policies and scenario documents are JSON typed by people, and every finding about them must
//! point at the exact place (JSON pointer and line/column). This reader keeps the span of every
//! value and every object key, keeps duplicate keys (IAM rejects them; a plain JSON parser would
//! silently keep the last), and turns any input into a value or a located error: invalid UTF-8,
//! lone surrogate escapes, control characters, nesting deeper than a limit, huge numbers (kept as
//! text) and trailing content are all errors, never panics, and the work is linear in the input.
//! No well-kept `no_std` crate keeps spans and duplicate keys, hence this one.

use alloc::string::String;
use alloc::vec::Vec;

use crate::source::Span;

mod de;
pub mod patch;
mod reader;
mod write;

pub use de::{DOCUMENT_FIELDS, DeError, DeErrorKind, from_json};
pub use write::{to_compact_string, to_pretty_string, write_string};

/// A JSON value with the span of its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Json {
    /// What it is.
    pub value: Value,
    /// Where it is.
    pub span: Span,
}

/// A JSON value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (IAM compares condition values as text; nothing is lost).
    Number(String),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object's members in the order written, duplicates included.
    Object(Vec<Member>),
}

/// One `"key": value` of an object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// The key, unescaped.
    pub key: String,
    /// The span of the key, quotes included.
    pub key_span: Span,
    /// The value.
    pub value: Json,
}

impl Json {
    /// The value at JSON pointer `pointer` (RFC 6901: `/steps/0/call`, `~1` for `/`, `~0` for
    /// `~`); the first member of a duplicated key.
    #[must_use]
    pub fn get_pointer(&self, pointer: &str) -> Option<&Self> {
        if pointer.is_empty() {
            return Some(self);
        }
        let mut current = self;
        for token in pointer.strip_prefix('/')?.split('/') {
            let key = token.replace("~1", "/").replace("~0", "~");
            current = match &current.value {
                Value::Object(members) => &members.iter().find(|m| m.key == key)?.value,
                Value::Array(items) => items.get(key.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(current)
    }
}

impl Value {
    /// The JSON type's name, for messages: `string`, `number`, `boolean`, `null`, `array`,
    /// `object`.
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Bool(_) => "boolean",
            Self::Number(_) => "number",
            Self::String(_) => "string",
            Self::Array(_) => "array",
            Self::Object(_) => "object",
        }
    }
}

/// Why a text is not JSON, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// What is wrong.
    pub kind: SyntaxErrorKind,
    /// Where (an empty span at the offending place for a missing token).
    pub span: Span,
}

/// The kinds of JSON syntax errors.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub enum SyntaxErrorKind {
    /// The text is empty or only white space.
    Empty,
    /// The bytes are not UTF-8.
    InvalidUtf8,
    /// The text ended where `expected` was needed.
    UnexpectedEnd {
        /// What was needed.
        expected: Expected,
    },
    /// A character that cannot stand here.
    UnexpectedCharacter {
        /// The character found.
        found: char,
        /// What was needed.
        expected: Expected,
    },
    /// A `\` escape that JSON does not have.
    InvalidEscape,
    /// A `\uD800`–`\uDFFF` escape that is not half of a surrogate pair.
    LoneSurrogate,
    /// A raw control character (below U+0020) inside a string.
    ControlCharacter,
    /// A malformed number (`01`, `1.`, `-`, `1e`).
    InvalidNumber,
    /// Arrays and objects nested deeper than the limit.
    TooDeep {
        /// The limit.
        limit: u32,
    },
    /// More than one value at the top level.
    TrailingContent,
}

/// What the reader needed where it found something else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Expected {
    /// Any JSON value.
    Value,
    /// A string key or `}`.
    KeyOrEnd,
    /// A string key.
    Key,
    /// `:` after a key.
    Colon,
    /// `,` or `]`.
    CommaOrEndOfArray,
    /// `,` or `}`.
    CommaOrEndOfObject,
    /// The closing `"` of a string.
    EndOfString,
    /// Four hexadecimal digits after `\u`.
    HexDigits,
}

/// The default nesting limit: [`MAX_JSON_DEPTH`](crate::limits::MAX_JSON_DEPTH).
pub const DEFAULT_MAX_DEPTH: u32 = crate::limits::MAX_JSON_DEPTH;

/// Reads one JSON value from `bytes`, checking that they are UTF-8.
///
/// # Errors
/// A [`SyntaxError`] for anything that is not exactly one JSON value.
pub fn parse_bytes(bytes: &[u8], max_depth: u32) -> Result<Json, SyntaxError> {
    match core::str::from_utf8(bytes) {
        Ok(text) => parse(text, max_depth),
        Err(err) => {
            let at = err.valid_up_to();
            Err(SyntaxError {
                kind: SyntaxErrorKind::InvalidUtf8,
                span: Span::new(at, at + err.error_len().unwrap_or(1)),
            })
        }
    }
}

/// Reads one JSON value from `text`, with arrays and objects nested at most `max_depth` deep.
///
/// # Errors
/// A [`SyntaxError`] for anything that is not exactly one JSON value.
pub fn parse(text: &str, max_depth: u32) -> Result<Json, SyntaxError> {
    reader::Reader::new(text, max_depth).document()
}

#[cfg(test)]
mod tests;
