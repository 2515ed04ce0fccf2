//! Effective permissions: what the chosen step's credentials may do, as a table of the
//! scenario's resources × actions, each cell the core's decision; a cell adds its request as a
//! step. Computed only while the table is open (it runs one request per cell).

use iamplay_core::scenario::{Caller, PermissionMatrix, Step, effective_permissions};
use yew::{Callback, Html, Properties, function_component, html, use_memo, use_state_eq};

use crate::components::outcome::verdict_of;
use crate::evaluation::Shared;
use crate::hooks::use_app;
use crate::i18n::Ui;
use crate::state::Action;

/// The table's properties.
#[derive(Properties, PartialEq)]
pub(crate) struct PermissionsProps {
    /// The step whose signer is tested.
    pub step: usize,
}

fn signer(caller: &Caller, ui: &Ui) -> String {
    match caller {
        Caller::Principal(arn) => arn.clone(),
        Caller::Step(id) => format!("{} `{id}`", ui.caller_step),
        Caller::AccessKeyId(key) => key.clone(),
        Caller::Anonymous => "—".into(),
    }
}

/// The effective permissions of one step's signer.
#[function_component]
pub(crate) fn Permissions(props: &PermissionsProps) -> Html {
    let app = use_app();
    let open = use_state_eq(|| false);
    let step = props.step;
    let matrix = {
        let key = app
            .as_ref()
            .filter(|_| *open)
            .map(|a| (Shared(a.state.scenario.clone()), step));
        use_memo(key, |key| -> Option<PermissionMatrix> {
            key.as_ref()
                .and_then(|(scenario, step)| effective_permissions(&scenario.0, *step))
        })
    };
    let Some(app) = app else {
        return Html::default();
    };
    let (ui, words) = (app.ui(), app.teach());
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let table = matrix.as_ref().as_ref().map(|m| {
        let header = m.actions.iter().map(|a| html! { <th scope="col"><code>{ a.clone() }</code></th> });
        let rows = m.resources.iter().enumerate().map(|(r, resource)| {
            let cells = (0..m.actions.len()).map(|a| {
                let Some(cell) = m.cells.iter().find(|c| c.resource == r && c.action == a) else {
                    return html! { <td class="na">{ "·" }</td> };
                };
                let shown = verdict_of(cell.outcome.as_deref());
                let add = {
                    let app = app.clone();
                    let step = Step {
                        caller: Some(m.caller.clone()),
                        request: Some(cell.request.clone()),
                        ..Step::default()
                    };
                    Callback::from(move |_| app.dispatch(Action::AddStep(Box::new(step.clone()))))
                };
                let label = format!("{} → {}: {}", cell.request.action, resource, shown.name(ui));
                html! {
                    <td class={shown.class()}>
                        <button type="button" title={label.clone()} aria-label={label} onclick={add}>
                            { if matches!(shown, crate::components::outcome::Verdict::Allowed) { "✓" } else { "✕" } }
                        </button>
                    </td>
                }
            });
            html! {
                <tr>
                    <th scope="row" title={resource.clone()}><code>{ resource.clone() }</code></th>
                    { for cells }
                </tr>
            }
        });
        let hint = words.permissions_hint.replace("{signer}", &signer(&m.caller, ui));
        html! {
            <>
                <p class="hint">{ crate::components::explanation::rich(&hint) }</p>
                <div class="matrix-scroll">
                    <table class="matrix">
                        <thead><tr><th scope="col">{ words.resource }</th>{ for header }</tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            </>
        }
    });
    html! {
        <div class="permissions">
            <h3>
                <button type="button" class="disclosure" aria-expanded={open.to_string()} onclick={toggle}>
                    { if *open { "▾ " } else { "▸ " } }{ words.permissions }
                </button>
            </h3>
            if *open {
                { table.unwrap_or_else(|| html! { <p class="empty">{ words.permissions_none }</p> }) }
            }
        </div>
    }
}
