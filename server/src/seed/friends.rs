//! Friendships among generated people, one row per pair with the lower id first, made
//! without remembering any pair: each person draws candidates, mostly neighbours (people
//! are numbered along the place pool, and groups gather neighbours too, so these are the
//! people nearby and in the same groups) and some from anywhere. An ordinary person writes
//! only the pairs with a later ordinary person; a hub (one in a thousand, with thousands
//! of friends) writes all of its pairs with ordinary people, and those with later hubs.
//! Every pair then has exactly one writer, and only one person's picks are deduplicated.

use super::{
    plan::SeedPlan,
    rng::{Rng, Stream},
};

/// `people.share_attendance`: friends see the events the person signs up to…
pub const FRIENDS: &str = "friends";
/// …or nobody does (as when it is NULL: not answered yet).
pub const NOBODY: &str = "nobody";
/// `friendships.state`.
pub const PENDING: &str = "pending";
pub const ACCEPTED: &str = "accepted";

/// Share of generated people with thousands of friends.
pub const HUB_SHARE: f64 = 0.001;
/// A hub's friends, as a multiple of the average: 20 to 100, mostly nearer 20.
const HUB_LOW: f64 = 20.0;
const HUB_RANGE: f64 = 80.0;
/// Share of candidates drawn from the neighbours; the rest come from anywhere. Hubs
/// know people all over.
const NEAR_SHARE: f64 = 0.7;
const HUB_NEAR_SHARE: f64 = 0.2;
/// Neighbours are at most this many people away in either direction.
const NEAR_SPAN: u64 = 1_000;
/// Share of friendships still waiting for an answer.
pub const PENDING_SHARE: f64 = 0.03;

/// Whom generated person `k` shares their sign-ups with: friends for most, nobody for
/// one in ten, unanswered for one in twenty; unanswered for all when nobody has friends.
pub fn share_attendance(plan: &SeedPlan, k: u64) -> Option<&'static str> {
    if plan.friends == 0 {
        return None;
    }
    match Rng::for_item(plan.seed, Stream::Sharing, k).below(20) {
        0..17 => Some(FRIENDS),
        17..19 => Some(NOBODY),
        _ => None,
    }
}

/// Whether generated person `k` is a hub, with thousands of friends.
pub fn is_hub(plan: &SeedPlan, k: u64) -> bool {
    plan.friends > 0 && Rng::for_item(plan.seed, Stream::FriendHub, k).chance(HUB_SHARE)
}

/// How many candidates an ordinary person draws on average. About half are written by
/// them (the later ones) and about as many come from earlier people, so an ordinary
/// person has about this many friends, plus a few from hubs: those are taken off.
fn ordinary_draws(plan: &SeedPlan) -> f64 {
    let hub_mean = HUB_LOW + HUB_RANGE / 3.0;
    plan.friends as f64 * (1.0 - HUB_SHARE * hub_mean)
}

/// Fills `out` with the generated people whose friendship generated person `k` writes,
/// sorted and distinct, drawing from `rng` (the person's `Stream::Friend` stream, which
/// the caller goes on drawing the pairs' details from).
pub fn friends_of(plan: &SeedPlan, k: u64, rng: &mut Rng, out: &mut Vec<u64>) {
    out.clear();
    let people = plan.people;
    if plan.friends == 0 || people < 2 || k >= people {
        return;
    }
    let hub = is_hub(plan, k);
    let draws = if hub {
        let u = rng.unit();
        (plan.friends as f64 * (HUB_LOW + HUB_RANGE * u * u)) as u64
    } else {
        // The mean of two exponentials: a few have none of their own, most tens.
        let spread = -(rng.unit().max(1e-12).ln() + rng.unit().max(1e-12).ln()) / 2.0;
        (ordinary_draws(plan) * spread).round() as u64
    };
    // Hubs write every pair, so they need no more draws than people.
    let draws = if hub { draws.min(people - 1) } else { draws };
    // In a small population, neighbours are the nearest quarter.
    let span = NEAR_SPAN.min((people / 4).max(1));
    let near = if hub { HUB_NEAR_SHARE } else { NEAR_SHARE };
    for _ in 0..draws {
        let j = if rng.chance(near) {
            // Nearer neighbours more often.
            let u = rng.unit();
            let away = 1 + (span as f64 * u * u) as u64;
            if rng.chance(0.5) {
                k.checked_add(away).filter(|&j| j < people)
            } else {
                k.checked_sub(away)
            }
        } else {
            Some(rng.below(people))
        };
        let Some(j) = j else { continue };
        if j == k {
            continue;
        }
        let writes = if hub {
            j > k || !is_hub(plan, j)
        } else {
            j > k && !is_hub(plan, j)
        };
        if writes {
            out.push(j);
        }
    }
    out.sort_unstable();
    out.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn plan(people: u64, friends: u64) -> SeedPlan {
        SeedPlan {
            people,
            friends,
            ..SeedPlan::demo(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        }
    }

    #[test]
    fn every_pair_is_written_once_and_degrees_are_skewed() {
        let plan = plan(20_000, 50);
        let (mut pairs, mut degree) = (Vec::new(), vec![0u64; 20_000]);
        let mut friends = Vec::new();
        for k in 0..plan.people {
            let mut rng = Rng::for_item(plan.seed, Stream::Friend, k);
            friends_of(&plan, k, &mut rng, &mut friends);
            for &j in &friends {
                assert!(j < plan.people && j != k);
                pairs.push((k.min(j), k.max(j)));
                degree[k as usize] += 1;
                degree[j as usize] += 1;
            }
        }
        let written = pairs.len();
        pairs.sort_unstable();
        pairs.dedup();
        assert_eq!(pairs.len(), written, "a pair was written twice");
        let mean = 2.0 * written as f64 / plan.people as f64;
        assert!((40.0..60.0).contains(&mean), "mean {mean}");
        degree.sort_unstable();
        let median = degree[degree.len() / 2];
        assert!((20..80).contains(&median), "median {median}");
        assert!(degree[degree.len() - 1] > 1_000, "a few have thousands");
        assert!(degree[degree.len() * 99 / 100] < 300, "most have tens");
    }

    #[test]
    fn small_and_empty_populations_make_sense() {
        let mut friends = Vec::new();
        for people in [0, 1, 2, 60] {
            let plan = plan(people, 6);
            for k in 0..people {
                let mut rng = Rng::for_item(plan.seed, Stream::Friend, k);
                friends_of(&plan, k, &mut rng, &mut friends);
                assert!(friends.iter().all(|&j| j < people && j != k));
            }
        }
        let none = plan(100, 0);
        friends_of(&none, 3, &mut Rng::new(1), &mut friends);
        assert!(friends.is_empty());
        assert_eq!(share_attendance(&none, 3), None);
        let shares: Vec<_> = (0..1_000)
            .map(|k| share_attendance(&plan(100, 6), k))
            .collect();
        let with_friends = shares.iter().filter(|s| **s == Some(FRIENDS)).count();
        assert!((780..920).contains(&with_friends), "{with_friends}");
    }
}
