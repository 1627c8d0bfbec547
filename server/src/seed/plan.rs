//! What to seed: the counts, the seed value and the day events are placed around.

use chrono::NaiveDate;

/// The size and shape of a seeded database. The same plan on the same day gives the
/// same rows on SQLite and PostgreSQL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedPlan {
    /// The seed value every random choice follows.
    pub seed: u64,
    /// Generated people, besides the demo accounts.
    pub people: u64,
    /// Generated events, besides the demo events.
    pub events: u64,
    /// Generated sign-ups, besides the demo events' own.
    pub signups: u64,
    /// Generated groups (with their members and forums), besides the demo groups.
    /// None are made when there are no generated people to belong to them.
    pub groups: u64,
    /// "Today": events fall in the eight weeks after it (a few in the fortnight before).
    pub today: NaiveDate,
    /// Print progress to stderr while seeding.
    pub progress: bool,
    /// Average friends per generated person (counting both sides of each friendship):
    /// most have tens, a few (`friends::HUB_SHARE`) thousands. 0 makes none, and leaves
    /// generated people's attendance sharing unanswered.
    pub friends: u64,
}

impl SeedPlan {
    /// The demo content of a fresh run: the demo accounts and events, a few dozen more
    /// events across Great Britain's cities, people signed up to them, and a few groups.
    pub fn demo(today: NaiveDate) -> Self {
        Self {
            seed: 2026,
            people: 60,
            events: 30,
            signups: 300,
            groups: 10,
            today,
            progress: false,
            friends: 6,
        }
    }

    /// Below this many generated people, the demo accounts host the generated events.
    pub const GENERATED_HOSTS_FROM: u64 = 100;
    /// Every this-many-th generated person is a host.
    pub const HOST_EVERY: u64 = 20;
    /// Groups made when only the number of people is given: one per this many people…
    pub const PEOPLE_PER_GROUP: u64 = 10;
    /// …but no more than this.
    pub const MAX_DEFAULT_GROUPS: u64 = 20_000;
    /// From this many generated groups, the first is the benchmark's group (slug
    /// `bench-long-thread`) with one thread of `LONG_THREAD_REPLIES` replies.
    pub const LONG_THREAD_FROM: u64 = 1_000;
    pub const LONG_THREAD_REPLIES: u64 = 5_000;

    /// Friends per person when --people is given without --friends.
    pub const DEFAULT_FRIENDS: u64 = 50;
    /// At most this many generated people are Sam's friends (bench.sh signs in as him):
    /// each confirmed at an upcoming generated event, and sharing it with friends.
    pub const SAM_FRIENDS: u64 = 50;

    /// Generated friends of Sam's: as many as an average person's, up to `SAM_FRIENDS`.
    pub fn sam_friends(&self) -> u64 {
        self.friends.min(Self::SAM_FRIENDS)
    }

    /// About how many friendships the generated people have (for the progress line).
    pub fn expected_friendships(&self) -> u64 {
        self.people * self.friends / 2
    }

    /// Whether generated people host the generated events (else the demo accounts do).
    pub fn generated_hosts(&self) -> bool {
        self.people >= Self::GENERATED_HOSTS_FROM
    }

    /// The number of groups for `people` generated people, when not asked for.
    pub fn default_groups(people: u64) -> u64 {
        (people / Self::PEOPLE_PER_GROUP).min(Self::MAX_DEFAULT_GROUPS)
    }

    /// Generated groups actually made: none without generated people to run them.
    pub fn generated_groups(&self) -> u64 {
        if self.people == 0 {
            0
        } else {
            self.groups
        }
    }

    /// Whether generated group 0 is the benchmark's group with the long thread.
    pub fn long_thread(&self) -> bool {
        self.generated_groups() >= Self::LONG_THREAD_FROM
    }
}
