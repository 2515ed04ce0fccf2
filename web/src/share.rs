//! Share links and the page's address: `#<link>` carries a whole scenario (the core's share
//! codec), `?scenario=ID` opens a built-in lesson, `?lang=zh-CN` picks the language. Once read,
//! the address is cleaned, so that a reload shows the work as saved, not the link again.

use iamplay_core::explain::{Lang, share_error_message};
use iamplay_core::scenario::share::{self, ShareError};
use iamplay_core::scenario::{Scenario, builtin};
use wasm_bindgen::{JsCast, JsValue};

use crate::document;
use crate::i18n::ui;
use crate::state::{Notice, Origin, builtin_scenario};

/// What the address asks for.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Address {
    /// A share link (the fragment).
    pub link: Option<String>,
    /// A built-in lesson's id.
    pub scenario: Option<String>,
    /// A language.
    pub lang: Option<Lang>,
}

/// Reads `?scenario=`, `?lang=` and the fragment of an address's parts.
pub(crate) fn parse_address(search: &str, hash: &str) -> Address {
    let mut address = Address::default();
    for pair in search.trim_start_matches('?').split('&') {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        let value = js_decode(value);
        match key {
            "scenario" if !value.is_empty() => address.scenario = Some(value),
            "lang" => address.lang = Lang::from_tag(&value),
            _ => {}
        }
    }
    let link = hash.trim_start_matches('#').trim();
    if !link.is_empty() {
        address.link = Some(link.to_owned());
    }
    address
}

fn js_decode(value: &str) -> String {
    if cfg!(target_arch = "wasm32") {
        js_sys::decode_uri_component(value)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| value.to_owned())
    } else {
        value.to_owned()
    }
}

/// The page's address, read.
pub(crate) fn current_address() -> Address {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return Address::default();
    };
    parse_address(
        &location.search().unwrap_or_default(),
        &location.hash().unwrap_or_default(),
    )
}

/// Takes the link, the lesson and the language out of the address (without reloading).
pub(crate) fn clean_address() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
    }
}

/// The scenario the address asks for, with where it came from; or why it cannot be opened.
pub(crate) fn requested(
    address: &Address,
    lang: Lang,
) -> Option<Result<(Origin, Scenario), Notice>> {
    if let Some(link) = &address.link {
        return Some(open_link(link, None, lang));
    }
    let id = address.scenario.as_ref()?;
    let ui = ui(lang);
    Some(match builtin_scenario(id) {
        Some(scenario) => Ok((Origin::Builtin(id.clone()), scenario)),
        None => Err(Notice {
            title: ui.unknown_scenario.to_owned(),
            lines: vec![format!("`{id}`: {}", builtin::IDS.join(", "))],
        }),
    })
}

/// The scenario a share link carries; `base` is the text of the built-in lesson it carries
/// the edits of ([`share::based_on`]) where this build has not got the lessons' text.
pub(crate) fn open_link(
    link: &str,
    base: Option<&str>,
    lang: Lang,
) -> Result<(Origin, Scenario), Notice> {
    let ui = ui(lang);
    let decoded = match base {
        Some(base) => share::decode_on(link, base),
        None => share::decode(link),
    };
    let opened = decoded
        .map_err(|e| vec![share_error_message(&e, lang)])
        .and_then(|text| document::read(&text, lang));
    match opened {
        Ok(scenario) => {
            let title = scenario.title.get(lang).unwrap_or_default().to_owned();
            Ok((
                Origin::Imported(format!("{}: {title}", ui.shared_link)),
                scenario,
            ))
        }
        Err(lines) => Err(Notice {
            title: ui.share_failed.to_owned(),
            lines,
        }),
    }
}

/// The address that opens `scenario`: this page with the scenario's share link as fragment.
pub(crate) fn link_url(scenario: &Scenario) -> Result<String, ShareError> {
    let base = web_sys::window()
        .and_then(|w| {
            let location = w.location();
            Some(format!(
                "{}{}",
                location.origin().ok()?,
                location.pathname().ok()?
            ))
        })
        .unwrap_or_default();
    link_at(&base, scenario)
}

/// The address that opens `scenario` in the playground at `base`.
pub(crate) fn link_at(base: &str, scenario: &Scenario) -> Result<String, ShareError> {
    let link = share::encode(&document::to_export_text(scenario))?;
    Ok(format!("{}#{link}", base.split('#').next().unwrap_or(base)))
}

/// Puts `text` on the clipboard where the browser allows it (the Clipboard API is not in
/// web-sys's stable set, so it is called by name); `false` when it could not.
pub(crate) fn copy_to_clipboard(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &"clipboard".into()) else {
        return false;
    };
    if clipboard.is_undefined() {
        return false;
    }
    js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|write| write.call1(&clipboard, &text.into()).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_names_a_lesson_a_language_and_a_link() {
        let address = parse_address("?scenario=per-user-folders&lang=zh-TW", "#1.abc");
        assert_eq!(address.scenario.as_deref(), Some("per-user-folders"));
        assert_eq!(address.lang, Some(Lang::ZhTw));
        assert_eq!(address.link.as_deref(), Some("1.abc"));
        assert_eq!(parse_address("", ""), Address::default());
        assert_eq!(parse_address("?lang=fr&x", "#").lang, None);
    }

    #[test]
    fn a_link_opens_the_scenario_it_was_made_of_and_a_bad_one_says_why() {
        let Some(mut scenario) = builtin_scenario("per-user-folders") else {
            panic!("the lesson reads");
        };
        scenario.steps.truncate(3);
        let link = share::encode(&document::to_export_text(&scenario)).unwrap_or_default();
        assert!(link.starts_with("1b.per-user-folders."), "{link}");
        let address = Address {
            link: Some(link),
            ..Address::default()
        };
        match requested(&address, Lang::En) {
            Some(Ok((Origin::Imported(_), opened))) => assert_eq!(opened, scenario),
            other => panic!("{other:?}"),
        }
        let bad = Address {
            link: Some("1.!!!".into()),
            ..Address::default()
        };
        assert!(matches!(requested(&bad, Lang::En), Some(Err(_))));
        let unknown = Address {
            scenario: Some("nope".into()),
            ..Address::default()
        };
        assert!(matches!(requested(&unknown, Lang::En), Some(Err(_))));
    }
}
