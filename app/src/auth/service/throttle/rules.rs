//! The sign-in limits as pure rules: what a key's count allows at a given moment, and the
//! count after an attempt. No database here, so every rule is tested with a fixed clock.

use chrono::{DateTime, Duration, Utc};

/// Attempts free per (account, address) pair before delays start: enough for typos.
pub const PAIR_FREE_ATTEMPTS: i32 = 5;
/// Password checks on one account, from every address together, before delays start.
pub const ACCOUNT_FREE_CHECKS: i32 = 20;
/// Password checks from one address, across all accounts, per window: a party office, a
/// conference or a mobile network's shared address has many people behind it.
pub const ADDRESS_MAX_CHECKS: i32 = 100;
/// The window an address's checks are counted over.
pub const ADDRESS_WINDOW: Duration = Duration::minutes(15);
/// The longest delay between two checks of one pair or account.
pub const MAX_DELAY: Duration = Duration::minutes(15);
/// A pair's or account's count is forgotten this long after its last attempt.
pub const FORGET_AFTER: Duration = Duration::hours(24);

/// How a key limits attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// `free` attempts, then each check waits twice as long after the last one let
    /// through (1 s, 2 s, 4 s … at most `MAX_DELAY`): slow for a guesser, a pause for
    /// the owner. `counts_refused`: attempts turned away count too (a pair's own
    /// hammering makes its own wait longer; other addresses' do not).
    Backoff { free: i32, counts_refused: bool },
    /// At most `most` checks per `ADDRESS_WINDOW`, from the window's first.
    Ceiling { most: i32 },
}

/// A key's count, as the database keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub failures: i32,
    pub window_started_at: DateTime<Utc>,
    pub last_attempt_at: Option<DateTime<Utc>>,
    pub last_allowed_at: Option<DateTime<Utc>>,
}

/// Whether an attempt's password may be checked now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    /// Not yet: try again after this long.
    Wait(Duration),
}

impl Count {
    /// Nothing counted, from `now`.
    pub fn fresh(now: DateTime<Utc>) -> Self {
        Self {
            failures: 0,
            window_started_at: now,
            last_attempt_at: None,
            last_allowed_at: None,
        }
    }
}

impl Limit {
    /// The count that applies at `now`: `count`, or a fresh one when it has lapsed.
    pub fn current(self, count: &Count, now: DateTime<Utc>) -> Count {
        let lapsed = match self {
            Limit::Ceiling { .. } => now - count.window_started_at >= ADDRESS_WINDOW,
            Limit::Backoff { .. } => count
                .last_attempt_at
                .is_some_and(|last| now - last >= FORGET_AFTER),
        };
        if lapsed {
            Count::fresh(now)
        } else {
            count.clone()
        }
    }

    /// Whether an attempt at `now` may be checked, given the count before it.
    pub fn judge(self, before: &Count, now: DateTime<Utc>) -> Verdict {
        match self {
            Limit::Ceiling { most } if before.failures >= most => {
                Verdict::Wait(before.window_started_at + ADDRESS_WINDOW - now)
            }
            Limit::Ceiling { .. } => Verdict::Allowed,
            Limit::Backoff {
                free,
                counts_refused,
            } => {
                let Some(last) = before.last_allowed_at.filter(|_| before.failures >= free) else {
                    return Verdict::Allowed;
                };
                if now - last >= delay_after(before.failures - free) {
                    return Verdict::Allowed;
                }
                // A refused attempt that counts makes the next wait longer: say that one.
                let next = before.failures + i32::from(counts_refused);
                Verdict::Wait(last + delay_after(next - free) - now)
            }
        }
    }

    /// The count after an attempt at `now`; `checked`: its password was checked.
    pub fn after(self, before: &Count, now: DateTime<Utc>, checked: bool) -> Count {
        let refused_counts = match self {
            Limit::Backoff { counts_refused, .. } => counts_refused,
            Limit::Ceiling { .. } => false,
        };
        Count {
            failures: before.failures + i32::from(checked || refused_counts),
            window_started_at: before.window_started_at,
            last_attempt_at: Some(now),
            last_allowed_at: if checked {
                Some(now)
            } else {
                before.last_allowed_at
            },
        }
    }
}

/// The wait after `beyond` attempts past the free ones: 1 s, doubling, at most `MAX_DELAY`.
pub fn delay_after(beyond: i32) -> Duration {
    // 2^10 s is past the cap already; the guard keeps the shift in range.
    if beyond >= 10 {
        return MAX_DELAY;
    }
    Duration::seconds(1_i64 << beyond.max(0)).min(MAX_DELAY)
}

/// A wait in whole minutes, rounded up, at least one: what the person is told.
pub fn minutes_to_wait(wait: Duration) -> u32 {
    let seconds = wait.num_seconds().max(0);
    u32::try_from((seconds + 59) / 60)
        .unwrap_or(u32::MAX)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAIR: Limit = Limit::Backoff {
        free: PAIR_FREE_ATTEMPTS,
        counts_refused: true,
    };
    const ADDRESS: Limit = Limit::Ceiling {
        most: ADDRESS_MAX_CHECKS,
    };

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + seconds, 0).unwrap()
    }

    fn count(failures: i32, last_allowed: i64) -> Count {
        Count {
            failures,
            window_started_at: at(0),
            last_attempt_at: Some(at(last_allowed)),
            last_allowed_at: Some(at(last_allowed)),
        }
    }

    #[test]
    fn the_first_five_attempts_of_a_pair_are_checked_at_once() {
        for failures in 0..PAIR_FREE_ATTEMPTS {
            assert_eq!(PAIR.judge(&count(failures, 10), at(10)), Verdict::Allowed);
        }
        assert!(matches!(
            PAIR.judge(&count(PAIR_FREE_ATTEMPTS, 10), at(10)),
            Verdict::Wait(_)
        ));
    }

    #[test]
    fn delays_double_from_one_second_up_to_fifteen_minutes() {
        let delays: Vec<i64> = (0..12).map(|n| delay_after(n).num_seconds()).collect();
        assert_eq!(delays, [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
        assert_eq!(delay_after(i32::MAX), MAX_DELAY);
    }

    #[test]
    fn after_its_delay_a_pair_is_checked_again_not_locked() {
        let before = count(PAIR_FREE_ATTEMPTS + 3, 100);
        assert_eq!(
            PAIR.judge(&before, at(107)),
            Verdict::Wait(Duration::seconds(9))
        );
        assert_eq!(PAIR.judge(&before, at(108)), Verdict::Allowed);
        let long_after = count(1_000, 100);
        assert_eq!(PAIR.judge(&long_after, at(100 + 900)), Verdict::Allowed);
    }

    #[test]
    fn a_pairs_refused_attempts_count_but_an_addresss_do_not() {
        let before = count(7, 100);
        assert_eq!(PAIR.after(&before, at(101), false).failures, 8);
        assert_eq!(ADDRESS.after(&before, at(101), false).failures, 7);
        let checked = ADDRESS.after(&before, at(101), true);
        assert_eq!(checked.failures, 8);
        assert_eq!(checked.last_allowed_at, Some(at(101)));
    }

    #[test]
    fn an_address_over_its_ceiling_waits_for_its_window_to_end() {
        let full = Count {
            failures: ADDRESS_MAX_CHECKS,
            ..Count::fresh(at(0))
        };
        assert_eq!(
            ADDRESS.judge(&full, at(60)),
            Verdict::Wait(Duration::minutes(14))
        );
        let next_window = ADDRESS.current(&full, at(15 * 60));
        assert_eq!(next_window, Count::fresh(at(15 * 60)));
        assert_eq!(ADDRESS.judge(&next_window, at(15 * 60)), Verdict::Allowed);
    }

    #[test]
    fn a_pairs_count_is_forgotten_a_day_after_its_last_attempt() {
        let before = count(40, 0);
        assert_eq!(PAIR.current(&before, at(3_600)), before);
        assert_eq!(
            PAIR.current(&before, at(24 * 3_600)),
            Count::fresh(at(24 * 3_600))
        );
    }

    #[test]
    fn waits_are_told_in_whole_minutes_rounded_up() {
        assert_eq!(minutes_to_wait(Duration::seconds(1)), 1);
        assert_eq!(minutes_to_wait(Duration::seconds(61)), 2);
        assert_eq!(minutes_to_wait(Duration::minutes(15)), 15);
        assert_eq!(minutes_to_wait(Duration::seconds(-5)), 1);
    }
}
