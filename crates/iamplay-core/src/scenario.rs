//! Scenario documents: a world, the STS calls and requests made in it, and what each should
//! give, in one versioned JSON file that the playground, the widget and the npm package load,
//! run, save and share.

pub mod builtin;
mod code;
pub mod credentials;
mod flow;
mod model;
mod permissions;
mod read;
mod run;
pub mod share;
pub mod whatif;

pub use code::{Profile, ProfileOmits, ProfileSetting, StepCode, scenario_code, step_code};
pub use flow::{Flow, Hop, HopKind, Participant, flow};
pub use model::{
    Call, Caller, ContextValue, FORMAT_VERSION, Localized, NoParameters, Scenario, Step,
    StepRequest,
};
pub use permissions::{
    MAX_ACTIONS, MAX_RESOURCES, PermissionCell, PermissionMatrix, effective_permissions,
};
pub use read::{MAX_SCENARIO_BYTES, ReadScenario, ScenarioProblem, ScenarioProblemKind, read};
pub use run::{ScenarioRun, SkipReason, StepOutcome, StepResult, run};
