//! IAM's wildcard matching: `*` matches any run of characters (`/` and `:` included), `?`
//! exactly one character
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html>).
//!
//! The pattern is split at its `*`s; the first piece must start the text, the last must end it,
//! and the ones between are found left to right, each at its first place. That is correct for
//! globs (a `*` can absorb anything a later piece does not need) and takes at most
//! O(text × pattern) steps: no exponential backtracking, whatever `*a*a*a*...` comes in.
//! Case-insensitive matching (actions) is the caller's: compare lower-cased text.

/// Whether `text` matches `pattern`.
#[must_use]
pub fn matches(pattern: &str, text: &str) -> bool {
    if pattern.is_ascii() && text.is_ascii() {
        glob(pattern.as_bytes(), text.as_bytes(), b'*', b'?')
    } else {
        let pattern: alloc::vec::Vec<char> = pattern.chars().collect();
        let text: alloc::vec::Vec<char> = text.chars().collect();
        glob(&pattern, &text, '*', '?')
    }
}

/// Whether `pattern` has a wildcard.
#[must_use]
pub fn has_wildcard(pattern: &str) -> bool {
    pattern.contains(['*', '?'])
}

fn glob<T: Copy + PartialEq>(pattern: &[T], text: &[T], star: T, any: T) -> bool {
    let piece_matches = |piece: &[T], at: &[T]| {
        piece.len() <= at.len() && piece.iter().zip(at).all(|(&p, &t)| p == any || p == t)
    };
    let mut pieces = pattern.split(|&c| c == star);
    let first = pieces.next().unwrap_or_default();
    // No star: the whole text must match the one piece.
    let Some(mut rest_pieces) = pieces.clone().next().map(|_| pieces) else {
        return first.len() == text.len() && piece_matches(first, text);
    };
    if !piece_matches(first, text) {
        return false;
    }
    let mut position = first.len();
    let mut middle: alloc::vec::Vec<&[T]> = rest_pieces.by_ref().collect();
    let last = middle.pop().unwrap_or_default();
    for piece in middle {
        if piece.is_empty() {
            continue;
        }
        let Some(window_end) = text.len().checked_sub(piece.len()) else {
            return false;
        };
        let found = (position..=window_end)
            .find(|&start| text.get(start..).is_some_and(|at| piece_matches(piece, at)));
        match found {
            Some(start) => position = start + piece.len(),
            None => return false,
        }
    }
    // The last piece must end the text, after everything matched so far.
    match text.len().checked_sub(last.len()) {
        Some(start) if start >= position => {
            text.get(start..).is_some_and(|at| piece_matches(last, at))
        }
        _ => false,
    }
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
    fn hostile_patterns_finish_quickly() {
        let pattern = "*a".repeat(2000) + "b";
        let text = "a".repeat(20_000);
        assert!(!matches(&pattern, &text));
        assert!(has_wildcard("a?") && !has_wildcard("abc"));
    }
}
