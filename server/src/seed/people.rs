//! Seeded people: the demo accounts, then generated people who live, in order, across
//! the place pool (so people with nearby numbers are neighbours). Every generated person
//! signs in with `PEOPLE_PASSWORD`.

use super::{
    fixtures::{PEOPLE, PEOPLE_PASSWORD_HASH, STAFF_EMAIL, STAFF_PASSWORD_HASH},
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
            "created_at",
            "updated_at",
        ],
    );
    let mut roles = Batch::new("person_roles", &["id", "person_id", "role", "created_at"]);
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
                .time(at)
                .time(at);
            grant(id, granted, at);
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
            .time(p.created_at)
            .time(p.created_at);
        grant(id, p.roles, p.created_at);
    }
    let mut statements = people.take();
    statements.extend(roles.take());
    statements
}
