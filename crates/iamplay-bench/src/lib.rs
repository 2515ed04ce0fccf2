//! Inputs for iamplay's benchmarks, built the same way every run so that results compare.

use std::fmt::Write as _;

/// A realistic identity policy of at least `min_bytes` bytes: statements for the course's S3
/// bucket with action lists, ARNs with policy variables and conditions, like the seed lessons'
/// policies, repeated with different Sids and prefixes.
#[must_use]
pub fn course_policy(min_bytes: usize) -> String {
    let mut statements = Vec::new();
    let mut size = 0;
    let mut i = 0;
    while size < min_bytes {
        let statement = format!(
            r#"        {{
            "Sid": "CourseReadAccess{i}",
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectTagging"],
            "Resource": [
                "arn:aws:s3:::wisdom-learn-course-bucket/PREFIX/${{aws:PrincipalTag/userid}}/course-{i}/*",
                "arn:aws:s3:::wisdom-learn-course-bucket/shared/course-{i}/*"
            ],
            "Condition": {{
                "StringEquals": {{"aws:PrincipalTag/plan": ["basic", "premium"]}},
                "Bool": {{"aws:SecureTransport": "true"}},
                "IpAddress": {{"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]}}
            }}
        }}"#
        );
        size += statement.len() + 2;
        statements.push(statement);
        i += 1;
    }
    let mut text = String::from("{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n");
    let _ = write!(text, "{}", statements.join(",\n"));
    text.push_str("\n    ]\n}\n");
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use iamplay_core::policy::{Context, PolicyKind, check};

    #[test]
    fn the_benchmark_policy_is_valid_and_as_large_as_asked() {
        let text = course_policy(10 * 1024);
        assert!(
            text.len() >= 10 * 1024 && text.len() < 12 * 1024,
            "{}",
            text.len()
        );
        let checked = check(&text, &Context::new(PolicyKind::RoleInlinePolicy));
        assert!(checked.is_valid(), "{:?}", checked.findings);
        assert_eq!(checked.findings, []);
    }
}
