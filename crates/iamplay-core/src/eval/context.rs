//! Looking up context keys in a request: the keys given with it, and the keys that describe its
//! principal, derived on demand
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html>).
//! Key names match without regard to case.

use alloc::borrow::Cow;
use alloc::vec::Vec;

use super::request::{PrincipalType, Request};

/// The values of a key in a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Values<'r> {
    /// The key is not in the request.
    Missing,
    /// Its values (possibly none, for an empty multivalued key).
    Present(Vec<Cow<'r, str>>),
}

impl<'r> Values<'r> {
    fn one(value: impl Into<Cow<'r, str>>) -> Self {
        Self::Present(alloc::vec![value.into()])
    }
}

/// The values of `key` in `request`: given keys first, then keys derived from the principal.
pub(crate) fn lookup<'r>(request: &'r Request, key: &str) -> Values<'r> {
    if let Some(entry) = request
        .context
        .iter()
        .find(|entry| entry.key.eq_ignore_ascii_case(key))
    {
        return Values::Present(
            entry
                .values
                .iter()
                .map(|v| Cow::Borrowed(v.as_str()))
                .collect(),
        );
    }
    derived(request, key)
}

fn derived<'r>(request: &'r Request, key: &str) -> Values<'r> {
    let principal = &request.principal;
    let anonymous = principal.principal_type == PrincipalType::Anonymous;
    if let Some(tag_key) = strip_prefix_ignore_case(key, "aws:PrincipalTag/") {
        return principal.tag(tag_key).map_or(Values::Missing, Values::one);
    }
    let is = |name: &str| key.eq_ignore_ascii_case(name);
    if is("aws:PrincipalArn") {
        principal
            .principal_arn()
            .map_or(Values::Missing, Values::one)
    } else if is("aws:PrincipalAccount") {
        if anonymous {
            Values::one("anonymous")
        } else if principal.account.is_empty() {
            Values::Missing
        } else {
            Values::one(principal.account.as_str())
        }
    } else if is("aws:PrincipalType") {
        Values::one(principal.principal_type.as_str())
    } else if is("aws:userid") {
        Values::one(principal.user_id.as_str())
    } else if is("aws:username") {
        principal.username().map_or(Values::Missing, Values::one)
    } else if is("aws:ResourceAccount") {
        request
            .resource_account
            .as_deref()
            .map_or(Values::Missing, Values::one)
    } else {
        Values::Missing
    }
}

/// `text` without `prefix`, compared without regard to ASCII case.
pub(crate) fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

#[cfg(test)]
mod tests {
    use alloc::vec;

    use super::*;
    use crate::eval::request::{Caller, ContextEntry, Tag};

    fn session() -> Request {
        Request {
            principal: Caller {
                principal_type: PrincipalType::AssumedRole,
                arn: "arn:aws:sts::111122223333:assumed-role/CourseAccessRole/student-42".into(),
                account: "111122223333".into(),
                user_id: "AROAEXAMPLEROLEID:student-42".into(),
                role_arn: Some("arn:aws:iam::111122223333:role/CourseAccessRole".into()),
                source_user_arn: None,
                federated_provider: None,
                tags: vec![Tag {
                    key: "userid".into(),
                    value: "123456".into(),
                }],
            },
            action: "s3:ListBucket".into(),
            resource: "arn:aws:s3:::wisdom-learn-course-bucket".into(),
            resource_account: Some("111122223333".into()),
            context: vec![ContextEntry::single("s3:prefix", "PREFIX/123456/")],
        }
    }

    fn one(request: &Request, key: &str) -> Option<alloc::string::String> {
        match lookup(request, key) {
            Values::Present(values) => values.first().map(|v| v.clone().into_owned()),
            Values::Missing => None,
        }
    }

    #[test]
    fn principal_keys_are_derived_and_names_ignore_case() {
        let request = session();
        assert_eq!(
            one(&request, "aws:PrincipalTag/UserId").as_deref(),
            Some("123456")
        );
        assert_eq!(
            one(&request, "AWS:PrincipalArn").as_deref(),
            Some("arn:aws:iam::111122223333:role/CourseAccessRole"),
            "a role session's aws:PrincipalArn is the role"
        );
        assert_eq!(
            one(&request, "aws:PrincipalType").as_deref(),
            Some("AssumedRole")
        );
        assert_eq!(
            one(&request, "aws:userid").as_deref(),
            Some("AROAEXAMPLEROLEID:student-42")
        );
        assert_eq!(
            one(&request, "aws:username"),
            None,
            "only IAM users have a user name"
        );
        assert_eq!(
            one(&request, "S3:Prefix").as_deref(),
            Some("PREFIX/123456/")
        );
        assert_eq!(one(&request, "aws:PrincipalTag/team"), None);
        assert_eq!(one(&request, "aws:SourceIp"), None);
    }

    #[test]
    fn users_have_user_names() {
        let mut request = session();
        request.principal.principal_type = PrincipalType::User;
        request.principal.arn = "arn:aws:iam::444455556666:user/division/app-server".into();
        assert_eq!(one(&request, "aws:username").as_deref(), Some("app-server"));
        assert_eq!(
            one(&request, "aws:PrincipalArn").as_deref(),
            Some("arn:aws:iam::444455556666:user/division/app-server")
        );
    }
}
