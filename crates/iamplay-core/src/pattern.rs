//! IAM's wildcard matching: `*` matches any run of characters (`/` and `:` included), `?`
//! exactly one character
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html>).
//!
//! A [`Glob`] is compiled once: its pieces between `*`s are found in the text left to right,
//! each at its first place, which is correct for globs (a `*` can absorb anything a later piece
//! does not need) and takes at most O(text × pattern) steps: no exponential backtracking,
//! whatever `*a*a*a*...` comes in. Literal runs are compared as UTF-8 bytes at once. Characters can be pushed as literals, so that a substituted
//! policy variable or `${*}` never acts as a wildcard. Case-insensitive matching (actions) is the
//! caller's: compile and compare lower-cased text.

use alloc::string::String;
use alloc::vec::Vec;

/// One element of a piece.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    /// These characters, literally.
    Text(String),
    /// `?`: any one character.
    One,
    /// The value of slot `n`, as literal characters (see [`Glob::matches_with`]).
    Slot(u8),
}

/// A compiled wildcard pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Glob {
    /// The pieces between `*`s (the first before any `*`, the last after the last one).
    pieces: Vec<Vec<Token>>,
}

impl Default for Glob {
    fn default() -> Self {
        Self::new()
    }
}

impl Glob {
    /// An empty pattern (matches only the empty text until something is pushed).
    #[must_use]
    pub fn new() -> Self {
        Self {
            pieces: alloc::vec![Vec::new()],
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
        if let Some(piece) = self.pieces.last_mut() {
            match piece.last_mut() {
                Some(Token::Text(run)) => run.push_str(text),
                _ => piece.push(Token::Text(text.into())),
            }
        }
    }

    /// Appends one literal character.
    pub fn push_literal_char(&mut self, ch: char) {
        let mut buffer = [0; 4];
        self.push_literal(ch.encode_utf8(&mut buffer));
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
    ///
    /// The first and last pieces are anchored, so they are checked first; the middle pieces
    /// are then found left to right between them, each at its first place.
    #[must_use]
    pub fn matches_with(&self, text: &str, slots: &[&str]) -> bool {
        let Some((first, rest)) = self.pieces.split_first() else {
            return text.is_empty();
        };
        let Some(first_end) = fits(first, text, 0, slots) else {
            return false;
        };
        let Some((last, middle)) = rest.split_last() else {
            // No star: the one piece must be the whole text.
            return first_end == text.len();
        };
        let Some(last_start) = suffix_start(last, text, slots) else {
            return false;
        };
        if last_start < first_end || fits(last, text, last_start, slots) != Some(text.len()) {
            return false;
        }
        let Some(gap) = text.get(..last_start) else {
            return false;
        };
        let mut position = first_end;
        for piece in middle.iter().filter(|piece| !piece.is_empty()) {
            match find(piece, gap, position, slots) {
                Some(end) => position = end,
                None => return false,
            }
        }
        true
    }
}

/// Where `piece` ends if it matches `text` from byte `at` (a character boundary).
fn fits(piece: &[Token], text: &str, at: usize, slots: &[&str]) -> Option<usize> {
    let bytes = text.as_bytes();
    piece.iter().try_fold(at, |at, token| {
        let literal = |run: &str| {
            let end = at.checked_add(run.len())?;
            (bytes.get(at..end)? == run.as_bytes()).then_some(end)
        };
        match token {
            Token::Text(run) => literal(run),
            Token::Slot(n) => literal(slots.get(usize::from(*n))?),
            Token::One => text.get(at..)?.chars().next().map(|ch| at + ch.len_utf8()),
        }
    })
}

/// The first place at or after byte `from` where `piece` matches in `text`, and where it ends.
fn find(piece: &[Token], text: &str, from: usize, slots: &[&str]) -> Option<usize> {
    let mut start = from;
    loop {
        // Jump to the next place the piece's leading literal text occurs.
        if let Some(Token::Text(run)) = piece.first() {
            start += text.get(start..)?.find(run.as_str())?;
        }
        if let Some(end) = fits(piece, text, start, slots) {
            return Some(end);
        }
        start += text.get(start..)?.chars().next()?.len_utf8();
    }
}

/// Where the last piece must start so that it ends the text: its length counted back from the
/// end, in bytes for literal text and in characters for `?`.
fn suffix_start(piece: &[Token], text: &str, slots: &[&str]) -> Option<usize> {
    let mut end = text.len();
    for token in piece.iter().rev() {
        end = match token {
            Token::Text(run) => end.checked_sub(run.len())?,
            Token::Slot(n) => end.checked_sub(slots.get(usize::from(*n))?.len())?,
            Token::One => end.checked_sub(text.get(..end)?.chars().next_back()?.len_utf8())?,
        };
    }
    text.is_char_boundary(end).then_some(end)
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

    /// The matcher agrees with the definition (`*` any run, `?` one character), written as
    /// plainly as possible, on text from a small alphabet with multi-byte characters.
    #[cfg(not(target_arch = "wasm32"))]
    mod agrees_with_the_definition {
        use alloc::vec::Vec;

        use proptest::prelude::*;

        use super::super::Glob;

        fn by_definition(pattern: &[char], text: &[char]) -> bool {
            match pattern.split_first() {
                None => text.is_empty(),
                Some(('*', rest)) => (0..=text.len())
                    .any(|skip| text.get(skip..).is_some_and(|t| by_definition(rest, t))),
                Some((&p, rest)) => text
                    .split_first()
                    .is_some_and(|(&t, text)| (p == '?' || p == t) && by_definition(rest, text)),
            }
        }

        proptest! {
            #[test]
            fn on_any_pattern_and_text(
                pattern in "[ab/学*?]{0,8}",
                text in "[ab/学]{0,10}",
            ) {
                let chars = |s: &str| s.chars().collect::<Vec<char>>();
                prop_assert_eq!(
                    Glob::parse(&pattern).matches(&text),
                    by_definition(&chars(&pattern), &chars(&text))
                );
            }

            #[test]
            fn with_a_slot_as_with_its_value_written_in(
                before in "[ab/*?]{0,4}",
                value in "[ab?*学]{0,3}",
                after in "[ab/*?]{0,4}",
                text in "[ab/学?*]{0,10}",
            ) {
                let mut glob = Glob::parse(&before);
                glob.push_slot(0);
                glob.push_pattern(&after);
                let mut literal = Glob::parse(&before);
                literal.push_literal(&value);
                literal.push_pattern(&after);
                prop_assert_eq!(
                    glob.matches_with(&text, &[value.as_str()]),
                    literal.matches(&text)
                );
            }
        }
    }
}
