//! `PackedPolicySize`: how much of the space in the session token the session policies and
//! session tags take, in percent; over 100 the call fails with `PackedPolicyTooLarge`.
//!
//! AWS does not publish how it packs ("Inline session policies and session tags are serialized
//! and compressed in the session token. As a result, you might not be able to easily determine
//! how much of the PackedPolicySize is used",
//! <https://repost.aws/knowledge-center/iam-role-aws-sts-error>), so this is an estimate, and
//! every result that carries it says so. It is fitted to the sizes AWS reported
//! (`docs/sources/sts.md` §1, `policy-language.md` §4.3): one small tag (`userid=123456`) 3%; a
//! short inline policy 16%; a 1,690-character policy 157%; tags alone can go over 100% well
//! before the 50-tag limit.

use alloc::format;

use super::error::{Failure, StsError};
use super::params::SessionTag;
use crate::policy::SizeRule;
use crate::policy::check::count;

/// The characters of policy (white space between tokens not counted) that fill the space.
const POLICY_SPACE: u64 = 1_080;
/// The bytes of tags that fill the space, and what each tag costs beyond its key and value.
const TAG_SPACE: u64 = 1_024;
const TAG_OVERHEAD: u64 = 12;

/// The estimate, in percent of the space.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct PackedSize {
    /// The policies' share.
    pub(crate) policies: u32,
    /// The tags' share.
    pub(crate) tags: u32,
}

impl PackedSize {
    /// The whole: `PackedPolicySize`.
    pub(crate) fn total(self) -> u32 {
        self.policies.saturating_add(self.tags)
    }
}

fn percent(used: u64, space: u64) -> u32 {
    u32::try_from((used * 100).div_ceil(space)).unwrap_or(u32::MAX)
}

/// Estimates the packed size of the inline `policy`, the managed policy ARNs and the `tags`.
pub(crate) fn estimate(policy: Option<&str>, arns: &[&str], tags: &[SessionTag]) -> PackedSize {
    let policy_chars = policy.map_or(0, |p| {
        u64::from(count(p, SizeRule::CharactersWithoutWhiteSpace))
    });
    let arn_chars: usize = arns.iter().map(|a| a.chars().count()).sum();
    let tag_bytes: usize = tags.iter().map(|t| t.key.len() + t.value.len()).sum();
    let tag_count = u64::try_from(tags.len()).unwrap_or(u64::MAX);
    PackedSize {
        policies: percent(
            policy_chars + u64::try_from(arn_chars).unwrap_or(u64::MAX),
            POLICY_SPACE,
        ),
        tags: percent(
            u64::try_from(tag_bytes).unwrap_or(u64::MAX) + tag_count * TAG_OVERHEAD,
            TAG_SPACE,
        ),
    }
}

/// `PackedPolicyTooLarge` when the estimate is over 100%, in the words AWS uses for the larger
/// share.
pub(crate) fn check(size: PackedSize) -> Result<(), StsError> {
    let total = size.total();
    if total <= 100 {
        return Ok(());
    }
    let tags = size.tags >= size.policies;
    let message = if tags {
        format!("Packed size of session tags consumes {total}% of allotted space.")
    } else {
        format!("Packed policy consumes {total}% of allotted space, please use smaller policy.")
    };
    Err(StsError {
        code: "PackedPolicyTooLarge",
        status: 400,
        message,
        reason: Failure::PackedPolicyTooLarge {
            percent: total,
            tags,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(key: &str, value: &str) -> SessionTag {
        SessionTag {
            key: key.into(),
            value: value.into(),
        }
    }

    #[test]
    fn the_estimate_matches_the_sizes_aws_reported() {
        assert_eq!(estimate(None, &[], &[tag("userid", "123456")]).total(), 3);
        let long_policy = alloc::format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":[{}],"Resource":"*"}}]}}"#,
            (0..42)
                .map(|i| alloc::format!(r#""service{}:DescribeSomethingLongerX{i:02}""#, i % 7))
                .collect::<alloc::vec::Vec<_>>()
                .join(",")
        );
        let size = estimate(Some(&long_policy), &[], &[]);
        assert!(
            (1650..=1750).contains(&long_policy.len()),
            "{}",
            long_policy.len()
        );
        assert!((150..=165).contains(&size.total()), "{size:?}");
        assert!(check(size).is_err());
        assert_eq!(estimate(None, &[], &[]).total(), 0);
    }

    #[test]
    fn too_many_tags_are_refused_in_awss_words() {
        let tags: alloc::vec::Vec<SessionTag> = (0..20)
            .map(|i| {
                tag(
                    &alloc::format!("CostCenterOfTheProject{i}"),
                    "engineering-platform-team",
                )
            })
            .collect();
        let error = check(estimate(None, &[], &tags))
            .err()
            .map(|e| (e.code, e.message));
        assert_eq!(
            error,
            Some((
                "PackedPolicyTooLarge",
                "Packed size of session tags consumes 119% of allotted space.".into()
            ))
        );
    }
}
