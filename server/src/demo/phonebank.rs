//! Demo phonebank: Sheffield Central Local Party calls 300 supporters who agreed to the
//! party's calls (so staff can reach them nationally too), 40 of them already called, so Sam (an organiser) can take a call and Priya
//! (the owner) sees the dashboard fill in.

use super::{person_view, GROUP_NAME, OWNER_EMAIL};
use app::{
    consent::{
        model::{Channel, PARTY_SCOPE},
        service::{record_consent, ConsentChoice},
    },
    error::{AppError, AppResult},
    groups::{model::group_slug, service::lookups::group_ref_by_slug},
    outreach::{model::AudienceKind, service::senders::Sender},
    phonebank::{
        hours::Hours,
        model::{Basis, CallersAllowed, Outcome},
        service::{
            audience::Callable,
            calls::{save_call, CallResult},
            campaigns::{save_phonebank, NewPhonebank},
            leasing::{lease_next, Lessee},
        },
    },
};
use chrono::{Duration, Utc};
use chrono_tz::Europe::London;
use sea_orm::DatabaseConnection;
use std::collections::BTreeMap;

const FIRST: [&str; 12] = [
    "Amira", "Ben", "Chloe", "Dev", "Ellie", "Femi", "Grace", "Harry", "Isla", "Jamal", "Kate",
    "Liam",
];
const LAST: [&str; 10] = [
    "Ahmed", "Brown", "Clarke", "Davies", "Evans", "Green", "Hughes", "Khan", "Lewis", "Walsh",
];
const AREAS: [&str; 7] = ["S1", "S2", "S3", "S6", "S7", "S10", "S11"];
const WORDING: &str = "Yes, the party and its local parties may phone me about their campaigns.";

const SCRIPT: &str = "Hello, is that {{first_name}}? My name is {{caller_first_name}}, I'm a volunteer with {{group_name}}. Have you got two minutes?\n\
## The election\n\
Polling day is coming up, and every vote in Sheffield Central counts. Can we count on your support?\n\
## Helping out\n\
We're out on the doorstep every weekend. Our next event is **{{event_title}}**: {{event_link}}\n\
## Close\n\
Thank you so much for your time, {{first_name}}. Have a lovely evening.";

const SURVEY: &str = "* yes/no: Can we count on your vote?\n\
choice: How will you vote? | At the polling station | By post | Not sure yet | if 1 = yes\n\
scale 1-5: How likely are you to help on polling day?";

/// Adds the phonebank and its first calls.
pub async fn load(db: &DatabaseConnection) -> AppResult<()> {
    let owner = person_view(db, OWNER_EMAIL, vec![]).await?;
    let group = group_ref_by_slug(db, &group_slug(GROUP_NAME))
        .await?
        .ok_or(AppError::NotFound)?;
    let mut callable = Vec::new();
    for i in 0..300 {
        let name = format!(
            "{} {}",
            FIRST[i % FIRST.len()],
            LAST[(i / FIRST.len()) % LAST.len()]
        );
        let email = format!("supporter{i}@example.org");
        // Ofcom's numbers for drama: they reach nobody.
        let phone = format!("+447700900{i:03}");
        record_consent(
            db,
            ConsentChoice {
                email: &email,
                person_id: None,
                channel: Channel::Phone,
                scope: PARTY_SCOPE,
                granted: true,
                wording: WORDING,
                source: "demo",
                phone: Some(&phone),
            },
        )
        .await?;
        callable.push(Callable {
            email,
            name,
            person_id: None,
            phone,
            outward: AREAS[i % AREAS.len()].into(),
            basis: Basis::Consent,
        });
    }
    let now = Utc::now();
    let today = now.with_timezone(&London).date_naive();
    let new = NewPhonebank {
        name: "Get out the vote in Sheffield Central".into(),
        purpose:
            "Ask supporters whether we can count on their vote, and who would help on polling day."
                .into(),
        script: SCRIPT.into(),
        survey: SURVEY.into(),
        audience: AudienceKind::Members,
        miles: 5,
        callers: CallersAllowed::Members,
        opens_on: today - Duration::days(3),
        closes_on: today + Duration::days(28),
        daily: Hours {
            from: 10 * 60,
            until: 20 * 60,
        },
    };
    let sender = Sender {
        person: owner.clone(),
        group: Some(group),
        staff: false,
    };
    let id = save_phonebank(db, &sender, new, &callable, now - Duration::days(3)).await?;
    let who = Lessee {
        phonebank_id: id,
        caller_id: owner.id,
    };
    let outcomes = [
        Outcome::Talked,
        Outcome::NoAnswer,
        Outcome::Talked,
        Outcome::Busy,
        Outcome::LeftMessage,
        Outcome::Talked,
        Outcome::NotInterested,
        Outcome::Talked,
    ];
    for n in 0..40 {
        let at = now - Duration::days(2) + Duration::minutes(3 * n as i64);
        let Some(row) = lease_next(db, who, None, at).await? else {
            break;
        };
        let outcome = outcomes[n % outcomes.len()];
        let mut answers = BTreeMap::new();
        if outcome == Outcome::Talked {
            answers.insert(1, if n % 5 == 0 { "no" } else { "yes" }.to_string());
            if n % 5 != 0 {
                answers.insert(
                    2,
                    ["At the polling station", "By post", "Not sure yet"][n % 3].to_string(),
                );
            }
            answers.insert(3, (1 + n % 5).to_string());
        }
        let result = CallResult {
            outcome,
            answers,
            note: None,
            callback_at: None,
        };
        save_call(
            db,
            who,
            row.id,
            row.lease_seq,
            &format!("demo-{n}"),
            &result,
            None,
            at,
        )
        .await?;
    }
    Ok(())
}
