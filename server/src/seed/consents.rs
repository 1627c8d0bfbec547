//! Seeded consent: who agreed to hear from the party, by email and by text. Most
//! generated people said yes to email and some to texts (with a number); every demo
//! account agreed to email, and Sam and Priya to texts. Written to the ledger and to
//! the table of choices in force, as a sign-up would.

use super::{
    plan::SeedPlan,
    rng::{Rng, Stream},
    sql::Batch,
};
use chrono::{DateTime, Utc};

/// Share of generated people who agreed to party email, and to party texts.
const EMAIL_SHARE: f64 = 0.75;
const SMS_SHARE: f64 = 0.25;
/// Demo accounts (indices into `fixtures::PEOPLE`) who agreed to texts: Sam and Priya.
const DEMO_TEXTERS: &[usize] = &[1, 2];
const EMAIL_WORDING: &str =
    "Email me about campaign events and news. You can unsubscribe at any time.";
const SMS_WORDING: &str = "Text me reminders about campaign activity. Reply STOP to opt out.";

/// The consent rows for one slice of people.
pub struct ConsentBatches {
    ledger: Batch,
    current: Batch,
}

impl ConsentBatches {
    pub fn new() -> Self {
        Self {
            ledger: Batch::new(
                "consent_records",
                &[
                    "email",
                    "person_id",
                    "channel",
                    "scope",
                    "granted",
                    "wording",
                    "source",
                    "phone",
                    "created_at",
                ],
            ),
            current: Batch::new(
                "consent_current",
                &[
                    "email",
                    "channel",
                    "scope",
                    "granted",
                    "person_id",
                    "phone",
                    "updated_at",
                ],
            ),
        }
    }

    /// Party-wide consent for email, or for texts to `phone`.
    fn grant(&mut self, email: &str, person_id: i64, phone: Option<&str>, at: DateTime<Utc>) {
        let (channel, wording) = match phone {
            Some(_) => ("sms", SMS_WORDING),
            None => ("email", EMAIL_WORDING),
        };
        self.ledger
            .row()
            .text(email)
            .int(person_id)
            .text(channel)
            .text("party")
            .bool(true)
            .text(wording)
            .text("seed")
            .opt_text(phone)
            .time(at);
        self.current
            .row()
            .text(email)
            .text(channel)
            .text("party")
            .bool(true)
            .int(person_id)
            .opt_text(phone)
            .time(at);
    }

    /// Demo account `f`'s consents.
    pub fn demo_person(&mut self, f: usize, email: &str, person_id: i64, at: DateTime<Utc>) {
        self.grant(email, person_id, None, at);
        if DEMO_TEXTERS.contains(&f) {
            self.grant(email, person_id, Some(&format!("+4477009000{f:02}")), at);
        }
    }

    /// Generated person `k`'s consents, drawn from the plan's seed.
    pub fn generated_person(
        &mut self,
        plan: &SeedPlan,
        k: u64,
        email: &str,
        person_id: i64,
        at: DateTime<Utc>,
    ) {
        let mut rng = Rng::for_item(plan.seed, Stream::Consent, k);
        if rng.chance(EMAIL_SHARE) {
            self.grant(email, person_id, None, at);
        }
        if rng.chance(SMS_SHARE) {
            // Ofcom's drama range is too small for everyone: numbers from 07700 1xxxxx up.
            let phone = format!("+447700{:06}", 100_000 + k % 900_000);
            self.grant(email, person_id, Some(&phone), at);
        }
    }

    /// The statements, ledger first.
    pub fn take(&mut self) -> Vec<String> {
        let mut statements = self.ledger.take();
        statements.extend(self.current.take());
        statements
    }
}
