//! Properties of STS sessions over generated worlds, through the simulator as a scenario uses
//! it: a role session never has more permission than the role's own policies give, a session
//! policy only narrows, and a role chain never gets a session longer than one hour
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining>).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use proptest::prelude::*;
use serde_json::json;

use super::tests::{simulator, text};
use super::{AssumeRole, Credentials, ServiceRequest, SessionTag, Simulator};
use crate::eval::properties::{ACTIONS, RESOURCES, decide, identity, policy_text, statements};
use crate::eval::{ContextEntry, Decision, Request, Tag};

const ACCOUNT: &str = "111122223333";
const ROLE: &str = "arn:aws:iam::111122223333:role/CourseAccessRole";
const ALICE_KEY: &str = "AKIAALICE00000000001";
/// The longest session a role chain gets.
const ONE_HOUR: i64 = 3600;

/// What lets alice, and the role itself (for chains), assume and tag the role.
const ASSUME: &str = r#"{"Effect": "Allow", "Action": ["sts:AssumeRole", "sts:TagSession"], "Resource": "arn:aws:iam::111122223333:role/CourseAccessRole"}"#;

/// The role's own statements: the generated ones and [`ASSUME`].
fn own(role_statements: &[String]) -> Vec<String> {
    let mut own = role_statements.to_vec();
    own.push(ASSUME.into());
    own
}

/// Alice may assume (and tag) the role, which trusts her and itself; the role has
/// `role_statements`; the bucket of the requests is in the same account, without a policy.
fn world(role_statements: &[String], max_session_duration: i64) -> serde_json::Value {
    let trust = json!({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": [format!("arn:aws:iam::{ACCOUNT}:user/alice"), ROLE]},
        "Action": ["sts:AssumeRole", "sts:TagSession"]
    }]});
    json!({
        "time": "2026-06-01T12:00:00Z",
        "accounts": [{
            "id": ACCOUNT,
            "users": [{"name": "alice", "accessKeys": [{"accessKeyId": ALICE_KEY}],
                       "inlinePolicies": [{"name": "Assume", "document": policy_text(&[ASSUME.into()])}]}],
            "roles": [{"name": "CourseAccessRole", "trustPolicy": text(&trust),
                       "maxSessionDuration": max_session_duration,
                       "inlinePolicies": [{"name": "Own", "document": policy_text(&own(role_statements))}]}],
            "resources": [{"arn": "arn:aws:s3:::wisdom-learn-course-bucket"}]
        }]
    })
}

fn alice() -> Credentials {
    Credentials::AccessKeyId(ALICE_KEY.into())
}

fn assume(duration: Option<i64>, tags: &[(&str, &str)], policy: Option<String>) -> AssumeRole {
    AssumeRole {
        role_arn: Some(ROLE.into()),
        role_session_name: Some("my-session".into()),
        duration_seconds: duration,
        policy,
        tags: tags
            .iter()
            .map(|(key, value)| SessionTag {
                key: (*key).into(),
                value: (*value).into(),
            })
            .collect(),
        ..AssumeRole::default()
    }
}

/// A generated request: action, resource and context, and the session's tags.
#[derive(Clone, Debug)]
struct Asked {
    action: &'static str,
    resource: &'static str,
    userid: &'static str,
    plan: Option<&'static str>,
    prefix: Option<&'static str>,
    secure: bool,
}

impl Asked {
    fn tags(&self) -> Vec<(&'static str, &'static str)> {
        let mut tags = alloc::vec![("userid", self.userid)];
        tags.extend(self.plan.map(|plan| ("plan", plan)));
        tags
    }

    fn context(&self) -> Vec<ContextEntry> {
        let secure = if self.secure { "true" } else { "false" };
        let mut context = alloc::vec![ContextEntry::single("aws:SecureTransport", secure)];
        context.extend(self.prefix.map(|p| ContextEntry::single("s3:prefix", p)));
        context
    }

    /// The decision of the role's own policies alone, for a principal with these tags.
    fn by_the_role(&self, role_statements: &[String]) -> Decision {
        let mut principal = crate::eval::tests::student(self.userid);
        principal.tags.extend(self.plan.map(|plan| Tag {
            key: "plan".into(),
            value: plan.into(),
        }));
        let request = Request {
            principal,
            action: self.action.into(),
            resource: self.resource.into(),
            resource_account: Some(ACCOUNT.into()),
            context: self.context(),
        };
        decide(&request, &identity(&own(role_statements)))
    }

    /// Whether a session made with `session_policy` is allowed it; `None` when the call failed.
    fn by_a_session(&self, sim: &mut Simulator, session_policy: Option<String>) -> Option<bool> {
        let outcome = sim.assume_role(&alice(), &assume(None, &self.tags(), session_policy), &[]);
        let key = outcome.response?.credentials.access_key_id;
        let request = ServiceRequest {
            action: self.action.into(),
            resource: self.resource.into(),
            context: self.context(),
        };
        Some(
            sim.request(&Credentials::AccessKeyId(key), &request)
                .is_allowed(),
        )
    }
}

fn asked() -> impl Strategy<Value = Asked> {
    use proptest::sample::select;
    (
        select(ACTIONS.to_vec()),
        select(RESOURCES.to_vec()),
        select(["123456", "234567"].to_vec()),
        proptest::option::of(select(["basic", "premium"].to_vec())),
        proptest::option::of(select(["PREFIX/123456/a", "PREFIX/234567/b"].to_vec())),
        any::<bool>(),
    )
        .prop_map(|(action, resource, userid, plan, prefix, secure)| Asked {
            action,
            resource,
            userid,
            plan,
            prefix,
            secure,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn a_session_never_has_more_permission_than_its_role(
        role in statements(), session in proptest::option::of(statements()), asked in asked()
    ) {
        let mut sim = simulator(&world(&role, ONE_HOUR));
        let session_policy = session.as_deref().map(policy_text);
        let with_policy = asked.by_a_session(&mut sim, session_policy);
        prop_assume!(with_policy.is_some(), "the call failed (a session policy too large to pack)");
        let without = asked.by_a_session(&mut sim, None);
        prop_assert!(without.is_some(), "a plain AssumeRole by alice must succeed");
        if with_policy == Some(true) {
            prop_assert_eq!(without, Some(true), "a session policy widened the session");
        }
        if without == Some(true) {
            prop_assert_eq!(asked.by_the_role(&role), Decision::Allow, "the session outdid its role");
        }
    }

    #[test]
    fn a_role_chain_never_outlives_one_hour(
        max in 3600i64..=43200,
        hops in proptest::collection::vec(
            (proptest::option::of(900i64..=43_200), 0i64..3_000), 1..5
        ),
        first in proptest::option::of(900i64..=43_200),
    ) {
        let mut sim = simulator(&world(&[], max));
        let started = sim.assume_role(&alice(), &assume(first, &[], None), &[]);
        let Some(mut key) = started.response.map(|r| r.credentials.access_key_id) else {
            // Only asking for more than the role allows fails here.
            prop_assert!(first.is_some_and(|d| d > max), "{:?}", started.error);
            return Ok(());
        };
        for (duration, wait) in hops {
            sim.advance(wait);
            let chained = sim.assume_role(&Credentials::AccessKeyId(key.clone()), &assume(duration, &[], None), &[]);
            let Some(response) = chained.response else {
                break;
            };
            prop_assert!(duration.is_none_or(|d| d <= ONE_HOUR), "a chain asked for {duration:?} and got it");
            key = response.credentials.access_key_id;
            let session = sim.session(&key);
            prop_assert!(session.is_some_and(|s| s.chained));
            let Some(session) = session else { break };
            let lasts = session.expires_at.seconds - session.issued_at.seconds;
            prop_assert!(lasts <= ONE_HOUR, "a chained session lasts {lasts} s");
            prop_assert_eq!(session.issued_at, sim.now());
        }
    }
}
