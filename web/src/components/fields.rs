//! Small labelled inputs: a text field, a list of strings, and a list of tags.

use web_sys::HtmlInputElement;
use yew::{
    AttrValue, Callback, Html, InputEvent, Properties, TargetCast, function_component, html,
};

use crate::components::explanation::rich;
use crate::hooks::use_app;

/// A text field's properties.
#[derive(Properties, PartialEq)]
pub(crate) struct TextFieldProps {
    /// The input's DOM id.
    pub id: AttrValue,
    /// The label.
    pub label: AttrValue,
    /// The value.
    pub value: AttrValue,
    /// The new value, on every keystroke.
    pub on_change: Callback<String>,
    /// The id of a `<datalist>` of suggestions.
    #[prop_or_default]
    pub list: Option<AttrValue>,
    /// An error about this field, shown beside it.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// `number` for a number field.
    #[prop_or(AttrValue::Static("text"))]
    pub input_type: AttrValue,
    /// A hint shown while it is empty.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
}

/// A labelled text field, with its error below it.
#[function_component]
pub(crate) fn TextField(props: &TextFieldProps) -> Html {
    let on_input = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            on_change.emit(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let error_id = format!("{}-error", props.id);
    html! {
        <div class={if props.error.is_some() { "field invalid" } else { "field" }}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input
                id={props.id.clone()}
                type={props.input_type.clone()}
                value={props.value.clone()}
                list={props.list.clone()}
                placeholder={props.placeholder.clone()}
                spellcheck="false"
                autocomplete="off"
                aria-invalid={props.error.is_some().to_string()}
                aria-describedby={props.error.as_ref().map(|_| error_id.clone())}
                oninput={on_input}
            />
            if let Some(error) = &props.error {
                <p class="field-error" id={error_id}>{ rich(error) }</p>
            }
        </div>
    }
}

/// A list of strings' properties (ARNs, transitive keys).
#[derive(Properties, PartialEq)]
pub(crate) struct StringListProps {
    /// The DOM id prefix.
    pub id: AttrValue,
    /// The label of the whole list.
    pub label: AttrValue,
    /// The strings.
    pub items: Vec<String>,
    /// The new list.
    pub on_change: Callback<Vec<String>>,
    /// The id of a `<datalist>` of suggestions.
    #[prop_or_default]
    pub list: Option<AttrValue>,
    /// The add button's text.
    pub add_label: AttrValue,
}

/// An editable list of strings.
#[function_component]
pub(crate) fn StringList(props: &StringListProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let ui = app.ui();
    let rows = props.items.iter().enumerate().map(|(i, item)| {
        let on_input = {
            let (items, on_change) = (props.items.clone(), props.on_change.clone());
            Callback::from(move |e: InputEvent| {
                let mut items = items.clone();
                if let Some(slot) = items.get_mut(i) {
                    *slot = e.target_unchecked_into::<HtmlInputElement>().value();
                }
                on_change.emit(items);
            })
        };
        let on_remove = {
            let (items, on_change) = (props.items.clone(), props.on_change.clone());
            Callback::from(move |_| {
                let mut items = items.clone();
                if i < items.len() {
                    items.remove(i);
                }
                on_change.emit(items);
            })
        };
        html! {
            <li>
                <input
                    id={format!("{}-{i}", props.id)}
                    aria-label={format!("{} {}", props.label, i + 1)}
                    value={item.clone()}
                    list={props.list.clone()}
                    spellcheck="false"
                    oninput={on_input}
                />
                <button type="button" class="remove" onclick={on_remove}
                    aria-label={format!("{} {} {}", ui.remove, props.label, i + 1)}>{ "×" }</button>
            </li>
        }
    });
    let on_add = {
        let (items, on_change) = (props.items.clone(), props.on_change.clone());
        Callback::from(move |_| {
            let mut items = items.clone();
            items.push(String::new());
            on_change.emit(items);
        })
    };
    html! {
        <fieldset class="string-list">
            <legend>{ props.label.clone() }</legend>
            <ul>{ for rows }</ul>
            <button type="button" class="add" onclick={on_add}>{ props.add_label.clone() }</button>
        </fieldset>
    }
}

/// One tag.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct TagRow {
    /// The key.
    pub key: String,
    /// The value.
    pub value: String,
    /// Whether the key is transitive (session tags only).
    pub transitive: bool,
}

/// A list of tags' properties.
#[derive(Properties, PartialEq)]
pub(crate) struct TagsEditorProps {
    /// The DOM id prefix.
    pub id: AttrValue,
    /// The label of the whole list.
    pub label: AttrValue,
    /// The tags.
    pub rows: Vec<TagRow>,
    /// Whether to show a transitive checkbox per tag.
    #[prop_or_default]
    pub transitive: bool,
    /// The new tags.
    pub on_change: Callback<Vec<TagRow>>,
    /// An error about the tags, shown below them.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The add button's text (else "Add tag").
    #[prop_or_default]
    pub add_label: Option<AttrValue>,
    /// The id of a `<datalist>` of suggested keys.
    #[prop_or_default]
    pub key_list: Option<AttrValue>,
}

/// An editable list of tags (key, value and, for session tags, transitive).
#[function_component]
pub(crate) fn TagsEditor(props: &TagsEditorProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let ui = app.ui();
    let change = |i: usize, apply: fn(&mut TagRow, &HtmlInputElement)| {
        let (rows, on_change) = (props.rows.clone(), props.on_change.clone());
        Callback::from(move |e: InputEvent| {
            let mut rows = rows.clone();
            if let Some(row) = rows.get_mut(i) {
                apply(row, &e.target_unchecked_into::<HtmlInputElement>());
            }
            on_change.emit(rows);
        })
    };
    let rows = props.rows.iter().enumerate().map(|(i, row)| {
        let on_remove = {
            let (rows, on_change) = (props.rows.clone(), props.on_change.clone());
            Callback::from(move |_| {
                let mut rows = rows.clone();
                if i < rows.len() {
                    rows.remove(i);
                }
                on_change.emit(rows);
            })
        };
        let id = format!("{}-{i}", props.id);
        html! {
            <tr>
                <td><input id={format!("{id}-key")} aria-label={format!("{} {}", ui.key, i + 1)}
                    value={row.key.clone()} spellcheck="false" list={props.key_list.clone()}
                    oninput={change(i, |row, input| row.key = input.value())} /></td>
                <td><input id={format!("{id}-value")} aria-label={format!("{} {}", ui.value, i + 1)}
                    value={row.value.clone()} spellcheck="false"
                    oninput={change(i, |row, input| row.value = input.value())} /></td>
                if props.transitive {
                    <td class="check"><input id={format!("{id}-transitive")} type="checkbox"
                        aria-label={format!("{} {}", ui.transitive, i + 1)}
                        checked={row.transitive}
                        oninput={change(i, |row, input| row.transitive = input.checked())} /></td>
                }
                <td><button type="button" class="remove" onclick={on_remove}
                    aria-label={format!("{} {} {}", ui.remove, ui.key, i + 1)}>{ "×" }</button></td>
            </tr>
        }
    });
    let on_add = {
        let (rows, on_change) = (props.rows.clone(), props.on_change.clone());
        Callback::from(move |_| {
            let mut rows = rows.clone();
            rows.push(TagRow::default());
            on_change.emit(rows);
        })
    };
    html! {
        <fieldset class={if props.error.is_some() { "tags invalid" } else { "tags" }}>
            <legend>{ props.label.clone() }</legend>
            if !props.rows.is_empty() {
                <table>
                    <thead><tr>
                        <th scope="col">{ ui.key }</th>
                        <th scope="col">{ ui.value }</th>
                        if props.transitive { <th scope="col">{ ui.transitive }</th> }
                        <th></th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
            <button type="button" class="add" onclick={on_add}>{ props.add_label.clone().unwrap_or(AttrValue::Static(ui.add_tag)) }</button>
            if let Some(error) = &props.error {
                <p class="field-error">{ rich(error) }</p>
            }
        </fieldset>
    }
}
