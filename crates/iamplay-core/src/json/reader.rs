//! The reader: one pass over the bytes, recursive descent bounded by a depth limit.

use alloc::string::String;
use alloc::vec::Vec;

use super::{Expected, Json, Member, SyntaxError, SyntaxErrorKind, Value};
use crate::source::Span;

pub(super) struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: u32,
    max_depth: u32,
}

impl<'a> Reader<'a> {
    pub(super) fn new(text: &'a str, max_depth: u32) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
            max_depth,
        }
    }

    /// Reads the whole text as one value.
    pub(super) fn document(mut self) -> Result<Json, SyntaxError> {
        self.skip_white_space();
        if self.peek().is_none() {
            return Err(SyntaxError {
                kind: SyntaxErrorKind::Empty,
                span: Span::new(0, self.text.len()),
            });
        }
        let value = self.value()?;
        self.skip_white_space();
        if self.peek().is_some() {
            return Err(self.error_here(SyntaxErrorKind::TrailingContent, self.text.len()));
        }
        Ok(value)
    }

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
        // The whole character after the backslash, so that an invalid escape's span ends on a
        // character boundary even when that character is not ASCII.
        let Some(letter) = self
            .text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
        else {
            return Err(self.unexpected(Expected::EndOfString));
        };
        self.pos += letter.len_utf8();
        let simple = match letter {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => return self.unicode_escape(start),
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
