//! One account: its id and name, users, roles, resources and customer managed policies.

use iamplay_core::sts::world::{Account, ManagedPolicy, Resource, Role, User};
use yew::{Callback, Html, Properties, function_component, html};

use super::document_findings;
use super::entities::{EntityProps, RoleEditor, UserEditor, holds_focus, row_tags, tag_rows};
use crate::components::fields::{TagRow, TagsEditor, TextField};
use crate::components::policy_editor::PolicyEditor;
use crate::hooks::{AppContext, use_app};
use crate::state::{Action, Edit};

fn edit_account(app: &AppContext, a: usize, change: impl Fn(&mut Account) + 'static) {
    app.dispatch(Action::Edit(Edit::new(move |s| {
        if let Some(account) = s.world.accounts.get_mut(a) {
            change(account);
        }
    })));
}

fn trust_account(id: &str) -> String {
    format!(
        "{{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {{\n            \"Effect\": \"Allow\",\n            \"Principal\": {{\"AWS\": \"arn:aws:iam::{id}:root\"}},\n            \"Action\": \"sts:AssumeRole\"\n        }}\n    ]\n}}"
    )
}

/// The account's properties.
#[derive(Properties, PartialEq)]
pub(crate) struct AccountProps {
    /// Its index in the world.
    pub account: usize,
}

/// One account.
#[function_component]
pub(crate) fn AccountEditor(props: &AccountProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let a = props.account;
    let Some(account) = app.state.scenario.world.accounts.get(a).cloned() else {
        return Html::default();
    };
    let ui = app.ui();
    let field = |change: fn(&mut Account, String)| {
        let app = app.clone();
        Callback::from(move |value: String| {
            edit_account(&app, a, move |acc| change(acc, value.clone()))
        })
    };
    let add = |change: fn(&mut Account)| {
        let app = app.clone();
        Callback::from(move |_| edit_account(&app, a, change))
    };
    let title = match &account.name {
        Some(name) if !name.is_empty() => format!("{} {} ({name})", ui.account, account.id),
        _ => format!("{} {}", ui.account, account.id),
    };
    html! {
        <details class="account" open={a == 0 || holds_focus(&app, &format!("/accounts/{a}"))}>
            <summary><h3>{ title }</h3></summary>
            <div class="row">
                <TextField id={format!("a{a}-id")} label={ui.account_id} value={account.id.clone()} on_change={field(|acc, v| acc.id = v)} />
                <TextField id={format!("a{a}-name")} label={ui.name} value={account.name.clone().unwrap_or_default()}
                    on_change={field(|acc, v| acc.name = Some(v).filter(|v| !v.is_empty()))} />
            </div>
            <h4>{ ui.users }</h4>
            { for (0..account.users.len()).map(|u| html! { <UserEditor key={u} account={a} index={u} /> }) }
            <button type="button" class="add" onclick={add(|acc| {
                let name = format!("User{}", acc.users.len() + 1);
                acc.users.push(User { name, ..User::default() });
            })}>{ ui.add_user }</button>
            <h4>{ ui.roles }</h4>
            { for (0..account.roles.len()).map(|r| html! { <RoleEditor key={r} account={a} index={r} /> }) }
            <button type="button" class="add" onclick={add(|acc| {
                let name = format!("Role{}", acc.roles.len() + 1);
                let trust_policy = trust_account(&acc.id);
                acc.roles.push(Role { name, trust_policy, ..Role::default() });
            })}>{ ui.add_role }</button>
            <h4>{ ui.resources }</h4>
            { for (0..account.resources.len()).map(|r| html! { <ResourceEditor key={r} account={a} index={r} /> }) }
            <button type="button" class="add" onclick={add(|acc| {
                let arn = format!("arn:aws:s3:::bucket-{}-{}", acc.id, acc.resources.len() + 1);
                acc.resources.push(Resource { arn, ..Resource::default() });
            })}>{ ui.add_resource }</button>
            <h4>{ ui.managed_policies }</h4>
            { for (0..account.policies.len()).map(|p| html! { <ManagedPolicyEditor key={p} account={a} index={p} /> }) }
            <button type="button" class="add" onclick={add(|acc| {
                let name = format!("ManagedPolicy{}", acc.policies.len() + 1);
                acc.policies.push(ManagedPolicy { name, path: None, document: "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": []\n}".into() });
            })}>{ ui.add_policy }</button>
        </details>
    }
}

fn edit_resource(app: &AppContext, a: usize, r: usize, change: impl Fn(&mut Resource) + 'static) {
    edit_account(app, a, move |acc| {
        if let Some(resource) = acc.resources.get_mut(r) {
            change(resource);
        }
    });
}

/// A resource: its ARN, its resource-based policy and its tags.
#[function_component]
fn ResourceEditor(props: &EntityProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let (a, r) = (props.account, props.index);
    let Some(resource) = app
        .state
        .scenario
        .world
        .accounts
        .get(a)
        .and_then(|acc| acc.resources.get(r))
        .cloned()
    else {
        return Html::default();
    };
    let ui = app.ui();
    let pointer = format!("/accounts/{a}/resources/{r}");
    let policy_pointer = format!("{pointer}/policy");
    let (findings, aws_error) = document_findings(&app.evaluation, &policy_pointer);
    let id = format!("a{a}-res{r}");
    let on_arn = {
        let app = app.clone();
        Callback::from(move |v: String| edit_resource(&app, a, r, move |res| res.arn = v.clone()))
    };
    let on_policy = {
        let app = app.clone();
        Callback::from(move |v: String| {
            edit_resource(&app, a, r, move |res| res.policy = Some(v.clone()))
        })
    };
    let on_add_policy = {
        let app = app.clone();
        let arn = resource.arn.clone();
        Callback::from(move |_| {
            let text = format!(
                "{{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {{\n            \"Effect\": \"Allow\",\n            \"Principal\": {{\"AWS\": \"arn:aws:iam::111122223333:root\"}},\n            \"Action\": \"s3:GetObject\",\n            \"Resource\": \"{arn}/*\"\n        }}\n    ]\n}}"
            );
            edit_resource(&app, a, r, move |res| res.policy = Some(text.clone()));
        })
    };
    let on_tags = {
        let app = app.clone();
        Callback::from(move |rows: Vec<TagRow>| {
            let tags = row_tags(rows);
            edit_resource(&app, a, r, move |res| res.tags = tags.clone());
        })
    };
    let on_remove = {
        let app = app.clone();
        Callback::from(move |_| {
            edit_account(&app, a, move |acc| {
                if r < acc.resources.len() {
                    acc.resources.remove(r);
                }
            })
        })
    };
    html! {
        <details class="entity resource" open={holds_focus(&app, &pointer)}>
            <summary><code>{ resource.arn.clone() }</code></summary>
            <TextField id={format!("{id}-arn")} label={ui.resource_arn} value={resource.arn.clone()} on_change={on_arn} />
            if let Some(policy) = &resource.policy {
                <PolicyEditor id={format!("{id}-policy")} label={ui.resource_policy} text={policy.clone()}
                    findings={findings} aws_error={aws_error} source={policy_pointer} on_change={on_policy} />
            } else {
                <button type="button" class="add" onclick={on_add_policy}>{ ui.resource_policy }</button>
            }
            <TagsEditor id={format!("{id}-tags")} label={ui.tags} rows={tag_rows(&resource.tags)} on_change={on_tags} />
            <button type="button" class="remove" onclick={on_remove}>{ ui.remove }</button>
        </details>
    }
}

/// A customer managed policy: its name and document.
#[function_component]
fn ManagedPolicyEditor(props: &EntityProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let (a, p) = (props.account, props.index);
    let Some(policy) = app
        .state
        .scenario
        .world
        .accounts
        .get(a)
        .and_then(|acc| acc.policies.get(p))
        .cloned()
    else {
        return Html::default();
    };
    let ui = app.ui();
    let pointer = format!("/accounts/{a}/policies/{p}");
    let document_pointer = format!("{pointer}/document");
    let (findings, aws_error) = document_findings(&app.evaluation, &document_pointer);
    let id = format!("a{a}-mp{p}");
    let edit = |change: fn(&mut ManagedPolicy, String)| {
        let app = app.clone();
        Callback::from(move |v: String| {
            edit_account(&app, a, move |acc| {
                if let Some(policy) = acc.policies.get_mut(p) {
                    change(policy, v.clone());
                }
            })
        })
    };
    let on_remove = {
        let app = app.clone();
        Callback::from(move |_| {
            edit_account(&app, a, move |acc| {
                if p < acc.policies.len() {
                    acc.policies.remove(p);
                }
            })
        })
    };
    html! {
        <details class="entity managed-policy" open={holds_focus(&app, &pointer)}>
            <summary><strong>{ policy.name.clone() }</strong></summary>
            <TextField id={format!("{id}-name")} label={ui.name} value={policy.name.clone()} on_change={edit(|p, v| p.name = v)} />
            <PolicyEditor id={format!("{id}-doc")} label={format!("{} `{}`", ui.policy_document, policy.name)}
                text={policy.document.clone()} findings={findings} aws_error={aws_error} source={document_pointer}
                on_change={edit(|p, v| p.document = v)} />
            <button type="button" class="remove" onclick={on_remove}>{ ui.remove }{ " " }{ policy.name.clone() }</button>
        </details>
    }
}
