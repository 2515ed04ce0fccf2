//! Condition operators: `StringEquals`, `NumericLessThan`, `ForAnyValue:StringLikeIfExists`, ...
//!
//! The operators and their families are AWS's
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html>);
//! the set prefixes are documented at
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html>.

use core::fmt;

use super::suggest;

/// A condition operator as written: an optional set prefix, the operator, an optional
/// `IfExists` suffix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Operator {
    /// `ForAllValues:` or `ForAnyValue:`, if present.
    pub set: Option<SetOperator>,
    /// The operator itself.
    pub base: BaseOperator,
    /// Whether `IfExists` follows.
    pub if_exists: bool,
}

/// The set operators that compare multivalued context keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub enum SetOperator {
    /// `ForAllValues:`: every value of the key must match (true when the key is missing or
    /// empty).
    ForAllValues,
    /// `ForAnyValue:`: at least one value of the key must match.
    ForAnyValue,
}

impl SetOperator {
    /// The prefix as written, with its colon.
    #[must_use]
    pub fn prefix(self) -> &'static str {
        match self {
            Self::ForAllValues => "ForAllValues:",
            Self::ForAnyValue => "ForAnyValue:",
        }
    }
}

/// The families of operators, by the type of value they compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub enum OperatorFamily {
    /// Text.
    String,
    /// Numbers.
    Numeric,
    /// Dates and times.
    Date,
    /// `true` / `false`.
    Bool,
    /// Base64-encoded bytes.
    Binary,
    /// IP addresses and CIDR ranges.
    IpAddress,
    /// ARNs.
    Arn,
    /// Whether a key is present.
    Null,
}

macro_rules! base_operators {
    ($($name:ident => $family:ident, $negated:literal;)*) => {
        /// A condition operator without prefix or suffix.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
        pub enum BaseOperator {
            $(
                #[doc = concat!("`", stringify!($name), "`.")]
                $name,
            )*
        }

        impl BaseOperator {
            /// Every operator, in the order of AWS's reference.
            pub const ALL: &'static [Self] = &[$(Self::$name),*];

            /// The operator's name as written in a policy.
            #[must_use]
            pub fn name(self) -> &'static str {
                match self {
                    $(Self::$name => stringify!($name),)*
                }
            }

            /// The family: what type of value it compares.
            #[must_use]
            pub fn family(self) -> OperatorFamily {
                match self {
                    $(Self::$name => OperatorFamily::$family,)*
                }
            }

            /// Whether it is a negated operator (`StringNotEquals`, `NotIpAddress`, ...).
            #[must_use]
            pub fn is_negated(self) -> bool {
                match self {
                    $(Self::$name => $negated,)*
                }
            }
        }
    };
}

base_operators! {
    StringEquals => String, false;
    StringNotEquals => String, true;
    StringEqualsIgnoreCase => String, false;
    StringNotEqualsIgnoreCase => String, true;
    StringLike => String, false;
    StringNotLike => String, true;
    NumericEquals => Numeric, false;
    NumericNotEquals => Numeric, true;
    NumericLessThan => Numeric, false;
    NumericLessThanEquals => Numeric, false;
    NumericGreaterThan => Numeric, false;
    NumericGreaterThanEquals => Numeric, false;
    DateEquals => Date, false;
    DateNotEquals => Date, true;
    DateLessThan => Date, false;
    DateLessThanEquals => Date, false;
    DateGreaterThan => Date, false;
    DateGreaterThanEquals => Date, false;
    Bool => Bool, false;
    BinaryEquals => Binary, false;
    IpAddress => IpAddress, false;
    NotIpAddress => IpAddress, true;
    ArnEquals => Arn, false;
    ArnLike => Arn, false;
    ArnNotEquals => Arn, true;
    ArnNotLike => Arn, true;
    Null => Null, false;
}

const IF_EXISTS: &str = "IfExists";

impl Operator {
    /// Reads an operator as written (`ForAnyValue:StringLikeIfExists`). Names are matched
    /// exactly, as AWS does.
    ///
    /// # Errors
    /// [`UnknownOperator`], with the nearest known operator where one is close.
    pub fn parse(text: &str) -> Result<Self, UnknownOperator> {
        let (set, rest) = if let Some(rest) = text.strip_prefix(SetOperator::ForAllValues.prefix())
        {
            (Some(SetOperator::ForAllValues), rest)
        } else if let Some(rest) = text.strip_prefix(SetOperator::ForAnyValue.prefix()) {
            (Some(SetOperator::ForAnyValue), rest)
        } else {
            (None, text)
        };
        let exact = |name: &str| {
            BaseOperator::ALL
                .iter()
                .copied()
                .find(|op| op.name() == name)
        };
        let (base, if_exists) = match exact(rest) {
            Some(base) => (Some(base), false),
            None => (rest.strip_suffix(IF_EXISTS).and_then(exact), true),
        };
        match base {
            // `Null` tests whether a key exists: it has no `IfExists` form.
            Some(BaseOperator::Null) if if_exists => Err(UnknownOperator {
                suggestion: Some(Self {
                    set,
                    base: BaseOperator::Null,
                    if_exists: false,
                }),
            }),
            Some(base) => Ok(Self {
                set,
                base,
                if_exists,
            }),
            None => Err(UnknownOperator {
                suggestion: nearest(text),
            }),
        }
    }
}

impl fmt::Display for Operator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(set) = self.set {
            f.write_str(set.prefix())?;
        }
        f.write_str(self.base.name())?;
        if self.if_exists {
            f.write_str(IF_EXISTS)?;
        }
        Ok(())
    }
}

/// An operator name that is not one of AWS's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownOperator {
    /// The known operator nearest to what was written, if one is close enough to be a typo.
    pub suggestion: Option<Operator>,
}

/// The known operator nearest to `text` by edit distance, ignoring case, if close.
fn nearest(text: &str) -> Option<Operator> {
    let lower = text.to_ascii_lowercase();
    let (set, rest) = [SetOperator::ForAllValues, SetOperator::ForAnyValue]
        .into_iter()
        .find_map(|set| {
            let prefix = set.prefix().to_ascii_lowercase();
            let rest = lower.strip_prefix(prefix.trim_end_matches(':'))?;
            Some((Some(set), rest.trim_start_matches(':')))
        })
        .unwrap_or((None, lower.as_str()));
    let if_exists_lower = IF_EXISTS.to_ascii_lowercase();
    let mut best: Option<(usize, Operator)> = None;
    for &base in BaseOperator::ALL {
        for if_exists in [false, true] {
            if if_exists && base == BaseOperator::Null {
                continue;
            }
            let mut name = base.name().to_ascii_lowercase();
            if if_exists {
                name.push_str(&if_exists_lower);
            }
            let distance = suggest::distance(rest, &name);
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((
                    distance,
                    Operator {
                        set,
                        base,
                        if_exists,
                    },
                ));
            }
        }
    }
    best.filter(|&(distance, op)| suggest::is_close(distance, op.base.name().len()))
        .map(|(_, op)| op)
}

#[cfg(test)]
mod tests {
    use alloc::string::{String, ToString};

    use super::*;

    fn suggestion(text: &str) -> Option<String> {
        Operator::parse(text)
            .unwrap_err()
            .suggestion
            .map(|op| op.to_string())
    }

    #[test]
    fn every_operator_reads_back_from_its_name_with_prefix_and_suffix() {
        for &base in BaseOperator::ALL {
            for set in [
                None,
                Some(SetOperator::ForAllValues),
                Some(SetOperator::ForAnyValue),
            ] {
                for if_exists in [false, true] {
                    let op = Operator {
                        set,
                        base,
                        if_exists,
                    };
                    if base == BaseOperator::Null && if_exists {
                        assert!(Operator::parse(&op.to_string()).is_err());
                    } else {
                        assert_eq!(Operator::parse(&op.to_string()), Ok(op), "{op}");
                    }
                }
            }
        }
        assert_eq!(BaseOperator::ALL.len(), 27);
    }

    #[test]
    fn typos_get_the_nearest_operator() {
        assert_eq!(suggestion("StringEqualz").as_deref(), Some("StringEquals"));
        assert_eq!(suggestion("stringequals").as_deref(), Some("StringEquals"));
        assert_eq!(suggestion("StringEqual").as_deref(), Some("StringEquals"));
        assert_eq!(
            suggestion("ForAnyValues:StringLike").as_deref(),
            Some("ForAnyValue:StringLike")
        );
        assert_eq!(
            suggestion("forallvalues:stringequals").as_deref(),
            Some("ForAllValues:StringEquals")
        );
        assert_eq!(
            suggestion("ArnEqualsIfExist").as_deref(),
            Some("ArnEqualsIfExists")
        );
        assert_eq!(suggestion("IpAdress").as_deref(), Some("IpAddress"));
        assert_eq!(suggestion("NullIfExists").as_deref(), Some("Null"));
        assert_eq!(
            suggestion("DateGreaterThenEquals").as_deref(),
            Some("DateGreaterThanEquals")
        );
    }

    #[test]
    fn words_far_from_any_operator_get_no_suggestion() {
        assert_eq!(suggestion("Banana"), None);
        assert_eq!(suggestion(""), None);
        assert_eq!(suggestion(&"x".repeat(10_000)), None);
    }

    #[test]
    fn families_and_negation_follow_the_names() {
        assert_eq!(
            BaseOperator::NotIpAddress.family(),
            OperatorFamily::IpAddress
        );
        assert!(BaseOperator::NotIpAddress.is_negated());
        assert!(BaseOperator::ArnNotLike.is_negated());
        assert!(!BaseOperator::NumericLessThan.is_negated());
        for &op in BaseOperator::ALL {
            assert_eq!(op.is_negated(), op.name().contains("Not"), "{}", op.name());
        }
    }
}
