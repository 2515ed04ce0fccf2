//! `sts`: a sequence of STS calls and requests with arbitrary parameters, in the world of one
//! of the built-in lessons: `AssumeRole` (tags, transitive keys, session policies, external id,
//! MFA, source identity; chained through earlier sessions), `GetSessionToken`,
//! `GetFederationToken`, `AssumeRoleWithWebIdentity` (claims made into a token),
//! `GetCallerIdentity`, requests, and the clock moving on.
//!
//! Strings are mostly words of the lesson (every string and key of its document: ARNs, session
//! names, tag keys, actions, policies, claims), so that calls get past the parameter checks, and
//! sometimes any text.
//!
//! What must hold:
//! - every call gives a response or an error, never both; a call that succeeds was allowed by
//!   every authorization it made; everything is worded in every language (see `iamplay_fuzz`);
//! - a call that succeeds issues exactly one session, with credentials of its own that
//!   `GetCallerIdentity` (which needs no permission) resolves to the session's ARN;
//! - a request is refused exactly when it is not allowed, and always with expired credentials.

#![no_main]

use std::collections::BTreeSet;
use std::sync::OnceLock;

use arbitrary::Arbitrary;
use iamplay_core::eval::ContextEntry;
use iamplay_core::json::{self, DEFAULT_MAX_DEPTH, Json, Value};
use iamplay_core::scenario::{self, builtin};
use iamplay_core::sts::{
    self, AssumeRole, AssumeRoleWithWebIdentity, CallOutcome, Credentials, GetFederationToken,
    GetSessionToken, PolicyDescriptor, ServiceRequest, SessionTag, Simulator,
};
use iamplay_fuzz::{check_call, explain_authorization, explain_error};
use libfuzzer_sys::fuzz_target;

/// At most this many operations per input.
const MAX_OPERATIONS: usize = 8;

/// A lesson's world, ready, and its words.
struct Lesson {
    simulator: Simulator,
    words: Vec<String>,
}

fn lessons() -> &'static [Lesson] {
    static LESSONS: OnceLock<Vec<Lesson>> = OnceLock::new();
    LESSONS.get_or_init(|| {
        builtin::ALL
            .iter()
            .filter_map(|lesson| {
                let scenario = scenario::read(lesson.text).scenario?;
                let mut words = BTreeSet::new();
                if let Ok(json) = json::parse(lesson.text, DEFAULT_MAX_DEPTH) {
                    collect_words(&json, &mut words);
                }
                Some(Lesson {
                    simulator: Simulator::new(&scenario.world),
                    words: words.into_iter().collect(),
                })
            })
            .collect()
    })
}

fn collect_words(json: &Json, words: &mut BTreeSet<String>) {
    match &json.value {
        Value::String(text) | Value::Number(text) => {
            words.insert(text.clone());
        }
        Value::Array(items) => items.iter().for_each(|item| collect_words(item, words)),
        Value::Object(members) => {
            for member in members {
                words.insert(member.key.clone());
                collect_words(&member.value, words);
            }
        }
        Value::Null | Value::Bool(_) => {}
    }
}

/// A string: a word of the lesson, or any text.
#[derive(Arbitrary, Debug)]
enum Word {
    Known(u16),
    Typed(String),
}

impl Word {
    fn get(&self, words: &[String]) -> String {
        match self {
            Self::Known(i) if !words.is_empty() => words
                .get(usize::from(*i) % words.len())
                .cloned()
                .unwrap_or_default(),
            Self::Known(_) => String::new(),
            Self::Typed(text) => text.clone(),
        }
    }
}

/// Who signs.
#[derive(Arbitrary, Debug)]
enum Signer {
    Anonymous,
    /// A principal's long-term credentials, by ARN.
    LongTerm(Word),
    /// The credentials of a session issued earlier (by index).
    Session(u8),
    /// An access key id.
    AccessKey(Word),
}

/// A duration in seconds: one of AWS's limits, or any number.
#[derive(Arbitrary, Debug)]
enum Duration {
    Limit(u8),
    Any(i64),
}

impl Duration {
    fn seconds(&self) -> i64 {
        const LIMITS: [i64; 8] = [900, 899, 3600, 3601, 43200, 43201, 129_600, 129_601];
        match self {
            Self::Limit(i) => LIMITS[usize::from(*i) % LIMITS.len()],
            Self::Any(seconds) => *seconds,
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Operation {
    AssumeRole {
        signer: Signer,
        role_arn: Option<Word>,
        role_session_name: Option<Word>,
        policy_arns: Vec<Word>,
        policy: Option<Word>,
        duration: Option<Duration>,
        tags: Vec<(Word, Word)>,
        transitive_tag_keys: Vec<Word>,
        external_id: Option<Word>,
        serial_number: Option<Word>,
        token_code: Option<Word>,
        source_identity: Option<Word>,
        context: Vec<(Word, Word)>,
    },
    GetSessionToken {
        signer: Signer,
        duration: Option<Duration>,
        serial_number: Option<Word>,
        token_code: Option<Word>,
    },
    GetFederationToken {
        signer: Signer,
        name: Option<Word>,
        policy: Option<Word>,
        policy_arns: Vec<Word>,
        duration: Option<Duration>,
        tags: Vec<(Word, Word)>,
        context: Vec<(Word, Word)>,
    },
    AssumeRoleWithWebIdentity {
        role_arn: Option<Word>,
        role_session_name: Option<Word>,
        /// Claims made into an unsigned token, or the token as it is.
        claims: Result<Vec<(Word, Word)>, Word>,
        provider_id: Option<Word>,
        policy_arns: Vec<Word>,
        policy: Option<Word>,
        duration: Option<Duration>,
        context: Vec<(Word, Word)>,
    },
    GetCallerIdentity {
        signer: Signer,
    },
    Request {
        signer: Signer,
        action: Word,
        resource: Word,
        context: Vec<(Word, Word)>,
    },
    Wait(u32),
}

#[derive(Arbitrary, Debug)]
struct Input {
    lesson: u8,
    operations: Vec<Operation>,
}

fuzz_target!(|input: Input| {
    let lessons = lessons();
    let Some(lesson) = lessons.get(usize::from(input.lesson) % lessons.len().max(1)) else {
        return;
    };
    let mut simulator = lesson.simulator.clone();
    for operation in input.operations.iter().take(MAX_OPERATIONS) {
        play(&mut simulator, operation, &lesson.words);
    }
    let keys: BTreeSet<&str> = simulator
        .sessions()
        .iter()
        .map(|s| s.credentials.access_key_id.as_str())
        .collect();
    assert_eq!(
        keys.len(),
        simulator.sessions().len(),
        "two sessions share a key"
    );
});

fn play(simulator: &mut Simulator, operation: &Operation, words: &[String]) {
    let word = |w: &Word| w.get(words);
    let some = |w: &Option<Word>| w.as_ref().map(word);
    let list = |ws: &[Word]| ws.iter().map(word).collect::<Vec<_>>();
    let arns = |ws: &[Word]| {
        ws.iter()
            .map(|w| PolicyDescriptor { arn: word(w) })
            .collect::<Vec<_>>()
    };
    let tags = |pairs: &[(Word, Word)]| {
        pairs
            .iter()
            .map(|(k, v)| SessionTag {
                key: word(k),
                value: word(v),
            })
            .collect::<Vec<_>>()
    };
    let context = |pairs: &[(Word, Word)]| {
        pairs
            .iter()
            .map(|(k, v)| ContextEntry::single(word(k), word(v)))
            .collect::<Vec<_>>()
    };
    let credentials = |signer: &Signer, simulator: &Simulator| match signer {
        Signer::Anonymous => Credentials::Anonymous,
        Signer::LongTerm(arn) => Credentials::LongTerm(word(arn)),
        Signer::AccessKey(key) => Credentials::AccessKeyId(word(key)),
        Signer::Session(i) => {
            let sessions = simulator.sessions();
            sessions
                .get(usize::from(*i) % sessions.len().max(1))
                .map_or(Credentials::Anonymous, |s| {
                    Credentials::AccessKeyId(s.credentials.access_key_id.clone())
                })
        }
    };
    let before = simulator.sessions().len();
    let issued = match operation {
        Operation::AssumeRole {
            signer,
            role_arn,
            role_session_name,
            policy_arns,
            policy,
            duration,
            tags: session_tags,
            transitive_tag_keys,
            external_id,
            serial_number,
            token_code,
            source_identity,
            context: keys,
        } => {
            let call = AssumeRole {
                role_arn: some(role_arn),
                role_session_name: some(role_session_name),
                policy_arns: arns(policy_arns),
                policy: some(policy),
                duration_seconds: duration.as_ref().map(Duration::seconds),
                tags: tags(session_tags),
                transitive_tag_keys: list(transitive_tag_keys),
                external_id: some(external_id),
                serial_number: some(serial_number),
                token_code: some(token_code),
                source_identity: some(source_identity),
            };
            let signer = credentials(signer, simulator);
            let outcome = simulator.assume_role(&signer, &call, &context(keys));
            checked(&outcome, call.policy.as_deref())
        }
        Operation::GetSessionToken {
            signer,
            duration,
            serial_number,
            token_code,
        } => {
            let call = GetSessionToken {
                duration_seconds: duration.as_ref().map(Duration::seconds),
                serial_number: some(serial_number),
                token_code: some(token_code),
            };
            let signer = credentials(signer, simulator);
            checked(&simulator.get_session_token(&signer, &call), None)
        }
        Operation::GetFederationToken {
            signer,
            name,
            policy,
            policy_arns,
            duration,
            tags: session_tags,
            context: keys,
        } => {
            let call = GetFederationToken {
                name: some(name),
                policy: some(policy),
                policy_arns: arns(policy_arns),
                duration_seconds: duration.as_ref().map(Duration::seconds),
                tags: tags(session_tags),
            };
            let signer = credentials(signer, simulator);
            let outcome = simulator.get_federation_token(&signer, &call, &context(keys));
            checked(&outcome, call.policy.as_deref())
        }
        Operation::AssumeRoleWithWebIdentity {
            role_arn,
            role_session_name,
            claims,
            provider_id,
            policy_arns,
            policy,
            duration,
            context: keys,
        } => {
            let token = match claims {
                Ok(pairs) => sts::unsigned_jwt(&claims_json(pairs, words)),
                Err(token) => word(token),
            };
            let call = AssumeRoleWithWebIdentity {
                role_arn: some(role_arn),
                role_session_name: some(role_session_name),
                web_identity_token: Some(token),
                provider_id: some(provider_id),
                policy_arns: arns(policy_arns),
                policy: some(policy),
                duration_seconds: duration.as_ref().map(Duration::seconds),
            };
            let outcome = simulator.assume_role_with_web_identity(&call, &context(keys));
            checked(&outcome, call.policy.as_deref())
        }
        Operation::GetCallerIdentity { signer } => {
            let signer = credentials(signer, simulator);
            check_call(&simulator.get_caller_identity(&signer), None);
            false
        }
        Operation::Request {
            signer,
            action,
            resource,
            context: keys,
        } => {
            let request = ServiceRequest {
                action: word(action),
                resource: word(resource),
                context: context(keys),
            };
            let signer = credentials(signer, simulator);
            let outcome = simulator.request(&signer, &request);
            let allowed = outcome
                .authorization
                .as_ref()
                .is_some_and(|a| a.is_allowed());
            assert_eq!(outcome.is_allowed(), allowed, "{outcome:?}");
            if let Credentials::AccessKeyId(key) = &signer
                && simulator
                    .session(key)
                    .is_some_and(|s| s.is_expired(simulator.now()))
            {
                assert!(!allowed, "a request with expired credentials was allowed");
            }
            outcome.authorization.iter().for_each(explain_authorization);
            outcome.error.iter().for_each(explain_error);
            false
        }
        Operation::Wait(seconds) => {
            simulator.advance(i64::from(*seconds));
            false
        }
    };
    let after = simulator.sessions().len();
    assert_eq!(
        after,
        before + usize::from(issued),
        "sessions issued: {before} → {after}"
    );
    if issued && let Some(session) = simulator.sessions().last() {
        assert!(session.expires_at > session.issued_at, "{session:?}");
        let key = Credentials::AccessKeyId(session.credentials.access_key_id.clone());
        let identity = simulator.get_caller_identity(&key);
        assert_eq!(
            identity.response.map(|r| r.arn),
            Some(session.arn.clone()),
            "the new session's credentials do not resolve to it"
        );
    }
}

/// Checks a call's outcome; whether it issued a session.
fn checked<T: std::fmt::Debug>(outcome: &CallOutcome<T>, policy: Option<&str>) -> bool {
    check_call(outcome, policy);
    outcome.is_ok()
}

/// A JSON object of claims.
fn claims_json(pairs: &[(Word, Word)], words: &[String]) -> String {
    let mut out = String::from("{");
    for (i, (key, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json::write_string(&mut out, &key.get(words));
        out.push(':');
        json::write_string(&mut out, &value.get(words));
    }
    out.push('}');
    out
}
