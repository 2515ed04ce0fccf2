//! Evaluating one condition key: the operator's family compares each request value with the
//! policy's values, and AWS's documented rules decide missing keys, `...IfExists`, negated
//! operators and the `ForAllValues:` / `ForAnyValue:` set operators
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html>,
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html>).

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::cmp::Ordering;

use super::compile::{CompiledCondition, Parsed, ValueForm, arn_segments, parse_value};
use super::context::{self, Values};
use super::request::Request;
use super::substitute::substitute;
use super::trace::{ConditionRule, ConditionTrace, PatternTrace};
use crate::policy::operator::{BaseOperator, OperatorFamily, SetOperator};
use crate::value::{base64, date, ip, number};

/// Whether `condition` holds for `request`, with its trace when `explain`.
pub(crate) fn evaluate(
    condition: &CompiledCondition,
    request: &Request,
    explain: bool,
) -> (bool, Option<ConditionTrace>) {
    let operator = condition.operator;
    let base = operator.base;
    // The policy's values, parsed (with variables substituted).
    let mut traces = Vec::new();
    let values: Vec<Option<Cow<'_, Parsed>>> = condition
        .values
        .iter()
        .map(|value| match &value.value {
            ValueForm::Fixed(parsed) => {
                if explain {
                    traces.push(PatternTrace {
                        written: value.written.clone(),
                        substituted: Some(value.written.clone()),
                        variables: Vec::new(),
                    });
                }
                Some(Cow::Borrowed(parsed))
            }
            ValueForm::Variable(pieces) => {
                let mut variables = Vec::new();
                let substituted = substitute(request, pieces, explain.then_some(&mut variables));
                if explain {
                    traces.push(PatternTrace {
                        written: value.written.clone(),
                        substituted: substituted.as_ref().map(|s| s.text.clone()),
                        variables,
                    });
                }
                substituted.map(|s| {
                    Cow::Owned(match base {
                        BaseOperator::StringLike | BaseOperator::StringNotLike => {
                            Parsed::Pattern(s.glob)
                        }
                        _ => parse_value(&s.text, base, true),
                    })
                })
            }
        })
        .collect();

    let found = context::lookup(request, &condition.key);
    let (result, rule) = decide(base, operator.set, operator.if_exists, &found, &values);
    let trace = explain.then(|| ConditionTrace {
        operator: alloc::format!("{operator}"),
        key: condition.key.clone(),
        request_values: match &found {
            Values::Present(values) => {
                Some(values.iter().map(|v| String::from(v.as_ref())).collect())
            }
            Values::Missing => None,
        },
        policy_values: traces,
        result,
        rule,
    });
    (result, trace)
}

fn decide(
    base: BaseOperator,
    set: Option<SetOperator>,
    if_exists: bool,
    found: &Values<'_>,
    values: &[Option<Cow<'_, Parsed>>],
) -> (bool, Option<ConditionRule>) {
    if base == BaseOperator::Null {
        let absent = match found {
            Values::Missing => true,
            Values::Present(values) => values.is_empty(),
        };
        let holds = values
            .iter()
            .flatten()
            .any(|v| matches!(**v, Parsed::Bool(b) if b == absent));
        return (holds, None);
    }
    let negated = base.is_negated();
    let request: &[Cow<'_, str>] = match found {
        Values::Present(values) => values,
        Values::Missing => &[],
    };
    let missing = matches!(found, Values::Missing);
    // A value matches when any policy value matches it (policy values are ORed).
    let matches_any = |value: &str| {
        values
            .iter()
            .flatten()
            .any(|policy| compare(base, value, policy))
    };
    match set {
        None => {
            if values.is_empty() && !if_exists {
                return (true, Some(ConditionRule::NoValues));
            }
            if missing || request.is_empty() {
                return if if_exists {
                    (true, Some(ConditionRule::MissingKeyIfExists))
                } else if negated {
                    (true, Some(ConditionRule::MissingKeyNegated))
                } else {
                    (false, Some(ConditionRule::MissingKeyFalse))
                };
            }
            let any = request.iter().any(|v| matches_any(v));
            if negated {
                (
                    !any,
                    (values.len() > 1 && !any).then_some(ConditionRule::NegatedNoneMatched),
                )
            } else {
                (any, None)
            }
        }
        Some(set) => {
            if request.is_empty() {
                return match set {
                    _ if if_exists && missing => (true, Some(ConditionRule::MissingKeyIfExists)),
                    SetOperator::ForAllValues => (true, Some(ConditionRule::ForAllValuesEmpty)),
                    SetOperator::ForAnyValue => (false, Some(ConditionRule::ForAnyValueEmpty)),
                };
            }
            // Each request value on its own: a negated operator holds for it when no policy
            // value matches it.
            let holds_for = |v: &str| matches_any(v) != negated;
            let result = match set {
                SetOperator::ForAllValues => request.iter().all(|v| holds_for(v)),
                SetOperator::ForAnyValue => request.iter().any(|v| holds_for(v)),
            };
            (result, None)
        }
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
