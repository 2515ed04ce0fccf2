//! The playground's components, one idea each.

pub(crate) mod call_form;
pub(crate) mod caller_picker;
pub(crate) mod code_view;
pub(crate) mod credentials;
pub(crate) mod decision;
pub(crate) mod explanation;
pub(crate) mod fields;
pub(crate) mod findings;
pub(crate) mod flow;
pub(crate) mod footer;
pub(crate) mod header;
pub(crate) mod notice;
pub(crate) mod outcome;
pub(crate) mod permissions;
pub(crate) mod policy_editor;
pub(crate) mod request_form;
pub(crate) mod response;
pub(crate) mod share_button;
pub(crate) mod step_editor;
pub(crate) mod steps;
pub(crate) mod suggestions;
pub(crate) mod whatif;
pub(crate) mod world;
