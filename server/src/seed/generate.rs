//! Turns a plan into chunks of INSERT statements, in an order the foreign keys accept:
//! people, then groups (with their members and forums), then each event with its slots
//! and their sign-ups, then friendships (Sam's generated friends are picked from the
//! events' sign-ups). Runs on its own thread while the loader writes the previous chunk.

use super::{
    demo_friends::SAM,
    drafts::{Demand, Drafter, EventDraft, Host},
    friend_writer::generate_friendships,
    friends::{share_attendance, FRIENDS},
    group_writer::generate_groups,
    people::{write_people, IdBase},
    signups::{write_signups, COLUMNS},
    sql::Batch,
};
use app::events::model::EventStatus;
use tokio::sync::mpsc::Sender;

/// People per chunk.
const PEOPLE_PER_CHUNK: u64 = 20_000;
/// A chunk is sent once it holds this many sign-ups (or events).
const SIGNUPS_PER_CHUNK: u64 = 40_000;
const EVENTS_PER_CHUNK: u64 = 10_000;

/// Statements that commit together, and how many rows of each kind they write.
#[derive(Debug, Default)]
pub struct Chunk {
    pub statements: Vec<String>,
    pub people: u64,
    pub events: u64,
    pub slots: u64,
    pub signups: u64,
    pub groups: u64,
    pub members: u64,
    pub threads: u64,
    pub posts: u64,
    pub friendships: u64,
}

/// Sends every chunk of the plan to `to`; stops early if the loader has gone.
pub fn generate(drafter: &Drafter, ids: IdBase, to: Sender<Chunk>) {
    let (plan, pool) = (drafter.plan, drafter.pool);
    let mut next_role = ids.roles;
    let mut from = 0;
    loop {
        let to_k = (from + PEOPLE_PER_CHUNK).min(plan.people);
        let statements = write_people(plan, pool, &ids, &mut next_role, from, to_k);
        let people = to_k - from
            + if from == 0 {
                super::fixtures::PEOPLE.len() as u64
            } else {
                0
            };
        if to
            .blocking_send(Chunk {
                statements,
                people,
                ..Default::default()
            })
            .is_err()
        {
            return;
        }
        from = to_k;
        if from >= plan.people {
            break;
        }
    }
    if !generate_groups(drafter, &ids, &to) {
        return;
    }

    let total_weight: f64 = (0..drafter.event_count())
        .flat_map(|j| drafter.event(j).slots)
        .map(|s| match s.demand {
            Demand::Weight(w) => w,
            Demand::Fixed(_) => 0.0,
        })
        .sum();
    let mut events = EventWriter::new(ids, plan.sam_friends());
    let (mut weight_so_far, mut shared_out) = (0.0, 0u64);
    for j in 0..drafter.event_count() {
        let draft = drafter.event(j);
        let counts: Vec<u64> = draft
            .slots
            .iter()
            .map(|s| match s.demand {
                Demand::Fixed(n) => u64::from(n),
                Demand::Weight(w) => {
                    // Cumulative rounding: the counts add up to exactly the plan's total.
                    weight_so_far += w;
                    let due = (plan.signups as f64 * weight_so_far
                        / total_weight.max(f64::MIN_POSITIVE))
                    .round() as u64;
                    let n = due.saturating_sub(shared_out);
                    shared_out += n;
                    n
                }
            })
            .collect();
        events.add(drafter, &draft, &counts);
        let full =
            events.chunk.signups >= SIGNUPS_PER_CHUNK || events.chunk.events >= EVENTS_PER_CHUNK;
        if full && to.blocking_send(events.take()).is_err() {
            return;
        }
    }
    if to.blocking_send(events.take()).is_err() {
        return;
    }
    generate_friendships(plan, &ids, &events.sam_friends, &to);
}

/// Accumulates events, slots and sign-ups into one chunk.
struct EventWriter {
    ids: IdBase,
    next_event: i64,
    next_slot: i64,
    next_signup: i64,
    events: Batch,
    slots: Batch,
    signups: Batch,
    chunk: Chunk,
    /// Generated people picked as Sam's friends: at most one from each generated event
    /// Sam does not host, confirmed at an upcoming slot and sharing it with friends.
    sam_friends: Vec<u64>,
    sam_wanted: u64,
}

impl EventWriter {
    fn new(ids: IdBase, sam_wanted: u64) -> Self {
        Self {
            ids,
            next_event: ids.events,
            next_slot: ids.slots,
            next_signup: ids.signups,
            events: Batch::new(
                "events",
                &[
                    "id",
                    "host_id",
                    "title",
                    "slug",
                    "description",
                    "kind",
                    "venue",
                    "postcode",
                    "latitude",
                    "longitude",
                    "online_url",
                    "status",
                    "starts_at",
                    "created_at",
                    "updated_at",
                    "group_id",
                    "place_cell",
                ],
            ),
            slots: Batch::new(
                "event_slots",
                &[
                    "id",
                    "event_id",
                    "label",
                    "starts_at",
                    "ends_at",
                    "capacity",
                    "confirmed_count",
                    "created_at",
                ],
            ),
            signups: Batch::new("signups", COLUMNS),
            chunk: Chunk::default(),
            sam_friends: Vec::new(),
            sam_wanted,
        }
    }

    fn add(&mut self, drafter: &Drafter, e: &EventDraft, counts: &[u64]) {
        self.next_event += 1;
        let event_id = self.next_event;
        let host_id = match e.host {
            Host::Demo(f) => self.ids.demo_person(f),
            Host::Generated(k) => self.ids.generated_person(k),
        };
        let group_id = e.group.map(|g| g.id(&self.ids));
        let mut sam_friend = None;
        self.events
            .row()
            .int(event_id)
            .int(host_id)
            .text(&e.title)
            .text(&e.slug)
            .text(&e.description)
            .text(e.kind.as_str())
            .opt_text(e.venue.as_deref())
            .opt_text(e.postcode.as_deref())
            .opt_float(e.at.map(|c| c.latitude))
            .opt_float(e.at.map(|c| c.longitude))
            .opt_text(e.online_url.as_deref())
            .text(EventStatus::Published.as_str())
            .time(e.slots[0].starts_at)
            .time(e.created_at)
            .time(e.created_at)
            .opt_int(group_id)
            .opt_int(e.at.map(|c| i64::from(c.place_cell())));
        for (slot, &count) in e.slots.iter().zip(counts) {
            self.next_slot += 1;
            let confirmed = slot.capacity.map_or(count, |c| count.min(c as u64));
            self.slots
                .row()
                .int(self.next_slot)
                .int(event_id)
                .opt_text(slot.label.as_deref())
                .time(slot.starts_at)
                .time(slot.ends_at)
                .opt_int(slot.capacity.map(i64::from))
                .int(confirmed as i64)
                .time(e.created_at);
            let first = write_signups(
                drafter.plan,
                drafter.pool,
                &self.ids,
                e,
                event_id,
                self.next_slot,
                slot,
                count,
                &mut self.next_signup,
                &mut self.signups,
            );
            sam_friend = sam_friend.or(first);
            self.chunk.slots += 1;
            self.chunk.signups += count;
        }
        self.chunk.events += 1;
        let wanted = (self.sam_friends.len() as u64) < self.sam_wanted
            && !e.demo
            && e.host != Host::Demo(SAM);
        if let Some(k) = sam_friend.filter(|_| wanted) {
            if share_attendance(drafter.plan, k) == Some(FRIENDS) && !self.sam_friends.contains(&k)
            {
                self.sam_friends.push(k);
            }
        }
    }

    /// The chunk so far, with its statements in foreign-key order.
    fn take(&mut self) -> Chunk {
        let mut chunk = std::mem::take(&mut self.chunk);
        chunk.statements = self.events.take();
        chunk.statements.extend(self.slots.take());
        chunk.statements.extend(self.signups.take());
        chunk
    }
}
