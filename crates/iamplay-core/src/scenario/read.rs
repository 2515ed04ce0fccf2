//! Reading a scenario document: its JSON, its shape, the rules between its steps, and its
//! world, every problem located by JSON pointer and line and column in the text.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use super::model::{Call, Caller, FORMAT_VERSION, Scenario};
use crate::json::{self, DeErrorKind, Json, SyntaxErrorKind, Value};
use crate::policy::Severity;
use crate::source::{LineIndex, Location, Span};
use crate::sts::{Simulator, WorldProblemKind};

pub use crate::limits::MAX_SCENARIO_BYTES;
use crate::limits::MAX_STEPS;

/// A scenario, read.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadScenario {
    /// The scenario, when its shape is right (it may still have other errors).
    pub scenario: Option<Scenario>,
    /// Every problem found, errors and warnings, in document order within each kind.
    pub problems: Vec<ScenarioProblem>,
}

impl ReadScenario {
    /// Whether it has no errors (warnings are fine).
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.scenario.is_some() && !self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// One problem in a scenario document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScenarioProblem {
    /// Whether the scenario cannot run correctly until it is fixed.
    pub severity: Severity,
    /// Where: the JSON pointer, and the span and line/column in the text.
    pub location: Location,
    /// What.
    pub kind: ScenarioProblemKind,
}

/// The kinds of scenario problems.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "camelCase")]
pub enum ScenarioProblemKind {
    /// The text is larger than [`MAX_SCENARIO_BYTES`].
    TooLarge {
        /// Its size in bytes.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The text is not JSON.
    Syntax {
        /// What is wrong.
        error: SyntaxErrorKind,
    },
    /// A `version` this engine does not read.
    UnsupportedVersion {
        /// The version found.
        found: String,
        /// The version it reads.
        supported: u32,
    },
    /// A value of the wrong shape.
    Shape {
        /// What is wrong.
        error: DeErrorKind,
    },
    /// A title or other text with no language in it.
    EmptyText,
    /// A step that is not exactly one of a call, a request and a wait.
    StepKind {
        /// How many of `call`, `request` and `wait` it has.
        found: usize,
    },
    /// A call or request without `as` (only `AssumeRoleWithWebIdentity` needs none).
    MissingCaller,
    /// Two steps with the same id.
    DuplicateStepId {
        /// The id.
        id: String,
    },
    /// `as` names a step that does not come earlier, or that makes no STS call.
    UnknownStep {
        /// The id named.
        id: String,
    },
    /// `claims` on a step that is not `AssumeRoleWithWebIdentity`, or not a JSON object.
    MisplacedClaims,
    /// Step-level `context` on a step that takes none (a request's keys go in
    /// `request.context`; waits, `GetSessionToken` and `GetCallerIdentity` take none).
    MisplacedContext,
    /// An `expect` that is neither a decision nor an error code.
    UnknownExpectation {
        /// The value.
        found: String,
    },
    /// More steps than iamplay runs ([`MAX_STEPS`]).
    TooManySteps {
        /// How many there are.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// A negative `wait`.
    NegativeWait {
        /// The value.
        seconds: i64,
    },
    /// A problem of the world.
    World {
        /// What.
        problem: WorldProblemKind,
    },
}

/// Reads `text` as a scenario.
#[must_use]
pub fn read(text: &str) -> ReadScenario {
    let lines = LineIndex::new(text);
    let mut out = Problems {
        lines: &lines,
        json: None,
        problems: Vec::new(),
    };
    if text.len() > MAX_SCENARIO_BYTES {
        out.add(
            "",
            ScenarioProblemKind::TooLarge {
                size: text.len(),
                limit: MAX_SCENARIO_BYTES,
            },
        );
        return out.finish(None);
    }
    let document = match json::parse(text, json::DEFAULT_MAX_DEPTH) {
        Ok(document) => document,
        Err(error) => {
            out.add_at(
                "",
                error.span,
                ScenarioProblemKind::Syntax { error: error.kind },
            );
            return out.finish(None);
        }
    };
    out.json = Some(&document);
    if let Some(found) = unsupported_version(&document) {
        out.add(
            "/version",
            ScenarioProblemKind::UnsupportedVersion {
                found,
                supported: FORMAT_VERSION,
            },
        );
        return out.finish(None);
    }
    let scenario: Scenario = match json::from_json(&document) {
        Ok(scenario) => scenario,
        Err(error) => {
            out.add_at(
                &error.pointer,
                error.span,
                ScenarioProblemKind::Shape { error: error.kind },
            );
            return out.finish(None);
        }
    };
    check_texts(&scenario, &mut out);
    check_steps(&scenario, &mut out);
    for problem in Simulator::new(&scenario.world).problems() {
        let pointer = format!("/world{}", problem.pointer);
        out.push(
            &pointer,
            problem.severity,
            ScenarioProblemKind::World {
                problem: problem.kind.clone(),
            },
        );
    }
    out.finish(Some(scenario))
}

/// The `version` of `document` when it is not the one this engine reads.
fn unsupported_version(document: &Json) -> Option<String> {
    let Value::Object(members) = &document.value else {
        return None;
    };
    let version = members.iter().find(|m| m.key == "version")?;
    match &version.value.value {
        Value::Number(n) if n.parse::<u32>() == Ok(FORMAT_VERSION) => None,
        Value::Number(n) => Some(n.clone()),
        _ => None,
    }
}

fn check_texts(scenario: &Scenario, out: &mut Problems<'_>) {
    if scenario.title.is_empty() {
        out.add("/title", ScenarioProblemKind::EmptyText);
    }
    if scenario.description.as_ref().is_some_and(|d| d.is_empty()) {
        out.add("/description", ScenarioProblemKind::EmptyText);
    }
}

fn check_steps(scenario: &Scenario, out: &mut Problems<'_>) {
    // Step ids seen so far, and whether their step makes an STS call.
    let mut seen: BTreeMap<&str, bool> = BTreeMap::new();
    if scenario.steps.len() > MAX_STEPS {
        out.add(
            "/steps",
            ScenarioProblemKind::TooManySteps {
                count: scenario.steps.len(),
                limit: MAX_STEPS,
            },
        );
    }
    for (i, step) in scenario.steps.iter().enumerate() {
        let at = format!("/steps/{i}");
        let kinds = usize::from(step.call.is_some())
            + usize::from(step.request.is_some())
            + usize::from(step.wait.is_some());
        if kinds != 1 {
            out.add(&at, ScenarioProblemKind::StepKind { found: kinds });
        }
        let web_identity = matches!(step.call, Some(Call::AssumeRoleWithWebIdentity(_)));
        let signed = step.request.is_some() || (step.call.is_some() && !web_identity);
        match &step.caller {
            None if signed => out.add(&at, ScenarioProblemKind::MissingCaller),
            Some(Caller::Step(id)) if seen.get(id.as_str()) != Some(&true) => {
                out.add(
                    &format!("{at}/as/step"),
                    ScenarioProblemKind::UnknownStep { id: id.clone() },
                );
            }
            _ => {}
        }
        if let Some(claims) = &step.claims {
            let is_object = json::parse(claims, json::DEFAULT_MAX_DEPTH)
                .is_ok_and(|c| matches!(c.value, Value::Object(_)));
            if !web_identity || !is_object {
                out.add(
                    &format!("{at}/claims"),
                    ScenarioProblemKind::MisplacedClaims,
                );
            }
        }
        let takes_context = matches!(
            step.call,
            Some(
                Call::AssumeRole(_)
                    | Call::GetFederationToken(_)
                    | Call::AssumeRoleWithWebIdentity(_)
            )
        );
        if !step.context.is_empty() && !takes_context {
            out.add(
                &format!("{at}/context"),
                ScenarioProblemKind::MisplacedContext,
            );
        }
        if let Some(expect) = &step.expect
            && (expect.is_empty() || !expect.chars().all(|c| c.is_ascii_alphanumeric()))
        {
            out.add(
                &format!("{at}/expect"),
                ScenarioProblemKind::UnknownExpectation {
                    found: expect.clone(),
                },
            );
        }
        if let Some(seconds) = step.wait.filter(|s| *s < 0) {
            out.add(
                &format!("{at}/wait"),
                ScenarioProblemKind::NegativeWait { seconds },
            );
        }
        for text in [&step.title, &step.explanation].into_iter().flatten() {
            if text.is_empty() {
                out.add(&at, ScenarioProblemKind::EmptyText);
            }
        }
        if let Some(id) = &step.id {
            if seen.contains_key(id.as_str()) {
                out.add(
                    &format!("{at}/id"),
                    ScenarioProblemKind::DuplicateStepId { id: id.clone() },
                );
            }
            seen.insert(id, step.call.is_some());
        }
    }
}

/// Collects problems, locating each by its pointer in the document.
struct Problems<'a> {
    lines: &'a LineIndex<'a>,
    json: Option<&'a Json>,
    problems: Vec<ScenarioProblem>,
}

impl Problems<'_> {
    fn add(&mut self, pointer: &str, kind: ScenarioProblemKind) {
        self.push(pointer, Severity::Error, kind);
    }

    fn push(&mut self, pointer: &str, severity: Severity, kind: ScenarioProblemKind) {
        let span = self
            .json
            .and_then(|json| json.get_pointer(pointer))
            .map_or_else(Span::default, |value| value.span);
        self.problems.push(ScenarioProblem {
            severity,
            location: self.lines.locate(pointer.into(), span),
            kind,
        });
    }

    fn add_at(&mut self, pointer: &str, span: Span, kind: ScenarioProblemKind) {
        self.problems.push(ScenarioProblem {
            severity: Severity::Error,
            location: self.lines.locate(pointer.into(), span),
            kind,
        });
    }

    fn finish(self, scenario: Option<Scenario>) -> ReadScenario {
        ReadScenario {
            scenario,
            problems: self.problems,
        }
    }
}
