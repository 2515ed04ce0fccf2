//! The simulator: a world, STS calls against it, and requests with the credentials they give.

use iamplay_core::eval::{ContextEntry, Request};
use iamplay_core::explain::{
    Lang, failure_help, failure_message, note_message, world_problem_message,
};
use iamplay_core::policy::Severity;
use iamplay_core::scenario::Caller;
use iamplay_core::sts::{
    self, Authorization, CallOutcome, Credentials, Note, Session, StsError, World, WorldProblem,
    WorldProblemKind,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::evaluate::DecisionView;
use crate::input::{Options, document, read_options, type_error};
use crate::output::{AwsText, Item, failure, failure_with, success, to_js};
use crate::policy::finding_item;

/// An STS error as an item: AWS's code and words in `aws`, iamplay's explanation as the
/// message.
pub(crate) fn error_item(error: &StsError, lang: Lang) -> Item {
    let mut item = Item::new(error.code, true, lang, |l| {
        failure_message(&error.reason, l)
    })
    .with_help(lang, |l| failure_help(&error.reason, l))
    .with_data(&error.reason);
    item.aws = Some(AwsText {
        code: error.code.into(),
        message: error.message.clone(),
        status: Some(error.status),
    });
    item
}

/// A note as an item.
pub(crate) fn note_item(note: &Note, lang: Lang) -> Item {
    let code = match note {
        Note::PackedPolicySizeEstimated { .. } => "packedPolicySizeEstimated",
        Note::RootSessionCappedToOneHour { .. } => "rootSessionCappedToOneHour",
        Note::MfaCarriedFromCaller { .. } => "mfaCarriedFromCaller",
        Note::SourceIdentityInherited { .. } => "sourceIdentityInherited",
        Note::TransitiveTagsInherited { .. } => "transitiveTagsInherited",
        Note::FederatedUserWithoutSessionPolicy => "federatedUserWithoutSessionPolicy",
    };
    Item::note(code, lang, |l| note_message(note, l)).with_data(note)
}

/// World problems as items (a policy's findings each become one).
pub(crate) fn world_items(problems: &[WorldProblem], lang: Lang, prefix: &str) -> Vec<Item> {
    let mut items = Vec::new();
    for problem in problems {
        let path = format!("{prefix}{}", problem.pointer);
        if let WorldProblemKind::Policy { findings, .. } = &problem.kind {
            for finding in findings {
                let mut item = finding_item(finding, lang);
                item.path = Some(path.clone());
                items.push(item);
            }
        } else {
            let mut item = Item::new(
                world_code(&problem.kind),
                problem.severity == Severity::Error,
                lang,
                |l| world_problem_message(problem, l),
            )
            .with_data(&problem.kind);
            item.path = Some(path);
            items.push(item);
        }
    }
    items
}

fn world_code(kind: &WorldProblemKind) -> String {
    // The tag serde gives the kind: the same code the data carries.
    let value = to_js(kind);
    js_sys::Reflect::get(&value, &"code".into())
        .ok()
        .and_then(|c| c.as_string())
        .unwrap_or_else(|| "world".into())
}

/// An authorization as JavaScript sees it: the request and the decision.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AuthorizationView {
    request: Request,
    resource_known: bool,
    ignored_context: Vec<String>,
    #[serde(flatten)]
    decision: DecisionView,
}

impl AuthorizationView {
    pub(crate) fn new(authorization: &Authorization, options: Options) -> Self {
        Self {
            request: authorization.request.clone(),
            resource_known: authorization.resource_known,
            ignored_context: authorization.ignored_context.clone(),
            decision: DecisionView::of(authorization, options),
        }
    }
}

/// What a successful call gives.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CallView<'a, T: Serialize> {
    response: &'a T,
    #[serde(skip_serializing_if = "Option::is_none")]
    session: Option<&'a Session>,
    authorizations: Vec<AuthorizationView>,
    notes: Vec<Item>,
    policy_warnings: Vec<Item>,
}

/// What a refused call gives besides its errors.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RefusedView {
    authorizations: Vec<AuthorizationView>,
    notes: Vec<Item>,
    policy_findings: Vec<Item>,
}

/// A call's outcome as a result.
pub(crate) fn call_result<T: Serialize>(
    outcome: &CallOutcome<T>,
    session: Option<&Session>,
    options: Options,
) -> JsValue {
    let authorizations = outcome
        .authorizations
        .iter()
        .map(|a| AuthorizationView::new(a, options))
        .collect();
    let notes = outcome
        .notes
        .iter()
        .map(|n| note_item(n, options.lang))
        .collect();
    let findings: Vec<Item> = outcome
        .policy_findings
        .iter()
        .map(|f| finding_item(f, options.lang))
        .collect();
    match (&outcome.response, &outcome.error) {
        (Some(response), None) => success(&CallView {
            response,
            session,
            authorizations,
            notes,
            policy_warnings: findings,
        }),
        (_, Some(error)) => failure_with(
            &[error_item(error, options.lang)],
            &RefusedView {
                authorizations,
                notes,
                policy_findings: findings,
            },
        ),
        (None, None) => failure(&[]),
    }
}

/// The credentials a caller argument names: `{principal: ARN}`, `{accessKeyId}` or
/// `'anonymous'`.
pub(crate) fn credentials(
    value: &JsValue,
    lang: Lang,
) -> Result<Result<Credentials, Vec<Item>>, JsValue> {
    Ok(match document::<Caller>(value, "credentials", lang)? {
        Ok(Caller::Principal(arn)) => Ok(Credentials::LongTerm(arn)),
        Ok(Caller::AccessKeyId(id)) => Ok(Credentials::AccessKeyId(id)),
        Ok(Caller::Anonymous) => Ok(Credentials::Anonymous),
        Ok(Caller::Step(_)) => {
            return Err(type_error(
                "credentials: expected {principal: ARN}, {accessKeyId: ID} or 'anonymous' (steps belong to scenarios)",
            ));
        }
        Err(items) => Err(items),
    })
}

/// A world, its clock and the sessions STS has issued in it.
#[wasm_bindgen(js_name = Simulator)]
pub struct Simulator {
    inner: sts::Simulator,
}

/// Reads a world: `{ok: true, value: Simulator, warnings}` or its problems.
#[wasm_bindgen(js_name = createSimulator, unchecked_return_type = "SimulatorResult")]
pub fn create_simulator(
    #[wasm_bindgen(unchecked_param_type = "World | string")] world: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = read_options(options.as_ref())?;
    let world: World = match document(&world, "world", options.lang)? {
        Ok(world) => world,
        Err(items) => return Ok(failure(&items)),
    };
    let inner = sts::Simulator::new(&world);
    let items = world_items(inner.problems(), options.lang, "");
    let (errors, warnings): (Vec<Item>, Vec<Item>) =
        items.into_iter().partition(|i| i.severity == "error");
    if !errors.is_empty() {
        return Ok(failure(&errors));
    }
    let result = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&result, &key.into(), value);
    };
    set("ok", &JsValue::TRUE);
    set("value", &JsValue::from(Simulator { inner }));
    set("warnings", &to_js(&warnings));
    Ok(result.into())
}

impl Simulator {
    fn call<P: DeserializeOwned, T: Serialize>(
        &mut self,
        credentials_value: Option<&JsValue>,
        params: &JsValue,
        options: Option<&JsValue>,
        run: impl FnOnce(&mut sts::Simulator, &Credentials, &P) -> CallOutcome<T>,
    ) -> Result<JsValue, JsValue> {
        let options = read_options(options)?;
        let credentials = match credentials_value {
            Some(value) => match credentials(value, options.lang)? {
                Ok(credentials) => credentials,
                Err(items) => return Ok(failure(&items)),
            },
            None => Credentials::Anonymous,
        };
        let params: P = match document(params, "params", options.lang)? {
            Ok(params) => params,
            Err(items) => return Ok(failure(&items)),
        };
        let before = self.inner.sessions().len();
        let outcome = run(&mut self.inner, &credentials, &params);
        let session = (self.inner.sessions().len() > before)
            .then(|| self.inner.sessions().last())
            .flatten();
        Ok(call_result(&outcome, session, options))
    }
}

#[wasm_bindgen(js_class = Simulator)]
impl Simulator {
    /// `AssumeRole` with `credentials`; AWS's parameter names (`RoleArn`, `RoleSessionName`,
    /// `Tags`, ...).
    #[wasm_bindgen(js_name = assumeRole, unchecked_return_type = "Result<CallResult<AssumeRoleResponse>>")]
    pub fn assume_role(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "CallerCredentials")] credentials: JsValue,
        #[wasm_bindgen(unchecked_param_type = "AssumeRoleParams")] params: JsValue,
        #[wasm_bindgen(unchecked_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let context = call_context(options.as_ref())?;
        self.call(
            Some(&credentials),
            &params,
            options.as_ref(),
            |sim, c, p| sim.assume_role(c, p, &context),
        )
    }

    /// `GetSessionToken` with `credentials`.
    #[wasm_bindgen(js_name = getSessionToken, unchecked_return_type = "Result<CallResult<GetSessionTokenResponse>>")]
    pub fn get_session_token(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "CallerCredentials")] credentials: JsValue,
        #[wasm_bindgen(unchecked_param_type = "GetSessionTokenParams")] params: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        self.call(
            Some(&credentials),
            &params,
            options.as_ref(),
            |sim, c, p| sim.get_session_token(c, p),
        )
    }

    /// `GetFederationToken` with `credentials`.
    #[wasm_bindgen(js_name = getFederationToken, unchecked_return_type = "Result<CallResult<GetFederationTokenResponse>>")]
    pub fn get_federation_token(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "CallerCredentials")] credentials: JsValue,
        #[wasm_bindgen(unchecked_param_type = "GetFederationTokenParams")] params: JsValue,
        #[wasm_bindgen(unchecked_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let context = call_context(options.as_ref())?;
        self.call(
            Some(&credentials),
            &params,
            options.as_ref(),
            |sim, c, p| sim.get_federation_token(c, p, &context),
        )
    }

    /// `AssumeRoleWithWebIdentity` (no credentials: the token stands for the caller; see
    /// `unsignedToken` to make one from claims).
    #[wasm_bindgen(js_name = assumeRoleWithWebIdentity, unchecked_return_type = "Result<CallResult<AssumeRoleWithWebIdentityResponse>>")]
    pub fn assume_role_with_web_identity(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "AssumeRoleWithWebIdentityParams")] params: JsValue,
        #[wasm_bindgen(unchecked_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let context = call_context(options.as_ref())?;
        self.call(None, &params, options.as_ref(), |sim, _, p| {
            sim.assume_role_with_web_identity(p, &context)
        })
    }

    /// `GetCallerIdentity` with `credentials`.
    #[wasm_bindgen(js_name = getCallerIdentity, unchecked_return_type = "Result<CallResult<GetCallerIdentityResponse>>")]
    pub fn get_caller_identity(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "CallerCredentials")] credentials: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let no_params = JsValue::from(js_sys::Object::new());
        self.call(
            Some(&credentials),
            &no_params,
            options.as_ref(),
            |sim, c, _: &iamplay_core::scenario::NoParameters| sim.get_caller_identity(c),
        )
    }

    /// A request to a service with `credentials`: `{ok: true, value: decision}` when allowed,
    /// else AWS's error with the decision.
    #[wasm_bindgen(unchecked_return_type = "Result<EvaluationResult>")]
    pub fn request(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CallerCredentials")] credentials_value: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ServiceRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let options = read_options(options.as_ref())?;
        let credentials = match credentials(&credentials_value, options.lang)? {
            Ok(credentials) => credentials,
            Err(items) => return Ok(failure(&items)),
        };
        let request: iamplay_core::scenario::StepRequest =
            match document(&request, "request", options.lang)? {
                Ok(request) => request,
                Err(items) => return Ok(failure(&items)),
            };
        let request = sts::ServiceRequest {
            action: request.action,
            resource: request.resource,
            context: context_entries(&request.context),
        };
        let outcome = self.inner.request(&credentials, &request);
        Ok(request_result(&outcome, options))
    }

    /// Moves the clock `seconds` on.
    pub fn advance(&mut self, seconds: f64) {
        // Whole seconds; the clock never moves back.
        #[allow(clippy::cast_possible_truncation)]
        let seconds = if seconds.is_finite() {
            seconds.clamp(0.0, 1e12) as i64
        } else {
            0
        };
        self.inner.advance(seconds);
    }

    /// The time now (ISO 8601, UTC).
    #[must_use]
    pub fn now(&self) -> String {
        format!("{}", self.inner.now())
    }

    /// The sessions issued so far, oldest first.
    #[wasm_bindgen(unchecked_return_type = "Session[]")]
    #[must_use]
    pub fn sessions(&self) -> JsValue {
        to_js(self.inner.sessions())
    }
}

/// A request's outcome as a result.
pub(crate) fn request_result(outcome: &sts::RequestOutcome, options: Options) -> JsValue {
    let view = outcome
        .authorization
        .as_ref()
        .map(|a| AuthorizationView::new(a, options));
    match (&outcome.error, view) {
        (None, Some(view)) => success(&view),
        (Some(error), view) => failure_with(
            &[error_item(error, options.lang)],
            &RefusedRequest {
                authorization: view,
            },
        ),
        (None, None) => failure(&[]),
    }
}

#[derive(Serialize)]
struct RefusedRequest {
    authorization: Option<AuthorizationView>,
}

/// Context entries from `{key: value | [values]}`.
pub(crate) fn context_entries(
    values: &std::collections::BTreeMap<String, iamplay_core::eval::ContextValue>,
) -> Vec<ContextEntry> {
    values
        .iter()
        .map(|(key, value)| ContextEntry {
            key: key.clone(),
            values: value.values(),
        })
        .collect()
}

#[derive(serde::Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct RawCallOptions {
    #[serde(default)]
    context: std::collections::BTreeMap<String, iamplay_core::eval::ContextValue>,
}

/// The `context` of a call's options (`{context: {"aws:SourceIp": "203.0.113.7"}}`).
fn call_context(options_value: Option<&JsValue>) -> Result<Vec<ContextEntry>, JsValue> {
    let Some(options_value) = options_value.filter(|o| o.is_object()) else {
        return Ok(Vec::new());
    };
    let context =
        js_sys::Reflect::get(options_value, &"context".into()).unwrap_or(JsValue::UNDEFINED);
    if context.is_undefined() {
        return Ok(Vec::new());
    }
    let raw: RawCallOptions = serde_wasm_bindgen::from_value(to_js_object("context", &context))
        .map_err(|e| {
            type_error(&format!(
                "options.context: expected {{key: string | string[]}} ({e})"
            ))
        })?;
    Ok(context_entries(&raw.context))
}

fn to_js_object(key: &str, value: &JsValue) -> JsValue {
    let object = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&object, &key.into(), value);
    object.into()
}

/// A JWT without a signature whose payload is `claims`, for `AssumeRoleWithWebIdentity`.
#[wasm_bindgen(js_name = unsignedToken)]
pub fn unsigned_token(
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>")] claims: JsValue,
) -> Result<String, JsValue> {
    let text = crate::input::document_text(&claims, "claims")?;
    Ok(sts::unsigned_jwt(&text))
}
