//! The scenario, run by the core: every step's outcome, and the world's own problems.

use std::rc::Rc;

use iamplay_core::scenario::{self, Scenario, ScenarioRun, credentials};

/// What the core made of the scenario.
#[derive(Debug)]
pub(crate) struct Evaluation {
    /// Every step's outcome.
    pub run: ScenarioRun,
    /// The scenario's id, to tell evaluations apart.
    pub scenario_id: Option<String>,
    /// How long it took, in milliseconds (the page's clock; 0 where there is none).
    pub millis: f64,
    /// Where the scenario holds what looks like real long-term credentials (JSON pointers).
    pub credentials: Vec<String>,
}

fn now() -> Option<f64> {
    Some(web_sys::window()?.performance()?.now())
}

impl Evaluation {
    /// Runs `scenario`.
    pub(crate) fn of(scenario: &Scenario) -> Self {
        let started = now();
        let run = scenario::run(scenario);
        let millis = match (started, now()) {
            (Some(started), Some(ended)) => ended - started,
            _ => 0.0,
        };
        Self {
            run,
            scenario_id: scenario.id.clone(),
            millis,
            credentials: credentials::holders_in(&crate::document::to_storage_text(scenario)),
        }
    }
}

/// A shared value compared by identity, so that a hook notices a new value without comparing
/// two whole scenarios.
#[derive(Debug)]
pub(crate) struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
