//! The editors of users and roles, and of the inline policies both have.

use iamplay_core::eval::Tag;
use iamplay_core::sts::world::{InlinePolicy, Role, User};
use yew::{AttrValue, Callback, Html, Properties, function_component, html};

use super::document_findings;
use crate::components::fields::{StringList, TagRow, TagsEditor, TextField};
use crate::components::policy_editor::PolicyEditor;
use crate::hooks::{AppContext, use_app};
use crate::state::{Action, Edit};

const NEW_POLICY: &str = "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n            \"Effect\": \"Allow\",\n            \"Action\": \"s3:GetObject\",\n            \"Resource\": \"*\"\n        }\n    ]\n}";

/// Tags as rows of the tags editor.
pub(crate) fn tag_rows(tags: &[Tag]) -> Vec<TagRow> {
    tags.iter()
        .map(|t| TagRow {
            key: t.key.clone(),
            value: t.value.clone(),
            transitive: false,
        })
        .collect()
}

/// Rows of the tags editor as tags.
pub(crate) fn row_tags(rows: Vec<TagRow>) -> Vec<Tag> {
    rows.into_iter()
        .map(|r| Tag {
            key: r.key,
            value: r.value,
        })
        .collect()
}

/// Whether the focused statement is in a document under `pointer`.
pub(crate) fn holds_focus(app: &AppContext, pointer: &str) -> bool {
    app.state
        .focus
        .as_ref()
        .is_some_and(|f| f.document.starts_with(&format!("{pointer}/")))
}

/// The inline policies' properties.
#[derive(Properties, PartialEq)]
pub(crate) struct InlinePoliciesProps {
    /// The owner's world pointer (`/accounts/0/roles/1`).
    pub owner: AttrValue,
    /// The policies.
    pub policies: Vec<InlinePolicy>,
    /// The new policies.
    pub on_change: Callback<Vec<InlinePolicy>>,
}

/// An owner's inline policies: a name and a document each.
#[function_component]
pub(crate) fn InlinePolicies(props: &InlinePoliciesProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let ui = app.ui();
    let id = props.owner.replace('/', "-");
    let change = |i: usize, apply: fn(&mut InlinePolicy, String)| {
        let (policies, on_change) = (props.policies.clone(), props.on_change.clone());
        Callback::from(move |value: String| {
            let mut policies = policies.clone();
            if let Some(policy) = policies.get_mut(i) {
                apply(policy, value);
            }
            on_change.emit(policies);
        })
    };
    let items = props.policies.iter().enumerate().map(|(i, policy)| {
        let pointer = format!("{}/inlinePolicies/{i}/document", props.owner);
        let (findings, aws_error) = document_findings(&app.evaluation, &pointer);
        let on_remove = {
            let (policies, on_change) = (props.policies.clone(), props.on_change.clone());
            Callback::from(move |_| {
                let mut policies = policies.clone();
                if i < policies.len() {
                    policies.remove(i);
                }
                on_change.emit(policies);
            })
        };
        html! {
            <div class="policy">
                <div class="row">
                    <TextField id={format!("{id}-p{i}-name")} label={ui.name} value={policy.name.clone()}
                        on_change={change(i, |p, v| p.name = v)} />
                    <button type="button" class="remove" onclick={on_remove}>{ ui.remove }</button>
                </div>
                <PolicyEditor id={format!("{id}-p{i}")} label={format!("{} `{}`", ui.policy_document, policy.name)}
                    text={policy.document.clone()} findings={findings} aws_error={aws_error}
                    source={pointer} on_change={change(i, |p, v| p.document = v)} />
            </div>
        }
    });
    let on_add = {
        let (policies, on_change) = (props.policies.clone(), props.on_change.clone());
        Callback::from(move |_| {
            let mut policies = policies.clone();
            policies.push(InlinePolicy {
                name: format!("Policy{}", policies.len() + 1),
                document: NEW_POLICY.into(),
            });
            on_change.emit(policies);
        })
    };
    html! {
        <fieldset class="inline-policies">
            <legend>{ ui.inline_policies }</legend>
            { for items }
            <button type="button" class="add" onclick={on_add}>{ ui.add_policy }</button>
        </fieldset>
    }
}

/// What users and roles both have: permission policies, a boundary and tags.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Permissions {
    /// The inline policies.
    pub inline: Vec<InlinePolicy>,
    /// The attached managed policies' ARNs.
    pub managed: Vec<String>,
    /// The permissions boundary's ARN.
    pub boundary: Option<String>,
    /// The tags.
    pub tags: Vec<Tag>,
}

impl Permissions {
    /// Writes these into an entity's fields.
    fn apply(
        self,
        inline: &mut Vec<InlinePolicy>,
        managed: &mut Vec<String>,
        boundary: &mut Option<String>,
        tags: &mut Vec<Tag>,
    ) {
        *inline = self.inline;
        *managed = self.managed;
        *boundary = self.boundary;
        *tags = self.tags;
    }
}

/// The permissions editor's properties.
#[derive(Properties, PartialEq)]
pub(crate) struct PermissionsProps {
    /// The owner's world pointer (`/accounts/0/roles/1`).
    pub owner: AttrValue,
    /// The DOM id prefix.
    pub id: AttrValue,
    /// The permissions.
    pub value: Permissions,
    /// The new permissions.
    pub on_change: Callback<Permissions>,
}

/// A user's or a role's permission policies, boundary and tags.
#[function_component]
fn PermissionsEditor(props: &PermissionsProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let ui = app.ui();
    let id = &props.id;
    let change = |apply: fn(&mut Permissions, Permissions)| {
        let (value, on_change) = (props.value.clone(), props.on_change.clone());
        move |new: Permissions| {
            let mut value = value.clone();
            apply(&mut value, new);
            on_change.emit(value);
        }
    };
    let on_inline =
        Callback::from(change(|v, n| v.inline = n.inline)).reform(|inline| Permissions {
            inline,
            ..Permissions::default()
        });
    let on_managed =
        Callback::from(change(|v, n| v.managed = n.managed)).reform(|managed| Permissions {
            managed,
            ..Permissions::default()
        });
    let on_boundary =
        Callback::from(change(|v, n| v.boundary = n.boundary)).reform(|b: String| Permissions {
            boundary: Some(b).filter(|b| !b.trim().is_empty()),
            ..Permissions::default()
        });
    let on_tags = Callback::from(change(|v, n| v.tags = n.tags)).reform(|rows| Permissions {
        tags: row_tags(rows),
        ..Permissions::default()
    });
    html! {
        <>
            <InlinePolicies owner={props.owner.clone()} policies={props.value.inline.clone()} on_change={on_inline} />
            <StringList id={format!("{id}-managed")} label={ui.attached_policies} items={props.value.managed.clone()}
                on_change={on_managed} list="policy-arns" add_label={ui.add_arn} />
            <TextField id={format!("{id}-boundary")} label={ui.permissions_boundary} list="policy-arns"
                value={props.value.boundary.clone().unwrap_or_default()} on_change={on_boundary} />
            <TagsEditor id={format!("{id}-tags")} label={ui.tags} rows={tag_rows(&props.value.tags)} on_change={on_tags} />
        </>
    }
}

/// An entity editor's properties: the account and the entity's place in it.
#[derive(Properties, PartialEq)]
pub(crate) struct EntityProps {
    /// The account's index.
    pub account: usize,
    /// The entity's index.
    pub index: usize,
}

fn edit_role(app: &AppContext, a: usize, r: usize, change: impl Fn(&mut Role) + 'static) {
    app.dispatch(Action::Edit(Edit::new(move |s| {
        if let Some(role) = s
            .world
            .accounts
            .get_mut(a)
            .and_then(|acc| acc.roles.get_mut(r))
        {
            change(role);
        }
    })));
}

fn edit_user(app: &AppContext, a: usize, u: usize, change: impl Fn(&mut User) + 'static) {
    app.dispatch(Action::Edit(Edit::new(move |s| {
        if let Some(user) = s
            .world
            .accounts
            .get_mut(a)
            .and_then(|acc| acc.users.get_mut(u))
        {
            change(user);
        }
    })));
}

/// A role: name, trust policy, permission policies, boundary, tags, maximum session duration.
#[function_component]
pub(crate) fn RoleEditor(props: &EntityProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let (a, r) = (props.account, props.index);
    let Some(role) = app
        .state
        .scenario
        .world
        .accounts
        .get(a)
        .and_then(|acc| acc.roles.get(r))
        .cloned()
    else {
        return Html::default();
    };
    let ui = app.ui();
    let pointer = format!("/accounts/{a}/roles/{r}");
    let id = format!("a{a}-r{r}");
    let trust_pointer = format!("{pointer}/trustPolicy");
    let (findings, aws_error) = document_findings(&app.evaluation, &trust_pointer);
    let cb = |change: fn(&mut Role, String)| {
        let app = app.clone();
        Callback::from(move |value: String| {
            edit_role(&app, a, r, move |role| change(role, value.clone()))
        })
    };
    let on_permissions = {
        let app = app.clone();
        Callback::from(move |p: Permissions| {
            edit_role(&app, a, r, move |role| {
                p.clone().apply(
                    &mut role.inline_policies,
                    &mut role.managed_policies,
                    &mut role.permissions_boundary,
                    &mut role.tags,
                )
            });
        })
    };
    let permissions = Permissions {
        inline: role.inline_policies.clone(),
        managed: role.managed_policies.clone(),
        boundary: role.permissions_boundary.clone(),
        tags: role.tags.clone(),
    };
    let on_remove = {
        let app = app.clone();
        Callback::from(move |_| {
            app.dispatch(Action::Edit(Edit::new(move |s| {
                if let Some(acc) = s.world.accounts.get_mut(a)
                    && r < acc.roles.len()
                {
                    acc.roles.remove(r);
                }
            })));
        })
    };
    html! {
        <details class="entity role" open={holds_focus(&app, &pointer)}>
            <summary><span class="kind">{ ui.role }</span>{ " " }<strong>{ role.name.clone() }</strong></summary>
            <div class="row">
                <TextField id={format!("{id}-name")} label={ui.name} value={role.name.clone()} on_change={cb(|role, v| role.name = v)} />
                <TextField id={format!("{id}-max")} label={ui.max_session_duration} input_type="number"
                    value={role.max_session_duration.map(|d| d.to_string()).unwrap_or_default()}
                    placeholder="3600"
                    on_change={cb(|role, v| role.max_session_duration = v.trim().parse().ok())} />
            </div>
            <PolicyEditor id={format!("{id}-trust")} label={ui.trust_policy} text={role.trust_policy.clone()}
                findings={findings} aws_error={aws_error} source={trust_pointer}
                on_change={cb(|role, v| role.trust_policy = v)} />
            <PermissionsEditor owner={pointer.clone()} id={id.clone()} value={permissions} on_change={on_permissions} />
            <button type="button" class="remove" onclick={on_remove}>{ ui.remove }{ " " }{ role.name.clone() }</button>
        </details>
    }
}

/// A user: name, permission policies, boundary, tags; keys and MFA devices listed.
#[function_component]
pub(crate) fn UserEditor(props: &EntityProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let (a, u) = (props.account, props.index);
    let Some(user) = app
        .state
        .scenario
        .world
        .accounts
        .get(a)
        .and_then(|acc| acc.users.get(u))
        .cloned()
    else {
        return Html::default();
    };
    let ui = app.ui();
    let pointer = format!("/accounts/{a}/users/{u}");
    let id = format!("a{a}-u{u}");
    let cb = |change: fn(&mut User, String)| {
        let app = app.clone();
        Callback::from(move |value: String| {
            edit_user(&app, a, u, move |user| change(user, value.clone()))
        })
    };
    let on_permissions = {
        let app = app.clone();
        Callback::from(move |p: Permissions| {
            edit_user(&app, a, u, move |user| {
                p.clone().apply(
                    &mut user.inline_policies,
                    &mut user.managed_policies,
                    &mut user.permissions_boundary,
                    &mut user.tags,
                )
            });
        })
    };
    let permissions = Permissions {
        inline: user.inline_policies.clone(),
        managed: user.managed_policies.clone(),
        boundary: user.permissions_boundary.clone(),
        tags: user.tags.clone(),
    };
    let on_remove = {
        let app = app.clone();
        Callback::from(move |_| {
            app.dispatch(Action::Edit(Edit::new(move |s| {
                if let Some(acc) = s.world.accounts.get_mut(a)
                    && u < acc.users.len()
                {
                    acc.users.remove(u);
                }
            })));
        })
    };
    let keys: Vec<String> = user
        .access_keys
        .iter()
        .map(|k| k.access_key_id.clone())
        .collect();
    let devices: Vec<String> = user
        .mfa_devices
        .iter()
        .map(|d| d.serial_number.clone())
        .collect();
    html! {
        <details class="entity user" open={holds_focus(&app, &pointer)}>
            <summary><span class="kind">{ ui.user }</span>{ " " }<strong>{ user.name.clone() }</strong></summary>
            <TextField id={format!("{id}-name")} label={ui.name} value={user.name.clone()} on_change={cb(|user, v| user.name = v)} />
            <PermissionsEditor owner={pointer.clone()} id={id.clone()} value={permissions} on_change={on_permissions} />
            if !keys.is_empty() {
                <p class="facts"><span class="kind">{ ui.access_keys }</span>{ " " }<code>{ keys.join(", ") }</code></p>
            }
            if !devices.is_empty() {
                <p class="facts"><span class="kind">{ ui.mfa_devices }</span>{ " " }<code>{ devices.join(", ") }</code></p>
            }
            <button type="button" class="remove" onclick={on_remove}>{ ui.remove }{ " " }{ user.name.clone() }</button>
        </details>
    }
}
