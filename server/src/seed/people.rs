//! Seeded people: the demo accounts, then generated people who live, in order, across
//! the place pool (so people with nearby numbers are neighbours). Every generated person
//! signs in with `PEOPLE_PASSWORD`, and most share their sign-ups with their friends.

use super::{
    consents::ConsentBatches,
    demo_friends::SHARING,
    demo_groups::GROUPS,
    fixtures::{PEOPLE, PEOPLE_PASSWORD_HASH, STAFF_EMAIL, STAFF_PASSWORD_HASH},
    friends::share_attendance,
    names::{email_for, person_name},
    places::PlacePool,
    plan::SeedPlan,
    rng::{Rng, Stream},
    schedule::london,
    sql::Batch,
};
use app::auth::model::Role;
use chrono::{DateTime, Duration, Utc};

/// A generated person, made again whenever needed rather than kept in memory.
#[derive(Debug, Clone)]
pub struct PersonDraft {
    pub name: String,
    pub email: String,
    pub postcode: String,
    pub roles: &'static [Role],
    pub created_at: DateTime<Utc>,
}

/// Generated person `k` (counted from 0).
pub fn generated_person(plan: &SeedPlan, pool: &PlacePool, k: u64) -> PersonDraft {
    let mut rng = Rng::for_item(plan.seed, Stream::Person, k);
    let place = &pool.places[(k * pool.places.len() as u64 / plan.people.max(1)) as usize];
    let name = person_name(&mut rng);
    let email = email_for(&name, "", k + 1, &mut rng);
    let roles: &'static [Role] = if k.is_multiple_of(SeedPlan::HOST_EVERY) {
        &[Role::Member, Role::Host]
    } else if k % 401 == 7 {
        &[Role::Member, Role::Organiser]
    } else if rng.chance(0.8) {
        &[Role::Member]
    } else {
        &[]
    };
    PersonDraft {
        postcode: place.postcode(&mut rng),
        created_at: london(plan.today, 0, 0, 0)
            - Duration::minutes(rng.between(60, 2 * 365 * 24 * 60)),
        name,
        email,
        roles,
    }
}

/// Ids of seeded rows: each table's rows follow on from its highest id.
#[derive(Debug, Clone, Copy, Default)]
pub struct IdBase {
    pub people: i64,
    pub roles: i64,
    pub events: i64,
    pub slots: i64,
    pub signups: i64,
    pub groups: i64,
    pub members: i64,
    pub threads: i64,
    pub posts: i64,
    pub friendships: i64,
}

impl IdBase {
    /// The id of demo account `f` (index into `PEOPLE`).
    pub fn demo_person(&self, f: usize) -> i64 {
        self.people + 1 + f as i64
    }

    /// The id of generated person `k`.
    pub fn generated_person(&self, k: u64) -> i64 {
        self.people + 1 + PEOPLE.len() as i64 + k as i64
    }

    /// The id of demo group `f` (index into `demo_groups::GROUPS`).
    pub fn demo_group(&self, f: usize) -> i64 {
        self.groups + 1 + f as i64
    }

    /// The id of generated group `g`.
    pub fn generated_group(&self, g: u64) -> i64 {
        self.groups + 1 + GROUPS.len() as i64 + g as i64
    }
}

/// Writes people and their roles, `k` from `from` to `to` of the generated people; the
/// demo accounts come with the first call (`from == 0`).
pub fn write_people(
    plan: &SeedPlan,
    pool: &PlacePool,
    ids: &IdBase,
    next_role: &mut i64,
    from: u64,
    to: u64,
) -> Vec<String> {
    let mut people = Batch::new(
        "people",
        &[
            "id",
            "name",
            "email",
            "password_hash",
            "postcode",
            "share_attendance",
            // Seeded accounts stand for people who confirmed their address on sign-up.
            "email_confirmed_at",
            "created_at",
            "updated_at",
        ],
    );
    let mut roles = Batch::new("person_roles", &["id", "person_id", "role", "created_at"]);
    let mut consents = ConsentBatches::new();
    let mut grant = |person_id: i64, granted: &[Role], at: DateTime<Utc>| {
        for role in granted {
            *next_role += 1;
            roles
                .row()
                .int(*next_role)
                .int(person_id)
                .text(role.as_str())
                .time(at);
        }
    };
    if from == 0 {
        let at = london(plan.today, -30, 9, 0);
        for (f, (name, email, postcode, granted)) in PEOPLE.iter().enumerate() {
            let hash = if *email == STAFF_EMAIL {
                STAFF_PASSWORD_HASH
            } else {
                PEOPLE_PASSWORD_HASH
            };
            let id = ids.demo_person(f);
            people
                .row()
                .int(id)
                .text(name)
                .text(email)
                .text(hash)
                .text(postcode)
                .opt_text(SHARING[f])
                .time(at)
                .time(at)
                .time(at);
            grant(id, granted, at);
            consents.demo_person(f, email, id, at);
        }
    }
    for k in from..to {
        let p = generated_person(plan, pool, k);
        let id = ids.generated_person(k);
        people
            .row()
            .int(id)
            .text(&p.name)
            .text(&p.email)
            .text(PEOPLE_PASSWORD_HASH)
            .text(&p.postcode)
            .opt_text(share_attendance(plan, k))
            .time(p.created_at)
            .time(p.created_at)
            .time(p.created_at);
        grant(id, p.roles, p.created_at);
        consents.generated_person(plan, k, &p.email, id, p.created_at);
    }
    let mut statements = people.take();
    statements.extend(roles.take());
    statements.extend(consents.take());
    statements
}

/// `count` distinct generated people (of `population`) around person `centre`, evenly
/// spaced, leaving out `skip`; fewer when there are not enough people.
pub fn neighbours(
    population: u64,
    centre: u64,
    count: u64,
    skip: Option<u64>,
    rng: &mut Rng,
) -> Vec<u64> {
    let skipped = u64::from(skip.is_some_and(|s| s < population));
    let count = count.min(population.saturating_sub(skipped));
    if count == 0 {
        return Vec::new();
    }
    // Spaced steps stay distinct as long as they do not wrap round the population.
    let step = if (count + 1) * 3 <= population {
        1 + rng.below(3)
    } else {
        1
    };
    let start = (centre + population - (count * step / 2) % population) % population;
    let mut out = Vec::with_capacity(count as usize);
    let mut i = 0;
    while (out.len() as u64) < count {
        let k = (start + i * step) % population;
        i += 1;
        if Some(k) != skip {
            out.push(k);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_are_distinct_and_leave_out_the_skipped_person() {
        for (population, count) in [(10, 9), (10, 20), (1000, 50), (1000, 999), (7, 2)] {
            let mut rng = Rng::new(population + count);
            let picked = neighbours(population, 3, count, Some(3), &mut rng);
            let mut sorted = picked.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), picked.len());
            assert_eq!(picked.len() as u64, count.min(population - 1));
            assert!(picked.iter().all(|&k| k != 3 && k < population));
        }
        assert!(neighbours(0, 0, 5, None, &mut Rng::new(1)).is_empty());
    }
}
