//! Counting passed and failed tests from what the test runners print, for the one summary line.

use std::fmt;

/// Passed and failed counts of one kind of test.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    /// Tests that passed.
    pub(crate) passed: u32,
    /// Tests that failed (a runner that could not run counts as one).
    pub(crate) failed: u32,
}

impl Tally {
    /// One check that passed or failed.
    pub(crate) fn one(passed: bool) -> Self {
        if passed {
            Self {
                passed: 1,
                failed: 0,
            }
        } else {
            Self {
                passed: 0,
                failed: 1,
            }
        }
    }

    /// Adds the counts of a libtest summary line
    /// (`test result: ok. 3 passed; 0 failed; 0 ignored; ...`), as printed by `cargo test` and
    /// by `wasm-bindgen-test-runner`. Other lines are ignored.
    pub(crate) fn read_libtest_line(&mut self, line: &str) {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            return;
        };
        for part in rest.split(';') {
            let mut words = part.split_whitespace().rev();
            if let (Some(what), Some(count)) = (words.next(), words.next()) {
                let count: u32 = count.parse().unwrap_or(0);
                match what {
                    "passed" => self.passed += count,
                    "failed" => self.failed += count,
                    _ => {}
                }
            }
        }
    }

    /// Adds the counts of a TAP summary line from `node --test` (`# pass 3`, `# fail 1`,
    /// `# cancelled 1`; a cancelled test counts as failed). Other lines are ignored.
    pub(crate) fn read_tap_line(&mut self, line: &str) {
        let mut words = line.split_whitespace();
        if words.next() != Some("#") {
            return;
        }
        let (Some(what), Some(count), None) = (words.next(), words.next(), words.next()) else {
            return;
        };
        let Ok(count) = count.parse::<u32>() else {
            return;
        };
        match what {
            "pass" => self.passed += count,
            "fail" | "cancelled" => self.failed += count,
            _ => {}
        }
    }

    /// Accounts for a runner's exit: a runner that failed without reporting a failed test
    /// (it did not build, or crashed) counts as one failure.
    pub(crate) fn finish(&mut self, runner_succeeded: bool) {
        if !runner_succeeded && self.failed == 0 {
            self.failed = 1;
        }
    }
}

impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, other: Self) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.passed, self.passed + self.failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libtest_summaries_and_ignores_other_lines() {
        let mut tally = Tally::default();
        for line in [
            "running 4 tests",
            "test tests::a ... ok",
            "test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s",
            "test result: ok. 2 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out",
            "a line that mentions 9 passed but is no summary",
        ] {
            tally.read_libtest_line(line);
        }
        assert_eq!(
            tally,
            Tally {
                passed: 5,
                failed: 1
            }
        );
    }

    #[test]
    fn reads_tap_summaries_counting_cancelled_as_failed() {
        let mut tally = Tally::default();
        for line in [
            "# tests 4",
            "# suites 0",
            "# pass 2",
            "# fail 1",
            "# cancelled 1",
            "# skipped 0",
            "# Subtest: pass 3 times",
        ] {
            tally.read_tap_line(line);
        }
        assert_eq!(
            tally,
            Tally {
                passed: 2,
                failed: 2
            }
        );
    }

    #[test]
    fn a_runner_that_failed_silently_counts_as_one_failure() {
        let mut tally = Tally {
            passed: 4,
            failed: 0,
        };
        tally.finish(false);
        assert_eq!(
            tally,
            Tally {
                passed: 4,
                failed: 1
            }
        );
        let mut reported = Tally {
            passed: 4,
            failed: 2,
        };
        reported.finish(false);
        assert_eq!(
            reported,
            Tally {
                passed: 4,
                failed: 2
            }
        );
        assert_eq!(reported.to_string(), "4/6");
    }
}
