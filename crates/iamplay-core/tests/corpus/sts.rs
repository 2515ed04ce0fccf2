//! The STS corpus: worlds, STS calls and requests, with AWS's answers. A file is
//! `{"topic": "...", "world": {...}, "cases": [case, ...]}`; the file's world is each case's
//! unless the case has its own. A case:
//!
//! ```json
//! {
//!   "name": "what the case shows",
//!   "source": "https://docs.aws.amazon.com/... (and/or docs/sources/sts.md §3.4)",
//!   "world": {...},
//!   "worldPatch": [{"pointer": "/accounts/0/roles/0/maxSessionDuration", "value": 7200}],
//!   "steps": [
//!     {"name": "assume", "as": {"principal": "arn:aws:iam::111122223333:user/ServerUser"},
//!      "call": "AssumeRole", "params": {"RoleArn": "...", "RoleSessionName": "s"},
//!      "context": {"aws:SourceIp": "203.0.113.7"},
//!      "expect": {"ok": true, "response": {...}, "authorizations": [["sts:AssumeRole", "Allow"]],
//!                 "session": {...}, "notes": ["packedPolicySizeEstimated"], "context": {...}}},
//!     {"advance": 3600},
//!     {"as": {"session": "assume"}, "request": {"action": "s3:GetObject", "resource": "...",
//!      "context": {...}}, "expect": {"decision": "Allow"}},
//!     {"as": "anonymous", "call": "AssumeRoleWithWebIdentity", "params": {...},
//!      "claims": {"iss": "...", "aud": "..."}, "expect": {"error": {"code": "...",
//!      "message": "...", "status": 400}}}
//!   ]
//! }
//! ```
//!
//! `as` is `{"principal": ARN}` (long-term credentials of a user or root user),
//! `{"accessKeyId": ID}`, `{"session": STEP}` (the credentials an earlier step got) or
//! `"anonymous"`. Calls are `AssumeRole`, `GetSessionToken`, `GetFederationToken`,
//! `AssumeRoleWithWebIdentity` (`claims` becomes the `WebIdentityToken`) and
//! `GetCallerIdentity`. Policy documents may be written as JSON objects: `document`,
//! `trustPolicy` and a resource's `policy` in the world, and `Policy` in params, are turned into
//! text. `expect` checks, each when given: `error` (code, message, status), `ok`, `response`,
//! `session` and a request's `context` (subsets of what was returned), `authorizations` (every
//! action with its decision, in order), `denial` (layer and whether explicit, of the last
//! authorization), `decision` (of a request), `notes` (the note tags present). A case marked
//! `"unconfirmed": "why"` encodes documented behaviour whose exact AWS text or order is not
//! confirmed (see `docs/sources/sts.md` §12); `"evidence"` quotes what settled a case where
//! sources disagreed.

use iamplay_core::policy::Severity;
use iamplay_core::sts::{
    AssumeRole, AssumeRoleWithWebIdentity, Credentials, GetFederationToken, GetSessionToken,
    ServiceRequest, Simulator, World, unsigned_jwt,
};
use libtest_mimic::Failed;
use serde_json::{Map, Value, json};

/// Runs one STS case.
pub(crate) fn run_case(case: &Value) -> Result<(), Failed> {
    let source = case["source"].as_str().unwrap_or_default();
    if !(source.contains("https://") || source.contains("docs/sources/")) {
        return Err("every case must cite its source (a URL or docs/sources/...)".into());
    }
    let mut world_json = case["world"].clone();
    for patch in case["worldPatch"].as_array().into_iter().flatten() {
        let pointer = patch["pointer"].as_str().unwrap_or_default();
        let target = world_json
            .pointer_mut(pointer)
            .ok_or_else(|| format!("worldPatch: no {pointer} in the world"))?;
        *target = patch["value"].clone();
    }
    documents_to_text(&mut world_json);
    let world: World = serde_json::from_value(world_json).map_err(|e| format!("the world: {e}"))?;
    let mut sim = Simulator::new(&world);
    let errors: Vec<_> = sim
        .problems()
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        return Err(format!("the world has errors: {errors:#?}").into());
    }
    let mut keys: Map<String, Value> = Map::new();
    let mut problems = Vec::new();
    let steps = case["steps"].as_array().cloned().unwrap_or_default();
    if steps.is_empty() {
        return Err("a case needs steps".into());
    }
    for (i, step) in steps.iter().enumerate() {
        let label = step["name"]
            .as_str()
            .map_or_else(|| format!("step {i}"), String::from);
        if let Some(seconds) = step["advance"].as_i64() {
            sim.advance(seconds);
            continue;
        }
        let credentials = credentials(&step["as"], &keys).map_err(|e| format!("{label}: {e}"))?;
        let context = context(&step["context"]);
        let actual = if let Some(call) = step["call"].as_str() {
            call_step(&mut sim, call, step, &credentials, &context)
                .map_err(|e| format!("{label}: {e}"))?
        } else if step["request"].is_object() {
            request_step(&sim, &step["request"], &credentials)?
        } else {
            return Err(format!("{label}: a step is a call, a request or an advance").into());
        };
        if let Some(key) = actual["response"]["Credentials"]["AccessKeyId"].as_str() {
            keys.insert(label.clone(), Value::String(key.into()));
        }
        for problem in check(&step["expect"], &actual) {
            problems.push(format!("{label}: {problem}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

/// The credentials `as` names.
fn credentials(who: &Value, keys: &Map<String, Value>) -> Result<Credentials, String> {
    if who.as_str() == Some("anonymous") || who.is_null() {
        return Ok(Credentials::Anonymous);
    }
    if let Some(arn) = who["principal"].as_str() {
        return Ok(Credentials::LongTerm(arn.into()));
    }
    if let Some(id) = who["accessKeyId"].as_str() {
        return Ok(Credentials::AccessKeyId(id.into()));
    }
    if let Some(step) = who["session"].as_str() {
        return keys[step]
            .as_str()
            .map(|id| Credentials::AccessKeyId(id.into()))
            .ok_or_else(|| format!("no session from step `{step}`"));
    }
    Err(format!("`as` is not understood: {who}"))
}

/// `{"key": "value" | ["a", "b"]}` as context entries.
fn context(value: &Value) -> Vec<iamplay_core::eval::ContextEntry> {
    value
        .as_object()
        .into_iter()
        .flatten()
        .map(|(key, value)| iamplay_core::eval::ContextEntry {
            key: key.clone(),
            values: match value {
                Value::Array(items) => items
                    .iter()
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), String::from))
                    .collect(),
                Value::String(s) => vec![s.clone()],
                other => vec![other.to_string()],
            },
        })
        .collect()
}

/// Policy documents written as objects, as text.
fn documents_to_text(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                let is_document = matches!(
                    key.as_str(),
                    "document" | "trustPolicy" | "policy" | "Policy"
                );
                if is_document && item.is_object() {
                    *item = Value::String(serde_json::to_string_pretty(item).unwrap_or_default());
                } else {
                    documents_to_text(item);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(documents_to_text),
        _ => {}
    }
}

fn params<T: serde::de::DeserializeOwned>(step: &Value) -> Result<T, String> {
    let mut params = step["params"].clone();
    if params.is_null() {
        params = json!({});
    }
    documents_to_text(&mut params);
    serde_json::from_value(params).map_err(|e| format!("params: {e}"))
}

fn call_step(
    sim: &mut Simulator,
    call: &str,
    step: &Value,
    credentials: &Credentials,
    context: &[iamplay_core::eval::ContextEntry],
) -> Result<Value, String> {
    let session_count = sim.sessions().len();
    let outcome = match call {
        "AssumeRole" => {
            let params: AssumeRole = params(step)?;
            serde_json::to_value(sim.assume_role(credentials, &params, context))
        }
        "GetSessionToken" => {
            let params: GetSessionToken = params(step)?;
            serde_json::to_value(sim.get_session_token(credentials, &params))
        }
        "GetFederationToken" => {
            let params: GetFederationToken = params(step)?;
            serde_json::to_value(sim.get_federation_token(credentials, &params, context))
        }
        "AssumeRoleWithWebIdentity" => {
            let mut params: AssumeRoleWithWebIdentity = params(step)?;
            if let Some(claims) = step.get("claims") {
                params.web_identity_token = Some(unsigned_jwt(&claims.to_string()));
            }
            serde_json::to_value(sim.assume_role_with_web_identity(&params, context))
        }
        "GetCallerIdentity" => serde_json::to_value(sim.get_caller_identity(credentials)),
        other => return Err(format!("unknown call `{other}`")),
    }
    .map_err(|e| e.to_string())?;
    let mut outcome = outcome;
    if sim.sessions().len() > session_count
        && let Some(session) = sim.sessions().last()
    {
        outcome["session"] = serde_json::to_value(session).map_err(|e| e.to_string())?;
    }
    Ok(outcome)
}

fn request_step(
    sim: &Simulator,
    request: &Value,
    credentials: &Credentials,
) -> Result<Value, Failed> {
    let request = ServiceRequest {
        action: request["action"].as_str().unwrap_or_default().into(),
        resource: request["resource"].as_str().unwrap_or_default().into(),
        context: context(&request["context"]),
    };
    let outcome = sim.request(credentials, &request);
    let mut value = serde_json::to_value(&outcome).map_err(|e| e.to_string())?;
    let authorizations = if value["authorization"].is_object() {
        vec![value["authorization"].clone()]
    } else {
        Vec::new()
    };
    value["authorizations"] = Value::Array(authorizations);
    Ok(value)
}

/// Whether `expected` is contained in `actual` (objects by key, everything else equal).
fn contains(actual: &Value, expected: &Value) -> bool {
    match (actual, expected) {
        (Value::Object(actual), Value::Object(expected)) => expected
            .iter()
            .all(|(k, v)| actual.get(k).is_some_and(|a| contains(a, v))),
        _ => actual == expected,
    }
}

fn check(expect: &Value, actual: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let error = &actual["error"];
    if let Some(wanted) = expect.get("error").filter(|e| !e.is_null()) {
        if error.is_null() {
            problems.push(format!("expected {wanted}, got success"));
        }
        for field in ["code", "message", "status"] {
            if !error.is_null() && !wanted[field].is_null() && wanted[field] != error[field] {
                problems.push(format!(
                    "error {field}: expected {}, got {}",
                    wanted[field], error[field]
                ));
            }
        }
    } else if !error.is_null() && (expect["ok"] == json!(true) || !expect["response"].is_null()) {
        problems.push(format!("expected success, got {error}"));
    }
    for (field, place) in [("response", "response"), ("session", "session")] {
        if !expect[field].is_null() && !contains(&actual[place], &expect[field]) {
            problems.push(format!(
                "{field}: expected to contain {}, got {}",
                expect[field], actual[place]
            ));
        }
    }
    let authorizations = actual["authorizations"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    if let Some(wanted) = expect["authorizations"].as_array() {
        let got: Vec<Value> = authorizations
            .iter()
            .map(|a| json!([a["request"]["action"], a["response"]["decision"]]))
            .collect();
        if got != *wanted {
            problems.push(format!("authorizations: expected {wanted:?}, got {got:?}"));
        }
    }
    let last = authorizations.last().cloned().unwrap_or(Value::Null);
    if let Some(decision) = expect["decision"].as_str()
        && last["response"]["decision"].as_str() != Some(decision)
    {
        problems.push(format!(
            "decision: expected {decision}, got {}",
            last["response"]["decision"]
        ));
    }
    if !expect["denial"].is_null() && !contains(&last["response"]["denial"], &expect["denial"]) {
        problems.push(format!(
            "denial: expected {}, got {}",
            expect["denial"], last["response"]["denial"]
        ));
    }
    if let Some(wanted) = expect["context"].as_object() {
        let entries = last["request"]["context"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for (key, value) in wanted {
            let values = match value {
                Value::Array(items) => items.clone(),
                Value::Null => Vec::new(),
                other => vec![other.clone()],
            };
            let found = entries.iter().find(|e| {
                e["key"]
                    .as_str()
                    .is_some_and(|k| k.eq_ignore_ascii_case(key))
            });
            let ok = match (value.is_null(), found) {
                (true, None) => true,
                (false, Some(entry)) => entry["values"] == Value::Array(values),
                _ => false,
            };
            if !ok {
                problems.push(format!("context {key}: expected {value}, got {found:?}"));
            }
        }
    }
    for note in expect["notes"].as_array().into_iter().flatten() {
        let present = actual["notes"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|n| n["note"] == *note);
        if !present {
            problems.push(format!("note {note} missing from {}", actual["notes"]));
        }
    }
    problems
}
