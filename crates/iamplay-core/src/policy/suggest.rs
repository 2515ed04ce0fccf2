//! "Did you mean ...?": the nearest known word to a typo.

use alloc::vec::Vec;

/// The longest word worth comparing (longer text is not a typo, and comparing it costs).
const MAX_WORD: usize = 64;

/// Whether `distance` edits are few enough to call `word` a typo of a `target_len` word.
#[must_use]
pub(crate) fn is_close(distance: usize, target_len: usize) -> bool {
    distance <= 3.max(target_len / 4)
}

/// The candidate nearest to `word` ignoring ASCII case, if it is close enough to be a typo.
#[must_use]
pub(crate) fn nearest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if word.len() > MAX_WORD {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    candidates
        .iter()
        .map(|&candidate| (distance(&lower, &candidate.to_ascii_lowercase()), candidate))
        .min_by_key(|&(distance, _)| distance)
        .filter(|&(distance, candidate)| is_close(distance, candidate.len()))
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance by characters; `None`-free and allocation-light for short words.
#[must_use]
pub(crate) fn distance(a: &str, b: &str) -> usize {
    if a.len() > MAX_WORD || b.len() > MAX_WORD {
        return usize::MAX;
    }
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = i;
        let mut left = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let up = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let value = (diagonal + usize::from(ca != cb))
                .min(left + 1)
                .min(up.saturating_add(1));
            diagonal = up;
            if let Some(slot) = row.get_mut(j + 1) {
                *slot = value;
            }
            left = value;
        }
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_insertions_deletions_and_substitutions() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("abc", "abc"), 0);
        assert_eq!(distance(&"x".repeat(100), "x"), usize::MAX);
    }

    #[test]
    fn nearest_finds_typos_and_ignores_case() {
        let elements = [
            "Sid",
            "Effect",
            "Principal",
            "NotPrincipal",
            "Action",
            "Resource",
        ];
        assert_eq!(nearest("Efect", &elements), Some("Effect"));
        assert_eq!(nearest("effect", &elements), Some("Effect"));
        assert_eq!(nearest("Principle", &elements), Some("Principal"));
        assert_eq!(nearest("Actions", &elements), Some("Action"));
        assert_eq!(nearest("Banana", &elements), None);
    }
}
