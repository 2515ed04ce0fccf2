//! The top bar: the name, the scenario picker with import, export and reset, and the language
//! switch.

use iamplay_core::explain::Lang;
use iamplay_core::scenario::builtin;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::{Callback, Event, Html, TargetCast, function_component, html, use_memo};

use crate::components::share_button::ShareButton;
use crate::document;
use crate::files::{download, read_file};
use crate::hooks::{AppContext, use_app};
use crate::i18n::language_name;
use crate::state::{Action, Notice, Origin, builtin_scenario};
use crate::storage;

/// Asks before replacing edited work; `true` when there is nothing to lose.
fn may_replace(app: &AppContext, question: &str) -> bool {
    if !app.state.is_edited() {
        return true;
    }
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// The page header.
#[function_component]
pub(crate) fn Header() -> Html {
    let app = use_app();
    // The lessons' titles, read once per language rather than on every keystroke.
    let titles = use_memo(app.as_ref().map(AppContext::lang), |lang| {
        let lang = lang.unwrap_or_default();
        builtin::ALL
            .iter()
            .map(|b| {
                let title = builtin_scenario(b.id)
                    .and_then(|s| s.title.get(lang).map(str::to_owned))
                    .unwrap_or_else(|| b.id.to_owned());
                (b.id, title)
            })
            .collect::<Vec<_>>()
    });
    let Some(app) = app else {
        return Html::default();
    };
    let (ui, lang) = (app.ui(), app.lang());
    let selected = match &app.state.origin {
        Origin::Builtin(id) => format!("builtin:{id}"),
        Origin::Empty => "empty".into(),
        Origin::Imported(_) => "imported".into(),
    };
    let on_scenario = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let select = e.target_unchecked_into::<HtmlSelectElement>();
            let value = select.value();
            if !may_replace(&app, app.ui().replace_confirm) {
                select.set_value(&match &app.state.origin {
                    Origin::Builtin(id) => format!("builtin:{id}"),
                    Origin::Empty => "empty".into(),
                    Origin::Imported(_) => "imported".into(),
                });
                return;
            }
            if value == "empty" {
                app.dispatch(Action::Open(
                    Origin::Empty,
                    Box::new(document::empty_scenario()),
                ));
            } else if let Some(id) = value.strip_prefix("builtin:")
                && let Some(scenario) = builtin_scenario(id)
            {
                app.dispatch(Action::Open(Origin::Builtin(id.into()), Box::new(scenario)));
            }
        })
    };
    let on_import = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            if !may_replace(&app, app.ui().replace_confirm) {
                return;
            }
            let app = app.clone();
            let name = file.name();
            read_file(file, app.lang(), move |text| {
                let ui = app.ui();
                match text
                    .map_err(|e| vec![e])
                    .and_then(|text| document::read(&text, app.lang()))
                {
                    Ok(scenario) => app.dispatch(Action::Open(
                        Origin::Imported(name.clone()),
                        Box::new(scenario),
                    )),
                    Err(lines) => app.dispatch(Action::Notice(Some(Notice {
                        title: format!("{}: {name}", ui.import_failed),
                        lines,
                    }))),
                }
            });
        })
    };
    let on_export = {
        let app = app.clone();
        Callback::from(move |_| {
            let name = app
                .state
                .scenario
                .id
                .clone()
                .unwrap_or_else(|| "scenario".into());
            download(
                &format!("{name}.json"),
                &document::to_export_text(&app.state.scenario),
            );
        })
    };
    let on_reset = {
        let app = app.clone();
        Callback::from(move |_| {
            let sure = web_sys::window()
                .and_then(|w| w.confirm_with_message(app.ui().reset_confirm).ok())
                .unwrap_or(false);
            if sure {
                app.dispatch(Action::Reset);
            }
        })
    };
    let on_lang = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let tag = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(lang) = Lang::from_tag(&tag) {
                storage::save_lang(lang);
                app.dispatch(Action::SetLang(lang));
            }
        })
    };
    let builtins = titles.iter().map(|(id, title)| {
        let value = format!("builtin:{id}");
        html! { <option value={value.clone()} selected={value == selected}>{ title.clone() }</option> }
    });
    html! {
        <header class="app-header">
            <div class="brand">
                <h1>{ "iamplay" }</h1>
                <p class="tagline">{ ui.tagline }</p>
                <span class="version" title="iamplay">{ format!("v{}", iamplay_core::VERSION) }</span>
            </div>
            <div class="scenario-bar">
                <label for="scenario-picker">{ ui.scenario }</label>
                <select id="scenario-picker" onchange={on_scenario}>
                    { for builtins }
                    <option value="empty" selected={selected == "empty"}>{ ui.new_empty }</option>
                    if let Origin::Imported(name) = &app.state.origin {
                        <option value="imported" selected=true>{ name.clone() }</option>
                    }
                </select>
                if app.state.is_edited() {
                    <span class="edited">{ ui.edited }</span>
                }
                if !app.saved {
                    <span class="not-saved" role="status">{ ui.not_saved }</span>
                }
                <label class="button" for="import-file">{ ui.import }</label>
                <input id="import-file" class="visually-hidden" type="file" accept=".json,application/json" onchange={on_import} />
                <button type="button" onclick={on_export}>{ ui.export }</button>
                <ShareButton />
                <button type="button" onclick={on_reset} disabled={!app.state.is_edited()}>{ ui.reset }</button>
            </div>
            <div class="lang">
                <label for="lang-picker">{ ui.language }</label>
                <select id="lang-picker" onchange={on_lang}>
                    { for Lang::ALL.iter().map(|l| html! {
                        <option value={l.tag()} lang={l.tag()} selected={*l == lang}>{ language_name(*l) }</option>
                    }) }
                </select>
            </div>
        </header>
    }
}
