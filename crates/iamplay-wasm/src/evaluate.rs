//! `evaluate` and `compile`: a request decided against policies given by layer.

use iamplay_core::eval::input::{
    EvaluationInput, InputProblem, InputProblemKind, PolicyInputs, RequestInput, prepare_policies,
    prepare_request,
};
use iamplay_core::eval::{
    self, Decision, Denial, GrantedTo, LayerDetail, Options as EvalOptions, PolicySet, Request,
    Response, StatementRef, details,
};
use iamplay_core::explain::{Explanation, Lang, explain_decision, input_problem_message};
use iamplay_core::sts::Authorization;
use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::input::{Options, document, read_options};
use crate::output::{AwsText, Item, Texts, failure, success};
use crate::policy::finding_item;

/// A decision as JavaScript sees it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct DecisionView {
    decision: Decision,
    denial: Option<Denial>,
    determining: Vec<StatementRef>,
    granted_to: Option<GrantedTo>,
    cross_account: bool,
    aws_error: Option<AwsText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    headlines: Option<Texts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanations: Option<Texts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    layers: Option<Vec<LayerDetail>>,
    /// What is worth a look in the policies (AWS would accept them, or they are over their
    /// kind's size quota and were evaluated all the same).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) warnings: Vec<Item>,
}

impl DecisionView {
    /// The view of `response` to `request` against `set`.
    pub(crate) fn new(
        response: &Response,
        request: &Request,
        set: &PolicySet,
        options: Options,
    ) -> Self {
        Self::build(
            response,
            options,
            |lang| explain_decision(response, request, set, lang),
            || details(response, request, set),
        )
    }

    /// The view of an authorization an STS call or a request made.
    pub(crate) fn of(authorization: &Authorization, options: Options) -> Self {
        Self::build(
            &authorization.response,
            options,
            |lang| authorization.explain(lang),
            || authorization.details(),
        )
    }

    /// With `options.explain`, the explanation in every language and every layer's details.
    fn build(
        response: &Response,
        options: Options,
        explained: impl Fn(Lang) -> Explanation,
        layers: impl FnOnce() -> Vec<LayerDetail>,
    ) -> Self {
        let mut view = Self {
            decision: response.decision,
            denial: response.denial,
            determining: response.determining.clone(),
            granted_to: response.granted_to,
            cross_account: response.cross_account,
            aws_error: response.aws_error.as_ref().map(|aws| AwsText {
                code: aws.code.into(),
                message: aws.message.clone(),
                status: None,
            }),
            headline: None,
            headlines: None,
            explanation: None,
            explanations: None,
            layers: None,
            warnings: Vec::new(),
        };
        if options.explain {
            let [en, zh_cn, zh_tw] = [Lang::En, Lang::ZhCn, Lang::ZhTw].map(explained);
            let pick = |lang: Lang| match lang {
                Lang::En => &en,
                Lang::ZhCn => &zh_cn,
                Lang::ZhTw => &zh_tw,
            };
            let headlines = Texts::new(|l| pick(l).headline.clone());
            let explanations = Texts::new(|l| pick(l).to_text());
            view.headline = Some(headlines.get(options.lang).into());
            view.explanation = Some(explanations.get(options.lang).into());
            view.headlines = Some(headlines);
            view.explanations = Some(explanations);
            view.layers = Some(layers());
        }
        view
    }
}

/// Input problems as items.
pub(crate) fn problem_items(problems: &[InputProblem], lang: Lang) -> Vec<Item> {
    let mut items = Vec::new();
    for problem in problems {
        match &problem.kind {
            InputProblemKind::Policy { findings, .. } => {
                for finding in findings {
                    let mut item = finding_item(finding, lang);
                    item.path = Some(problem.pointer.clone());
                    items.push(item);
                }
            }
            kind => {
                let mut item =
                    Item::new(code(kind), true, lang, |l| input_problem_message(kind, l))
                        .with_data(kind);
                item.path = Some(problem.pointer.clone());
                items.push(item);
            }
        }
    }
    items
}

fn code(kind: &InputProblemKind) -> &'static str {
    match kind {
        InputProblemKind::Policy { .. } => "policy",
        InputProblemKind::NoDocument => "noDocument",
        InputProblemKind::UnknownAwsManagedPolicy { .. } => "unknownAwsManagedPolicy",
        InputProblemKind::UnknownPolicyKind { .. } => "unknownPolicyKind",
    }
}

/// Decides a request against policies given by layer (identity-based, permissions boundary,
/// session, resource-based, SCPs, RCPs), as AWS would: `{ok: true, value: decision}` or the
/// input's problems.
#[wasm_bindgen(unchecked_return_type = "Result<EvaluationResult>")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "EvaluationInput | string")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = read_options(options.as_ref())?;
    let input: EvaluationInput = match document(&input, "input", options.lang)? {
        Ok(input) => input,
        Err(items) => return Ok(failure(&items)),
    };
    let prepared = match prepare_policies(&input.policies) {
        Ok(prepared) => prepared,
        Err(problems) => return Ok(failure(&problem_items(&problems, options.lang))),
    };
    let request = prepare_request(&input.request);
    let set = &prepared.set;
    let response = eval::evaluate(
        &request,
        set,
        EvalOptions {
            explain: options.explain,
        },
    );
    let mut view = DecisionView::new(&response, &request, set, options);
    view.warnings = problem_items(&prepared.warnings, options.lang);
    Ok(success(&view))
}

/// Policies checked and compiled once, to decide many requests.
#[wasm_bindgen(js_name = CompiledPolicies)]
pub struct CompiledPolicies {
    set: PolicySet,
}

#[wasm_bindgen(js_class = CompiledPolicies)]
impl CompiledPolicies {
    /// Decides `request` against the compiled policies.
    #[wasm_bindgen(unchecked_return_type = "Result<EvaluationResult>")]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RequestInput | string")] request: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let options = read_options(options.as_ref())?;
        let input: RequestInput = match document(&request, "request", options.lang)? {
            Ok(input) => input,
            Err(items) => return Ok(failure(&items)),
        };
        let request = prepare_request(&input);
        let response = eval::evaluate(
            &request,
            &self.set,
            EvalOptions {
                explain: options.explain,
            },
        );
        Ok(success(&DecisionView::new(
            &response, &request, &self.set, options,
        )))
    }
}

/// Checks and compiles policies given by layer once, for many `evaluate` calls:
/// `{ok: true, value: CompiledPolicies}` or the policies' problems.
#[wasm_bindgen(unchecked_return_type = "Result<CompiledPolicies>")]
pub fn compile(
    #[wasm_bindgen(unchecked_param_type = "PolicyInputs | string")] policies: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = read_options(options.as_ref())?;
    let inputs: PolicyInputs = match document(&policies, "policies", options.lang)? {
        Ok(inputs) => inputs,
        Err(items) => return Ok(failure(&items)),
    };
    match prepare_policies(&inputs) {
        Ok(prepared) => {
            let warnings = problem_items(&prepared.warnings, options.lang);
            let compiled = JsValue::from(CompiledPolicies { set: prepared.set });
            let result = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&result, &"ok".into(), &JsValue::TRUE);
            let _ = js_sys::Reflect::set(&result, &"value".into(), &compiled);
            let _ = js_sys::Reflect::set(
                &result,
                &"warnings".into(),
                &crate::output::to_js(&warnings),
            );
            Ok(result.into())
        }
        Err(problems) => Ok(failure(&problem_items(&problems, options.lang))),
    }
}
