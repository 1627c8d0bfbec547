//! Sign-ups for a seeded slot: members who live near the event and guests, confirmed up
//! to the slot's capacity and waitlisted beyond it, one per email per slot.

use super::{
    demo_friends::stays_away,
    drafts::{EventDraft, Host, SlotDraft},
    fixtures::{PEOPLE, SIGN_UP_ORDER},
    names::{email_for, mobile, person_name},
    people::{generated_person, IdBase},
    places::PlacePool,
    plan::SeedPlan,
    rng::{Rng, Stream},
    schedule::london,
    sql::Batch,
};
use chrono::Duration;

/// Share of sign-ups made by people with accounts; the rest are guests.
const MEMBER_SHARE: f64 = 0.7;

/// The columns `write_signups` fills.
pub const COLUMNS: &[&str] = &[
    "id",
    "slot_id",
    "person_id",
    "name",
    "email",
    "phone",
    "postcode",
    "status",
    "cancel_token_hash",
    "checked_in_at",
    "created_at",
    "updated_at",
    "event_id",
    "starts_at",
];

/// Who is signing up.
struct Attendee {
    person_id: Option<i64>,
    name: String,
    email: String,
    postcode: Option<String>,
}

/// Writes `count` sign-ups to slot `slot_id` of `event` (id `event_id`); `next_id` is the last id used.
/// Returns the first generated person confirmed, when the slot starts after today.
#[allow(clippy::too_many_arguments)]
pub fn write_signups(
    plan: &SeedPlan,
    pool: &PlacePool,
    ids: &IdBase,
    event: &EventDraft,
    event_id: i64,
    slot_id: i64,
    slot: &SlotDraft,
    count: u64,
    next_id: &mut i64,
    out: &mut Batch,
) -> Option<u64> {
    let mut rng = Rng::for_item(plan.seed, Stream::Signup, slot_id as u64);
    let confirmed = slot.capacity.map_or(count, |c| count.min(c as u64));
    let mut members = MemberPicker::new(plan, event, count, &mut rng);
    let past = slot.ends_at < london(plan.today, 0, 0, 0);
    let upcoming = slot.starts_at >= london(plan.today, 1, 0, 0);
    let mut first_confirmed = None;
    for n in 0..count {
        *next_id += 1;
        let id = *next_id;
        let pick = members.next(&mut rng);
        let attendee = match pick {
            Some(Pick::Demo(f)) => {
                let (name, email, postcode, _) = PEOPLE[f];
                attendee(
                    Some(ids.demo_person(f)),
                    name,
                    email,
                    Some(postcode.to_string()),
                )
            }
            Some(Pick::Generated(k)) => {
                let p = generated_person(plan, pool, k);
                attendee(
                    Some(ids.generated_person(k)),
                    &p.name,
                    &p.email,
                    Some(p.postcode),
                )
            }
            None => {
                let name = person_name(&mut rng);
                let email = email_for(&name, ".", id as u64, &mut rng);
                let postcode = rng.chance(0.4).then(|| {
                    pool.places[rng.below(pool.places.len() as u64) as usize].postcode(&mut rng)
                });
                attendee(None, &name, &email, postcode)
            }
        };
        let is_confirmed = n < confirmed;
        if let Some(Pick::Generated(k)) = pick {
            if is_confirmed && upcoming && first_confirmed.is_none() {
                first_confirmed = Some(k);
            }
        }
        let created_at = slot.starts_at.min(london(plan.today, 0, 0, 0))
            - Duration::minutes(rng.between(30, 21 * 24 * 60));
        let checked_in = (past && is_confirmed && rng.chance(0.75))
            .then(|| slot.starts_at + Duration::minutes(rng.between(0, 20)));
        let phone = rng.chance(0.3).then(|| mobile(&mut rng));
        out.row()
            .int(id)
            .int(slot_id)
            .opt_int(attendee.person_id)
            .text(&attendee.name)
            .text(&attendee.email)
            .opt_text(phone.as_deref())
            .opt_text(attendee.postcode.as_deref())
            .text(if is_confirmed {
                "confirmed"
            } else {
                "waitlisted"
            })
            .text(&cancel_token_hash(plan.seed, id))
            .opt_time(checked_in)
            .time(created_at)
            .time(created_at)
            .int(event_id)
            .time(slot.starts_at);
    }
    first_confirmed
}

/// A stand-in for the hash of a cancel link's token. No token hashes to it, so seeded
/// sign-ups cannot be cancelled by link (nobody was emailed one); it grows with the id, so
/// the unique index is appended to instead of written all over (5M random hashes made a
/// big SQLite load three times slower).
fn cancel_token_hash(seed: u64, id: i64) -> String {
    format!("5eed{:012x}{:048x}", seed & 0xffff_ffff_ffff, id)
}

fn attendee(person_id: Option<i64>, name: &str, email: &str, postcode: Option<String>) -> Attendee {
    Attendee {
        person_id,
        name: name.to_string(),
        email: email.to_string(),
        postcode,
    }
}

#[derive(Clone, Copy)]
enum Pick {
    Demo(usize),
    Generated(u64),
}

/// Picks distinct people for one slot: the demo accounts first at a demo event (not its
/// host, nor those who stay away from it), then generated people around the event's
/// neighbourhood, evenly spaced so none repeats; `None` means a guest.
struct MemberPicker {
    demo: Vec<usize>,
    start: u64,
    step: u64,
    taken: u64,
    available: u64,
    population: u64,
}

impl MemberPicker {
    fn new(plan: &SeedPlan, event: &EventDraft, count: u64, rng: &mut Rng) -> Self {
        let demo = if event.demo {
            SIGN_UP_ORDER
                .iter()
                .rev()
                .copied()
                .filter(|f| event.host != Host::Demo(*f) && !stays_away(&event.title, *f))
                .collect()
        } else {
            Vec::new()
        };
        let population = plan.people;
        let wanted = ((count as f64 * MEMBER_SHARE).ceil() as u64).min(population);
        let step = if wanted > 0 && wanted * 3 <= population {
            1 + rng.below(3)
        } else {
            1
        };
        let centre = if event.at.is_some() {
            event.neighbourhood
        } else {
            rng.below(population.max(1))
        };
        Self {
            demo,
            start: (centre + population - (wanted * step / 2) % population.max(1))
                % population.max(1),
            step,
            taken: 0,
            available: wanted,
            population,
        }
    }

    fn next(&mut self, rng: &mut Rng) -> Option<Pick> {
        if let Some(f) = self.demo.pop() {
            return Some(Pick::Demo(f));
        }
        if self.taken >= self.available || !rng.chance(MEMBER_SHARE) {
            return None;
        }
        let k = (self.start + self.taken * self.step) % self.population;
        self.taken += 1;
        Some(Pick::Generated(k))
    }
}
