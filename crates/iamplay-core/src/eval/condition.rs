//! Evaluating one condition key: the operator's family compares each request value with the
//! policy's values, and AWS's documented rules decide missing keys, `...IfExists`, negated
//! operators and the `ForAllValues:` / `ForAnyValue:` set operators
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html>,
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html>).

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::cmp::Ordering;

use super::compile::{
    CompiledCondition, CompiledValue, Parsed, ValueForm, arn_segments, parse_value,
};
use super::context::{self, Values};
use super::detail::{ConditionDetail, PatternDetail};
use super::request::Request;
use super::substitute::substitute;
use super::trace::{ConditionOutcome, ConditionRule};
use crate::policy::operator::{BaseOperator, OperatorFamily, SetOperator};
use crate::value::{base64, date, ip, number};

/// Whether `condition` holds for `request`, and by which documented rule.
pub(crate) fn evaluate(condition: &CompiledCondition, request: &Request) -> ConditionOutcome {
    let operator = condition.operator;
    let base = operator.base;
    let found = context::lookup(request, &condition.key);
    if base == BaseOperator::Null {
        return null(condition, operator.set, found);
    }
    let negated = base.is_negated();
    // A request value matches when any policy value matches it (policy values are ORed).
    let matches_any = |value: &str| {
        condition.values.iter().any(|policy| {
            policy_value(policy, base, request).is_some_and(|p| compare(base, value, &p))
        })
    };
    let outcome = |result: bool, rule: Option<ConditionRule>| ConditionOutcome { result, rule };
    match operator.set {
        None => {
            if condition.values.is_empty() && !operator.if_exists {
                return outcome(true, Some(ConditionRule::NoValues));
            }
            if found.is_empty() {
                return if operator.if_exists {
                    outcome(true, Some(ConditionRule::MissingKeyIfExists))
                } else if negated {
                    outcome(true, Some(ConditionRule::MissingKeyNegated))
                } else {
                    outcome(false, Some(ConditionRule::MissingKeyFalse))
                };
            }
            let any = found.iter().any(matches_any);
            if negated {
                let rule = (condition.values.len() > 1 && !any)
                    .then_some(ConditionRule::NegatedNoneMatched);
                outcome(!any, rule)
            } else {
                outcome(any, None)
            }
        }
        Some(set) => {
            if found.is_empty() {
                return match set {
                    _ if operator.if_exists && found.is_missing() => {
                        outcome(true, Some(ConditionRule::MissingKeyIfExists))
                    }
                    SetOperator::ForAllValues => {
                        outcome(true, Some(ConditionRule::ForAllValuesEmpty))
                    }
                    SetOperator::ForAnyValue => {
                        outcome(false, Some(ConditionRule::ForAnyValueEmpty))
                    }
                };
            }
            // Each request value on its own: a negated operator holds for it when no policy
            // value matches it.
            let holds_for = |v: &str| matches_any(v) != negated;
            outcome(
                match set {
                    SetOperator::ForAllValues => found.iter().all(holds_for),
                    SetOperator::ForAnyValue => found.iter().any(holds_for),
                },
                None,
            )
        }
    }
}

/// `Null`: `true` holds when the key is absent (or empty), `false` when it is present. With
/// `ForAllValues:` it is always true and with `ForAnyValue:` always false, as IAM Access
/// Analyzer documents
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-suggestion-null-with-qualifier>).
fn null(
    condition: &CompiledCondition,
    set: Option<SetOperator>,
    found: Values<'_>,
) -> ConditionOutcome {
    let result = match set {
        Some(SetOperator::ForAllValues) => true,
        Some(SetOperator::ForAnyValue) => false,
        None => {
            let absent = found.is_empty();
            condition.values.iter().any(
                |value| matches!(&value.value, ValueForm::Fixed(Parsed::Bool(b)) if *b == absent),
            )
        }
    };
    ConditionOutcome { result, rule: None }
}

/// A policy value parsed for `base`, its variables substituted.
fn policy_value<'c>(
    value: &'c CompiledValue,
    base: BaseOperator,
    request: &Request,
) -> Option<Cow<'c, Parsed>> {
    match &value.value {
        ValueForm::Fixed(parsed) => Some(Cow::Borrowed(parsed)),
        ValueForm::Variable(pieces) => substitute(request, pieces, None).map(|s| {
            Cow::Owned(match base {
                BaseOperator::StringLike | BaseOperator::StringNotLike => Parsed::Pattern(s.glob),
                _ => parse_value(&s.text, base, true),
            })
        }),
    }
}

/// The condition with the request's values and the policy's values as substituted, for
/// showing.
pub(crate) fn describe(condition: &CompiledCondition, request: &Request) -> ConditionDetail {
    let outcome = evaluate(condition, request);
    let found = context::lookup(request, &condition.key);
    ConditionDetail {
        operator: alloc::format!("{}", condition.operator),
        key: condition.key.clone(),
        request_values: (!found.is_missing()).then(|| found.iter().map(String::from).collect()),
        policy_values: condition
            .values
            .iter()
            .map(|value| match &value.value {
                ValueForm::Fixed(_) => PatternDetail {
                    written: value.written.clone(),
                    substituted: Some(value.written.clone()),
                    variables: Vec::new(),
                },
                ValueForm::Variable(pieces) => {
                    let mut variables = Vec::new();
                    let substituted = substitute(request, pieces, Some(&mut variables));
                    PatternDetail {
                        written: value.written.clone(),
                        substituted: substituted.map(|s| s.text),
                        variables,
                    }
                }
            })
            .collect(),
        result: outcome.result,
        rule: outcome.rule,
    }
}

/// Whether request value `value` matches policy value `policy` under `base` (un-negated: the
/// caller negates).
fn compare(base: BaseOperator, value: &str, policy: &Parsed) -> bool {
    use BaseOperator as B;
    match (base.family(), policy) {
        (_, Parsed::Unreadable) => false,
        (OperatorFamily::String, Parsed::Pattern(glob)) => glob.matches(value),
        (OperatorFamily::String, Parsed::Text(text)) => match base {
            B::StringEqualsIgnoreCase | B::StringNotEqualsIgnoreCase => eq_ignore_case(value, text),
            _ => value == text,
        },
        (OperatorFamily::Numeric, Parsed::Number(expected)) => {
            number::parse(value).is_some_and(|actual| relation(base, actual.cmp(expected)))
        }
        (OperatorFamily::Date, Parsed::Date(expected)) => {
            date::parse(value).is_some_and(|actual| relation(base, actual.cmp(expected)))
        }
        (OperatorFamily::Bool, Parsed::Bool(expected)) => {
            (value.eq_ignore_ascii_case("true") && *expected)
                || (value.eq_ignore_ascii_case("false") && !*expected)
        }
        (OperatorFamily::Binary, Parsed::Bytes(expected)) => {
            base64::decode(value).is_some_and(|actual| &actual == expected)
                || value.as_bytes() == expected.as_slice()
        }
        (OperatorFamily::IpAddress, Parsed::Cidr(range)) => {
            ip::parse_cidr(value).is_some_and(|address| range.contains(&address))
        }
        (OperatorFamily::Arn, Parsed::Arn(segments)) => {
            let actual = arn_segments(value);
            actual.len() == 6
                && segments.len() == 6
                && segments
                    .iter()
                    .zip(&actual)
                    .all(|(glob, part)| glob.matches(part))
        }
        _ => false,
    }
}

/// Whether `order` (request value compared with policy value) satisfies a numeric or date
/// operator (negated ones are compared as their positive form).
fn relation(base: BaseOperator, order: Ordering) -> bool {
    use BaseOperator as B;
    match base {
        B::NumericEquals | B::NumericNotEquals | B::DateEquals | B::DateNotEquals => order.is_eq(),
        B::NumericLessThan | B::DateLessThan => order.is_lt(),
        B::NumericLessThanEquals | B::DateLessThanEquals => order.is_le(),
        B::NumericGreaterThan | B::DateGreaterThan => order.is_gt(),
        B::NumericGreaterThanEquals | B::DateGreaterThanEquals => order.is_ge(),
        _ => false,
    }
}

fn eq_ignore_case(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
    }
}
