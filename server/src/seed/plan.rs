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
    /// "Today": events fall in the eight weeks after it (a few in the fortnight before).
    pub today: NaiveDate,
    /// Print progress to stderr while seeding.
    pub progress: bool,
    // Friendships and groups (issue 7) get their counts here once their tables exist.
}

impl SeedPlan {
    /// The demo content of a fresh run: the demo accounts and events, a few dozen more
    /// events across Great Britain's cities, and people signed up to them.
    pub fn demo(today: NaiveDate) -> Self {
        Self {
            seed: 2026,
            people: 60,
            events: 30,
            signups: 300,
            today,
            progress: false,
        }
    }

    /// Below this many generated people, the demo accounts host the generated events.
    pub const GENERATED_HOSTS_FROM: u64 = 100;
    /// Every this-many-th generated person is a host.
    pub const HOST_EVERY: u64 = 20;

    /// Whether generated people host the generated events (else the demo accounts do).
    pub fn generated_hosts(&self) -> bool {
        self.people >= Self::GENERATED_HOSTS_FROM
    }
}
