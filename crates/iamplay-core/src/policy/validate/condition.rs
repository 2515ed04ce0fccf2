//! Checking a statement's `Condition`: key names, operators that fit their keys (from the
//! catalog of condition keys), values the operator can read, and set operators where they
//! belong.

use alloc::collections::BTreeMap;
use alloc::string::String;

use super::Validation;
use crate::context_keys::{self, KeyType};
use crate::policy::finding::FindingKind;
use crate::policy::model::{ConditionBlock, Loc};
use crate::policy::operator::{BaseOperator, Operator, OperatorFamily};
use crate::value::date;

impl Validation<'_, '_, '_> {
    pub(super) fn condition(&mut self, condition: &ConditionBlock) {
        for block in &condition.operators {
            let operator = block.operator.value;
            if operator.base == BaseOperator::Null && operator.set.is_some() {
                self.warn(FindingKind::NullWithSetOperator, &block.operator.loc);
            }
            let mut seen: BTreeMap<String, &str> = BTreeMap::new();
            for key in &block.keys {
                let name = key.key.value.as_str();
                if !name
                    .split_once(':')
                    .is_some_and(|(prefix, rest)| !prefix.is_empty() && !rest.is_empty())
                {
                    self.warn(
                        FindingKind::ConditionKeyFormat { key: name.into() },
                        &key.key.loc,
                    );
                }
                if let Some(previous) = seen.insert(name.to_ascii_lowercase(), name)
                    && previous != name
                {
                    self.warn(
                        FindingKind::DuplicateConditionKey { key: name.into() },
                        &key.key.loc,
                    );
                }
                self.key_fits_operator(name, operator, &key.key.loc);
                if key.values.items.is_empty() {
                    self.warn(
                        FindingKind::EmptyConditionValues { key: name.into() },
                        &key.key.loc,
                    );
                }
                for value in &key.values.items {
                    let text = value.value.as_text();
                    let family = operator.base.family();
                    if family == OperatorFamily::Date {
                        if date::parse(text).is_none() {
                            self.error(FindingKind::InvalidDate { value: text.into() }, &value.loc);
                        }
                    } else if !value_fits(family, text) {
                        self.warn(
                            FindingKind::ValueTypeMismatch {
                                value: text.into(),
                                family,
                            },
                            &value.loc,
                        );
                    }
                }
            }
        }
    }

    /// What the catalog of condition keys says about using `operator` with `name`.
    fn key_fits_operator(&mut self, name: &str, operator: Operator, loc: &Loc) {
        let Some(info) = context_keys::lookup(name) else {
            return;
        };
        if operator.base == BaseOperator::Null {
            return;
        }
        match (info.multivalued, operator.set) {
            (false, Some(set)) => {
                self.warn(
                    FindingKind::SetOperatorOnSingleValuedKey {
                        key: name.into(),
                        set,
                    },
                    loc,
                );
            }
            (true, None) => {
                self.warn(
                    FindingKind::MultivaluedKeyWithoutSetOperator { key: name.into() },
                    loc,
                );
            }
            _ => {}
        }
        let family = operator.base.family();
        let key_family = match info.value_type {
            KeyType::String => OperatorFamily::String,
            KeyType::Arn => OperatorFamily::Arn,
            KeyType::Numeric => OperatorFamily::Numeric,
            KeyType::Date => OperatorFamily::Date,
            KeyType::Bool => OperatorFamily::Bool,
            KeyType::IpAddress => OperatorFamily::IpAddress,
        };
        // String and ARN operators both compare ARNs and text; `aws:EpochTime` also takes
        // numbers (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-epochtime>).
        let fits = family == key_family
            || matches!(
                (key_family, family),
                (
                    OperatorFamily::String | OperatorFamily::Arn,
                    OperatorFamily::String | OperatorFamily::Arn
                )
            )
            || (info.name == "aws:EpochTime" && family == OperatorFamily::Numeric);
        if !fits {
            let kind = FindingKind::OperatorKeyMismatch {
                key: name.into(),
                key_type: key_family,
                operator,
            };
            self.warn(kind, loc);
        }
    }
}

/// Whether `text` is a value the operator family can read (dates are checked separately,
/// as errors).
fn value_fits(family: OperatorFamily, text: &str) -> bool {
    // A policy variable is read when the request is evaluated.
    if text.contains("${") {
        return true;
    }
    match family {
        OperatorFamily::Numeric => crate::value::number::parse(text).is_some(),
        OperatorFamily::Bool | OperatorFamily::Null => {
            text.eq_ignore_ascii_case("true") || text.eq_ignore_ascii_case("false")
        }
        OperatorFamily::IpAddress => crate::value::ip::parse_cidr(text).is_some(),
        OperatorFamily::Binary => crate::value::base64::decode(text).is_some(),
        OperatorFamily::String | OperatorFamily::Date | OperatorFamily::Arn => true,
    }
}
