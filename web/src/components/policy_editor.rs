//! A policy document editor: the text as typed (never rewritten unless Format is pressed),
//! line numbers, each finding underlined where it is with its message and help beside the
//! editor, and the statement chosen in the decision panel highlighted. A text far larger than
//! any policy AWS takes (a paste gone wrong) stays in the editor, refused, with why: the scenario
//! keeps the text from before, so the page stays quick and the work stays saved.

use iamplay_core::explain::{finding_help, finding_message};
use iamplay_core::json;
// The most an editor takes into the scenario: the longest policy text the core reads, well
// above AWS's largest quota, so AWS's own "too large" still shows for what AWS refuses by size.
use iamplay_core::limits::MAX_POLICY_BYTES;
use iamplay_core::policy::format::format;
use iamplay_core::policy::{AwsError, Finding, Severity};
use web_sys::{HtmlTextAreaElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::{
    AttrValue, Callback, Html, InputEvent, NodeRef, Properties, TargetCast, classes,
    function_component, html, use_effect_with, use_node_ref, use_state_eq,
};

use crate::hooks::use_app;
use crate::i18n::{line_column, text_too_large};

/// How many lines a refused text shows at a time (it scrolls).
const REFUSED_ROWS: usize = 12;

/// The editor's properties.
#[derive(Properties, PartialEq)]
pub(crate) struct PolicyEditorProps {
    /// The textarea's DOM id (its label points at it).
    pub id: AttrValue,
    /// What the document is ("Trust policy").
    pub label: AttrValue,
    /// The text.
    pub text: AttrValue,
    /// The findings for the text (from the last evaluation).
    #[prop_or_default]
    pub findings: Vec<Finding>,
    /// The error AWS would return for it.
    #[prop_or_default]
    pub aws_error: Option<AwsError>,
    /// Where the document is in the world, to show statements the decision panel points at.
    #[prop_or_default]
    pub source: Option<AttrValue>,
    /// The new text, on every keystroke.
    pub on_change: Callback<String>,
}

/// One line of the backdrop: its text in pieces, each marked or not.
struct Piece<'a> {
    text: &'a str,
    mark: Option<Severity>,
}

/// The byte ranges to underline: each finding's span, an empty span widened to one character.
fn marks(text: &str, findings: &[Finding]) -> Vec<(usize, usize, Severity)> {
    let mut out: Vec<(usize, usize, Severity)> = findings
        .iter()
        .filter_map(|f| {
            let start = usize::try_from(f.location.span.start).ok()?.min(text.len());
            let mut end = usize::try_from(f.location.span.end).ok()?.min(text.len());
            if end <= start {
                end = text
                    .get(start..)
                    .and_then(|rest| rest.chars().next())
                    .map_or(start, |c| start + c.len_utf8());
            }
            (text.is_char_boundary(start) && text.is_char_boundary(end))
                .then_some((start, end, f.severity))
        })
        .collect();
    out.sort_by_key(|m| (m.0, m.1));
    out
}

/// Splits one line (`start..end` of `text`) into marked and unmarked pieces.
fn pieces<'a>(
    text: &'a str,
    start: usize,
    end: usize,
    marks: &[(usize, usize, Severity)],
) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut at = start;
    for &(from, to, severity) in marks {
        let (from, to) = (from.max(at), to.min(end));
        if from >= to {
            continue;
        }
        if let Some(plain) = text.get(at..from) {
            out.push(Piece {
                text: plain,
                mark: None,
            });
        }
        if let Some(marked) = text.get(from..to) {
            out.push(Piece {
                text: marked,
                mark: Some(severity),
            });
        }
        at = to;
    }
    if let Some(rest) = text.get(at..end) {
        out.push(Piece {
            text: rest,
            mark: None,
        });
    }
    out
}

/// The lines (1-based, inclusive) the statement at `pointer` covers, if the text is JSON.
fn statement_lines(text: &str, pointer: &str) -> Option<(usize, usize)> {
    let parsed = json::parse(text, 64).ok()?;
    let span = parsed.get_pointer(pointer)?.span;
    let line_of = |offset: u32| {
        let offset = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(text.len());
        text.get(..offset)
            .map_or(1, |before| before.matches('\n').count() + 1)
    };
    Some((line_of(span.start), line_of(span.end)))
}

fn utf16_offset(text: &str, byte: u32) -> u32 {
    let byte = usize::try_from(byte).unwrap_or(usize::MAX).min(text.len());
    let units = text
        .get(..byte)
        .map_or(0, |before| before.encode_utf16().count());
    u32::try_from(units).unwrap_or(u32::MAX)
}

/// A policy document editor.
#[function_component]
pub(crate) fn PolicyEditor(props: &PolicyEditorProps) -> Html {
    let textarea: NodeRef = use_node_ref();
    let format_failed = use_state_eq(|| false);
    // Text too large to take in, kept as typed until it is shortened or the document changes.
    let refused = use_state_eq(|| None::<AttrValue>);
    {
        let refused = refused.clone();
        use_effect_with(props.text.clone(), move |_| refused.set(None));
    }
    let app = use_app();
    let focused = app.as_ref().and_then(|app| {
        let focus = app.state.focus.as_ref()?;
        (props.source.as_deref() == Some(focus.document.as_str()))
            .then(|| statement_lines(&props.text, &focus.statement))
            .flatten()
    });
    {
        let textarea = textarea.clone();
        use_effect_with(focused, move |focused| {
            if focused.is_some()
                && let Some(element) = textarea.cast::<HtmlTextAreaElement>()
            {
                let options = ScrollIntoViewOptions::new();
                options.set_behavior(ScrollBehavior::Smooth);
                options.set_block(ScrollLogicalPosition::Center);
                element.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }
    let Some(app) = app else {
        return Html::default();
    };
    let (ui, lang) = (app.ui(), app.lang());
    let shown = (*refused).clone();
    // A refused text is shown as it is, without lines or marks (it may be megabytes).
    let (text, findings): (&str, &[Finding]) = match &shown {
        Some(_) => ("", &[]),
        None => (&props.text, &props.findings),
    };
    let marks = marks(text, findings);

    let mut lines = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        lines.push((start, end));
        start = end + 1;
    }
    let widest = text
        .split('\n')
        .map(|l| {
            l.chars()
                .map(|c| if c.is_ascii() { 1 } else { 2 })
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0);
    let (rows, cols) = match &shown {
        Some(refused) => (refused.lines().take(REFUSED_ROWS).count().max(1), 80),
        None => (lines.len(), widest + 2),
    };
    let error_lines: Vec<u32> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.location.start.line)
        .collect();
    let in_focus = |n: usize| focused.is_some_and(|(from, to)| (from..=to).contains(&n));

    let gutter = lines.iter().enumerate().map(|(i, _)| {
        let n = i + 1;
        let error = u32::try_from(n).is_ok_and(|n| error_lines.contains(&n));
        html! { <span class={classes!(error.then_some("error"), in_focus(n).then_some("focus"))}>{ n }</span> }
    });
    let backdrop = lines.iter().enumerate().map(|(i, &(start, end))| {
        let pieces = pieces(text, start, end, &marks).into_iter().map(|p| match p.mark {
            Some(Severity::Error) => html! { <mark class="error">{ p.text }</mark> },
            Some(Severity::Warning) => html! { <mark class="warning">{ p.text }</mark> },
            None => html! { { p.text } },
        });
        html! { <div class={classes!("line", in_focus(i + 1).then_some("focus"))}>{ for pieces }{ "\u{200b}" }</div> }
    });

    let on_input = {
        let on_change = props.on_change.clone();
        let (format_failed, refused) = (format_failed.clone(), refused.clone());
        Callback::from(move |e: InputEvent| {
            format_failed.set(false);
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            if text.len() > MAX_POLICY_BYTES {
                refused.set(Some(text.into()));
            } else {
                refused.set(None);
                on_change.emit(text);
            }
        })
    };
    let on_format = {
        let (text, on_change, format_failed) = (
            props.text.clone(),
            props.on_change.clone(),
            format_failed.clone(),
        );
        Callback::from(move |_| match format(&text) {
            Ok(formatted) => on_change.emit(formatted),
            Err(_) => format_failed.set(true),
        })
    };
    let messages_id = format!("{}-findings", props.id);
    let too_large = shown
        .as_ref()
        .map(|refused| text_too_large(lang, refused.len(), MAX_POLICY_BYTES));
    let findings = findings.iter().map(|f| {
        let (start, end) = (f.location.span.start, f.location.span.end);
        let select = {
            let (textarea, text) = (textarea.clone(), props.text.clone());
            Callback::from(move |_| {
                if let Some(element) = textarea.cast::<HtmlTextAreaElement>() {
                    let _ = element.focus();
                    let _ = element
                        .set_selection_range(utf16_offset(&text, start), utf16_offset(&text, end));
                }
            })
        };
        let class = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        html! {
            <li class={class}>
                <button type="button" class="link" onclick={select}>
                    { line_column(lang, f.location.start.line, f.location.start.column) }
                </button>
                { " " }<span class="message">{ finding_message(f, lang) }</span>
                if let Some(help) = finding_help(f, lang) {
                    <span class="help">{ help }</span>
                }
            </li>
        }
    });
    let invalid = shown.is_some() || props.findings.iter().any(|f| f.severity == Severity::Error);
    html! {
        <div class="policy-editor">
            <div class="editor-bar">
                <label for={props.id.clone()}>{ props.label.clone() }</label>
                <button type="button" onclick={on_format} disabled={shown.is_some()}>{ ui.format }</button>
            </div>
            <div class="editor">
                <div class="gutter" aria-hidden="true">{ for gutter }</div>
                <div class="code">
                    <div class="backdrop" aria-hidden="true">{ for backdrop }</div>
                    <textarea
                        id={props.id.clone()}
                        ref={textarea.clone()}
                        spellcheck="false"
                        autocomplete="off"
                        autocapitalize="off"
                        wrap="off"
                        class={classes!(shown.is_some().then_some("refused"))}
                        rows={rows.to_string()}
                        cols={cols.to_string()}
                        aria-invalid={invalid.to_string()}
                        aria-describedby={messages_id.clone()}
                        value={shown.clone().unwrap_or_else(|| props.text.clone())}
                        oninput={on_input}
                    />
                </div>
            </div>
            <ul class="findings" id={messages_id} aria-live="polite">
                if let Some(too_large) = too_large {
                    <li class="error too-large" role="alert">{ too_large }</li>
                }
                if *format_failed {
                    <li class="error">{ ui.format_failed }</li>
                }
                if let (None, Some(aws)) = (&shown, &props.aws_error) {
                    <li class="aws-error"><code>{ aws.code }</code>{ ": " }{ aws.message.clone() }</li>
                }
                { for findings }
            </ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_statement_is_found_by_its_lines() {
        let text = "{\n  \"Statement\": [\n    {\"Effect\": \"Allow\"},\n    {\n      \"Effect\": \"Deny\"\n    }\n  ]\n}";
        assert_eq!(statement_lines(text, "/Statement/0"), Some((3, 3)));
        assert_eq!(statement_lines(text, "/Statement/1"), Some((4, 6)));
        assert_eq!(statement_lines("{ oops", "/Statement/0"), None);
    }

    #[test]
    fn pieces_cover_the_line_exactly_once() {
        let text = "abc def ghi";
        let marks = vec![(4, 7, Severity::Error), (5, 9, Severity::Warning)];
        let joined: String = pieces(text, 0, text.len(), &marks)
            .iter()
            .map(|p| p.text)
            .collect();
        assert_eq!(joined, text);
        assert!(
            pieces(text, 0, text.len(), &marks)
                .iter()
                .any(|p| p.text == "def")
        );
    }

    #[test]
    fn offsets_become_utf16_units() {
        assert_eq!(utf16_offset("策略 x", 7), 3);
        assert_eq!(utf16_offset("abc", 99), 3);
    }
}
