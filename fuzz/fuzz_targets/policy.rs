//! `policy`: any text as a policy document — read, checked as every kind of policy, formatted.
//!
//! What must hold:
//! - every finding points into the text and is worded in every language;
//! - a policy AWS would accept as some kind has no errors and reads as well on its own;
//! - formatting is idempotent and keeps what the policy says;
//! - writing a policy read from the text reads back as the same policy, and, where reading
//!   found nothing to say, is the formatted text.

#![no_main]

use iamplay_core::policy::finding::MAX_FINDINGS;
use iamplay_core::policy::{self, Context, PolicyKind, format};
use iamplay_fuzz::check_findings;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let read = policy::read(text);
    assert!(read.findings.len() <= MAX_FINDINGS);
    check_findings(text, &read.findings);

    for kind in PolicyKind::ALL {
        let context = match kind {
            PolicyKind::BucketPolicy => Context::new(kind).for_bucket("amzn-s3-demo-bucket"),
            PolicyKind::ResourcePolicy => Context::new(kind).in_partition("aws-cn"),
            _ => Context::new(kind).for_entity("CourseAccessRole"),
        };
        let checked = policy::check(text, &context);
        assert!(checked.findings.len() <= MAX_FINDINGS);
        check_findings(text, &checked.findings);
        if checked.is_valid() {
            assert_eq!(checked.errors().count(), 0, "{kind:?}: valid with errors");
            assert!(
                read.policy.is_some(),
                "{kind:?}: valid, yet reading finds errors: {:?}",
                read.findings
            );
        }
        if let Some(size) = checked.size {
            assert!(
                checked.is_valid() || checked.oversized.is_none() || size.size > size.limit,
                "{kind:?}: oversized within its quota: {size:?}"
            );
        }
    }

    if let Ok(formatted) = format::format(text) {
        assert_eq!(
            format::format(&formatted).as_ref(),
            Ok(&formatted),
            "formatting twice changes the text"
        );
        assert_eq!(
            policy::read(&formatted).policy,
            read.policy,
            "formatting changes what the policy says:\n{formatted}"
        );
    }

    if let Some(policy) = &read.policy {
        let written = format::write(policy);
        assert_eq!(
            policy::read(&written).policy.as_ref(),
            Some(policy),
            "the written policy reads differently:\n{written}"
        );
        // Without findings, nothing was left out of the model (an unknown condition operator
        // with an empty block, which AWS ignores, is left out with a warning).
        if read.findings.is_empty() {
            assert_eq!(
                format::format(text).as_ref(),
                Ok(&written),
                "writing the policy and formatting its text differ"
            );
        }
    }
});
