//! The app's function components, one idea each.

pub(crate) mod footer;
pub(crate) mod header;
