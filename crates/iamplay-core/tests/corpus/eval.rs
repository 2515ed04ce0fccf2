//! The request evaluation corpus. A file is `{"topic": "...", "cases": [case, ...]}`; a case:
//!
//! ```json
//! {
//!   "name": "what the case shows",
//!   "source": "https://docs.aws.amazon.com/... (and/or docs/sources/evaluation-logic.md §3)",
//!   "policies": {
//!     "identity": [policy, ...], "boundary": policy, "session": [policy, ...],
//!     "resource": policy, "trust": false, "mustAllow": false, "identityMustAllow": false,
//!     "scps": [{"name": "Root", "policies": [policy | "FullAWSAccess", ...]}, ...],
//!     "rcps": [{"name": "Root", "policies": [policy | "RCPFullAWSAccess", ...]}, ...]
//!   },
//!   "request": {
//!     "principal": "arn:aws:sts::111122223333:assumed-role/CourseAccessRole/s" | {"arn": ..., ...},
//!     "tags": {"userid": "123456"},
//!     "action": "s3:ListBucket",
//!     "resource": "arn:aws:s3:::wisdom-learn-course-bucket",
//!     "resourceAccount": "111122223333",
//!     "context": {"s3:prefix": "PREFIX/123456/", "aws:TagKeys": ["a", "b"]}
//!   },
//!   "expect": {
//!     "decision": "Allow" | "ExplicitDeny" | "ImplicitDeny",
//!     "denial": {"layer": "IdentityBasedPolicy", "explicit": false},
//!     "determining": ["CourseAccessPolicy:ListYourObjects", "OtherPolicy:#2"],
//!     "aws": "AccessDenied: User: ..."
//!   }
//! }
//! ```
//!
//! A policy is `{"name": ..., "kind": "RoleInlinePolicy", "policy": {...}}` (or `"text"`); it
//! must be valid for its kind (by default: identity `RoleInlinePolicy`, boundary
//! `PermissionsBoundary`, session `SessionPolicy`, resource `BucketPolicy` or, with `"trust":
//! true`, `RoleTrustPolicy`, SCP `ServiceControlPolicy`, RCP `ResourceControlPolicy`).
//! `"session": null` (or absent) means no session policy applies; `[]` means the session has
//! session policies that allow nothing. The principal object may override `type`, `account`,
//! `userId`, `roleArn`, `sourceUserArn` and `federatedProvider` of what its `arn` says. The
//! resource account defaults to the principal's. `denial`, `determining` and `aws` are
//! checked when given; determining statements are `policy:Sid` or `policy:#index`, in any
//! order. Every case is also evaluated without an explanation, which must agree.

use std::collections::BTreeSet;

use iamplay_core::aws_managed;
use iamplay_core::eval::{
    Caller, ContextEntry, Options, OrgLevel, PolicySet, PrincipalType, Request, StatementRef, Tag,
    compile, details, evaluate,
};
use iamplay_core::policy::{Context, PolicyKind, check};
use libtest_mimic::Failed;
use serde_json::Value;

/// Runs one evaluation case.
pub(crate) fn run_case(case: &Value) -> Result<(), Failed> {
    let source = case["source"].as_str().unwrap_or_default();
    if !(source.contains("https://") || source.contains("docs/sources/")) {
        return Err("every case must cite its source (a URL or docs/sources/...)".into());
    }
    let set = policy_set(&case["policies"])?;
    let request = request(&case["request"])?;
    let response = evaluate(&request, &set, Options { explain: true });
    let fast = evaluate(&request, &set, Options::default());
    let mut problems = Vec::new();
    if fast.decision != response.decision || fast.determining != response.determining {
        problems.push(format!(
            "without an explanation: {:?} {:?}; with: {:?} {:?}",
            fast.decision, fast.determining, response.decision, response.determining
        ));
    }
    let expect = &case["expect"];
    let decision = format!("{:?}", response.decision);
    if expect["decision"].as_str() != Some(decision.as_str()) {
        problems.push(format!(
            "decision: expected {}, got {decision}",
            expect["decision"]
        ));
    }
    if let Some(denial) = expect.get("denial").filter(|d| !d.is_null()) {
        let actual = response
            .denial
            .map(|d| (format!("{:?}", d.layer), d.explicit));
        let wanted = (
            denial["layer"].as_str().unwrap_or_default().to_owned(),
            denial["explicit"].as_bool().unwrap_or(false),
        );
        if actual.as_ref() != Some(&wanted) {
            problems.push(format!("denial: expected {wanted:?}, got {actual:?}"));
        }
    }
    if let Some(determining) = expect.get("determining").and_then(Value::as_array) {
        let wanted: BTreeSet<String> = determining
            .iter()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect();
        let actual: BTreeSet<String> = response.determining.iter().map(reference).collect();
        if wanted != actual {
            problems.push(format!("determining: expected {wanted:?}, got {actual:?}"));
        }
    }
    if let Some(aws) = expect.get("aws").and_then(Value::as_str) {
        let actual = response
            .aws_error
            .as_ref()
            .map(|e| format!("{}: {}", e.code, e.message));
        if actual.as_deref() != Some(aws) {
            problems.push(format!("aws: expected {aws:?}, got {actual:?}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        let trace =
            serde_json::to_string_pretty(&details(&response, &request, &set)).unwrap_or_default();
        Err(format!("{}\ntrace: {trace}", problems.join("\n")).into())
    }
}

fn reference(statement: &StatementRef) -> String {
    match &statement.sid {
        Some(sid) if !sid.is_empty() => format!("{}:{sid}", statement.policy),
        _ => format!("{}:#{}", statement.policy, statement.index),
    }
}

fn compiled(
    value: &Value,
    default_kind: PolicyKind,
) -> Result<iamplay_core::eval::CompiledPolicy, String> {
    if let Some(name) = value.as_str() {
        return aws_managed::compiled(name)
            .ok_or_else(|| format!("unknown AWS managed policy `{name}`"));
    }
    let name = value["name"].as_str().ok_or("a policy needs a `name`")?;
    let kind = match value["kind"].as_str() {
        Some(kind) => {
            PolicyKind::from_name(kind).ok_or_else(|| format!("unknown kind `{kind}`"))?
        }
        None => default_kind,
    };
    let text = match (&value["text"], &value["policy"]) {
        (Value::String(text), Value::Null) => text.clone(),
        (Value::Null, policy @ Value::Object(_)) => serde_json::to_string_pretty(policy).unwrap(),
        _ => return Err(format!("policy `{name}`: give one of `text` and `policy`")),
    };
    let checked = check(&text, &Context::new(kind));
    let policy = checked.policy.ok_or_else(|| {
        format!(
            "policy `{name}` is not a valid {kind:?}: {:?}",
            checked.findings
        )
    })?;
    Ok(compile(name, &policy))
}

fn list(
    value: &Value,
    kind: PolicyKind,
) -> Result<Vec<iamplay_core::eval::CompiledPolicy>, String> {
    value.as_array().map_or(Ok(Vec::new()), |items| {
        items.iter().map(|p| compiled(p, kind)).collect()
    })
}

fn levels(value: &Value, kind: PolicyKind) -> Result<Vec<OrgLevel>, String> {
    value.as_array().map_or(Ok(Vec::new()), |levels| {
        levels
            .iter()
            .map(|level| {
                Ok(OrgLevel {
                    name: level["name"].as_str().unwrap_or("level").into(),
                    policies: list(&level["policies"], kind)?,
                })
            })
            .collect()
    })
}

fn policy_set(value: &Value) -> Result<PolicySet, String> {
    let trust = value["trust"].as_bool().unwrap_or(false);
    let resource_kind = if trust {
        PolicyKind::RoleTrustPolicy
    } else {
        PolicyKind::BucketPolicy
    };
    Ok(PolicySet {
        identity: list(&value["identity"], PolicyKind::RoleInlinePolicy)?,
        boundary: match &value["boundary"] {
            Value::Null => None,
            policy => Some(compiled(policy, PolicyKind::PermissionsBoundary)?),
        },
        session: match &value["session"] {
            Value::Null => None,
            policies => Some(list(policies, PolicyKind::SessionPolicy)?),
        },
        resource: match &value["resource"] {
            Value::Null => None,
            policy => Some(compiled(policy, resource_kind)?),
        },
        resource_is_trust_policy: trust,
        resource_must_allow: value["mustAllow"].as_bool().unwrap_or(false),
        identity_must_allow: value["identityMustAllow"].as_bool().unwrap_or(false),
        scps: levels(&value["scps"], PolicyKind::ServiceControlPolicy)?,
        rcps: levels(&value["rcps"], PolicyKind::ResourceControlPolicy)?,
    })
}

fn request(value: &Value) -> Result<Request, String> {
    let principal = &value["principal"];
    let arn = principal
        .as_str()
        .or_else(|| principal["arn"].as_str())
        .ok_or("the request needs a principal")?;
    let mut caller = Caller::from_arn(arn).unwrap_or_else(|| Caller {
        principal_type: PrincipalType::Anonymous,
        arn: arn.into(),
        account: String::new(),
        user_id: String::new(),
        role_arn: None,
        source_user_arn: None,
        federated_provider: None,
        tags: Vec::new(),
    });
    if principal.is_object() {
        if let Some(kind) = principal["type"].as_str() {
            caller.principal_type =
                serde_json::from_value(Value::String(kind.into())).map_err(|e| e.to_string())?;
        }
        let text = |key: &str| principal[key].as_str().map(String::from);
        caller.account = text("account").unwrap_or(caller.account);
        caller.user_id = text("userId").unwrap_or(caller.user_id);
        caller.role_arn = text("roleArn").or(caller.role_arn);
        caller.source_user_arn = text("sourceUserArn").or(caller.source_user_arn);
        caller.federated_provider = text("federatedProvider").or(caller.federated_provider);
    }
    if let Some(tags) = value["tags"].as_object() {
        caller.tags = tags
            .iter()
            .map(|(key, value)| Tag {
                key: key.clone(),
                value: value.as_str().unwrap_or_default().into(),
            })
            .collect();
    }
    let context = value["context"]
        .as_object()
        .map_or_else(Vec::new, |entries| {
            entries
                .iter()
                .map(|(key, value)| ContextEntry {
                    key: key.clone(),
                    values: match value {
                        Value::Array(items) => items.iter().map(scalar).collect(),
                        other => vec![scalar(other)],
                    },
                })
                .collect()
        });
    let resource_account = value["resourceAccount"]
        .as_str()
        .map(String::from)
        .or_else(|| Some(caller.account.clone()));
    Ok(Request {
        action: value["action"]
            .as_str()
            .ok_or("the request needs an action")?
            .into(),
        resource: value["resource"].as_str().unwrap_or("*").into(),
        resource_account,
        context,
        principal: caller,
    })
}

fn scalar(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}
