//! Parameter constraints as STS checks them before anything else, and AWS's `ValidationError`
//! message for the ones broken: "1 validation error detected: Value 'x' at 'roleSessionName'
//! failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]*"
//! (`docs/sources/sts.md` §1.1). Lengths count Unicode code points; a value that breaks its
//! pattern and its length gets the pattern's item first, as AWS answered.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::error::{Constraint, Failure, StsError, Violation};
use super::params::PolicyDescriptor;

/// The character rules of STS parameters, as the API reference writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pattern {
    /// Session names, federated user names, source identities: `[\w+=,.@-]*`.
    Name,
    /// External ids: `[\w+=,.@:\/-]*`.
    ExternalId,
    /// MFA serial numbers: `[\w+=/:,.@-]*`.
    SerialNumber,
    /// MFA codes: `[\d]*`.
    TokenCode,
    /// Tag keys: `[\p{L}\p{Z}\p{N}_.:/=+\-@]+`.
    TagKey,
    /// Tag values: `[\p{L}\p{Z}\p{N}_.:/=+\-@]*`.
    TagValue,
    /// ARNs and URLs: `[\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u10000-\u10FFFF]+`
    /// (whose last range, as AWS applies it, matches no character beyond U+FFFF).
    Text,
    /// Session policies: `[\u0009\u000A\u000D\u0020-\u00FF]+`.
    PolicyText,
    /// No pattern (tokens, URLs).
    Any,
}

impl Pattern {
    /// The pattern as AWS's message writes it.
    pub(crate) fn text(self) -> &'static str {
        match self {
            Self::Name => r"[\w+=,.@-]*",
            Self::ExternalId => r"[\w+=,.@:\/-]*",
            Self::SerialNumber => r"[\w+=/:,.@-]*",
            Self::TokenCode => r"[\d]*",
            Self::TagKey => r"[\p{L}\p{Z}\p{N}_.:/=+\-@]+",
            Self::TagValue => r"[\p{L}\p{Z}\p{N}_.:/=+\-@]*",
            Self::Text => {
                r"[\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u10000-\u10FFFF]+"
            }
            Self::PolicyText => r"[\u0009\u000A\u000D\u0020-\u00FF]+",
            Self::Any => "",
        }
    }

    fn allows(self, ch: char) -> bool {
        let word = ch.is_ascii_alphanumeric() || ch == '_';
        match self {
            Self::Name => word || "+=,.@-".contains(ch),
            Self::ExternalId => word || "+=,.@:/-".contains(ch),
            Self::SerialNumber => word || "+=/:,.@-".contains(ch),
            Self::TokenCode => ch.is_ascii_digit(),
            Self::TagKey | Self::TagValue => {
                ch.is_alphabetic() || ch.is_numeric() || is_separator(ch) || "_.:/=+-@".contains(ch)
            }
            Self::Text => matches!(
                ch,
                '\t' | '\n' | '\r' | '\u{20}'..='\u{7e}' | '\u{85}' | '\u{a0}'..='\u{fffd}'
            ),
            Self::PolicyText => matches!(ch, '\t' | '\n' | '\r' | '\u{20}'..='\u{ff}'),
            Self::Any => true,
        }
    }

    /// Whether the whole of `value` matches (the `+` patterns need at least one character).
    pub(crate) fn matches(self, value: &str) -> bool {
        let needs_one = matches!(self, Self::TagKey | Self::Text | Self::PolicyText);
        (!needs_one || !value.is_empty()) && value.chars().all(|ch| self.allows(ch))
    }
}

/// Unicode's separators (`\p{Z}`): spaces, and the line and paragraph separators.
fn is_separator(ch: char) -> bool {
    matches!(
        ch,
        ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// Collects broken constraints in the order they are checked.
#[derive(Default)]
pub(crate) struct Checker {
    violations: Vec<Violation>,
}

/// The length of `value` as AWS counts it: code points.
pub(crate) fn length(value: &str) -> usize {
    value.chars().count()
}

impl Checker {
    fn add(&mut self, member: &str, value: &str, constraint: Constraint) {
        self.violations.push(Violation {
            member: member.into(),
            value: value.into(),
            sensitive: false,
            constraint,
        });
    }

    /// A string member: required or not, its length range and its pattern.
    pub(crate) fn string(
        &mut self,
        member: &str,
        value: Option<&str>,
        required: bool,
        range: (usize, usize),
        pattern: Pattern,
    ) {
        self.check_string(member, value, required, range, pattern);
    }

    /// A sensitive string member, whose value AWS leaves out of its messages.
    pub(crate) fn sensitive_string(
        &mut self,
        member: &str,
        value: Option<&str>,
        required: bool,
        range: (usize, usize),
    ) {
        let before = self.violations.len();
        self.check_string(member, value, required, range, Pattern::Any);
        for violation in self.violations.iter_mut().skip(before) {
            violation.sensitive = true;
            violation.value.clear();
        }
    }

    fn check_string(
        &mut self,
        member: &str,
        value: Option<&str>,
        required: bool,
        (min, max): (usize, usize),
        pattern: Pattern,
    ) {
        let Some(value) = value else {
            if required {
                self.add(member, "", Constraint::Required);
            }
            return;
        };
        if !pattern.matches(value) {
            self.add(
                member,
                value,
                Constraint::Pattern {
                    pattern: pattern.text(),
                },
            );
        }
        let len = length(value);
        if len < min {
            self.add(member, value, Constraint::MinLength { min });
        }
        if len > max {
            self.add(member, value, Constraint::MaxLength { max });
        }
    }

    /// `roleArn` and `roleSessionName`, as the assume-role calls have them.
    pub(crate) fn role(&mut self, role_arn: Option<&str>, session_name: Option<&str>) {
        self.string("roleArn", role_arn, true, (20, 2048), Pattern::Text);
        self.string(
            "roleSessionName",
            session_name,
            true,
            (2, 64),
            Pattern::Name,
        );
    }

    /// Each ARN of `policyArns`.
    pub(crate) fn policy_arns(&mut self, descriptors: &[PolicyDescriptor]) {
        for (i, policy) in descriptors.iter().enumerate() {
            let member = format!("policyArns.{}.member.arn", i + 1);
            self.string(&member, Some(&policy.arn), true, (20, 2048), Pattern::Text);
        }
    }

    /// `serialNumber` and `tokenCode`.
    pub(crate) fn mfa(&mut self, serial: Option<&str>, code: Option<&str>) {
        self.string(
            "serialNumber",
            serial,
            false,
            (9, 256),
            Pattern::SerialNumber,
        );
        self.string("tokenCode", code, false, (6, 6), Pattern::TokenCode);
    }

    /// A number member and its range.
    pub(crate) fn number(&mut self, member: &str, value: Option<i64>, (min, max): (i64, i64)) {
        let Some(value) = value else { return };
        let text = format!("{value}");
        if value < min {
            self.add(member, &text, Constraint::MinValue { min });
        }
        if value > max {
            self.add(member, &text, Constraint::MaxValue { max });
        }
    }

    /// A list member's length.
    pub(crate) fn list(&mut self, member: &str, items: &[&str], max: usize) {
        if items.len() > max {
            let shown = format!("[{}]", items.join(", "));
            self.add(member, &shown, Constraint::MaxLength { max });
        }
    }

    /// `Ok` when nothing is broken, else AWS's `ValidationError`.
    pub(crate) fn finish(self) -> Result<(), StsError> {
        if self.violations.is_empty() {
            return Ok(());
        }
        let count = self.violations.len();
        let mut message = if count == 1 {
            String::from("1 validation error detected: ")
        } else {
            format!("{count} validation errors detected: ")
        };
        let parts: Vec<String> = self.violations.iter().map(violation_text).collect();
        message.push_str(&parts.join("; "));
        Err(validation_error(
            message,
            Failure::InvalidParameters {
                violations: self.violations,
            },
        ))
    }
}

/// A `ValidationError` (HTTP 400) with `message`.
pub(crate) fn validation_error(message: String, reason: Failure) -> StsError {
    StsError {
        code: "ValidationError",
        status: 400,
        message,
        reason,
    }
}

/// One violation as AWS words it.
fn violation_text(violation: &Violation) -> String {
    let value = match violation.constraint {
        Constraint::Required => String::from("Value null"),
        _ if violation.sensitive => String::from("Value"),
        _ => format!("Value '{}'", violation.value),
    };
    let rule = match &violation.constraint {
        Constraint::Required => String::from("Member must not be null"),
        Constraint::MinLength { min } => {
            format!("Member must have length greater than or equal to {min}")
        }
        Constraint::MaxLength { max } => {
            format!("Member must have length less than or equal to {max}")
        }
        Constraint::MinValue { min } => {
            format!("Member must have value greater than or equal to {min}")
        }
        Constraint::MaxValue { max } => {
            format!("Member must have value less than or equal to {max}")
        }
        Constraint::Pattern { pattern } => {
            format!("Member must satisfy regular expression pattern: {pattern}")
        }
    };
    format!(
        "{value} at '{}' failed to satisfy constraint: {rule}",
        violation.member
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_violation_in_aws_words() {
        let mut checker = Checker::default();
        checker.string(
            "roleSessionName",
            Some("my session"),
            true,
            (2, 64),
            Pattern::Name,
        );
        let error = checker
            .finish()
            .err()
            .unwrap_or_else(|| validation_error(String::new(), Failure::MissingAuthentication));
        assert_eq!(error.code, "ValidationError");
        assert_eq!(
            error.message,
            r"1 validation error detected: Value 'my session' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]*"
        );
    }

    #[test]
    fn several_violations_are_counted_and_joined() {
        let mut checker = Checker::default();
        checker.string("roleSessionName", Some("a"), true, (2, 64), Pattern::Name);
        checker.number("durationSeconds", Some(100), (900, 43200));
        checker.string("roleArn", None, true, (20, 2048), Pattern::Text);
        let message = checker
            .finish()
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        assert_eq!(
            message,
            "3 validation errors detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2; Value '100' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900; Value null at 'roleArn' failed to satisfy constraint: Member must not be null"
        );
    }

    #[test]
    fn tag_characters_are_unicode_letters_numbers_and_separators() {
        assert!(Pattern::TagKey.matches("部门 Department_1:x/y=z+@-."));
        assert!(!Pattern::TagKey.matches("a,b"));
        assert!(!Pattern::TagValue.matches("tab\there"));
        assert!(Pattern::Name.matches("my-session@example.com"));
        assert!(!Pattern::Name.matches("会话"));
        assert!(Pattern::TokenCode.matches("123456") && !Pattern::TokenCode.matches("12345a"));
        assert!(Pattern::Text.matches("{\n\t\"a\": \"智\"}") && !Pattern::Text.matches("\u{1}"));
        assert!(
            !Pattern::Text.matches("😀"),
            "AWS's ARN pattern matches nothing beyond U+FFFF"
        );
        assert!(!Pattern::Text.matches(""));
        assert!(Pattern::PolicyText.matches("{\"é\": 1}") && !Pattern::PolicyText.matches("智"));
    }

    #[test]
    fn a_value_breaking_pattern_and_length_lists_the_pattern_first() {
        let mut checker = Checker::default();
        checker.string("roleArn", Some(""), true, (20, 2048), Pattern::Text);
        let message = checker
            .finish()
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        assert_eq!(
            message,
            r"2 validation errors detected: Value '' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: [\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u10000-\u10FFFF]+; Value '' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20"
        );
    }
}
