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
#[derive(Clone, Debug, PartialEq, Eq)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

/// The default nesting limit: deeper than any policy or scenario needs, shallow enough for any
/// stack.
pub const DEFAULT_MAX_DEPTH: u32 = 64;

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
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
        max_depth,
    };
    reader.skip_white_space();
    if reader.peek().is_none() {
        return Err(SyntaxError {
            kind: SyntaxErrorKind::Empty,
            span: Span::new(0, text.len()),
        });
    }
    let value = reader.value()?;
    reader.skip_white_space();
    if reader.peek().is_some() {
        return Err(reader.error_here(SyntaxErrorKind::TrailingContent, text.len()));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: u32,
    max_depth: u32,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_white_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// An error from here to `end`.
    fn error_here(&self, kind: SyntaxErrorKind, end: usize) -> SyntaxError {
        SyntaxError {
            kind,
            span: Span::new(self.pos, end),
        }
    }

    /// The error for what is at the current position when `expected` was needed.
    fn unexpected(&self, expected: Expected) -> SyntaxError {
        match self
            .text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
        {
            Some(found) => SyntaxError {
                kind: SyntaxErrorKind::UnexpectedCharacter { found, expected },
                span: Span::new(self.pos, self.pos + found.len_utf8()),
            },
            None => self.error_here(SyntaxErrorKind::UnexpectedEnd { expected }, self.pos),
        }
    }

    fn value(&mut self) -> Result<Json, SyntaxError> {
        let start = self.pos;
        let value = match self.peek() {
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.word("true", Value::Bool(true))?,
            Some(b'f') => self.word("false", Value::Bool(false))?,
            Some(b'n') => self.word("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            _ => return Err(self.unexpected(Expected::Value)),
        };
        Ok(Json {
            value,
            span: Span::new(start, self.pos),
        })
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        if self
            .text
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(word))
        {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.unexpected(Expected::Value))
        }
    }

    fn enter(&mut self) -> Result<(), SyntaxError> {
        if self.depth >= self.max_depth {
            return Err(self.error_here(
                SyntaxErrorKind::TooDeep {
                    limit: self.max_depth,
                },
                self.pos + 1,
            ));
        }
        self.depth += 1;
        Ok(())
    }

    fn array(&mut self) -> Result<Value, SyntaxError> {
        self.enter()?;
        self.pos += 1; // [
        let mut items = Vec::new();
        self.skip_white_space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_white_space();
            items.push(self.value()?);
            self.skip_white_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    break;
                }
                _ => return Err(self.unexpected(Expected::CommaOrEndOfArray)),
            }
        }
        self.depth -= 1;
        Ok(Value::Array(items))
    }

    fn object(&mut self) -> Result<Value, SyntaxError> {
        self.enter()?;
        self.pos += 1; // {
        let mut members = Vec::new();
        self.skip_white_space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_white_space();
            if self.peek() != Some(b'"') {
                let expected = if members.is_empty() {
                    Expected::KeyOrEnd
                } else {
                    Expected::Key
                };
                return Err(self.unexpected(expected));
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_span = Span::new(key_start, self.pos);
            self.skip_white_space();
            if self.peek() != Some(b':') {
                return Err(self.unexpected(Expected::Colon));
            }
            self.pos += 1;
            self.skip_white_space();
            let value = self.value()?;
            members.push(Member {
                key,
                key_span,
                value,
            });
            self.skip_white_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                _ => return Err(self.unexpected(Expected::CommaOrEndOfObject)),
            }
        }
        self.depth -= 1;
        Ok(Value::Object(members))
    }

    /// Reads a string starting at its opening quote; returns it unescaped.
    fn string(&mut self) -> Result<String, SyntaxError> {
        let open = self.pos;
        self.pos += 1; // "
        let mut out = String::new();
        let mut run_start = self.pos;
        loop {
            match self.peek() {
                None => {
                    return Err(SyntaxError {
                        kind: SyntaxErrorKind::UnexpectedEnd {
                            expected: Expected::EndOfString,
                        },
                        span: Span::new(open, self.pos),
                    });
                }
                Some(b'"') => {
                    out.push_str(self.text.get(run_start..self.pos).unwrap_or_default());
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(self.text.get(run_start..self.pos).unwrap_or_default());
                    out.push(self.escape()?);
                    run_start = self.pos;
                }
                Some(byte) if byte < 0x20 => {
                    return Err(self.error_here(SyntaxErrorKind::ControlCharacter, self.pos + 1));
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    /// Reads one escape starting at its backslash.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let start = self.pos;
        self.pos += 1; // backslash
        let Some(letter) = self.peek() else {
            return Err(self.unexpected(Expected::EndOfString));
        };
        self.pos += 1;
        let simple = match letter {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(start),
            _ => {
                return Err(SyntaxError {
                    kind: SyntaxErrorKind::InvalidEscape,
                    span: Span::new(start, self.pos),
                });
            }
        };
        Ok(simple)
    }

    /// Reads the digits of `\uXXXX` (and a following low surrogate escape where needed).
    fn unicode_escape(&mut self, start: usize) -> Result<char, SyntaxError> {
        let high = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&high) {
            let lone = SyntaxError {
                kind: SyntaxErrorKind::LoneSurrogate,
                span: Span::new(start, self.pos),
            };
            if self
                .text
                .get(self.pos..)
                .is_some_and(|rest| rest.starts_with("\\u"))
            {
                self.pos += 2;
                let low = self.hex4()?;
                if !(0xDC00..0xE000).contains(&low) {
                    return Err(SyntaxError {
                        span: Span::new(start, self.pos),
                        ..lone
                    });
                }
                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            } else {
                return Err(lone);
            }
        } else if (0xDC00..0xE000).contains(&high) {
            return Err(SyntaxError {
                kind: SyntaxErrorKind::LoneSurrogate,
                span: Span::new(start, self.pos),
            });
        } else {
            high
        };
        char::from_u32(code).ok_or(SyntaxError {
            kind: SyntaxErrorKind::LoneSurrogate,
            span: Span::new(start, self.pos),
        })
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|byte| char::from(byte).to_digit(16))
                .ok_or_else(|| self.unexpected(Expected::HexDigits))?;
            code = code * 16 + digit;
            self.pos += 1;
        }
        Ok(code)
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.pos;
        let invalid = |end: usize| SyntaxError {
            kind: SyntaxErrorKind::InvalidNumber,
            span: Span::new(start, end),
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(invalid(self.pos + 1));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(invalid(self.pos)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(invalid(self.pos));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(invalid(self.pos));
            }
            self.digits();
        }
        Ok(Value::Number(
            self.text.get(start..self.pos).unwrap_or_default().into(),
        ))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }
}

#[cfg(test)]
mod tests;
