//! The iamplay playground: a Yew single-page app over `iamplay-core`.
//!
//! The app only translates: the user's input goes to the core, the core's results come back
//! as data, and the app shows them. It holds no IAM semantics of its own.

mod components;
mod document;
pub mod embed;
mod evaluation;
mod files;
mod hooks;
mod i18n;
pub mod panic;
mod share;
mod state;
mod storage;

use std::rc::Rc;

use iamplay_core::explain::Lang;
use iamplay_core::scenario::builtin;
use yew::{
    ContextProvider, Html, function_component, html, use_effect_with, use_memo, use_reducer,
    use_state_eq,
};

use components::credentials::CredentialsWarning;
use components::decision::DecisionPanel;
use components::findings::FindingsPanel;
use components::flow::FlowDiagram;
use components::footer::Footer;
use components::header::Header;
use components::notice::NoticeBanner;
use components::step_editor::StepEditor;
use components::steps::StepList;
use components::suggestions::Suggestions;
use components::world::WorldEditor;
use evaluation::{Evaluation, Shared};
use hooks::{AppContext, use_debounced};
use state::{Notice, Origin, State, builtin_scenario};

/// How long the playground waits after an edit before evaluating (milliseconds).
const SETTLE_MILLIS: u32 = 120;

/// The default lesson, opened.
fn default_state(lang: Lang) -> State {
    let id = builtin::default_scenario().id;
    match builtin_scenario(id) {
        Some(scenario) => State::opened(lang, Origin::Builtin(id.into()), scenario),
        None => State::opened(lang, Origin::Empty, document::empty_scenario()),
    }
}

/// The state the page opens with: what the address asks for (a share link, a lesson, a
/// language), else the work from the last visit, else the default lesson. A link never
/// replaces edited work without asking; work that could not be read is kept aside, and said so.
fn initial_state() -> State {
    let (state, unreadable) = opening_state();
    match state.notice {
        None if unreadable => {
            let ui = i18n::ui(state.lang);
            State {
                notice: Some(Notice {
                    title: ui.work_unreadable.to_owned(),
                    lines: vec![ui.work_unreadable_help.to_owned()],
                }),
                ..state
            }
        }
        _ => state,
    }
}

/// The state the page opens with, and whether the work stored by the last visit was unreadable.
fn opening_state() -> (State, bool) {
    let address = share::current_address();
    let lang = match address.lang {
        Some(lang) => {
            storage::save_lang(lang);
            lang
        }
        None => storage::load_lang(),
    };
    let (stored, unreadable) = match storage::load_work(lang) {
        storage::Stored::Work(state) => (Some(state), false),
        storage::Stored::Nothing => (None, false),
        storage::Stored::Unreadable => (None, true),
    };
    let Some(requested) = share::requested(&address, lang) else {
        return (stored.unwrap_or_else(|| default_state(lang)), unreadable);
    };
    share::clean_address();
    match requested {
        Ok((origin, scenario)) => {
            let keep = stored.as_ref().is_some_and(State::is_edited)
                && !web_sys::window()
                    .and_then(|w| w.confirm_with_message(i18n::ui(lang).replace_confirm).ok())
                    .unwrap_or(true);
            let state = match stored {
                Some(stored) if keep => stored,
                _ => State::opened(lang, origin, scenario),
            };
            (state, unreadable)
        }
        Err(notice) => {
            let mut state = stored.unwrap_or_else(|| default_state(lang));
            state.notice = Some(notice);
            (state, unreadable)
        }
    }
}

/// Once started, the page needs no network at all: a second policy forbids every connection
/// (the release page's own policy allowed only its files while loading). Development builds
/// keep the connection Trunk's live reload uses.
fn forbid_connections() {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let (Some(head), Ok(meta)) = (document.head(), document.create_element("meta")) {
        let _ = meta.set_attribute("http-equiv", "Content-Security-Policy");
        let _ = meta.set_attribute("content", "connect-src 'none'");
        let _ = head.append_child(&meta);
    }
}

/// The whole playground.
#[function_component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let settled = use_debounced(Shared(state.scenario.clone()), SETTLE_MILLIS);
    let evaluation = use_memo(settled.clone(), |s| Evaluation::of(&s.0));
    let saved = use_state_eq(|| true);
    {
        // Saved on every edit, before it is evaluated: nothing typed is lost, even if the
        // evaluation fails.
        let (state, saved) = (state.clone(), saved.clone());
        use_effect_with(
            (
                Shared(state.scenario.clone()),
                state.selected,
                state.origin.clone(),
            ),
            move |_| {
                saved.set(storage::save_work(&state));
            },
        );
    }
    use_effect_with((), |()| forbid_connections());
    {
        let lang = state.lang;
        use_effect_with(lang, move |lang| {
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("lang", lang.tag());
            }
        });
    }
    let selected = state.selected;
    let context = AppContext {
        pending: !Rc::ptr_eq(&settled.0, &state.scenario),
        saved: *saved,
        state,
        evaluation,
    };
    html! {
        <ContextProvider<AppContext> context={context}>
            <div class="app">
                <a class="skip-link" href="#decision-heading">{ "↓" }</a>
                <Header />
                <NoticeBanner />
                <CredentialsWarning />
                <main class="app-main">
                    <FlowDiagram />
                    <div class="column play">
                        <StepList />
                        <DecisionPanel />
                        if let Some(step) = selected {
                            <StepEditor step={step} />
                        }
                    </div>
                    <div class="column world-column">
                        <FindingsPanel />
                        <WorldEditor />
                    </div>
                </main>
                <Footer />
                <Suggestions />
            </div>
        </ContextProvider<AppContext>>
    }
}

#[cfg(test)]
#[cfg(target_arch = "wasm32")]
mod tests;
