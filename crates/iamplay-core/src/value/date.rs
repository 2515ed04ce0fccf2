//! Dates as the `Date*` condition operators read them: W3C/ISO 8601 date-times, read the
//! lenient way IAM reads them, or epoch seconds.
//!
//! AWS documents "W3C implementations of the ISO 8601 date formats" or epoch time
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date>).
//! What IAM actually accepts was recorded against AWS (see `docs/sources/policy-language.md`,
//! section 3.5): `01T` and `2016-12-13t2:00:00.593194+23` are accepted; a one-digit zone offset
//! (`+1`), more than nine fraction digits, month 13 and epochs beyond 2^63 − 1 are rejected
//! ("The policy failed legacy parsing"). The grammar below reproduces that behaviour:
//!
//! ```text
//! datetime     = time | date ['T' [time-element] [offset]]     ('T' in either case)
//! date         = year ['-' month ['-' day]] | year '-' ordinal | year '-W' week ['-' weekday]
//! time         = 'T' time-element [offset]
//! time-element = hour [':' minute [':' second]] [('.' | ',') 1-9 digits]   (fraction of the last)
//! offset       = 'Z' | ('+' | '-') hh [[':'] mm]
//! year         = ['-' | '+'] 1-9 digits; month, day, hour, minute, second, week: 1-2 digits
//! ```

/// An instant: seconds and nanoseconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant {
    /// Whole seconds since the epoch (negative before it).
    pub seconds: i64,
    /// Nanoseconds within the second, 0..1e9.
    pub nanos: u32,
}

/// Reads a date condition value: epoch seconds (`1700000000`, `-292275054`) or an ISO 8601
/// date-time. `None` when IAM could not read it.
#[must_use]
pub fn parse(text: &str) -> Option<Instant> {
    if is_integer(text) {
        return text
            .parse::<i64>()
            .ok()
            .map(|seconds| Instant { seconds, nanos: 0 });
    }
    Parser {
        bytes: text.as_bytes(),
        pos: 0,
    }
    .datetime()
}

fn is_integer(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
}

const NANOS: i64 = 1_000_000_000;

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_t(&mut self) -> bool {
        self.eat(b'T') || self.eat(b't')
    }

    /// Reads `min..=max` digits.
    fn digits(&mut self, min: usize, max: usize) -> Option<(i64, usize)> {
        let start = self.pos;
        let mut value: i64 = 0;
        while self.pos - start < max {
            match self.peek() {
                Some(b @ b'0'..=b'9') => {
                    value = value * 10 + i64::from(b - b'0');
                    self.pos += 1;
                }
                _ => break,
            }
        }
        let count = self.pos - start;
        (count >= min).then_some((value, count))
    }

    fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }

    fn datetime(mut self) -> Option<Instant> {
        let (days, seconds, nanos) = if self.eat_t() {
            let (seconds, nanos) = self.time_element()?;
            (0, seconds, nanos)
        } else {
            let days = self.date()?;
            let has_time = self.eat_t() && self.peek().is_some_and(|b| b.is_ascii_digit());
            let (seconds, nanos) = if has_time {
                self.time_element()?
            } else {
                (0, 0)
            };
            (days, seconds, nanos)
        };
        let offset = if self.at_end() { 0 } else { self.offset()? };
        if !self.at_end() {
            return None;
        }
        let total = days
            .checked_mul(86_400)?
            .checked_add(seconds)?
            .checked_sub(offset)?;
        Some(Instant {
            seconds: total,
            nanos,
        })
    }

    /// The date part, as days since 1970-01-01.
    fn date(&mut self) -> Option<i64> {
        let negative = if self.eat(b'-') {
            true
        } else {
            self.eat(b'+');
            false
        };
        let (year, _) = self.digits(1, 9)?;
        let year = if negative { -year } else { year };
        if !self.eat(b'-') {
            return Some(days_from_civil(year, 1, 1));
        }
        if self.eat(b'W') {
            let (week, _) = self.digits(1, 2)?;
            let weekday = if self.eat(b'-') {
                self.digits(1, 1)?.0
            } else {
                1
            };
            if !(1..=weeks_in_year(year)).contains(&week) || !(1..=7).contains(&weekday) {
                return None;
            }
            return Some(week_one_monday(year) + (week - 1) * 7 + (weekday - 1));
        }
        let (first, width) = self.digits(1, 3)?;
        if width == 3 {
            // Ordinal date: year-DDD.
            let length = if is_leap(year) { 366 } else { 365 };
            return (1..=length)
                .contains(&first)
                .then(|| days_from_civil(year, 1, 1) + first - 1);
        }
        let month = first;
        if !(1..=12).contains(&month) {
            return None;
        }
        let day = if self.eat(b'-') {
            self.digits(1, 2)?.0
        } else {
            1
        };
        (1..=days_in_month(year, month))
            .contains(&day)
            .then(|| days_from_civil(year, month, day))
    }

    /// `hour [':' minute [':' second]] [fraction]`: seconds into the day and nanoseconds.
    fn time_element(&mut self) -> Option<(i64, u32)> {
        let (hour, _) = self.digits(1, 2)?;
        let mut units = [hour, 0, 0];
        let mut last = 0;
        while last < 2 && self.eat(b':') {
            last += 1;
            let slot = units.get_mut(last)?;
            *slot = self.digits(1, 2)?.0;
        }
        let [hour, minute, second] = units;
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        let mut nanos_of_day = (hour * 3600 + minute * 60 + second) * NANOS;
        if self.eat(b'.') || self.eat(b',') {
            let (fraction, count) = self.digits(1, 9)?;
            if matches!(self.peek(), Some(b'0'..=b'9')) {
                return None; // more than nine digits
            }
            let unit_nanos = [3600 * NANOS, 60 * NANOS, NANOS].get(last).copied()?;
            let scale = 10_i64.checked_pow(u32::try_from(count).ok()?)?;
            nanos_of_day += fraction.checked_mul(unit_nanos)? / scale;
        }
        Some((
            nanos_of_day / NANOS,
            u32::try_from(nanos_of_day % NANOS).ok()?,
        ))
    }

    /// `Z` or `±hh[[:]mm]`, in seconds east of UTC.
    fn offset(&mut self) -> Option<i64> {
        if self.eat(b'Z') {
            return Some(0);
        }
        let sign = if self.eat(b'+') {
            1
        } else if self.eat(b'-') {
            -1
        } else {
            return None;
        };
        let (hours, _) = self.digits(2, 2)?;
        let minutes = if self.eat(b':') || self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.digits(2, 2)?.0
        } else {
            0
        };
        (hours <= 23 && minutes <= 59).then_some(sign * (hours * 3600 + minutes * 60))
    }
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the given proleptic Gregorian date.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The proleptic Gregorian date of a day counted from 1970-01-01: `(year, month, day)`.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

impl Instant {
    /// The instant `seconds` later (earlier when negative), saturating at the ends of time.
    #[must_use]
    pub fn plus_seconds(self, seconds: i64) -> Self {
        Self {
            seconds: self.seconds.saturating_add(seconds),
            nanos: self.nanos,
        }
    }

    /// Whole seconds from `earlier` to `self` (negative when `earlier` is later).
    #[must_use]
    pub fn seconds_since(self, earlier: Self) -> i64 {
        self.seconds.saturating_sub(earlier.seconds)
    }
}

impl core::fmt::Display for Instant {
    /// The instant in UTC to the second, as AWS writes times (`2026-03-01T09:30:00Z`).
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let days = self.seconds.div_euclid(86_400);
        let second_of_day = self.seconds.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        write!(
            f,
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
            second_of_day / 3600,
            second_of_day % 3600 / 60,
            second_of_day % 60
        )
    }
}

/// Monday of ISO week 1 of `year` (the week with January 4th), as days since 1970-01-01.
fn week_one_monday(year: i64) -> i64 {
    let jan4 = days_from_civil(year, 1, 4);
    // 1970-01-01 was a Thursday: weekday 0 = Monday.
    let weekday = (jan4 + 3).rem_euclid(7);
    jan4 - weekday
}

fn weeks_in_year(year: i64) -> i64 {
    (week_one_monday(year + 1) - week_one_monday(year)) / 7
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seconds(text: &str) -> Option<i64> {
        parse(text).map(|instant| instant.seconds)
    }

    #[test]
    fn the_formats_aws_documents_are_read() {
        assert_eq!(seconds("2019-07-01T13:20:15Z"), Some(1_561_987_215));
        assert_eq!(seconds("2017-07-01T00:00:00Z"), Some(1_498_867_200));
        assert_eq!(seconds("2020-01-01"), Some(1_577_836_800));
        assert_eq!(seconds("2020-01-01T08:00:00+08:00"), Some(1_577_836_800));
        assert_eq!(
            seconds("2020-01-01T00:00:00-0130"),
            Some(1_577_836_800 + 5400)
        );
        assert_eq!(seconds("1700000000"), Some(1_700_000_000));
        assert_eq!(seconds("-292275054"), Some(-292_275_054));
        let fraction = parse("2016-12-13T21:20:37.593194+00:00").unwrap();
        assert_eq!(fraction.nanos, 593_194_000);
    }

    #[test]
    fn what_iam_accepted_in_recorded_requests_is_read() {
        assert_eq!(seconds("01T"), Some(days_from_civil(1, 1, 1) * 86_400));
        let lenient = parse("2016-12-13t2:00:00.593194+23").unwrap();
        assert_eq!(
            lenient.seconds,
            days_from_civil(2016, 12, 13) * 86_400 + 2 * 3600 - 23 * 3600
        );
        assert_eq!(lenient.nanos, 593_194_000);
    }

    #[test]
    fn what_iam_rejected_in_recorded_requests_is_not_read() {
        for text in [
            "sdfdsf",
            "234-13",
            "2016-12-13t2:00:00.593194+1",
            "2016-12-13t2:00:00.1999999999+10:59",
            "9223372036854775808",
            "",
            "2020-02-30",
            "2020-01-01T24:00:00Z",
            "2020-01-01T10:00:00+24:00",
            "2020-01-01T10:00:00 ",
            "2020-01-01 10:00:00",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    #[test]
    fn ordinal_week_and_fractional_forms_are_read() {
        assert_eq!(
            seconds("2020-060"),
            Some(days_from_civil(2020, 2, 29) * 86_400)
        );
        // 2020-W01-1 is Monday 2019-12-30.
        assert_eq!(
            seconds("2020-W01-1"),
            Some(days_from_civil(2019, 12, 30) * 86_400)
        );
        assert_eq!(
            seconds("2020-W53-5"),
            Some(days_from_civil(2021, 1, 1) * 86_400)
        );
        assert_eq!(parse("2021-W53"), None);
        assert_eq!(
            seconds("2020-01-01T10.5Z"),
            Some(1_577_836_800 + 10 * 3600 + 1800)
        );
        assert_eq!(seconds("T10:00Z"), Some(10 * 3600));
        assert_eq!(
            seconds("2020-01"),
            Some(days_from_civil(2020, 1, 1) * 86_400)
        );
    }

    #[test]
    fn instants_are_written_as_aws_writes_times() {
        use alloc::string::ToString;
        for text in [
            "2026-03-01T09:30:05Z",
            "1970-01-01T00:00:00Z",
            "2000-02-29T23:59:59Z",
            "1969-12-31T23:59:59Z",
            "2400-12-31T00:00:00Z",
        ] {
            let instant = parse(text).unwrap_or_default();
            assert_eq!(instant.to_string(), text);
        }
        let start = parse("2026-03-01T09:30:05Z").unwrap_or_default();
        assert_eq!(start.plus_seconds(3600).to_string(), "2026-03-01T10:30:05Z");
        assert_eq!(start.plus_seconds(3600).seconds_since(start), 3600);
    }

    #[test]
    fn civil_dates_count_days_across_eras() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        assert!(is_leap(2000) && !is_leap(1900) && is_leap(2024));
    }
}
