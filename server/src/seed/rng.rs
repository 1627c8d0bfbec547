//! A small deterministic random number generator (SplitMix64). Each item (person, event,
//! slot, group, thread) gets its own stream from the seed, its kind and its number, so
//! any item can be generated again on its own and the output never depends on the order
//! of generation.

/// SplitMix64: fast, good enough for test data, and the same on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

/// What an item stream is for, so people and events drawn from one seed differ.
#[derive(Debug, Clone, Copy)]
pub enum Stream {
    Person = 1,
    Event = 2,
    Signup = 3,
    Group = 4,
    Thread = 5,
    /// Whether a generated event is run on behalf of a group.
    EventGroup = 6,
    /// A generated person's friend picks and the friendships they write.
    Friend = 7,
    /// Whether a generated person is one of the few with thousands of friends.
    FriendHub = 8,
    /// Whom a generated person shares their sign-ups with.
    Sharing = 9,
    /// Which channels a generated person agreed to hear from the party on.
    Consent = 10,
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The stream of item `index` of `stream` under `seed`.
    pub fn for_item(seed: u64, stream: Stream, index: u64) -> Self {
        let mut mixer = Rng(seed ^ (stream as u64).wrapping_mul(0xA076_1D64_78BD_642F));
        let base = mixer.next_u64();
        Rng(base ^ index.wrapping_mul(0xE703_7ED1_A0B4_28DB))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: i64, high: i64) -> i64 {
        low + self.below((high - low + 1) as u64) as i64
    }

    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_numbers() {
        let a: Vec<u64> = (0..5)
            .map(|i| Rng::for_item(42, Stream::Event, i).next_u64())
            .collect();
        let b: Vec<u64> = (0..5)
            .map(|i| Rng::for_item(42, Stream::Event, i).next_u64())
            .collect();
        assert_eq!(a, b);
        assert_ne!(a[0], Rng::for_item(43, Stream::Event, 0).next_u64());
        assert_ne!(a[0], Rng::for_item(42, Stream::Person, 0).next_u64());
    }

    #[test]
    fn draws_stay_in_range() {
        let mut rng = Rng::new(7);
        for _ in 0..10_000 {
            assert!(rng.below(10) < 10);
            assert!((3..=5).contains(&rng.between(3, 5)));
            assert!((0.0..1.0).contains(&rng.unit()));
        }
    }
}
