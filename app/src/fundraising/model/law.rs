//! UK donation law as the treasurer applies it (PPERA 2000), pure so tests can run it on
//! fixtures with a clock they control. Amounts are pence; "over" means strictly more.
//! The thresholds are settings with these defaults, because the law changes.

use chrono::{DateTime, Datelike, Duration, Utc};
use serde::{Deserialize, Serialize};

/// A gift over this, or a donor's gifts adding up to over it in a calendar year, must
/// be checked for permissibility.
pub const PERMISSIBILITY_PENCE: i64 = 50_000;
/// How long the party has to check a gift, from when it was received.
pub const CHECK_DAYS: i64 = 30;
/// The days of the clock on which the treasurer is reminded of an unchecked gift.
pub const REMINDER_DAYS: [i64; 2] = [20, 27];
/// How far apart gifts may be and still be read as one gift split up.
pub const SPLIT_WINDOW_DAYS: i64 = 30;

/// The reporting thresholds (the Electoral Commission's quarterly reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thresholds {
    /// The central party: a donor's gifts in a year adding up to over this are reported…
    pub central_first: i64,
    /// …and then each further amount adding up to over this.
    pub central_further: i64,
    /// An accounting unit (an official local party group): over this, each time.
    pub unit: i64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            central_first: 1_118_000,
            central_further: 223_000,
            unit: 223_000,
        }
    }
}

/// Whether a gift must wait for a permissibility check: over £500 itself, or taking the
/// donor's total to the same recipient in its calendar year over £500.
pub fn needs_check(gift_pence: i64, year_total_with_gift: i64) -> bool {
    gift_pence > PERMISSIBILITY_PENCE || year_total_with_gift > PERMISSIBILITY_PENCE
}

/// The day of the 30-day clock (day 0 is the day the gift arrived).
pub fn clock_day(started: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    (now - started).num_days().max(0)
}

/// When the check must be done by.
pub fn check_deadline(started: DateTime<Utc>) -> DateTime<Utc> {
    started + Duration::days(CHECK_DAYS)
}

/// The reminder due now for an unchecked gift, if any (20 or 27), given how many were
/// sent. A reminder missed while the server was down is sent once, not twice.
pub fn reminder_due(started: DateTime<Utc>, now: DateTime<Utc>, sent: i32) -> Option<i64> {
    let day = clock_day(started, now);
    let due = REMINDER_DAYS.iter().filter(|d| day >= **d).count() as i32;
    (due > sent).then(|| REMINDER_DAYS[(due - 1) as usize])
}

/// One gift, as the rules read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gift {
    pub id: i32,
    pub at: DateTime<Utc>,
    pub pence: i64,
}

/// Gifts from one donor that must be reported, with the quarter (1–4) of the gift that
/// took them over the threshold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reportable {
    pub year: i32,
    pub quarter: u32,
    pub gift_ids: Vec<i32>,
    pub total_pence: i64,
}

/// Which of one donor's gifts to one recipient are reported. Each calendar year starts
/// afresh; within it, gifts add up until they pass the first threshold (all of them are
/// then reported), and from then on each further run of gifts that passes the further
/// threshold is reported.
pub fn reportable(gifts: &[Gift], central: bool, thresholds: &Thresholds) -> Vec<Reportable> {
    let mut sorted: Vec<&Gift> = gifts.iter().collect();
    sorted.sort_by_key(|g| (g.at, g.id));
    let mut out = Vec::new();
    let mut year = None;
    let mut run: Vec<i32> = Vec::new();
    let mut run_total = 0;
    let mut reported_this_year = false;
    for gift in sorted {
        if year != Some(gift.at.year()) {
            year = Some(gift.at.year());
            run.clear();
            run_total = 0;
            reported_this_year = false;
        }
        run.push(gift.id);
        run_total += gift.pence;
        let threshold = match (central, reported_this_year) {
            (true, false) => thresholds.central_first,
            (true, true) => thresholds.central_further,
            (false, _) => thresholds.unit,
        };
        if run_total > threshold {
            out.push(Reportable {
                year: gift.at.year(),
                quarter: (gift.at.month() - 1) / 3 + 1,
                gift_ids: std::mem::take(&mut run),
                total_pence: run_total,
            });
            run_total = 0;
            reported_this_year = true;
        }
    }
    out
}

/// Gifts that look like one gift split to stay under £500: two or more from the same
/// donor (the caller groups by person or by address) within 30 days that together pass
/// £500, none of which passed it alone. Returns each such run's gift ids.
pub fn split_gifts(gifts: &[Gift]) -> Vec<Vec<i32>> {
    let mut small: Vec<&Gift> = gifts
        .iter()
        .filter(|g| g.pence <= PERMISSIBILITY_PENCE)
        .collect();
    small.sort_by_key(|g| (g.at, g.id));
    let mut runs: Vec<Vec<i32>> = Vec::new();
    for (start, first) in small.iter().enumerate() {
        let window: Vec<&&Gift> = small[start..]
            .iter()
            .take_while(|g| g.at - first.at <= Duration::days(SPLIT_WINDOW_DAYS))
            .collect();
        let total: i64 = window.iter().map(|g| g.pence).sum();
        if window.len() >= 2 && total > PERMISSIBILITY_PENCE {
            let ids: Vec<i32> = window.iter().map(|g| g.id).collect();
            // A later window inside one already flagged says nothing new.
            if !runs.iter().any(|r| ids.iter().all(|id| r.contains(id))) {
                runs.push(ids);
            }
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap()
    }

    fn gift(id: i32, when: DateTime<Utc>, pounds: i64) -> Gift {
        Gift {
            id,
            at: when,
            pence: pounds * 100,
        }
    }

    #[test]
    fn a_gift_waits_for_a_check_over_500_pounds_itself_or_in_the_year() {
        assert!(!needs_check(50_000, 50_000), "exactly £500 is not over");
        assert!(needs_check(50_001, 50_001));
        assert!(
            needs_check(10_000, 55_000),
            "a small gift taking the year over"
        );
        assert!(!needs_check(10_000, 40_000));
    }

    #[test]
    fn the_clock_reminds_on_day_20_and_27_once_each() {
        let start = at(2026, 3, 1);
        assert_eq!(reminder_due(start, start + Duration::days(19), 0), None);
        assert_eq!(reminder_due(start, start + Duration::days(20), 0), Some(20));
        assert_eq!(reminder_due(start, start + Duration::days(21), 1), None);
        assert_eq!(reminder_due(start, start + Duration::days(27), 1), Some(27));
        assert_eq!(reminder_due(start, start + Duration::days(29), 2), None);
        // Down over both days: one reminder, the later one.
        assert_eq!(reminder_due(start, start + Duration::days(28), 0), Some(27));
        assert_eq!(check_deadline(start), at(2026, 3, 31));
        assert_eq!(clock_day(start, start - Duration::days(2)), 0);
    }

    #[test]
    fn the_central_party_reports_over_11180_then_each_further_2230() {
        let t = Thresholds::default();
        let gifts = [
            gift(1, at(2026, 1, 10), 5_000),
            gift(2, at(2026, 2, 10), 6_000), // £11,000: not over
            gift(3, at(2026, 4, 10), 200),   // £11,200: over, quarter 2
            gift(4, at(2026, 5, 10), 2_000), // £2,000 since: not over
            gift(5, at(2026, 8, 10), 300),   // £2,300: over, quarter 3
            gift(6, at(2027, 1, 5), 3_000),  // a new year starts afresh
        ];
        let got = reportable(&gifts, true, &t);
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].year, got[0].quarter), (2026, 2));
        assert_eq!(got[0].gift_ids, vec![1, 2, 3]);
        assert_eq!(got[0].total_pence, 1_120_000);
        assert_eq!((got[1].quarter, got[1].gift_ids.clone()), (3, vec![4, 5]));
    }

    #[test]
    fn an_accounting_unit_reports_each_time_gifts_pass_2230() {
        let t = Thresholds::default();
        let gifts = [
            gift(1, at(2026, 11, 20), 2_000),
            gift(2, at(2026, 12, 20), 230), // exactly £2,230: not over
            gift(3, at(2027, 1, 2), 2_231), // next year, alone over
        ];
        let got = reportable(&gifts, false, &t);
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].year, got[0].quarter, got[0].gift_ids.clone()),
            (2027, 1, vec![3])
        );
        let changed = Thresholds { unit: 200_000, ..t };
        assert_eq!(
            reportable(&gifts, false, &changed).len(),
            2,
            "thresholds are settings"
        );
    }

    #[test]
    fn gifts_split_to_stay_under_500_within_30_days_are_flagged() {
        let gifts = [
            gift(1, at(2026, 3, 1), 300),
            gift(2, at(2026, 3, 20), 250), // £550 within 19 days
            gift(3, at(2026, 6, 1), 400),
            gift(4, at(2026, 7, 15), 400), // 44 days apart: not a split
            gift(5, at(2026, 9, 1), 900),  // over £500 alone: the queue catches it
        ];
        assert_eq!(split_gifts(&gifts), vec![vec![1, 2]]);
        assert!(split_gifts(&gifts[2..]).is_empty());
    }
}
