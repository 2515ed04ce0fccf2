//! `explain`: a result in another language. Every message a result carries comes with its
//! text in all three languages (`messages`, `helps`, `headlines`, `explanations`, `texts`), so
//! switching is choosing, not running again.

use iamplay_core::explain::Lang;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::input::{string, type_error};

/// Each field holding text in the chosen language, and the field holding all three.
const FIELDS: [(&str, &str); 5] = [
    ("message", "messages"),
    ("help", "helps"),
    ("headline", "headlines"),
    ("explanation", "explanations"),
    ("text", "texts"),
];

/// A copy of `result` (any value iamplay returned) with every message in `lang`.
#[wasm_bindgen(unchecked_return_type = "unknown")]
pub fn explain(
    #[wasm_bindgen(unchecked_param_type = "unknown")] result: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Lang")] lang: JsValue,
) -> Result<JsValue, JsValue> {
    let tag = string(&lang, "lang")?;
    let lang = Lang::from_tag(&tag).ok_or_else(|| {
        type_error(&format!(
            "lang: expected 'en', 'zh-CN' or 'zh-TW', got '{tag}'"
        ))
    })?;
    Ok(relabel(&result, lang.tag(), 0))
}

/// `value` with its texts in language `tag`, copied down to a sane depth.
fn relabel(value: &JsValue, tag: &str, depth: u32) -> JsValue {
    if depth > 64 {
        return value.clone();
    }
    if Array::is_array(value) {
        let array = Array::from(value);
        return array
            .iter()
            .map(|item| relabel(&item, tag, depth + 1))
            .collect::<Array>()
            .into();
    }
    // Plain objects only: class instances (compiled policies, simulators) stay as they are.
    let is_plain = value.is_object()
        && JsValue::from(Object::get_prototype_of(value))
            == JsValue::from(Object::get_prototype_of(&Object::new().into()));
    if !is_plain {
        return value.clone();
    }
    let copy = Object::new();
    for entry in Object::entries(&Object::from(value.clone())).iter() {
        let pair = Array::from(&entry);
        let key = pair.get(0);
        let _ = Reflect::set(&copy, &key, &relabel(&pair.get(1), tag, depth + 1));
    }
    for (field, all) in FIELDS {
        if let Ok(texts) = Reflect::get(value, &all.into())
            && texts.is_object()
            && let Ok(text) = Reflect::get(&texts, &tag.into())
            && text.is_string()
        {
            let _ = Reflect::set(&copy, &field.into(), &text);
        }
    }
    copy.into()
}
