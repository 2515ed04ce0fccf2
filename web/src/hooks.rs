//! The playground's hooks.

mod context;
mod debounced;

pub(crate) use context::{AppContext, use_app};
pub(crate) use debounced::use_debounced;
