//! Seeded groups and their members: the demo groups as listed, then generated groups
//! spread along the place pool in order (as people are), so the group near a place is
//! found from the place's number. Most groups are small and a few are large; each is set
//! up by a host who lives nearby, and about one in ten of its members organises it.

use super::{
    demo_groups::{BENCH_READER, GROUPS},
    drafts::Drafter,
    group_wording,
    people::{neighbours, IdBase},
    plan::SeedPlan,
    rng::{Rng, Stream},
    schedule::london,
    towns::town_for,
};
use app::{
    groups::model::{group_slug, GroupRole, MemberState, Notify},
    places::model::Coordinates,
};
use chrono::{DateTime, Duration, Utc};

/// The slug of the benchmark's group, which holds the thread with 5,000 replies.
pub const BENCH_SLUG: &str = "bench-long-thread";
const BENCH_GROUP_SIZE: u64 = 300;
/// The biggest generated group.
const MAX_GROUP_SIZE: u64 = 2_000;
const ORGANISER_SHARE: f64 = 0.1;
const VERIFIED_SHARE: f64 = 0.1;
const APPROVAL_SHARE: f64 = 0.25;
/// Share of generated events in person that a nearby group runs.
const EVENT_GROUP_SHARE: f64 = 0.15;

/// Which group: a demo group (index into `demo_groups::GROUPS`) or generated group `g`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupRef {
    Demo(usize),
    Generated(u64),
}

impl GroupRef {
    pub fn id(self, ids: &IdBase) -> i64 {
        match self {
            GroupRef::Demo(f) => ids.demo_group(f),
            GroupRef::Generated(g) => ids.generated_group(g),
        }
    }
}

#[derive(Debug, Clone)]
pub struct MemberDraft {
    pub person_id: i64,
    pub role: GroupRole,
    pub state: MemberState,
    pub notify: Notify,
    pub joined_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct GroupDraft {
    pub name: String,
    pub slug: String,
    pub description: String,
    pub topic: &'static str,
    pub town: &'static str,
    pub postcode: String,
    pub at: Coordinates,
    pub approval: bool,
    pub verified: bool,
    pub created_at: DateTime<Utc>,
    /// Everyone with a membership row, the owner who set it up first.
    pub members: Vec<MemberDraft>,
}

impl GroupDraft {
    /// Active members' person ids, the owner first: who may write in the forum.
    pub fn active_ids(&self) -> Vec<i64> {
        self.members
            .iter()
            .filter(|m| m.state == MemberState::Active)
            .map(|m| m.person_id)
            .collect()
    }
}

/// Generated group `g`'s place (index into the pool): the first draw of its stream.
fn home(plan: &SeedPlan, places: usize, g: u64, rng: &mut Rng) -> usize {
    let (groups, places) = (plan.generated_groups().max(1), places.max(1) as u64);
    let stride = (places / groups).max(1);
    (g * places / groups + rng.below(stride)).min(places - 1) as usize
}

/// The generated person living at place `index`, as people are spread over the pool.
fn neighbourhood(plan: &SeedPlan, places: usize, index: usize) -> u64 {
    index as u64 * plan.people / places.max(1) as u64
}

/// The generated person who set up generated group `g`: the host nearest its place.
pub fn creator(plan: &SeedPlan, places: usize, g: u64) -> u64 {
    let mut rng = Rng::for_item(plan.seed, Stream::Group, g);
    let nb = neighbourhood(plan, places, home(plan, places, g, &mut rng));
    nb - nb % SeedPlan::HOST_EVERY
}

/// The generated group that runs generated event `i` at place `index`, if one does.
pub fn group_for_event(plan: &SeedPlan, places: usize, i: u64, index: usize) -> Option<u64> {
    let groups = plan.generated_groups();
    let mut rng = Rng::for_item(plan.seed, Stream::EventGroup, i);
    if groups == 0 || !rng.chance(EVENT_GROUP_SHARE) {
        return None;
    }
    let g = (index as u64 * groups / places.max(1) as u64).min(groups - 1);
    // The benchmark's group runs no events.
    (!(plan.long_thread() && g == 0)).then_some(g)
}

/// Generated group `g`.
pub fn generated_group(drafter: &Drafter, ids: &IdBase, g: u64) -> GroupDraft {
    let (plan, pool) = (drafter.plan, drafter.pool);
    let mut rng = Rng::for_item(plan.seed, Stream::Group, g);
    let index = home(plan, pool.places.len(), g, &mut rng);
    let place = &pool.places[index];
    let nb = neighbourhood(plan, pool.places.len(), index);
    let owner = nb - nb % SeedPlan::HOST_EVERY;
    let (town, district) = (
        town_for(&place.code),
        place.code.split(' ').next().unwrap_or_default(),
    );
    let today = london(plan.today, 0, 0, 0);
    let created_at = today - Duration::minutes(rng.between(7 * 24 * 60, 2 * 365 * 24 * 60));
    let bench = g == 0 && plan.long_thread();
    let verified = !bench && rng.chance(VERIFIED_SHARE);
    let topic = if verified || bench {
        "local"
    } else {
        group_wording::pick_topic(&mut rng)
    };
    let name = if bench {
        "Benchmark: long thread".to_string()
    } else if verified {
        group_wording::official_name(town, district)
    } else {
        group_wording::name(topic, town, district, &mut rng)
    };
    let slug = if bench {
        BENCH_SLUG.to_string()
    } else {
        // The number makes it unique: the part before the last dash never ends in one.
        format!("{}-{}", group_slug(&name), g + 1)
    };
    let approval = !verified && !bench && rng.chance(APPROVAL_SHARE);
    let wanted = if bench {
        BENCH_GROUP_SIZE
    } else {
        // Most groups have 3 to 10 members; a few hundreds.
        (3.0 * rng.unit().max(1e-9).powf(-0.8)).round() as u64
    };
    let size = wanted.clamp(1, MAX_GROUP_SIZE.min(plan.people.max(1)));
    let mut members = vec![MemberDraft {
        person_id: ids.generated_person(owner),
        role: GroupRole::Owner,
        state: MemberState::Active,
        notify: Notify::Each,
        joined_at: created_at,
    }];
    for k in neighbours(plan.people, nb, size - 1, Some(owner), &mut rng) {
        let person_id = ids.generated_person(k);
        members.push(member(person_id, approval, created_at, today, &mut rng));
    }
    if bench {
        // The person bench.sh signs in as reads the long thread as a member.
        members.push(MemberDraft {
            person_id: ids.demo_person(BENCH_READER),
            role: GroupRole::Member,
            state: MemberState::Active,
            notify: Notify::Never,
            joined_at: created_at,
        });
    }
    GroupDraft {
        description: group_wording::description(topic, town, verified, &mut rng),
        postcode: place.postcode(&mut rng),
        at: place.coordinates(&mut rng),
        name,
        slug,
        topic,
        town,
        approval,
        verified,
        created_at,
        members,
    }
}

/// Demo group `f`, with generated people from around its place as its other members.
pub fn demo_group(drafter: &Drafter, ids: &IdBase, f: usize) -> GroupDraft {
    let (plan, pool) = (drafter.plan, drafter.pool);
    let fixed = &GROUPS[f];
    let at = drafter.demo_group_places[f];
    // A stream of its own, apart from every generated group's.
    let mut rng = Rng::for_item(plan.seed, Stream::Group, u64::MAX - f as u64);
    let today = london(plan.today, 0, 0, 0);
    let created_at = london(plan.today, -fixed.days_old, 10, 0);
    let mut members: Vec<MemberDraft> = fixed
        .members
        .iter()
        .enumerate()
        .map(|(n, &(person, role, state))| MemberDraft {
            person_id: ids.demo_person(person),
            role,
            state,
            notify: if n == 0 { Notify::Each } else { Notify::Digest },
            joined_at: created_at + Duration::days(n as i64),
        })
        .collect();
    let nearest = (0..pool.places.len())
        .min_by(|&a, &b| {
            let (da, db) = (
                pool.places[a].at.miles_to(&at),
                pool.places[b].at.miles_to(&at),
            );
            da.total_cmp(&db)
        })
        .unwrap_or(0);
    let nb = neighbourhood(plan, pool.places.len(), nearest);
    for k in neighbours(plan.people, nb, fixed.others, None, &mut rng) {
        let person_id = ids.generated_person(k);
        members.push(member(
            person_id,
            fixed.approval,
            created_at,
            today,
            &mut rng,
        ));
    }
    GroupDraft {
        name: fixed.name.to_string(),
        slug: fixed.slug.to_string(),
        description: fixed.description.to_string(),
        topic: fixed.topic,
        town: town_for(fixed.postcode),
        postcode: fixed.postcode.to_string(),
        at,
        approval: fixed.approval,
        verified: fixed.verified,
        created_at,
        members,
    }
}

/// A member who joined after `created_at`: most active, some waiting for approval where
/// it is needed, a very few banned; about one in ten organises.
fn member(
    person_id: i64,
    approval: bool,
    created_at: DateTime<Utc>,
    today: DateTime<Utc>,
    rng: &mut Rng,
) -> MemberDraft {
    let span = (today - created_at).num_minutes().max(1);
    let joined_at = created_at + Duration::minutes(rng.between(0, span - 1));
    let role = if rng.chance(ORGANISER_SHARE) {
        GroupRole::Organiser
    } else {
        GroupRole::Member
    };
    let plain = role == GroupRole::Member;
    let state = if plain && approval && rng.chance(0.08) {
        MemberState::Pending
    } else if plain && rng.chance(0.005) {
        MemberState::Banned
    } else {
        MemberState::Active
    };
    let notify = match rng.below(20) {
        0..12 => Notify::Digest,
        12..15 => Notify::Each,
        _ => Notify::Never,
    };
    MemberDraft {
        person_id,
        role,
        state,
        notify,
        joined_at,
    }
}
