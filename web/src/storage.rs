//! What the playground keeps in the browser's local storage: the language and the working
//! scenario. Nothing else is stored and nothing leaves the browser. A stored value that cannot
//! be read is moved aside (never thrown away) and the playground starts afresh, saying so; a
//! full storage only means the work is not saved, which the page says.

use iamplay_core::explain::Lang;
use iamplay_core::scenario::Scenario;
use serde_json::{Value, json};
use web_sys::Storage;

use crate::document;
use crate::state::{Origin, State};

const LANG_KEY: &str = "iamplay.lang";
const WORK_KEY: &str = "iamplay.work.v1";
const UNREADABLE_KEY: &str = "iamplay.work.v1.unreadable";

thread_local! {
    /// Whether work that could not be read had to stay under the work's own key.
    static UNREADABLE_IN_PLACE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language: the one chosen before, else the browser's first Chinese or English one, else
/// English.
pub(crate) fn load_lang() -> Lang {
    if let Some(lang) = storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|tag| Lang::from_tag(&tag))
    {
        return lang;
    }
    browser_lang().unwrap_or_default()
}

fn browser_lang() -> Option<Lang> {
    let navigator = web_sys::window()?.navigator();
    let languages = navigator.languages();
    languages
        .iter()
        .filter_map(|tag| tag.as_string())
        .chain(navigator.language())
        .find_map(|tag| Lang::from_tag(&tag))
}

/// Remembers the language.
pub(crate) fn save_lang(lang: Lang) {
    if let Some(storage) = storage() {
        // A full storage only means the choice is not remembered.
        let _ = storage.set_item(LANG_KEY, lang.tag());
    }
}

/// What the last visit left.
#[derive(Debug)]
pub(crate) enum Stored {
    /// Nothing (or no storage at all).
    Nothing,
    /// The work, restored.
    Work(State),
    /// Work that could not be read; it is kept under `iamplay.work.v1.unreadable`.
    Unreadable,
}

/// The working scenario from the last visit, if there is one that still reads.
pub(crate) fn load_work(lang: Lang) -> Stored {
    let Some(storage) = storage() else {
        return Stored::Nothing;
    };
    let Some(text) = storage.get_item(WORK_KEY).ok().flatten() else {
        return Stored::Nothing;
    };
    match restore(&text, lang) {
        Some(state) => Stored::Work(state),
        None => {
            move_aside(&storage, &text);
            Stored::Unreadable
        }
    }
}

/// Keeps work that could not be read where a person can still find it. In a full storage the
/// copy may not fit beside the original: then the original makes room for it, and if even that
/// fails it stays where it is (and saving stays refused, so nothing overwrites it).
fn move_aside(storage: &Storage, text: &str) {
    if storage.set_item(UNREADABLE_KEY, text).is_ok() {
        let _ = storage.remove_item(WORK_KEY);
        return;
    }
    let _ = storage.remove_item(WORK_KEY);
    if storage.set_item(UNREADABLE_KEY, text).is_err() {
        let _ = storage.set_item(WORK_KEY, text);
        UNREADABLE_IN_PLACE.set(true);
    }
}

fn restore(text: &str, lang: Lang) -> Option<State> {
    let stored: Value = serde_json::from_str(text).ok()?;
    let origin = Origin::from_tag(stored.get("origin")?.as_str()?)?;
    let scenario = document::read(stored.get("scenario")?.as_str()?, lang).ok()?;
    let original = match &origin {
        Origin::Builtin(id) => crate::state::builtin_scenario(id)?,
        Origin::Empty => document::empty_scenario(),
        Origin::Imported(_) => match stored.get("original").and_then(Value::as_str) {
            Some(original) => document::read(original, lang).ok()?,
            None => scenario.clone(),
        },
    };
    let mut state = State::opened(lang, origin, original);
    if *state.original != scenario {
        state.scenario = std::rc::Rc::new(scenario);
    }
    let steps = state.scenario.steps.len();
    state.selected = stored
        .get("selected")
        .and_then(Value::as_u64)
        .and_then(|i| usize::try_from(i).ok())
        .filter(|i| *i < steps)
        .or(state.selected);
    Some(state)
}

/// Saves the working scenario; `false` when the browser would not store it (or when work that
/// could not be read is still in its place).
pub(crate) fn save_work(state: &State) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    if UNREADABLE_IN_PLACE.get() {
        return false;
    }
    let original: Option<&Scenario> = match state.origin {
        Origin::Imported(_) => Some(&state.original),
        Origin::Builtin(_) | Origin::Empty => None,
    };
    let stored = json!({
        "origin": state.origin.to_tag(),
        "scenario": document::to_storage_text(&state.scenario),
        "original": original.map(document::to_storage_text),
        "selected": state.selected,
    });
    storage.set_item(WORK_KEY, &stored.to_string()).is_ok()
}

/// Forgets the working scenario (the "start over" of the error banner).
pub(crate) fn forget_work() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(WORK_KEY);
    }
}
