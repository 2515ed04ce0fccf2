//! Checking a policy document the way AWS would when it is saved: read it, apply the rules of
//! its kind, count its size as AWS counts, and say which error AWS would return.

use alloc::vec::Vec;

use crate::source::{LineIndex, Span};

use super::aws::aws_error;
use super::finding::{AwsError, Collector, Finding, FindingKind, Severity};
use super::kind::{PolicyKind, SizeRule};
use super::model::Policy;
use super::read::read_into;
use super::validate::validate;

/// What a policy is checked as, and the facts of its surroundings that change the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Context<'a> {
    /// The kind of policy.
    pub kind: PolicyKind,
    /// The partition of the account it is saved in (`aws`, `aws-cn`, `aws-us-gov`).
    pub partition: &'a str,
    /// The user, group or role it is attached to, for AWS's size messages.
    pub entity_name: Option<&'a str>,
    /// The bucket, for a bucket policy.
    pub bucket: Option<&'a str>,
    /// Whether to warn about sensitive actions allowed without MFA: true, unless whoever uses
    /// the policy has MFA already or can never have it (the policies of a role whose trust
    /// policy requires MFA, or trusts only services and identity providers).
    pub mfa_checks: bool,
}

impl<'a> Context<'a> {
    /// A policy of `kind` in the `aws` partition.
    #[must_use]
    pub fn new(kind: PolicyKind) -> Self {
        Self {
            kind,
            partition: "aws",
            entity_name: None,
            bucket: None,
            mfa_checks: true,
        }
    }

    /// The same, in another partition.
    #[must_use]
    pub fn in_partition(self, partition: &'a str) -> Self {
        Self { partition, ..self }
    }

    /// The same, attached to the named user, group or role.
    #[must_use]
    pub fn for_entity(self, name: &'a str) -> Self {
        Self {
            entity_name: Some(name),
            ..self
        }
    }

    /// The same, without warnings about sensitive actions allowed without MFA (see
    /// [`Context::mfa_checks`]).
    #[must_use]
    pub fn without_mfa_checks(self) -> Self {
        Self {
            mfa_checks: false,
            ..self
        }
    }

    /// The same, as the policy of the named bucket.
    #[must_use]
    pub fn for_bucket(self, bucket: &'a str) -> Self {
        Self {
            bucket: Some(bucket),
            ..self
        }
    }
}

/// A policy's size as AWS counts it for its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PolicySize {
    /// The size.
    pub size: u32,
    /// The kind's quota.
    pub limit: u32,
    /// How AWS counts.
    pub rule: SizeRule,
}

/// The result of checking a policy.
#[derive(Clone, Debug)]
pub struct Checked {
    /// The policy, if AWS would accept it (no error findings).
    pub policy: Option<Policy>,
    /// The policy, when its only errors are that it is larger than its kind's quota: AWS would
    /// not save it, but what it would decide can still be shown.
    pub oversized: Option<Policy>,
    /// The findings, errors and warnings, in the order of the text (at most
    /// [`MAX_FINDINGS`](super::finding::MAX_FINDINGS)).
    pub findings: Vec<Finding>,
    /// How many more findings there were.
    pub omitted: usize,
    /// The one error AWS would return, where it rejects the policy and its words are known.
    pub aws_error: Option<AwsError>,
    /// The size, where the kind has a quota and the text is JSON.
    pub size: Option<PolicySize>,
}

impl Checked {
    /// Whether AWS would accept the policy.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.policy.is_some()
    }

    /// The error findings.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
    }
}

/// Checks `text` as a policy in `context`.
#[must_use]
pub fn check(text: &str, context: &Context<'_>) -> Checked {
    let lines = LineIndex::new(text);
    let mut out = Collector::new(&lines);
    // Text over iamplay's limit is refused by the reader before anything else looks at it.
    if context.kind.follows_iam_rules() && text.len() <= crate::limits::MAX_POLICY_BYTES {
        invalid_characters(text, &mut out);
    }
    let policy = read_into(text, &mut out);
    let mut size = None;
    if let Some(policy) = &policy {
        validate(policy, context, &mut out);
        if let Some((limit, rule)) = context.kind.size_limit() {
            let counted = count(text, rule);
            size = Some(PolicySize {
                size: counted,
                limit,
                rule,
            });
            if counted > limit {
                let kind = FindingKind::PolicyTooLarge {
                    size: counted,
                    limit,
                    rule,
                };
                out.add(kind, Severity::Error, "", Span::new(0, text.len()));
            }
        }
    }
    let has_errors = out.error_count() > 0;
    let (mut findings, omitted) = (out.findings, out.omitted);
    let mut first: Option<(u8, usize)> = None;
    for (i, finding) in findings.iter_mut().enumerate() {
        if finding.severity != Severity::Error {
            continue;
        }
        if let Some((stage, error)) = aws_error(&finding.kind, context, text) {
            finding.aws = Some(error);
            if first.is_none_or(|(best, _)| stage < best) {
                first = Some((stage, i));
            }
        }
    }
    let aws_error = first
        .and_then(|(_, i)| findings.get(i))
        .and_then(|f| f.aws.clone());
    findings.sort_by_key(|f| (f.location.span.start, f.severity));
    let only_size = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .all(|f| matches!(f.kind, FindingKind::PolicyTooLarge { .. }));
    let (policy, oversized) = if has_errors {
        (None, policy.filter(|_| only_size && omitted == 0))
    } else {
        (policy, None)
    };
    Checked {
        policy,
        oversized,
        findings,
        omitted,
        aws_error,
        size,
    }
}

/// Characters IAM does not allow in policy documents: only tab, line feed, carriage return and
/// U+0020–U+00FF (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html>).
/// At most a few are reported: one is enough to fix the pattern.
fn invalid_characters(text: &str, out: &mut Collector<'_>) {
    const MAX_REPORTED: usize = 5;
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{ff}');
    for (offset, found) in text
        .char_indices()
        .filter(|&(_, c)| !allowed(c))
        .take(MAX_REPORTED)
    {
        let span = Span::new(offset, offset + found.len_utf8());
        out.add(
            FindingKind::InvalidCharacter { found },
            Severity::Error,
            "",
            span,
        );
    }
}

/// Counts `text` by `rule`; white space is skipped only between JSON tokens, never inside
/// strings.
pub(crate) fn count(text: &str, rule: SizeRule) -> u32 {
    let counted = match rule {
        SizeRule::Bytes => text.len(),
        SizeRule::AllCharacters => text.chars().count(),
        SizeRule::CharactersWithoutWhiteSpace => {
            let mut in_string = false;
            let mut escaped = false;
            text.chars()
                .filter(|&c| {
                    if in_string {
                        match (escaped, c) {
                            (true, _) => escaped = false,
                            (false, '\\') => escaped = true,
                            (false, '"') => in_string = false,
                            _ => {}
                        }
                        true
                    } else {
                        in_string = c == '"';
                        !matches!(c, ' ' | '\t' | '\n' | '\r')
                    }
                })
                .count()
        }
    };
    u32::try_from(counted).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iam_sizes_skip_white_space_between_tokens_only() {
        let text = "{ \"Sid\" : \"a b\" ,\n\t\"x\": \"\\\" \" }";
        assert_eq!(count(text, SizeRule::CharactersWithoutWhiteSpace), 23);
        assert_eq!(
            count(text, SizeRule::AllCharacters),
            text.chars().count() as u32
        );
        assert_eq!(count("é", SizeRule::Bytes), 2);
        assert_eq!(count("é", SizeRule::AllCharacters), 1);
    }
}
