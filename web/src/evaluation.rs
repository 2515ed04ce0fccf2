//! The scenario, run by the core: every step's outcome, and the world's own problems.

use std::rc::Rc;

use iamplay_core::scenario::{self, Scenario, ScenarioRun};
use iamplay_core::sts::{Simulator, WorldProblem};

/// What the core made of the scenario.
#[derive(Debug)]
pub(crate) struct Evaluation {
    /// Every step's outcome.
    pub run: ScenarioRun,
    /// The world's problems (unknown ARNs, duplicates, invalid policies).
    pub problems: Vec<WorldProblem>,
}

impl Evaluation {
    /// Runs `scenario`.
    pub(crate) fn of(scenario: &Scenario) -> Self {
        Self {
            problems: Simulator::new(&scenario.world).problems().to_vec(),
            run: scenario::run(scenario),
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
