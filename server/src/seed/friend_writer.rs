//! Turns friendships into chunks, after the events: the demo accounts' own first (with
//! Sam's generated friends, picked while the events were written), then each generated
//! person's in turn. Friendships refer only to people, so their chunks may be written in
//! any order (and side by side) once the people are in.

use super::{
    demo_friends::{FRIENDSHIPS, SAM},
    friends::{friends_of, ACCEPTED, PENDING, PENDING_SHARE},
    generate::Chunk,
    people::IdBase,
    plan::SeedPlan,
    rng::{Rng, Stream},
    schedule::london,
    sql::Batch,
};
use chrono::{DateTime, Duration, Utc};
use tokio::sync::mpsc::Sender;

/// A chunk is sent once it holds this many friendships.
const FRIENDSHIPS_PER_CHUNK: u64 = 100_000;

const COLUMNS: &[&str] = &[
    "id",
    "low_id",
    "high_id",
    "requested_by",
    "state",
    "created_at",
    "accepted_at",
];

/// Sends the demo friendships, Sam's with `sam_friends` (generated people), and the
/// generated people's friendships to `to`. False when the loader has gone.
pub fn generate_friendships(
    plan: &SeedPlan,
    ids: &IdBase,
    sam_friends: &[u64],
    to: &Sender<Chunk>,
) -> bool {
    let today = london(plan.today, 0, 0, 0);
    let mut writer = FriendWriter::new(ids);
    for f in FRIENDSHIPS {
        let asked_at = london(plan.today, -f.days_ago, 19, 0);
        let requester = ids.demo_person(f.requester);
        let accepted_at = f.accepted.then_some(asked_at + Duration::hours(2));
        writer.add(
            requester,
            ids.demo_person(f.other),
            requester,
            asked_at,
            accepted_at,
        );
    }
    // A stream of its own, apart from every generated person's.
    let mut rng = Rng::for_item(plan.seed, Stream::Friend, u64::MAX);
    let sam = ids.demo_person(SAM);
    for &k in sam_friends {
        let friend = ids.generated_person(k);
        let (sam_asked, asked_at, accepted_at) = details(&mut rng, today, 0.0);
        let requester = if sam_asked { sam } else { friend };
        writer.add(sam, friend, requester, asked_at, accepted_at);
    }
    let mut friends = Vec::new();
    for k in 0..plan.people {
        let mut rng = Rng::for_item(plan.seed, Stream::Friend, k);
        friends_of(plan, k, &mut rng, &mut friends);
        let id = ids.generated_person(k);
        for &j in &friends {
            let other = ids.generated_person(j);
            let (low, high) = (id.min(other), id.max(other));
            let (low_asked, asked_at, accepted_at) = details(&mut rng, today, PENDING_SHARE);
            let requester = if low_asked { low } else { high };
            writer.add(low, high, requester, asked_at, accepted_at);
        }
        if writer.count >= FRIENDSHIPS_PER_CHUNK && to.blocking_send(writer.take()).is_err() {
            return false;
        }
    }
    to.blocking_send(writer.take()).is_ok()
}

/// A friendship's details: whether the first person asked, when, and when the other
/// accepted (None: still pending, asked in the last fortnight). Accepted ones were asked
/// up to a year ago and answered within two days, before today.
fn details(
    rng: &mut Rng,
    today: DateTime<Utc>,
    pending_share: f64,
) -> (bool, DateTime<Utc>, Option<DateTime<Utc>>) {
    let first_asked = rng.chance(0.5);
    if rng.chance(pending_share) {
        let asked_at = today - Duration::minutes(rng.between(60, 14 * 24 * 60));
        return (first_asked, asked_at, None);
    }
    let asked_at = today - Duration::minutes(rng.between(3 * 24 * 60, 365 * 24 * 60));
    let accepted_at = asked_at + Duration::minutes(rng.between(5, 2 * 24 * 60));
    (first_asked, asked_at, Some(accepted_at))
}

/// Accumulates friendships into one chunk.
struct FriendWriter {
    next_id: i64,
    rows: Batch,
    count: u64,
}

impl FriendWriter {
    fn new(ids: &IdBase) -> Self {
        Self {
            next_id: ids.friendships,
            rows: Batch::new("friendships", COLUMNS),
            count: 0,
        }
    }

    /// Writes the friendship of people `a` and `b` (either order) as one row, the lower
    /// id first; pending unless `accepted_at` is set.
    fn add(
        &mut self,
        a: i64,
        b: i64,
        requested_by: i64,
        created_at: DateTime<Utc>,
        accepted_at: Option<DateTime<Utc>>,
    ) {
        self.next_id += 1;
        self.rows
            .row()
            .int(self.next_id)
            .int(a.min(b))
            .int(a.max(b))
            .int(requested_by)
            .text(if accepted_at.is_some() {
                ACCEPTED
            } else {
                PENDING
            })
            .time(created_at)
            .opt_time(accepted_at);
        self.count += 1;
    }

    fn take(&mut self) -> Chunk {
        let chunk = Chunk {
            statements: self.rows.take(),
            friendships: self.count,
            ..Default::default()
        };
        self.count = 0;
        chunk
    }
}
