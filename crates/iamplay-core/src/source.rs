//! Places in the text a user typed: byte spans, line/column positions and JSON pointers.
//!
//! Every element the core reads from a user's text keeps its [`Span`]; every finding about it
//! carries a [`Location`] that a web editor can underline and a person can read
//! (`line 4, column 13`, `/Statement/0/Condition`).

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

/// A range of bytes in the source text, `start..end`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Span {
    /// Offset of the first byte.
    pub start: u32,
    /// Offset one past the last byte.
    pub end: u32,
}

impl Span {
    /// The span `start..end` of byte offsets (saturating at `u32::MAX`).
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
        }
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn to(self, other: Self) -> Self {
        Self {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// A line and column, both counted from 1; the column counts characters (Unicode scalar
/// values), not bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Position {
    /// Line, from 1.
    pub line: u32,
    /// Column, from 1, in characters.
    pub column: u32,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Where something is in the source: its JSON pointer (RFC 6901), its byte span, and the
/// line/column of the span's start and end.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Location {
    /// The JSON pointer of the element, e.g. `/Statement/0/Effect`.
    pub pointer: String,
    /// The bytes it covers.
    pub span: Span,
    /// Where it starts.
    pub start: Position,
    /// Where it ends (one past its last character).
    pub end: Position,
}

/// Finds line/column positions of byte offsets in one text; build it once per text.
///
/// Looking up a position takes O(log lines + 4 KiB) whatever the text: columns are counted
/// from character-count checkpoints every 4 KiB, so even a 10 MB policy on one line answers
/// quickly.
#[derive(Clone, Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// Built on first use: most texts are read without a single finding to locate.
    index: core::cell::OnceCell<Index>,
}

#[derive(Clone, Debug)]
struct Index {
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
    /// `chars[i]`: the number of characters in the first `i * CHECKPOINT` bytes.
    chars: Vec<usize>,
}

/// Bytes between character-count checkpoints.
const CHECKPOINT: usize = 4096;

/// Whether a byte starts a character (is not a UTF-8 continuation byte).
fn starts_char(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}

impl<'a> LineIndex<'a> {
    /// An index of the line starts of `text` (a line ends at `\n`; `\r\n` counts as one
    /// break), built when first asked for a position.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            index: core::cell::OnceCell::new(),
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::new(self.text))
    }
}

impl Index {
    fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 32 + 1);
        line_starts.push(0);
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, byte)| byte == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut chars = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let mut count = 0;
        for block in text.as_bytes().chunks(CHECKPOINT) {
            chars.push(count);
            count += block.iter().filter(|&&b| starts_char(b)).count();
        }
        chars.push(count);
        Self { line_starts, chars }
    }
}

impl LineIndex<'_> {
    /// The number of characters in the first `offset` bytes (`offset` on a character
    /// boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let block = offset / CHECKPOINT;
        let base = self.index().chars.get(block).copied().unwrap_or(0);
        let rest = self
            .text
            .as_bytes()
            .get(block * CHECKPOINT..offset)
            .map_or(0, |bytes| bytes.iter().filter(|&&b| starts_char(b)).count());
        base + rest
    }

    /// The position of byte `offset` (clamped to the text's end and to a character boundary).
    #[must_use]
    pub fn position(&self, offset: u32) -> Position {
        let mut offset = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while offset > 0 && !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_starts = &self.index().line_starts;
        let line = line_starts.partition_point(|&start| start <= offset);
        let line_start = line
            .checked_sub(1)
            .and_then(|i| line_starts.get(i))
            .copied()
            .unwrap_or(0);
        let column = self.chars_before(offset) - self.chars_before(line_start);
        Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
        }
    }

    /// The full location of `span`, with the given JSON pointer.
    #[must_use]
    pub fn locate(&self, pointer: String, span: Span) -> Location {
        Location {
            pointer,
            span,
            start: self.position(span.start),
            end: self.position(span.end),
        }
    }
}

/// Builds JSON pointers (RFC 6901): `/Statement/0/Condition/StringEquals/aws:PrincipalTag~1dept`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pointer(String);

impl Pointer {
    /// The pointer to the whole document (the empty string).
    #[must_use]
    pub fn root() -> Self {
        Self(String::new())
    }

    /// This pointer followed by an object key, escaped (`~` as `~0`, `/` as `~1`).
    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        let mut out = String::with_capacity(self.0.len() + key.len() + 1);
        out.push_str(&self.0);
        out.push('/');
        for ch in key.chars() {
            match ch {
                '~' => out.push_str("~0"),
                '/' => out.push_str("~1"),
                ch => out.push(ch),
            }
        }
        Self(out)
    }

    /// This pointer followed by an array index.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        let mut out = self.0.clone();
        out.push('/');
        out.push_str(&alloc::format!("{index}"));
        Self(out)
    }

    /// The pointer as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<Pointer> for String {
    fn from(pointer: Pointer) -> Self {
        pointer.0
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_from_one_and_columns_in_characters() {
        let text = "{\n  \"Sid\": \"智慧学\",\r\n  \"x\": 1\n}";
        let index = LineIndex::new(text);
        assert_eq!(index.position(0), Position { line: 1, column: 1 });
        assert_eq!(index.position(2), Position { line: 2, column: 1 });
        let after_cjk = text.find("\",\r").unwrap();
        assert_eq!(
            index.position(u32::try_from(after_cjk).unwrap()),
            Position {
                line: 2,
                column: 14
            }
        );
        let x = text.find("\"x\"").unwrap();
        assert_eq!(
            index.position(u32::try_from(x).unwrap()),
            Position { line: 3, column: 3 }
        );
        assert_eq!(index.position(u32::MAX), Position { line: 4, column: 2 });
    }

    #[test]
    fn columns_on_a_long_line_count_characters_across_checkpoints() {
        let text = "é".repeat(5000) + "x" + &"a".repeat(10_000);
        let index = LineIndex::new(&text);
        let x = u32::try_from(text.find('x').unwrap()).unwrap();
        assert_eq!(
            index.position(x),
            Position {
                line: 1,
                column: 5001
            }
        );
        let end = u32::try_from(text.len()).unwrap();
        assert_eq!(
            index.position(end),
            Position {
                line: 1,
                column: 15_002
            }
        );
    }

    #[test]
    fn a_position_inside_a_character_snaps_to_its_start() {
        let index = LineIndex::new("a智b");
        assert_eq!(index.position(2), Position { line: 1, column: 2 });
        assert_eq!(index.position(4), Position { line: 1, column: 3 });
    }

    #[test]
    fn pointers_escape_tilde_and_slash() {
        let pointer = Pointer::root()
            .key("Statement")
            .index(0)
            .key("Condition")
            .key("StringEquals")
            .key("aws:PrincipalTag/dept~x");
        assert_eq!(
            pointer.as_str(),
            "/Statement/0/Condition/StringEquals/aws:PrincipalTag~1dept~0x"
        );
        assert_eq!(Pointer::root().as_str(), "");
    }
}
