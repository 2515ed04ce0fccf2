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

/// The large request shape of the benchmarks: 10 identity policies of 50 statements with two
/// conditions each, a bucket policy, a permissions boundary and a session policy, and a request
/// that only the last identity statement allows (so every statement is evaluated).
pub struct LargeShape {
    /// The identity policies' texts.
    pub identity: Vec<String>,
    /// The bucket policy's text.
    pub resource: String,
    /// The boundary's text.
    pub boundary: String,
    /// The session policy's text.
    pub session: String,
    /// The caller: a role session.
    pub principal: &'static str,
    /// The caller's session tags.
    pub tags: Vec<(&'static str, &'static str)>,
    /// The action.
    pub action: &'static str,
    /// The resource.
    pub resource_arn: &'static str,
    /// The request context.
    pub context: Vec<(&'static str, &'static str)>,
}

/// Builds the [`LargeShape`].
#[must_use]
pub fn large_shape() -> LargeShape {
    let identity = (0..10)
        .map(|p| {
            let statements: Vec<String> = (0..50)
                .map(|s| {
                    let last = p == 9 && s == 49;
                    let course = if last { "course-9".to_owned() } else { format!("course-{p}-{s}") };
                    format!(
                        r#"{{"Sid": "P{p}S{s}", "Effect": "Allow",
                            "Action": ["s3:GetObject", "s3:GetObjectVersion"],
                            "Resource": "arn:aws:s3:::wisdom-learn-course-bucket/PREFIX/${{aws:PrincipalTag/userid}}/{course}/*",
                            "Condition": {{
                                "StringEquals": {{"aws:PrincipalTag/plan": ["basic", "premium"]}},
                                "IpAddress": {{"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]}}
                            }}}}"#
                    )
                })
                .collect();
            format!(r#"{{"Version": "2012-10-17", "Statement": [{}]}}"#, statements.join(","))
        })
        .collect();
    LargeShape {
        identity,
        resource: r#"{"Version": "2012-10-17", "Statement": [
            {"Sid": "DenyInsecure", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
             "Resource": "arn:aws:s3:::wisdom-learn-course-bucket/*",
             "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
            {"Sid": "CourseRole", "Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::111122223333:role/CourseAccessRole"},
             "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::wisdom-learn-course-bucket"}]}"#
            .into(),
        boundary: r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::wisdom-learn-course-bucket/*"},
            {"Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"}]}"#
            .into(),
        session: r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "s3:GetObject*", "Resource": "arn:aws:s3:::wisdom-learn-course-bucket/PREFIX/*"}]}"#
            .into(),
        principal: "arn:aws:sts::111122223333:assumed-role/CourseAccessRole/student-42",
        tags: vec![("userid", "123456"), ("plan", "premium")],
        action: "s3:GetObject",
        resource_arn: "arn:aws:s3:::wisdom-learn-course-bucket/PREFIX/123456/course-9/lesson-1.mp4",
        context: vec![("aws:SourceIp", "203.0.113.7"), ("aws:SecureTransport", "true")],
    }
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
