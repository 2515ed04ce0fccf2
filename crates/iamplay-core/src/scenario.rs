//! Scenario documents: a world, the STS calls and requests made in it, and what each should
//! give, in one versioned JSON file that the playground, the widget and the npm package load,
//! run, save and share.

pub mod builtin;
mod code;
mod model;
mod read;
mod run;
pub mod share;

pub use code::{Profile, ProfileOmits, ProfileSetting, StepCode, scenario_code, step_code};
pub use model::{
    Call, Caller, ContextValue, FORMAT_VERSION, Localized, NoParameters, Scenario, Step,
    StepRequest,
};
pub use read::{MAX_SCENARIO_BYTES, ReadScenario, ScenarioProblem, ScenarioProblemKind, read};
pub use run::{ScenarioRun, SkipReason, StepOutcome, StepResult, run};
