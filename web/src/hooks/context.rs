//! What every component may reach: the state, the way to change it, and the last evaluation.

use std::rc::Rc;

use iamplay_core::explain::Lang;
use yew::{UseReducerHandle, hook, use_context};

use crate::evaluation::Evaluation;
use crate::i18n::{Teach, Ui, teach, ui};
use crate::state::{Action, State};

/// The playground's context.
#[derive(Clone, PartialEq)]
pub(crate) struct AppContext {
    /// The state and its dispatcher.
    pub state: UseReducerHandle<State>,
    /// The scenario as last evaluated (a moment behind the edits).
    pub evaluation: Rc<Evaluation>,
    /// Whether edits are waiting to be evaluated.
    pub pending: bool,
    /// Whether the browser kept the last save (false: storage full or disabled).
    pub saved: bool,
}

impl PartialEq for Evaluation {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl AppContext {
    /// The language.
    pub(crate) fn lang(&self) -> Lang {
        self.state.lang
    }

    /// The interface's words.
    pub(crate) fn ui(&self) -> &'static Ui {
        ui(self.state.lang)
    }

    /// The teaching panels' words.
    pub(crate) fn teach(&self) -> &'static Teach {
        teach(self.state.lang)
    }

    /// Changes the state.
    pub(crate) fn dispatch(&self, action: Action) {
        self.state.dispatch(action);
    }
}

/// The playground's context; components are only ever rendered inside it.
#[hook]
pub(crate) fn use_app() -> Option<AppContext> {
    use_context::<AppContext>()
}
