//! Consent enforcement as a property: random ledgers, random audiences, random
//! withdrawals between queueing and sending. Nobody without a live consent at the moment
//! of sending ever gets a message, and everybody with one gets exactly one.

use super::{consent, deliver_all, draft, no_texts, official_group, send, statuses};
use crate::groups::add_member;
use app::{
    consent::model::{consent_in_force, group_scope, Channel, Scope, PARTY_SCOPE},
    mail::mailer::{Delivery, MailError, Mailer, OutgoingEmail},
};
use rand::{rngs::StdRng, Rng, SeedableRng};
use std::collections::{BTreeMap, BTreeSet};
use tokio::sync::Mutex;

/// Keeps who each email went to.
#[derive(Default)]
struct Recorder(Mutex<Vec<String>>);

#[async_trait::async_trait]
impl Mailer for Recorder {
    async fn deliver(&self, email: &OutgoingEmail) -> Result<Delivery, MailError> {
        self.0.lock().await.push(email.to.clone());
        Ok(Delivery::Sent)
    }
}

/// The model: the newest choice per (email, scope) for email.
type Ledger = BTreeMap<(String, String), bool>;

fn expected_recipients(ledger: &Ledger, people: &[String], scope: Scope) -> BTreeSet<String> {
    people
        .iter()
        .filter(|p| {
            consent_in_force(
                ledger.get(&((*p).clone(), scope.to_string())).copied(),
                ledger
                    .get(&((*p).clone(), PARTY_SCOPE.to_string()))
                    .copied(),
            )
        })
        .cloned()
        .collect()
}

#[tokio::test]
async fn nobody_without_a_live_consent_is_ever_sent_a_message() {
    for round in 0..6u64 {
        let sender = official_group().await;
        let app = &sender.app;
        let mut rng = StdRng::seed_from_u64(2026 + round);
        let scope = group_scope(sender.group_id);
        let other_scope = group_scope(sender.group_id + 1000);
        let scopes = [scope, PARTY_SCOPE, other_scope];
        // Members, and people outside the group who must never be reached.
        let mut members = Vec::new();
        for n in 0..rng.gen_range(4..14) {
            let email = format!("m{n}@example.org");
            let id = app.create_person(&format!("Member {n}"), &email).await;
            add_member(app, sender.group_id, id, "member", "active").await;
            members.push(email);
        }
        let outsiders: Vec<String> = (0..4).map(|n| format!("o{n}@example.org")).collect();
        for email in &outsiders {
            app.create_person("Out Sider", email).await;
        }
        let everyone: Vec<String> = members.iter().chain(&outsiders).cloned().collect();
        let mut ledger = Ledger::new();
        for _ in 0..rng.gen_range(5..40) {
            let email = everyone[rng.gen_range(0..everyone.len())].clone();
            let chosen = scopes[rng.gen_range(0..scopes.len())];
            let channel = if rng.gen_bool(0.8) {
                Channel::Email
            } else {
                Channel::Sms
            };
            let granted = rng.gen_bool(0.6);
            consent(app, &email, channel, chosen, granted, None).await;
            if channel == Channel::Email {
                ledger.insert((email, chosen.to_string()), granted);
            }
        }
        let id = draft(
            &sender,
            "email",
            &[
                ("subject", "News"),
                ("body", "Hello {{first_name}}"),
                ("audience", "members"),
            ],
        )
        .await;
        let queued = expected_recipients(&ledger, &members, scope);
        let reply = send(&sender, id).await;
        if queued.is_empty() {
            assert_eq!(reply.error_field(), "audience", "round {round}");
            continue;
        }
        assert!(reply.succeeded(), "round {round}: {}", reply.body);
        // Changes of mind after queueing and before sending.
        for _ in 0..rng.gen_range(0..6) {
            let email = everyone[rng.gen_range(0..everyone.len())].clone();
            let chosen = scopes[rng.gen_range(0..scopes.len())];
            let granted = rng.gen_bool(0.5);
            consent(app, &email, Channel::Email, chosen, granted, None).await;
            ledger.insert((email, chosen.to_string()), granted);
        }
        let recorder = Recorder::default();
        deliver_all(app, &recorder, &no_texts(), chrono::Utc::now()).await;
        let sent: Vec<String> = recorder.0.lock().await.clone();
        let sent_set: BTreeSet<String> = sent.iter().cloned().collect();
        assert_eq!(sent.len(), sent_set.len(), "round {round}: someone got two");
        let live_now = expected_recipients(&ledger, &members, scope);
        let allowed: BTreeSet<String> = queued.intersection(&live_now).cloned().collect();
        assert_eq!(sent_set, allowed, "round {round}");
        for (email, status) in statuses(app, id).await {
            let want = if allowed.contains(&email) {
                "sent"
            } else {
                "skipped"
            };
            assert_eq!(status, want, "round {round}: {email}");
        }
    }
}
