//! Files in and out, without a server: reading a chosen file, and saving text as a download.

use gloo::file::File;
use gloo::file::callbacks::FileReader;
use iamplay_core::explain::Lang;
use iamplay_core::scenario::MAX_SCENARIO_BYTES;
use wasm_bindgen::JsCast;

use crate::i18n::file_too_large;

thread_local! {
    /// Reads in progress (a reader stops when dropped).
    static READERS: std::cell::RefCell<Vec<FileReader>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The most a scenario file may hold (the core reads at most this much).
const MAX_BYTES: u64 = MAX_SCENARIO_BYTES as u64;

/// Reads `file` as text and calls `done` with it, or with why it could not be read (in
/// `lang`). A file larger than a scenario may be is refused before it is read.
pub(crate) fn read_file(
    file: web_sys::File,
    lang: Lang,
    done: impl FnOnce(Result<String, String>) + 'static,
) {
    let file = File::from(file);
    if file.size() > MAX_BYTES {
        let size = usize::try_from(file.size()).unwrap_or(usize::MAX);
        done(Err(file_too_large(lang, size, MAX_SCENARIO_BYTES)));
        return;
    }
    let reader = gloo::file::callbacks::read_as_text(&file, move |text| {
        done(text.map_err(|e| e.to_string()));
    });
    READERS.with(|readers| {
        let mut readers = readers.borrow_mut();
        readers.retain(|_| false);
        readers.push(reader);
    });
}

/// Offers `text` as a download named `name`.
pub(crate) fn download(name: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(anchor) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
