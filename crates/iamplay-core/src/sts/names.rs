//! The character rules IAM and STS apply to names, and made-up unique ids.
//!
//! IAM names (users, roles, policies, session names, source identities) use the pattern
//! `[\w+=,.@-]+`; paths are `/` or `/.../` of printable ASCII
//! (<https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html>,
//! <https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html>).

use alloc::string::String;
use core::hash::Hasher as _;

use siphasher::sip::SipHasher13;

/// The pattern of IAM names, as AWS writes it in its messages.
pub(crate) const NAME_PATTERN: &str = r"[\w+=,.@-]+";

/// Whether `ch` may appear in an IAM name (`\w` is ASCII letters, digits and `_` here, as in
/// AWS's Java patterns).
#[must_use]
pub(crate) fn is_name_char(ch: char) -> bool {
    ch.is_ascii_alphanumeric() || "_+=,.@-".contains(ch)
}

/// Whether `name` is 1 to `max` characters of [`NAME_PATTERN`].
#[must_use]
pub(crate) fn is_name(name: &str, max: usize) -> bool {
    !name.is_empty() && name.chars().count() <= max && name.chars().all(is_name_char)
}

/// Whether `path` is an IAM path: `/`, or `/` + printable ASCII + `/`, at most 512 characters.
#[must_use]
pub(crate) fn is_path(path: &str) -> bool {
    path == "/"
        || (path.len() >= 3
            && path.len() <= 512
            && path.starts_with('/')
            && path.ends_with('/')
            && path.chars().all(|c| ('!'..='~').contains(&c)))
}

/// The characters of made-up ids: AWS's unique ids and access key ids are upper-case letters
/// and digits.
const ID_ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// A stable 64-bit digest of `parts` (the same parts give the same digest on every platform).
#[must_use]
pub(crate) fn digest(parts: &[&str]) -> u64 {
    let mut hasher = SipHasher13::new_with_keys(0x6961_6d70_6c61_7931, 0x7374_7331_7369_6d31);
    for part in parts {
        hasher.write(part.as_bytes());
        hasher.write_u8(0xff);
    }
    hasher.finish()
}

/// `count` characters of [`ID_ALPHABET`] drawn from `parts` (more than 12 draw on a second
/// digest).
#[must_use]
pub(crate) fn id_chars(parts: &[&str], count: usize) -> String {
    let mut out = String::with_capacity(count);
    let mut round: u32 = 0;
    while out.len() < count {
        let mut round_text = [0u8; 10];
        let round_str = decimal(round, &mut round_text);
        let mut bits = digest(parts) ^ digest(&[round_str]).rotate_left(17);
        for _ in 0..12 {
            if out.len() >= count {
                break;
            }
            let index = usize::try_from(bits & 31).unwrap_or(0);
            out.push(char::from(ID_ALPHABET.get(index).copied().unwrap_or(b'A')));
            bits >>= 5;
        }
        round += 1;
    }
    out
}

/// `value` in decimal, written into `buffer`.
fn decimal(mut value: u32, buffer: &mut [u8; 10]) -> &str {
    let mut start = buffer.len();
    loop {
        start -= 1;
        if let Some(slot) = buffer.get_mut(start) {
            *slot = b'0' + u8::try_from(value % 10).unwrap_or(0);
        }
        value /= 10;
        if value == 0 || start == 0 {
            break;
        }
    }
    core::str::from_utf8(buffer.get(start..).unwrap_or_default()).unwrap_or("0")
}

/// A unique id as IAM makes them: a four-letter prefix (`AIDA` users, `AROA` roles) and 17
/// characters, 21 in all, made up from `arn`.
#[must_use]
pub(crate) fn unique_id(prefix: &str, arn: &str) -> String {
    let mut id = String::from(prefix);
    id.push_str(&id_chars(&[prefix, arn], 17));
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iam_names_and_paths() {
        assert!(is_name("Server.User@example_1+=,-", 64));
        assert!(!is_name("has space", 64));
        assert!(!is_name("", 64));
        assert!(!is_name(&"a".repeat(65), 64));
        assert!(!is_name("名字", 64), "\\w is ASCII in AWS's patterns");
        assert!(is_path("/") && is_path("/division/abc/"));
        assert!(!is_path("division/") && !is_path("//") && !is_path("/a b/"));
    }

    #[test]
    fn made_up_ids_are_stable_and_look_like_aws_ids() {
        let id = unique_id("AROA", "arn:aws:iam::111122223333:role/CourseAccessRole");
        assert_eq!(id.len(), 21);
        assert!(id.starts_with("AROA"));
        assert!(
            id.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        );
        assert_eq!(
            id,
            unique_id("AROA", "arn:aws:iam::111122223333:role/CourseAccessRole")
        );
        assert_ne!(
            id,
            unique_id("AROA", "arn:aws:iam::111122223333:role/OtherRole")
        );
        assert_eq!(id_chars(&["x"], 40).len(), 40);
        assert_eq!(decimal(1234, &mut [0; 10]), "1234");
        assert_eq!(decimal(0, &mut [0; 10]), "0");
    }
}
