//! Numbers as the `Numeric*` condition operators read them: integers and decimals
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric>),
//! compared exactly (no floating-point rounding: `0.1` equals `0.10`, and 2^63 + 1 is not 2^63).

use alloc::string::String;
use core::cmp::Ordering;

/// An exact decimal number: sign, significant digits, and the power of ten of the last digit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decimal {
    negative: bool,
    /// Significant digits without leading or trailing zeros; empty for zero.
    digits: String,
    /// The value is `digits × 10^exponent`.
    exponent: i64,
}

/// Reads `[+-]digits[.digits][(e|E)[+-]digits]`; `None` for anything else.
#[must_use]
pub fn parse(text: &str) -> Option<Decimal> {
    let (negative, rest) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..)?),
        Some(b'+') => (false, text.get(1..)?),
        _ => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(at) => (rest.get(..at)?, rest.get(at + 1..)?.parse::<i64>().ok()?),
        None => (rest, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty() && fraction.is_empty()
        || !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut digits: String = whole.chars().chain(fraction.chars()).collect();
    let mut exponent = exponent.checked_sub(i64::try_from(fraction.len()).ok()?)?;
    let trailing = digits.len() - digits.trim_end_matches('0').len();
    digits.truncate(digits.len() - trailing);
    exponent = exponent.checked_add(i64::try_from(trailing).ok()?)?;
    let digits = String::from(digits.trim_start_matches('0'));
    Some(Decimal {
        negative: negative && !digits.is_empty(),
        exponent: if digits.is_empty() { 0 } else { exponent },
        digits,
    })
}

impl Decimal {
    /// The power of ten of the leading digit (its magnitude).
    fn magnitude(&self) -> i64 {
        self.exponent
            .saturating_add(i64::try_from(self.digits.len()).unwrap_or(i64::MAX))
    }

    fn cmp_abs(&self, other: &Self) -> Ordering {
        match (self.digits.is_empty(), other.digits.is_empty()) {
            (true, true) => return Ordering::Equal,
            (true, false) => return Ordering::Less,
            (false, true) => return Ordering::Greater,
            (false, false) => {}
        }
        self.magnitude().cmp(&other.magnitude()).then_with(|| {
            // Same magnitude: compare digit by digit, the shorter one padded with zeros.
            let (a, b) = (self.digits.as_bytes(), other.digits.as_bytes());
            let len = a.len().max(b.len());
            (0..len)
                .map(|i| {
                    let da = a.get(i).copied().unwrap_or(b'0');
                    let db = b.get(i).copied().unwrap_or(b'0');
                    da.cmp(&db)
                })
                .find(|order| order.is_ne())
                .unwrap_or(Ordering::Equal)
        })
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.negative, other.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => self.cmp_abs(other),
            (true, true) => other.cmp_abs(self),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> Decimal {
        parse(text).unwrap()
    }

    #[test]
    fn integers_and_decimals_compare_exactly() {
        assert_eq!(n("0.1"), n("0.10"));
        assert_eq!(n("10"), n("1e1"));
        assert_eq!(n("-0"), n("0"));
        assert_eq!(n("+5"), n("5.000"));
        assert!(n("9223372036854775809") > n("9223372036854775808"));
        assert!(n("-1") < n("0"));
        assert!(n("-2") < n("-1.5"));
        assert!(n("0.0001") < n("0.001"));
        assert!(n("100") > n("99.999"));
        assert!(n("12.5") > n("12.49"));
        assert!(n(".5") == n("0.5"));
    }

    #[test]
    fn non_numbers_are_not_read() {
        for text in ["", "-", "abc", "1.2.3", "1e", "0x10", " 1", "1 ", "."] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }
}
