//! A decision in words: the headline, each layer's verdict, and for every statement what was
//! compared with what, variables shown with the values they took.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{Lang, tr};
use crate::eval::trace::{Decision, Layer, Response, StatementRef, Verdict};
use crate::eval::{
    ConditionDetail, ConditionRule, LayerDetail, MatchDetail, PatternDetail, PolicySet, Request,
    StatementDetail, details,
};
use crate::policy::model::Effect;

/// A decision explained.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Explanation {
    /// One sentence: the decision and what decided it.
    pub headline: String,
    /// Each layer that took part, in AWS's order.
    pub layers: Vec<LayerExplanation>,
}

impl Explanation {
    /// The explanation as indented plain text: the headline, then each layer with its
    /// statements and their details.
    #[must_use]
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        out.push_str(&self.headline);
        out.push('\n');
        for layer in &self.layers {
            out.push('\n');
            out.push_str(&layer.title);
            out.push('\n');
            for statement in &layer.statements {
                out.push_str("  ");
                out.push_str(&statement.title);
                out.push('\n');
                for detail in &statement.details {
                    out.push_str("    ");
                    out.push_str(detail);
                    out.push('\n');
                }
            }
        }
        out
    }
}

/// One layer in words.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct LayerExplanation {
    /// The layer.
    pub layer: Layer,
    /// What it said.
    pub verdict: Verdict,
    /// The layer and its verdict.
    pub title: String,
    /// Its statements.
    pub statements: Vec<StatementExplanation>,
}

/// One statement in words.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct StatementExplanation {
    /// The policy's name.
    pub policy: String,
    /// Where the policy's document is in the world, when it comes from the world.
    pub source: Option<String>,
    /// The statement's JSON pointer in its policy (`/Statement/0`).
    pub pointer: String,
    /// Its effect.
    pub effect: Effect,
    /// Whether it is one of the statements that decided.
    pub determining: bool,
    /// Which statement, and whether it applies.
    pub title: String,
    /// What was compared, one line per element or condition key.
    pub details: Vec<String>,
    /// Whether it applies.
    pub applies: bool,
}

/// Explains `response`, the answer to `request` against `set` (evaluated with an
/// explanation), in `lang`.
#[must_use]
pub fn explain_decision(
    response: &Response,
    request: &Request,
    set: &PolicySet,
    lang: Lang,
) -> Explanation {
    let layers = details(response, request, set);
    Explanation {
        headline: headline(response, &layers, &request.action, lang),
        layers: layers
            .iter()
            .map(|layer| explain_layer(layer, &response.determining, lang))
            .collect(),
    }
}

/// The name of a layer.
#[must_use]
pub fn layer_name(layer: Layer, lang: Lang) -> String {
    match layer {
        Layer::ResourceControlPolicy => tr!(
            lang,
            "resource control policy",
            "资源控制策略",
            "資源控制政策"
        ),
        Layer::ServiceControlPolicy => tr!(
            lang,
            "service control policy",
            "服务控制策略",
            "服務控制政策"
        ),
        Layer::ResourceBasedPolicy => tr!(
            lang,
            "resource-based policy",
            "基于资源的策略",
            "資源型政策"
        ),
        Layer::IdentityBasedPolicy => tr!(
            lang,
            "identity-based policy",
            "基于身份的策略",
            "身分型政策"
        ),
        Layer::PermissionsBoundary => tr!(lang, "permissions boundary", "权限边界", "許可界限"),
        Layer::SessionPolicy => tr!(lang, "session policy", "会话策略", "工作階段政策"),
    }
}

fn statement_name(statement: &StatementRef) -> String {
    match &statement.sid {
        Some(sid) if !sid.is_empty() => format!("`{sid}`"),
        _ => format!("#{}", statement.index + 1),
    }
}

fn headline(response: &Response, layers: &[LayerDetail], action: &str, lang: Lang) -> String {
    match (response.decision, response.denial) {
        (Decision::Allow, _) => {
            let deciding: Vec<String> = response
                .determining
                .iter()
                .filter(|s| {
                    !matches!(
                        s.layer,
                        Layer::ServiceControlPolicy | Layer::ResourceControlPolicy
                    )
                })
                .map(|s| {
                    let (name, policy, layer) =
                        (statement_name(s), &s.policy, layer_name(s.layer, lang));
                    tr!(
                        lang,
                        "statement {name} of `{policy}` ({layer})",
                        "`{policy}`（{layer}）中的语句 {name}",
                        "`{policy}`（{layer}）中的陳述式 {name}"
                    )
                })
                .collect();
            let joined = deciding.join(tr!(lang, ", ", "、", "、").as_str());
            tr!(
                lang,
                "Allowed: {joined} allows `{action}`.",
                "允许：{joined} 允许 `{action}`。",
                "允許：{joined} 允許 `{action}`。"
            )
        }
        (_, Some(denial)) if denial.explicit => {
            let deciding: Vec<String> = response
                .determining
                .iter()
                .map(|s| {
                    let (name, policy) = (statement_name(s), &s.policy);
                    tr!(
                        lang,
                        "statement {name} of `{policy}`",
                        "`{policy}` 中的语句 {name}",
                        "`{policy}` 中的陳述式 {name}"
                    )
                })
                .collect();
            let joined = deciding.join(tr!(lang, ", ", "、", "、").as_str());
            let layer = layer_name(denial.layer, lang);
            tr!(
                lang,
                "Denied explicitly: {joined} ({layer}) denies `{action}`, and an explicit deny overrides every allow.",
                "显式拒绝：{joined}（{layer}）拒绝 `{action}`，显式拒绝优先于任何允许。",
                "明確拒絕：{joined}（{layer}）拒絕 `{action}`，明確拒絕優先於任何允許。"
            )
        }
        (_, Some(denial)) => {
            let layer = layer_name(denial.layer, lang);
            let before = allowed_before(layers, denial.layer, lang);
            tr!(
                lang,
                "Denied implicitly: no {layer} allows `{action}`{before}.",
                "隐式拒绝：没有任何{layer}允许 `{action}`{before}。",
                "隱含拒絕：沒有任何{layer}允許 `{action}`{before}。"
            )
        }
        (_, None) => tr!(lang, "Denied.", "拒绝。", "拒絕。"),
    }
}

/// ", although the identity-based policy allows it" for a deny by a limiting layer.
fn allowed_before(layers: &[LayerDetail], denied_by: Layer, lang: Lang) -> String {
    if !matches!(denied_by, Layer::PermissionsBoundary | Layer::SessionPolicy) {
        return String::new();
    }
    let allowing: Vec<String> = layers
        .iter()
        .filter(|l| {
            l.verdict == Verdict::Allow
                && matches!(
                    l.layer,
                    Layer::IdentityBasedPolicy | Layer::ResourceBasedPolicy
                )
        })
        .map(|l| layer_name(l.layer, lang))
        .collect();
    if allowing.is_empty() {
        return String::new();
    }
    let joined = allowing.join(tr!(lang, " and ", "和", "和").as_str());
    tr!(
        lang,
        ", although the {joined} allows it",
        "，尽管{joined}允许",
        "，儘管{joined}允許"
    )
}

fn explain_layer(
    layer: &LayerDetail,
    determining: &[StatementRef],
    lang: Lang,
) -> LayerExplanation {
    let name = layer_name(layer.layer, lang);
    let level = layer
        .level
        .as_ref()
        .map(|(_, level_name)| {
            tr!(
                lang,
                " at `{level_name}`",
                "（`{level_name}` 层级）",
                "（`{level_name}` 層級）"
            )
        })
        .unwrap_or_default();
    let verdict = match layer.verdict {
        Verdict::Allow => tr!(lang, "allows", "允许", "允許"),
        Verdict::ExplicitDeny => tr!(lang, "denies", "拒绝", "拒絕"),
        Verdict::NoAllow => tr!(
            lang,
            "no statement applies",
            "没有适用的语句",
            "沒有適用的陳述式"
        ),
    };
    LayerExplanation {
        layer: layer.layer,
        verdict: layer.verdict,
        title: tr!(
            lang,
            "{name}{level}: {verdict}",
            "{name}{level}：{verdict}",
            "{name}{level}：{verdict}"
        ),
        statements: layer
            .policies
            .iter()
            .flat_map(|policy| {
                policy.statements.iter().map(move |s| {
                    let decided = determining.iter().any(|d| {
                        d.layer == layer.layer
                            && d.policy == policy.name
                            && d.index == s.index
                            && d.level == layer.level.as_ref().map(|(level, _)| *level)
                    });
                    let mut explained = explain_statement(&policy.name, s, lang);
                    explained.source.clone_from(&policy.source);
                    explained.determining = decided;
                    explained
                })
            })
            .collect(),
    }
}

fn explain_statement(
    policy: &str,
    statement: &StatementDetail,
    lang: Lang,
) -> StatementExplanation {
    let name = match &statement.sid {
        Some(sid) if !sid.is_empty() => format!("`{sid}`"),
        _ => format!("#{}", statement.index + 1),
    };
    let effect = match statement.effect {
        Effect::Allow => "Allow",
        Effect::Deny => "Deny",
    };
    let applies = if statement.applies {
        tr!(lang, "applies", "适用", "適用")
    } else {
        tr!(lang, "does not apply", "不适用", "不適用")
    };
    let mut details = Vec::new();
    if let Some(principal) = &statement.principal {
        details.push(element(
            tr!(lang, "principal", "主体", "委託人"),
            principal,
            lang,
        ));
    }
    details.push(element(
        tr!(lang, "action", "操作", "動作"),
        &statement.action,
        lang,
    ));
    if let Some(resource) = &statement.resource {
        details.push(element(
            tr!(lang, "resource", "资源", "資源"),
            resource,
            lang,
        ));
    }
    match &statement.conditions {
        Some(conditions) => details.extend(conditions.iter().map(|c| condition(c, lang))),
        None => details.push(tr!(
            lang,
            "· conditions not checked: the statement already does not apply",
            "· 未检查条件：语句已不适用",
            "· 未檢查條件：陳述式已不適用"
        )),
    }
    StatementExplanation {
        policy: policy.into(),
        source: None,
        pointer: statement.pointer.clone(),
        effect: statement.effect,
        determining: false,
        title: tr!(
            lang,
            "statement {name} ({effect}) in `{policy}`: {applies}",
            "`{policy}` 中的语句 {name}（{effect}）：{applies}",
            "`{policy}` 中的陳述式 {name}（{effect}）：{applies}"
        ),
        details,
        applies: statement.applies,
    }
}

/// The mark that starts a detail line whose element or condition matched.
const MATCHED: &str = "✓";
/// The mark that starts a detail line whose element or condition did not match.
const FAILED: &str = "✗";

fn mark(ok: bool) -> &'static str {
    if ok { MATCHED } else { FAILED }
}

/// `` `PREFIX/${aws:PrincipalTag/userid}/` = `PREFIX/123456/` (`${aws:PrincipalTag/userid}` = `123456`) ``
fn pattern(pattern: &PatternDetail, lang: Lang) -> String {
    let written = &pattern.written;
    if pattern.variables.is_empty() {
        return format!("`{written}`");
    }
    let values: Vec<String> = pattern
        .variables
        .iter()
        .map(|v| match &v.value {
            Some(value) if v.from_default => {
                let variable = &v.variable;
                tr!(
                    lang,
                    "`{variable}` = `{value}` (default)",
                    "`{variable}` = `{value}`（默认值）",
                    "`{variable}` = `{value}`（預設值）"
                )
            }
            Some(value) => format!("`{}` = `{value}`", v.variable),
            None => {
                let variable = &v.variable;
                tr!(
                    lang,
                    "`{variable}` has no value",
                    "`{variable}` 没有值",
                    "`{variable}` 沒有值"
                )
            }
        })
        .collect();
    let values = values.join(", ");
    match &pattern.substituted {
        Some(substituted) => tr!(
            lang,
            "`{written}` → `{substituted}` ({values})",
            "`{written}` → `{substituted}`（{values}）",
            "`{written}` → `{substituted}`（{values}）"
        ),
        None => tr!(
            lang,
            "`{written}` ({values}: matches nothing)",
            "`{written}`（{values}：不匹配任何值）",
            "`{written}`（{values}：不符合任何值）"
        ),
    }
}

fn element(what: String, trace: &MatchDetail, lang: Lang) -> String {
    let value = &trace.value;
    let ok = mark(trace.matched);
    let not = if trace.negated { "Not" } else { "" };
    match (&trace.matching, trace.negated) {
        (Some(matching), false) => {
            let p = pattern(matching, lang);
            tr!(
                lang,
                "{ok} {what} `{value}` matches {p}",
                "{ok} {what} `{value}` 匹配 {p}",
                "{ok} {what} `{value}` 符合 {p}"
            )
        }
        (Some(matching), true) => {
            let p = pattern(matching, lang);
            tr!(
                lang,
                "{ok} {what} `{value}` matches {p}, which `{not}{what}` excludes",
                "{ok} {what} `{value}` 匹配 {p}，被 `Not` 排除",
                "{ok} {what} `{value}` 符合 {p}，被 `Not` 排除"
            )
        }
        (None, false) => tr!(
            lang,
            "{ok} {what} `{value}` matches none of the statement's patterns",
            "{ok} {what} `{value}` 不匹配语句中的任何模式",
            "{ok} {what} `{value}` 不符合陳述式中的任何模式"
        ),
        (None, true) => tr!(
            lang,
            "{ok} {what} `{value}` is not excluded by `{not}`",
            "{ok} {what} `{value}` 未被 `Not` 排除",
            "{ok} {what} `{value}` 未被 `Not` 排除"
        ),
    }
}

fn condition(trace: &ConditionDetail, lang: Lang) -> String {
    let ok = mark(trace.result);
    let (operator, key) = (&trace.operator, &trace.key);
    let wanted: Vec<String> = trace
        .policy_values
        .iter()
        .map(|p| pattern(p, lang))
        .collect();
    let wanted = wanted.join(tr!(lang, " or ", " 或 ", " 或 ").as_str());
    let rule = trace.rule.map(|rule| match rule {
        ConditionRule::MissingKeyFalse => tr!(
            lang,
            "the request has no `{key}`, so the condition is false",
            "请求中没有 `{key}`，条件为假",
            "請求中沒有 `{key}`，條件為假"
        ),
        ConditionRule::MissingKeyNegated => tr!(
            lang,
            "the request has no `{key}`, and a negated operator is then true",
            "请求中没有 `{key}`，否定运算符此时为真",
            "請求中沒有 `{key}`，否定運算子此時為真"
        ),
        ConditionRule::MissingKeyIfExists => tr!(
            lang,
            "the request has no `{key}`, and `IfExists` is then true",
            "请求中没有 `{key}`，`IfExists` 此时为真",
            "請求中沒有 `{key}`，`IfExists` 此時為真"
        ),
        ConditionRule::ForAllValuesEmpty => tr!(
            lang,
            "the request has no values for `{key}`, and `ForAllValues:` is then true",
            "请求中 `{key}` 没有值，`ForAllValues:` 此时为真",
            "請求中 `{key}` 沒有值，`ForAllValues:` 此時為真"
        ),
        ConditionRule::ForAnyValueEmpty => tr!(
            lang,
            "the request has no values for `{key}`, and `ForAnyValue:` is then false",
            "请求中 `{key}` 没有值，`ForAnyValue:` 此时为假",
            "請求中 `{key}` 沒有值，`ForAnyValue:` 此時為假"
        ),
        ConditionRule::NoValues => tr!(
            lang,
            "the condition lists no values, so it does not test `{key}`",
            "条件没有列出值，不检查 `{key}`",
            "條件沒有列出值，不檢查 `{key}`"
        ),
        ConditionRule::NegatedNoneMatched => tr!(
            lang,
            "none of the values matched, so the negated operator is true",
            "没有任何值匹配，否定运算符为真",
            "沒有任何值符合，否定運算子為真"
        ),
    });
    let request = match &trace.request_values {
        Some(values) => values
            .iter()
            .map(|v| format!("`{v}`"))
            .collect::<Vec<_>>()
            .join(", "),
        None => tr!(lang, "nothing", "无", "無"),
    };
    let base = tr!(
        lang,
        "{ok} condition `{operator}` on `{key}`: the request has {request}; the policy wants {wanted}",
        "{ok} 条件 `{operator}`（`{key}`）：请求中为 {request}；策略要求 {wanted}",
        "{ok} 條件 `{operator}`（`{key}`）：請求中為 {request}；政策要求 {wanted}"
    );
    match rule {
        Some(rule) => format!("{base} — {rule}"),
        None => base,
    }
}

mod paragraph;

#[cfg(test)]
mod tests;
