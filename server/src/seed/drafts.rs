//! Events before they are written: the demo events as listed, and generated events
//! spread over Great Britain and the coming weeks. Drafting is a pure function of the
//! plan and the event's number, so a draft can be made twice (once to weigh its slots,
//! once to write it) and always comes out the same.

use super::{
    demo_groups::group_of_event,
    fixtures::{EVENTS, HOSTS},
    groups::{creator, group_for_event, GroupRef},
    places::PlacePool,
    plan::SeedPlan,
    rng::{Rng, Stream},
    schedule::{generated_slots, london, pick_kind},
    towns::{town_for, CITIES},
    wording,
};
use app::{
    events::model::{slugify, EventKind},
    places::model::Coordinates,
};
use chrono::{DateTime, Duration, Utc};

/// A demo event, as listed in `fixtures`.
#[derive(Debug)]
pub struct FixedEvent {
    pub title: &'static str,
    pub kind: EventKind,
    pub venue: &'static str,
    pub postcode: &'static str,
    /// Index into `fixtures::PEOPLE`.
    pub host: usize,
    pub slots: &'static [FixedSlot],
}

/// A demo event's date or shift, with how many sign it up.
#[derive(Debug)]
pub struct FixedSlot {
    pub label: Option<&'static str>,
    pub days: i64,
    pub hour: u32,
    pub minute: u32,
    pub hours: u32,
    pub capacity: Option<i32>,
    pub signups: u32,
}

/// Who hosts: a demo account (index into `fixtures::PEOPLE`) or generated person `k`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host {
    Demo(usize),
    Generated(u64),
}

/// How many sign up to a slot: a set number, or a share of the plan's sign-ups.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Demand {
    Fixed(u32),
    Weight(f64),
}

#[derive(Debug, Clone)]
pub struct SlotDraft {
    pub label: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: Option<i32>,
    pub demand: Demand,
}

#[derive(Debug, Clone)]
pub struct EventDraft {
    pub title: String,
    pub slug: String,
    pub description: String,
    pub kind: EventKind,
    pub venue: Option<String>,
    pub postcode: Option<String>,
    pub at: Option<Coordinates>,
    pub online_url: Option<String>,
    pub host: Host,
    /// The group it is run on behalf of, if any (whose owner then hosts it).
    pub group: Option<GroupRef>,
    /// A demo event: the demo accounts sign up first.
    pub demo: bool,
    /// The generated person its sign-ups cluster around (people near the event).
    pub neighbourhood: u64,
    pub created_at: DateTime<Utc>,
    pub slots: Vec<SlotDraft>,
}

/// Makes drafts for one plan: event `j` is demo event `j`, then generated event `j - demo`.
pub struct Drafter<'a> {
    pub plan: &'a SeedPlan,
    pub pool: &'a PlacePool,
    /// Where each demo event is (None when online).
    pub demo_places: Vec<Option<Coordinates>>,
    /// Where each demo group is (one per `demo_groups::GROUPS`).
    pub demo_group_places: Vec<Coordinates>,
}

impl Drafter<'_> {
    /// Demo and generated events together.
    pub fn event_count(&self) -> u64 {
        EVENTS.len() as u64 + self.plan.events
    }

    pub fn event(&self, j: u64) -> EventDraft {
        match EVENTS.get(j as usize) {
            Some(fixed) => self.demo_event(fixed, self.demo_places[j as usize]),
            None => self.generated_event(j - EVENTS.len() as u64),
        }
    }

    fn demo_event(&self, fixed: &FixedEvent, at: Option<Coordinates>) -> EventDraft {
        let online = fixed.kind == EventKind::Online;
        let slots: Vec<SlotDraft> = fixed
            .slots
            .iter()
            .map(|s| {
                let starts_at = london(self.plan.today, s.days, s.hour, s.minute);
                SlotDraft {
                    label: s.label.map(str::to_string),
                    starts_at,
                    ends_at: starts_at + Duration::hours(s.hours.into()),
                    capacity: s.capacity,
                    demand: Demand::Fixed(s.signups),
                }
            })
            .collect();
        EventDraft {
            title: fixed.title.to_string(),
            slug: slugify(fixed.title),
            description: format!("{}. Everyone is welcome, whether it is your first time or your fiftieth. Bring a friend.", fixed.title),
            kind: fixed.kind,
            venue: (!online).then(|| fixed.venue.to_string()),
            postcode: (!online).then(|| fixed.postcode.to_string()),
            at,
            online_url: online.then(|| "https://meet.example.org/membersnet".to_string()),
            host: Host::Demo(fixed.host),
            group: group_of_event(fixed.title).map(GroupRef::Demo),
            demo: true,
            neighbourhood: 0,
            created_at: self.created_before(slots[0].starts_at, &mut Rng::new(self.plan.seed)),
            slots,
        }
    }

    fn generated_event(&self, i: u64) -> EventDraft {
        let mut rng = Rng::for_item(self.plan.seed, Stream::Event, i);
        let first_round = (i as usize) < CITIES.len();
        let kind = if first_round {
            EventKind::ALL[i as usize % EventKind::ALL.len()]
        } else {
            pick_kind(&mut rng)
        };
        let places = &self.pool.places;
        let place_index = if first_round {
            *rng.pick(&self.pool.cities[i as usize])
        } else if rng.chance(0.3) {
            // Bigger cities first in the list: the lower of two draws favours them.
            let city = rng
                .below(CITIES.len() as u64)
                .min(rng.below(CITIES.len() as u64));
            *rng.pick(&self.pool.cities[city as usize])
        } else {
            rng.below(places.len() as u64) as usize
        };
        let place = &places[place_index];
        let neighbourhood = place_index as u64 * self.plan.people / places.len().max(1) as u64;
        let (town, district) = (
            town_for(&place.code),
            place.code.split(' ').next().unwrap_or_default(),
        );
        let online = kind == EventKind::Online;
        let title = wording::title(kind, town, district, &mut rng);
        let slots = generated_slots(self.plan.today, kind, first_round, &mut rng);
        // Drawn from a stream of its own, so the rest of the event is as it was.
        let group = if online {
            None
        } else {
            group_for_event(self.plan, places.len(), i, place_index)
        };
        let mut draft = EventDraft {
            slug: slugify(&title),
            title,
            description: wording::description(kind, town, &mut rng),
            kind,
            venue: (!online).then(|| wording::venue(kind, town, district, &mut rng)),
            postcode: (!online).then(|| place.postcode(&mut rng)),
            at: (!online).then(|| place.coordinates(&mut rng)),
            online_url: online.then(|| format!("https://meet.example.org/mn-{i}")),
            host: self.host_near(neighbourhood, &mut rng),
            group: group.map(GroupRef::Generated),
            demo: false,
            neighbourhood,
            created_at: self.created_before(slots[0].starts_at, &mut rng),
            slots,
        };
        if let Some(g) = group {
            // The group's owner runs its events.
            draft.host = Host::Generated(creator(self.plan, places.len(), g));
        }
        draft
    }

    fn host_near(&self, neighbourhood: u64, rng: &mut Rng) -> Host {
        if self.plan.generated_hosts() {
            Host::Generated(neighbourhood - neighbourhood % SeedPlan::HOST_EVERY)
        } else {
            Host::Demo(*rng.pick(HOSTS))
        }
    }

    /// A time before `at` and before today, when the row was made.
    pub fn created_before(&self, at: DateTime<Utc>, rng: &mut Rng) -> DateTime<Utc> {
        let today = london(self.plan.today, 0, 0, 0);
        at.min(today) - Duration::minutes(rng.between(60, 30 * 24 * 60))
    }
}
