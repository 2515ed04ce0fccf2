//! IAM's wildcard matching: `*` matches any run of characters (`/` and `:` included), `?`
//! exactly one character
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html>).
//!
//! A [`Glob`] is compiled once: its pieces between `*`s are found in the text left to right,
//! each at its first place, which is correct for globs (a `*` can absorb anything a later piece
//! does not need) and takes at most O(text × pattern) steps: no exponential backtracking,
//! whatever `*a*a*a*...` comes in. Characters can be pushed as literals, so that a substituted
//! policy variable or `${*}` never acts as a wildcard. Case-insensitive matching (actions) is the
//! caller's: compile and compare lower-cased text.

use alloc::vec::Vec;

/// One element of a pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    /// This character.
    Char(char),
    /// `?`: any one character.
    One,
    /// The value of slot `n`, as literal characters (see [`Glob::matches_with`]).
    Slot(u8),
}

/// A compiled wildcard pattern.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Glob {
    /// The pieces between `*`s (the first before any `*`, the last after the last one).
    pieces: Vec<Vec<Token>>,
    /// Whether every literal character is ASCII.
    ascii: bool,
}

impl Glob {
    /// An empty pattern (matches only the empty text until something is pushed).
    #[must_use]
    pub fn new() -> Self {
        Self {
            pieces: alloc::vec![Vec::new()],
            ascii: true,
        }
    }

    /// Compiles `pattern`, where `*` and `?` are wildcards.
    #[must_use]
    pub fn parse(pattern: &str) -> Self {
        let mut glob = Self::new();
        glob.push_pattern(pattern);
        glob
    }

    /// Appends `text` with `*` and `?` as wildcards.
    pub fn push_pattern(&mut self, text: &str) {
        for ch in text.chars() {
            match ch {
                '*' => self.pieces.push(Vec::new()),
                '?' => self.push_token(Token::One),
                ch => self.push_literal_char(ch),
            }
        }
    }

    /// Appends `text` as literal characters (no wildcards).
    pub fn push_literal(&mut self, text: &str) {
        for ch in text.chars() {
            self.push_literal_char(ch);
        }
    }

    /// Appends one literal character.
    pub fn push_literal_char(&mut self, ch: char) {
        self.ascii &= ch.is_ascii();
        self.push_token(Token::Char(ch));
    }

    /// Appends a slot for a value given when matching ([`Glob::matches_with`]); the value's
    /// characters are literal.
    pub fn push_slot(&mut self, slot: u8) {
        self.push_token(Token::Slot(slot));
    }

    fn push_token(&mut self, token: Token) {
        if let Some(piece) = self.pieces.last_mut() {
            piece.push(token);
        }
    }

    /// Whether the pattern has a wildcard.
    #[must_use]
    pub fn has_wildcard(&self) -> bool {
        self.pieces.len() > 1 || self.pieces.iter().flatten().any(|t| *t == Token::One)
    }

    /// Whether `text` matches the whole pattern.
    #[must_use]
    pub fn matches(&self, text: &str) -> bool {
        self.matches_with(text, &[])
    }

    /// Whether `text` matches the whole pattern, slot `n` standing for `slots[n]` as literal
    /// text (a slot without a value matches nothing).
    #[must_use]
    pub fn matches_with(&self, text: &str, slots: &[&str]) -> bool {
        if self.ascii && text.is_ascii() && slots.iter().all(|s| s.is_ascii()) {
            self.matches_units(text.as_bytes(), slots, char::from)
        } else {
            let chars: Vec<char> = text.chars().collect();
            self.matches_units(&chars, slots, |ch| ch)
        }
    }

    fn matches_units<U: Copy>(
        &self,
        text: &[U],
        slots: &[&str],
        to_char: impl Fn(U) -> char + Copy,
    ) -> bool {
        // How many text units a piece stands for (`None` for a slot without a value).
        let length = |piece: &[Token]| -> Option<usize> {
            piece.iter().try_fold(0, |sum, token| match token {
                Token::Char(_) | Token::One => Some(sum + 1),
                Token::Slot(n) => slots
                    .get(usize::from(*n))
                    .map(|value| sum + value.chars().count()),
            })
        };
        // Whether `piece` matches the start of `at`.
        let fits = |piece: &[Token], at: &[U]| -> bool {
            let mut units = at.iter();
            piece.iter().all(|&token| match token {
                Token::Char(ch) => units.next().is_some_and(|&u| to_char(u) == ch),
                Token::One => units.next().is_some(),
                Token::Slot(n) => slots.get(usize::from(n)).is_some_and(|value| {
                    value
                        .chars()
                        .all(|ch| units.next().is_some_and(|&u| to_char(u) == ch))
                }),
            })
        };
        let Some((first, rest)) = self.pieces.split_first() else {
            return text.is_empty();
        };
        let Some(first_len) = length(first) else {
            return false;
        };
        let Some((last, middle)) = rest.split_last() else {
            // No star: the whole text must be the one piece.
            return first_len == text.len() && fits(first, text);
        };
        if first_len > text.len() || !fits(first, text) {
            return false;
        }
        let mut position = first_len;
        for piece in middle.iter().filter(|piece| !piece.is_empty()) {
            let Some(piece_len) = length(piece) else {
                return false;
            };
            let Some(last_start) = text.len().checked_sub(piece_len) else {
                return false;
            };
            match (position..=last_start)
                .find(|&start| text.get(start..).is_some_and(|at| fits(piece, at)))
            {
                Some(start) => position = start + piece_len,
                None => return false,
            }
        }
        // The last piece ends the text, after everything matched so far.
        let Some(last_len) = length(last) else {
            return false;
        };
        match text.len().checked_sub(last_len) {
            Some(start) if start >= position => text.get(start..).is_some_and(|at| fits(last, at)),
            _ => false,
        }
    }
}

/// Whether `text` matches `pattern` (compiling it on the way: for one-off matches).
#[must_use]
pub fn matches(pattern: &str, text: &str) -> bool {
    Glob::parse(pattern).matches(text)
}

/// Whether `pattern` has a wildcard.
#[must_use]
pub fn has_wildcard(pattern: &str) -> bool {
    pattern.contains(['*', '?'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_and_question_marks_match_as_iam_documents() {
        assert!(matches("*", ""));
        assert!(matches("*", "arn:aws:s3:::bucket/a/b"));
        assert!(matches(
            "arn:aws:s3:::bucket/*",
            "arn:aws:s3:::bucket/PREFIX/123456/video.mp4"
        ));
        assert!(!matches("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket"));
        assert!(matches("arn:aws:s3:::bucket*", "arn:aws:s3:::bucket"));
        assert!(matches("s3:get*", "s3:getobject"));
        assert!(matches("iam:*accesskey*", "iam:createaccesskey"));
        assert!(matches("s3:getobjec?", "s3:getobject"));
        assert!(!matches("s3:getobjec?", "s3:getobjec"));
        assert!(matches("a*b*c", "abc"));
        assert!(matches("a*b*c", "axxbyyc"));
        assert!(!matches("a*b*c", "axxbyy"));
        assert!(matches("*.mp4", "x.mp4.mp4"));
        assert!(!matches("abc", "abcd"));
        assert!(matches("", ""));
        assert!(!matches("", "a"));
        assert!(matches("PREFIX/智慧?/*", "PREFIX/智慧学/课程"));
        assert!(!matches("PREFIX/?/*", "PREFIX/智慧/课程"));
        assert!(matches("**a**", "ba"));
    }

    #[test]
    fn literal_characters_are_never_wildcards() {
        let mut glob = Glob::parse("PREFIX/");
        glob.push_literal("*");
        glob.push_pattern("/*");
        assert!(glob.matches("PREFIX/*/video.mp4"));
        assert!(!glob.matches("PREFIX/123456/video.mp4"));
        assert!(glob.has_wildcard());
        assert!(!Glob::parse("abc").has_wildcard());
        let mut question = Glob::new();
        question.push_literal("a?");
        assert!(question.matches("a?") && !question.matches("ab"));
    }

    #[test]
    fn slots_match_their_values_literally() {
        let mut glob = Glob::parse("arn:aws:s3:::bucket/PREFIX/");
        glob.push_slot(0);
        glob.push_pattern("/*");
        assert!(glob.matches_with("arn:aws:s3:::bucket/PREFIX/123456/a.mp4", &["123456"]));
        assert!(!glob.matches_with("arn:aws:s3:::bucket/PREFIX/234567/a.mp4", &["123456"]));
        assert!(!glob.matches_with("arn:aws:s3:::bucket/PREFIX/x/a.mp4", &["*"]));
        assert!(glob.matches_with("arn:aws:s3:::bucket/PREFIX/*/a.mp4", &["*"]));
        assert!(glob.matches_with("arn:aws:s3:::bucket/PREFIX/智慧/a", &["智慧"]));
        assert!(
            !glob.matches_with("arn:aws:s3:::bucket/PREFIX/123456/a.mp4", &[]),
            "a slot without a value"
        );
        let mut middle = Glob::parse("*/");
        middle.push_slot(0);
        middle.push_pattern("/*");
        assert!(middle.matches_with("x/PREFIX/123/y/z", &["123"]));
        assert!(!middle.matches_with("x/PREFIX/124/y/z", &["123"]));
    }

    #[test]
    fn hostile_patterns_finish_quickly() {
        let pattern = "*a".repeat(2000) + "b";
        let text = "a".repeat(20_000);
        assert!(!matches(&pattern, &text));
        assert!(has_wildcard("a?") && !has_wildcard("abc"));
    }
}
