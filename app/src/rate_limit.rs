//! Limits on everything that sends email or text on a stranger's say-so, so nobody can
//! use the site to flood an address, an inbox or a list. Per server node, in memory
//! (governor's keyed GCRA limiters): a few nodes multiply the allowance by a few, which
//! still stops a flood.

use crate::error::{AppError, AppResult};
use governor::{
    clock::{Clock, DefaultClock},
    DefaultKeyedRateLimiter, Quota, RateLimiter,
};
use std::{collections::HashMap, num::NonZeroU32, time::Duration};

/// One limit: an action, counted per one kind of key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limit {
    /// New accounts from one address.
    AccountsPerAddress,
    /// Account emails (reset links, address confirmations, "you already have an account")
    /// to one address.
    AccountEmailsPerEmail,
    /// Password reset requests from one client address.
    ResetsPerAddress,
    /// Event sign-ups (each sends a confirmation) under one email address.
    SignUpsPerEmail,
    /// Event sign-ups from one client address: generous, for a conference's shared address.
    SignUpsPerAddress,
    /// Friend and group invitations sent by one account.
    InvitesPerAccount,
    /// Forum threads and replies (each emails the group's members) by one account.
    PostsPerAccount,
    /// Messages a host sends to an event's attendees, per event.
    HostMessagesPerEvent,
    /// Messages one host sends to attendees of all their events.
    HostMessagesPerAccount,
    /// Codes texted to confirm a mobile number, per account and per number.
    TextCodesPerAccount,
    /// Emailed links to download or erase what is held under an address, per address
    /// emailed and per client address.
    DataLinksPerEmail,
    DataLinksPerAddress,
}

impl Limit {
    const ALL: [Limit; 12] = [
        Limit::AccountsPerAddress,
        Limit::AccountEmailsPerEmail,
        Limit::ResetsPerAddress,
        Limit::SignUpsPerEmail,
        Limit::SignUpsPerAddress,
        Limit::InvitesPerAccount,
        Limit::PostsPerAccount,
        Limit::HostMessagesPerEvent,
        Limit::HostMessagesPerAccount,
        Limit::TextCodesPerAccount,
        Limit::DataLinksPerEmail,
        Limit::DataLinksPerAddress,
    ];

    /// (how many at once, then one more every `period / count`).
    fn allowance(self) -> (u32, Duration) {
        const MINUTE: Duration = Duration::from_secs(60);
        const HOUR: Duration = Duration::from_secs(3600);
        const DAY: Duration = Duration::from_secs(24 * 3600);
        match self {
            Limit::AccountsPerAddress => (60, HOUR),
            Limit::AccountEmailsPerEmail => (3, HOUR),
            Limit::ResetsPerAddress => (30, HOUR),
            Limit::SignUpsPerEmail => (10, HOUR),
            Limit::SignUpsPerAddress => (300, HOUR),
            Limit::InvitesPerAccount => (30, DAY),
            Limit::PostsPerAccount => (10, 10 * MINUTE),
            Limit::HostMessagesPerEvent => (3, DAY),
            Limit::HostMessagesPerAccount => (10, DAY),
            Limit::TextCodesPerAccount => (5, HOUR),
            Limit::DataLinksPerEmail => (3, HOUR),
            Limit::DataLinksPerAddress => (20, HOUR),
        }
    }

    fn quota(self) -> Quota {
        let (count, period) = self.allowance();
        let count = NonZeroU32::new(count).unwrap_or(NonZeroU32::MIN);
        Quota::with_period(period / count.get())
            .unwrap_or_else(|| Quota::per_second(count))
            .allow_burst(count)
    }
}

/// The site's limiters, one per `Limit`, each keyed by address, email or id.
pub struct RateLimits {
    limiters: HashMap<Limit, DefaultKeyedRateLimiter<String>>,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            limiters: Limit::ALL
                .into_iter()
                .map(|limit| (limit, RateLimiter::keyed(limit.quota())))
                .collect(),
        }
    }
}

impl RateLimits {
    /// Counts one use of `limit` by `key`; `RateLimited` (429) once the allowance is
    /// spent, saying how long to wait.
    pub fn check(&self, limit: Limit, key: &str) -> AppResult<()> {
        let Some(limiter) = self.limiters.get(&limit) else {
            return Ok(());
        };
        limiter.check_key(&key.to_lowercase()).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            AppError::RateLimited {
                retry_after_minutes: u32::try_from(wait.as_secs().div_ceil(60).max(1))
                    .unwrap_or(u32::MAX),
            }
        })
    }

    /// Forgets keys whose allowance is whole again, so memory stays bounded.
    pub fn forget_idle_keys(&self) {
        for limiter in self.limiters.values() {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fourth_reset_to_one_address_in_an_hour_waits_and_others_are_untouched() {
        let limits = RateLimits::default();
        for _ in 0..3 {
            limits
                .check(Limit::AccountEmailsPerEmail, "sam@example.org")
                .unwrap();
        }
        let err = limits
            .check(Limit::AccountEmailsPerEmail, "SAM@example.org")
            .unwrap_err();
        assert!(
            matches!(err, AppError::RateLimited { retry_after_minutes } if retry_after_minutes >= 19)
        );
        limits
            .check(Limit::AccountEmailsPerEmail, "jo@example.org")
            .unwrap();
        limits
            .check(Limit::ResetsPerAddress, "sam@example.org")
            .unwrap();
    }

    #[test]
    fn every_limit_allows_at_least_one_use() {
        let limits = RateLimits::default();
        for limit in Limit::ALL {
            limits.check(limit, "k").unwrap();
        }
    }
}
