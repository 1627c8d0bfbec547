//! When generated events happen and how many places they have: most once, some weekly
//! (a slot per date), some in shifts (labelled slots on one day).

use super::{
    drafts::{Demand, SlotDraft},
    rng::Rng,
};
use app::events::model::EventKind;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::London;

/// Events fall up to this many days ahead.
const DAYS_AHEAD: i64 = 56;
/// A few fall this many days back, so people have past events too.
const DAYS_BACK: i64 = 14;
/// Popularity of the most popular slot, relative to the least (caps the long tail).
const MAX_WEIGHT: f64 = 40.0;
const CAPACITIES: &[i32] = &[6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 150];
const SHIFTS: &[(&str, u32)] = &[
    ("Morning shift", 9),
    ("Afternoon shift", 13),
    ("Evening shift", 17),
];

/// `hour:minute` London time, `days` after `today`, in UTC.
pub fn london(today: NaiveDate, days: i64, hour: u32, minute: u32) -> DateTime<Utc> {
    let local = (today + Duration::days(days))
        .and_hms_opt(hour, minute, 0)
        .unwrap_or_default();
    London
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&local))
}

/// A kind, as often as each is held: canvassing most, fundraisers least.
pub fn pick_kind(rng: &mut Rng) -> EventKind {
    let roll = rng.below(100);
    match roll {
        0..30 => EventKind::Canvassing,
        30..45 => EventKind::PhoneBank,
        45..65 => EventKind::Meeting,
        65..77 => EventKind::Social,
        77..85 => EventKind::Fundraiser,
        _ => EventKind::Online,
    }
}

fn start_hour(kind: EventKind, rng: &mut Rng) -> u32 {
    match kind {
        EventKind::Canvassing => *rng.pick(&[10, 11, 14]),
        EventKind::PhoneBank | EventKind::Meeting | EventKind::Online => *rng.pick(&[18, 19]),
        EventKind::Social | EventKind::Fundraiser => *rng.pick(&[19, 20]),
    }
}

/// A slot's share of the sign-ups: most slots get a few, a handful get very many.
fn weight(rng: &mut Rng) -> Demand {
    Demand::Weight(rng.unit().max(1e-9).powf(-0.6).min(MAX_WEIGHT))
}

/// The slots of a generated event. The first round (one per city) is upcoming and plain.
pub fn generated_slots(
    today: NaiveDate,
    kind: EventKind,
    first_round: bool,
    rng: &mut Rng,
) -> Vec<SlotDraft> {
    let days = if first_round {
        rng.between(1, 21)
    } else if rng.chance(0.05) {
        -rng.between(1, DAYS_BACK)
    } else {
        rng.between(1, DAYS_AHEAD)
    };
    let capacity = rng
        .chance(if kind == EventKind::Online { 0.4 } else { 0.6 })
        .then(|| *rng.pick(CAPACITIES));
    let (hour, minute) = (start_hour(kind, rng), *rng.pick(&[0, 0, 30]));
    let hours = rng.between(1, 3);
    let shape = if first_round { 1.0 } else { rng.unit() };
    let shifts_fit = matches!(kind, EventKind::Canvassing | EventKind::PhoneBank);
    if shape < 0.04 {
        // Weekly, four to six dates at the same time.
        (0..rng.between(4, 6))
            .map(|week| {
                let starts_at = london(today, days + 7 * week, hour, minute);
                slot(None, starts_at, hours, capacity, rng)
            })
            .collect()
    } else if shape < 0.08 && shifts_fit {
        let capacity = Some(*rng.pick(&[6, 8, 10, 12]));
        SHIFTS
            .iter()
            .map(|(label, hour)| slot(Some(label), london(today, days, *hour, 0), 3, capacity, rng))
            .collect()
    } else {
        vec![slot(
            None,
            london(today, days, hour, minute),
            hours,
            capacity,
            rng,
        )]
    }
}

fn slot(
    label: Option<&str>,
    starts_at: DateTime<Utc>,
    hours: i64,
    capacity: Option<i32>,
    rng: &mut Rng,
) -> SlotDraft {
    SlotDraft {
        label: label.map(str::to_string),
        starts_at,
        ends_at: starts_at + Duration::hours(hours),
        capacity,
        demand: weight(rng),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_fall_in_the_window_and_end_after_they_start() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let (mut recurring, mut shifts) = (0, 0);
        for seed in 0..2000 {
            let mut rng = Rng::new(seed);
            let kind = pick_kind(&mut rng);
            let slots = generated_slots(today, kind, false, &mut rng);
            let first = slots[0].starts_at;
            assert!(first > london(today, -DAYS_BACK - 1, 0, 0));
            assert!(first < london(today, DAYS_AHEAD + 1, 0, 0));
            assert!(slots.iter().all(|s| s.ends_at > s.starts_at));
            recurring += usize::from(slots.len() > 3);
            shifts += usize::from(slots[0].label.is_some());
        }
        assert!(recurring > 20 && shifts > 20, "{recurring} {shifts}");
    }
}
