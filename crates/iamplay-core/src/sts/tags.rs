//! Session tags: the rules STS applies to the tags a call passes, and the principal tags of the
//! new session (`docs/sources/condition-keys.md` §7, `docs/sources/sts.md` §3.9): the role's
//! (or user's) tags, overridden by the transitive tags inherited from the calling session, in
//! turn overridden by the tags passed, keys compared without regard to case.

use alloc::string::String;
use alloc::vec::Vec;

use super::error::{Failure, StsError, TagProblem};
use super::params::SessionTag;
use crate::eval::Tag;

/// The tags of a new session.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct SessionTags {
    /// Its principal tags.
    pub(crate) principal_tags: Vec<Tag>,
    /// The keys that pass on to the next session of a chain.
    pub(crate) transitive_keys: Vec<String>,
}

fn invalid(message: &str, problem: TagProblem, key: &str) -> StsError {
    StsError {
        code: "InvalidParameterValue",
        status: 400,
        message: message.into(),
        reason: Failure::InvalidSessionTags {
            problem,
            key: key.into(),
        },
    }
}

/// Applies the rules to `passed` tags and `transitive` keys, given the tags the calling session
/// passes on (`inherited`) and the tags of the role or user (`own`).
pub(crate) fn session_tags(
    passed: &[SessionTag],
    transitive: &[String],
    inherited: &[Tag],
    own: &[Tag],
) -> Result<SessionTags, StsError> {
    for (i, tag) in passed.iter().enumerate() {
        if passed
            .iter()
            .take(i)
            .any(|t| t.key.eq_ignore_ascii_case(&tag.key))
        {
            return Err(invalid(
                "Duplicate tag keys found. Please note that Tag keys are case insensitive.",
                TagProblem::DuplicateKey,
                &tag.key,
            ));
        }
    }
    if let Some(key) = transitive
        .iter()
        .find(|key| !passed.iter().any(|t| t.key.eq_ignore_ascii_case(key)))
    {
        return Err(invalid(
            "The specified transitive tag key must be included in the requested tags.",
            TagProblem::TransitiveKeyNotInTags,
            key,
        ));
    }
    if let Some(tag) = passed
        .iter()
        .find(|t| inherited.iter().any(|i| i.key.eq_ignore_ascii_case(&t.key)))
    {
        return Err(invalid(
            "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
            TagProblem::OverridesInheritedTransitiveTag,
            &tag.key,
        ));
    }
    let mut principal_tags: Vec<Tag> = own.to_vec();
    let mut put = |tag: Tag| {
        principal_tags.retain(|t| !t.key.eq_ignore_ascii_case(&tag.key));
        principal_tags.push(tag);
    };
    for tag in inherited {
        put(tag.clone());
    }
    for tag in passed {
        put(Tag {
            key: tag.key.clone(),
            value: tag.value.clone(),
        });
    }
    let mut transitive_keys: Vec<String> = inherited.iter().map(|t| t.key.clone()).collect();
    for key in transitive {
        // The passed tag's spelling of the key.
        if let Some(tag) = passed.iter().find(|t| t.key.eq_ignore_ascii_case(key))
            && !transitive_keys
                .iter()
                .any(|k| k.eq_ignore_ascii_case(&tag.key))
        {
            transitive_keys.push(tag.key.clone());
        }
    }
    Ok(SessionTags {
        principal_tags,
        transitive_keys,
    })
}

/// The tags a session passes on to the next one in a chain: its tags whose keys are transitive.
pub(crate) fn transitive_tags(principal_tags: &[Tag], transitive_keys: &[String]) -> Vec<Tag> {
    principal_tags
        .iter()
        .filter(|t| {
            transitive_keys
                .iter()
                .any(|k| k.eq_ignore_ascii_case(&t.key))
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use alloc::vec;

    use super::*;

    fn tag(key: &str, value: &str) -> Tag {
        Tag {
            key: key.into(),
            value: value.into(),
        }
    }

    fn passed(key: &str, value: &str) -> SessionTag {
        SessionTag {
            key: key.into(),
            value: value.into(),
        }
    }

    /// The worked example of
    /// <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_role-chaining>:
    /// transitive `Star` and `Heart` from session one; role two tagged `Sun=2`.
    #[test]
    fn transitive_tags_pass_on_and_beat_the_next_roles_tags() {
        let first = session_tags(
            &[passed("Star", "1"), passed("Heart", "1")],
            &["Star".into(), "Heart".into()],
            &[],
            &[],
        )
        .unwrap_or_default();
        let inherited = transitive_tags(&first.principal_tags, &first.transitive_keys);
        let second = session_tags(&[], &[], &inherited, &[tag("Sun", "2")]).unwrap_or_default();
        assert_eq!(
            second.principal_tags,
            vec![tag("Sun", "2"), tag("Star", "1"), tag("Heart", "1")]
        );
        let inherited = transitive_tags(&second.principal_tags, &second.transitive_keys);
        let third = session_tags(&[], &[], &inherited, &[tag("Star", "3")]).unwrap_or_default();
        assert!(third.principal_tags.contains(&tag("Star", "1")));
        let error = session_tags(&[passed("Heart", "3")], &[], &inherited, &[])
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        assert!(error.starts_with("One of the specified transitive tag keys can't be set"));
    }

    #[test]
    fn session_tags_override_role_tags_whatever_the_case() {
        let tags = session_tags(
            &[passed("department", "engineering")],
            &[],
            &[],
            &[tag("Department", "Marketing")],
        )
        .unwrap_or_default();
        assert_eq!(tags.principal_tags, vec![tag("department", "engineering")]);
    }

    #[test]
    fn broken_rules_give_awss_errors() {
        let duplicate = session_tags(&[passed("a", "1"), passed("A", "2")], &[], &[], &[]);
        assert_eq!(
            duplicate.err().map(|e| (e.code, e.message)),
            Some((
                "InvalidParameterValue",
                "Duplicate tag keys found. Please note that Tag keys are case insensitive.".into()
            ))
        );
        let missing = session_tags(&[passed("a", "1")], &["b".into()], &[], &[]);
        assert_eq!(
            missing.err().map(|e| e.message),
            Some("The specified transitive tag key must be included in the requested tags.".into())
        );
        assert!(session_tags(&[passed("Key", "1")], &["key".into()], &[], &[]).is_ok());
    }
}
