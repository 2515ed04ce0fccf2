//! Scenarios: reading, running and sharing them, and the built-in lessons.

use iamplay_core::explain::{Lang, scenario_problem_message, share_error_message, skip_message};
use iamplay_core::policy::Severity;
use iamplay_core::scenario::{
    self, Localized, ScenarioProblem, ScenarioProblemKind, StepOutcome, builtin, share,
};
use iamplay_core::sts::WorldProblem;
use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::input::{Options, document_text, read_options, string};
use crate::output::{Item, Place, Texts, failure, success};
use crate::sts::world_items;

/// A localized text in the chosen language and in all three.
#[derive(Serialize)]
struct LocalizedView {
    text: String,
    texts: Texts,
}

impl LocalizedView {
    fn new(localized: &Localized, lang: Lang) -> Self {
        let texts = Texts::new(|l| localized.get(l).unwrap_or_default().into());
        Self {
            text: texts.get(lang).into(),
            texts,
        }
    }
}

/// Scenario problems as items.
fn problem_items(problems: &[ScenarioProblem], lang: Lang) -> Vec<Item> {
    let mut items = Vec::new();
    for problem in problems {
        if let ScenarioProblemKind::World { problem: world } = &problem.kind {
            // A world problem: word it (and its policy's findings) as the world does.
            let inner = WorldProblem {
                pointer: problem.location.pointer.clone(),
                severity: problem.severity,
                kind: world.clone(),
            };
            let mut world_items = world_items(core::slice::from_ref(&inner), lang, "");
            for item in &mut world_items {
                item.path = Some(problem.location.pointer.clone());
            }
            items.extend(world_items);
            continue;
        }
        let code = problem_code(&problem.kind);
        let mut item = Item::new(code, problem.severity == Severity::Error, lang, |l| {
            scenario_problem_message(problem, l)
        })
        .with_data(&problem.kind);
        item.path = Some(problem.location.pointer.clone());
        item.location = Some(Place::from(&problem.location));
        items.push(item);
    }
    items
}

fn problem_code(kind: &ScenarioProblemKind) -> String {
    let value = crate::output::to_js(kind);
    js_sys::Reflect::get(&value, &"code".into())
        .ok()
        .and_then(|c| c.as_string())
        .unwrap_or_else(|| "scenario".into())
}

/// One step's result as JavaScript sees it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StepView {
    index: usize,
    id: Option<String>,
    title: Option<LocalizedView>,
    explanation: Option<LocalizedView>,
    /// `AssumeRole`, ..., `request`, `wait` or `skipped`.
    kind: &'static str,
    time: String,
    expected: Option<String>,
    actual: Option<String>,
    met: Option<bool>,
    /// The call's or request's result (`{ok, value}` / `{ok: false, errors}`).
    #[serde(with = "serde_wasm_bindgen::preserve")]
    result: JsValue,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<Item>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RunView {
    id: Option<String>,
    title: LocalizedView,
    description: Option<LocalizedView>,
    passed: bool,
    steps: Vec<StepView>,
    warnings: Vec<Item>,
}

/// Reads and runs a scenario: `{ok: true, value: {passed, steps, ...}}` (each step with its
/// result and whether it met its expectation), or the scenario's problems.
#[wasm_bindgen(js_name = runScenario, unchecked_return_type = "Result<ScenarioRun>")]
pub fn run_scenario(
    #[wasm_bindgen(unchecked_param_type = "Scenario | string")] scenario_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = read_options(options.as_ref())?;
    let text = document_text(&scenario_value, "scenario")?;
    let read = scenario::read(&text);
    let items = problem_items(&read.problems, options.lang);
    let (errors, warnings): (Vec<Item>, Vec<Item>) =
        items.into_iter().partition(|i| i.severity == "error");
    let Some(scenario) = read.scenario.filter(|_| errors.is_empty()) else {
        return Ok(failure(&errors));
    };
    let run = scenario::run(&scenario);
    let steps = run
        .steps
        .iter()
        .zip(&scenario.steps)
        .map(|(result, step)| step_view(result, step, options))
        .collect();
    Ok(success(&RunView {
        id: scenario.id.clone(),
        title: LocalizedView::new(&scenario.title, options.lang),
        description: scenario
            .description
            .as_ref()
            .map(|d| LocalizedView::new(d, options.lang)),
        passed: run.passed,
        steps,
        warnings,
    }))
}

fn step_view(result: &scenario::StepResult, step: &scenario::Step, options: Options) -> StepView {
    let lang = options.lang;
    let (kind, value, skipped) = match &result.outcome {
        StepOutcome::AssumeRole(o) => (
            "AssumeRole",
            crate::sts::call_result(o, None, options),
            None,
        ),
        StepOutcome::GetSessionToken(o) => (
            "GetSessionToken",
            crate::sts::call_result(o, None, options),
            None,
        ),
        StepOutcome::GetFederationToken(o) => (
            "GetFederationToken",
            crate::sts::call_result(o, None, options),
            None,
        ),
        StepOutcome::AssumeRoleWithWebIdentity(o) => (
            "AssumeRoleWithWebIdentity",
            crate::sts::call_result(o, None, options),
            None,
        ),
        StepOutcome::GetCallerIdentity(o) => (
            "GetCallerIdentity",
            crate::sts::call_result(o, None, options),
            None,
        ),
        StepOutcome::Request(o) => ("request", crate::sts::request_result(o, options), None),
        StepOutcome::Wait { .. } => ("wait", JsValue::NULL, None),
        StepOutcome::Skipped { reason } => (
            "skipped",
            JsValue::NULL,
            Some(Item::new("skipped", true, lang, |l| skip_message(reason, l)).with_data(reason)),
        ),
    };
    StepView {
        index: result.index,
        id: result.id.clone(),
        title: step.title.as_ref().map(|t| LocalizedView::new(t, lang)),
        explanation: step
            .explanation
            .as_ref()
            .map(|t| LocalizedView::new(t, lang)),
        kind,
        time: result.time.clone(),
        expected: result.expected.clone(),
        actual: result.actual.clone(),
        met: result.met,
        result: value,
        skipped,
    }
}

/// The share link of a scenario (an object or its text): `{ok: true, value: link}`.
#[wasm_bindgen(js_name = encodeShare, unchecked_return_type = "Result<string>")]
pub fn encode_share(
    #[wasm_bindgen(unchecked_param_type = "Scenario | string")] scenario_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = read_options(options.as_ref())?;
    let text = document_text(&scenario_value, "scenario")?;
    Ok(match share::encode(&text) {
        Ok(link) => success(&link),
        Err(error) => failure(&[share_item(&error, options.lang)]),
    })
}

/// The scenario text of a share link: `{ok: true, value: text}` or why it cannot be read.
#[wasm_bindgen(js_name = decodeShare, unchecked_return_type = "Result<string>")]
pub fn decode_share(
    #[wasm_bindgen(unchecked_param_type = "string")] link: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = read_options(options.as_ref())?;
    let link = string(&link, "link")?;
    Ok(match share::decode(&link) {
        Ok(text) => success(&text),
        Err(error) => failure(&[share_item(&error, options.lang)]),
    })
}

fn share_item(error: &share::ShareError, lang: Lang) -> Item {
    let value = crate::output::to_js(error);
    let code = js_sys::Reflect::get(&value, &"code".into())
        .ok()
        .and_then(|c| c.as_string())
        .unwrap_or_else(|| "share".into());
    Item::new(code, true, lang, |l| share_error_message(error, l)).with_data(error)
}

#[derive(Serialize)]
struct BuiltinView {
    id: &'static str,
    title: LocalizedView,
    text: &'static str,
}

/// The built-in lesson scenarios, the default first: `{id, title, text}`.
#[wasm_bindgen(js_name = builtinScenarios, unchecked_return_type = "BuiltinScenario[]")]
pub fn builtin_scenarios(
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = read_options(options.as_ref())?;
    let list: Vec<BuiltinView> = builtin::ALL
        .iter()
        .map(|b| {
            let title = scenario::read(b.text)
                .scenario
                .map(|s| s.title)
                .unwrap_or_default();
            BuiltinView {
                id: b.id,
                title: LocalizedView::new(&title, options.lang),
                text: b.text,
            }
        })
        .collect();
    Ok(crate::output::to_js(&list))
}
