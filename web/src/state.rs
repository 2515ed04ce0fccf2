//! The playground's state and its one reducer: which scenario is open, as loaded and as edited,
//! the language, the chosen step and the statement shown in its editor.

use std::fmt;
use std::rc::Rc;

use iamplay_core::explain::Lang;
use iamplay_core::scenario::{Scenario, builtin};
use yew::Reducible;

use crate::document;

/// Where the open scenario came from, for Reset and for the picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Origin {
    /// A built-in lesson, by id.
    Builtin(String),
    /// "New empty scenario".
    Empty,
    /// A file the user imported, by file name.
    Imported(String),
}

impl Origin {
    /// The text stored for it (`builtin:ID`, `empty`, `import:NAME`).
    pub(crate) fn to_tag(&self) -> String {
        match self {
            Self::Builtin(id) => format!("builtin:{id}"),
            Self::Empty => "empty".into(),
            Self::Imported(name) => format!("import:{name}"),
        }
    }

    /// The origin a stored tag names.
    pub(crate) fn from_tag(tag: &str) -> Option<Self> {
        if tag == "empty" {
            return Some(Self::Empty);
        }
        if let Some(id) = tag.strip_prefix("builtin:") {
            return builtin::find(id).map(|b| Self::Builtin(b.id.into()));
        }
        tag.strip_prefix("import:")
            .map(|name| Self::Imported(name.into()))
    }
}

/// A change to the scenario: a function applied to it in the reducer.
#[derive(Clone)]
pub(crate) struct Edit(Rc<dyn Fn(&mut Scenario)>);

impl Edit {
    /// An edit that applies `change`.
    pub(crate) fn new(change: impl Fn(&mut Scenario) + 'static) -> Self {
        Self(Rc::new(change))
    }
}

impl fmt::Debug for Edit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Edit")
    }
}

/// A statement to show in its policy editor: the world pointer of the policy document and the
/// statement's pointer inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Focus {
    /// The document, e.g. `/world/accounts/0/roles/1/inlinePolicies/0/document`.
    pub document: String,
    /// The statement in it, e.g. `/Statement/0`.
    pub statement: String,
}

/// Something to tell the user that is not part of the scenario (a failed import).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Notice {
    /// The heading.
    pub title: String,
    /// The details, one per line.
    pub lines: Vec<String>,
}

/// Everything the playground shows comes from this.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct State {
    pub lang: Lang,
    pub origin: Origin,
    /// The scenario as it was opened (for Reset and the "edited" mark).
    pub original: Rc<Scenario>,
    /// The scenario as edited: what is run, saved and exported.
    pub scenario: Rc<Scenario>,
    /// The step whose form and decision are shown.
    pub selected: Option<usize>,
    pub focus: Option<Focus>,
    pub notice: Option<Notice>,
}

/// What can happen to the state.
#[derive(Debug)]
pub(crate) enum Action {
    /// Speak another language.
    SetLang(Lang),
    /// Open a scenario (a built-in one, a new empty one, an imported file).
    Open(Origin, Box<Scenario>),
    /// Go back to the scenario as it was opened.
    Reset,
    /// Change the scenario.
    Edit(Edit),
    /// Show this step.
    Select(usize),
    /// Add a step after the others and show it.
    AddStep(Box<iamplay_core::scenario::Step>),
    /// Show a statement in its editor (or stop showing one).
    Focus(Option<Focus>),
    /// Tell the user something, or stop telling.
    Notice(Option<Notice>),
}

impl State {
    /// A state with `scenario` opened from `origin`.
    pub(crate) fn opened(lang: Lang, origin: Origin, scenario: Scenario) -> Self {
        let scenario = Rc::new(scenario);
        Self {
            lang,
            origin,
            selected: first_step(&scenario),
            original: scenario.clone(),
            scenario,
            focus: None,
            notice: None,
        }
    }

    /// Whether the scenario differs from how it was opened.
    pub(crate) fn is_edited(&self) -> bool {
        !Rc::ptr_eq(&self.original, &self.scenario) && self.original != self.scenario
    }
}

/// The step shown when a scenario opens: the first request or call, else the first step.
fn first_step(scenario: &Scenario) -> Option<usize> {
    scenario
        .steps
        .iter()
        .position(|s| s.request.is_some() || s.call.is_some())
        .or(if scenario.steps.is_empty() {
            None
        } else {
            Some(0)
        })
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::Open(origin, scenario) => {
                next = Self::opened(self.lang, origin, *scenario);
            }
            Action::Reset => {
                next.scenario = next.original.clone();
                next.selected = first_step(&next.scenario);
                next.focus = None;
            }
            Action::Edit(Edit(change)) => {
                let mut scenario = (*next.scenario).clone();
                change(&mut scenario);
                next.scenario = Rc::new(scenario);
            }
            Action::Select(index) => {
                next.selected = Some(index);
                next.focus = None;
            }
            Action::AddStep(step) => {
                let mut scenario = (*next.scenario).clone();
                scenario.steps.push(*step);
                next.selected = Some(scenario.steps.len().saturating_sub(1));
                next.scenario = Rc::new(scenario);
            }
            Action::Focus(focus) => next.focus = focus,
            Action::Notice(notice) => next.notice = notice,
        }
        let steps = next.scenario.steps.len();
        next.selected = match next.selected {
            Some(_) if steps == 0 => None,
            Some(i) if i >= steps => Some(steps - 1),
            None if steps > 0 => Some(0),
            other => other,
        };
        Rc::new(next)
    }
}

/// The built-in scenario `id`, read.
pub(crate) fn builtin_scenario(id: &str) -> Option<Scenario> {
    builtin::find(id).and_then(|b| document::read(b.text, Lang::En).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> Rc<State> {
        let scenario = builtin_scenario("per-user-folders").unwrap_or_default();
        Rc::new(State::opened(
            Lang::En,
            Origin::Builtin("per-user-folders".into()),
            scenario,
        ))
    }

    #[test]
    fn an_edit_marks_the_scenario_edited_and_reset_undoes_it() {
        let s = state();
        assert!(!s.is_edited());
        let s = s.reduce(Action::Edit(Edit::new(|sc| sc.steps.truncate(1))));
        assert!(s.is_edited());
        assert_eq!(s.selected, Some(0));
        let s = s.reduce(Action::Reset);
        assert!(!s.is_edited());
    }

    #[test]
    fn removing_the_shown_step_shows_the_last_one_left() {
        let s = state().reduce(Action::Select(2));
        let s = s.reduce(Action::Edit(Edit::new(|sc| sc.steps.truncate(2))));
        assert_eq!(s.selected, Some(1));
        let s = s.reduce(Action::Edit(Edit::new(|sc| sc.steps.clear())));
        assert_eq!(s.selected, None);
    }

    #[test]
    fn origins_survive_their_tags() {
        for origin in [
            Origin::Builtin("course-platform".into()),
            Origin::Empty,
            Origin::Imported("lesson.json".into()),
        ] {
            assert_eq!(Origin::from_tag(&origin.to_tag()), Some(origin));
        }
        assert_eq!(Origin::from_tag("builtin:no-such-lesson"), None);
    }
}
