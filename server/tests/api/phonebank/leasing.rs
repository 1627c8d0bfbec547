//! Handing out calls under load, with a clock the test controls: 200 callers at once over
//! 1,000 contacts, each contact leased to one caller at a time; abandoned leases come
//! back; cool-downs and call-back times hold; every contact ends finished or waiting.

use super::{number, phonebank_with};
use app::phonebank::{
    model::{Basis, ContactState, Outcome},
    service::{
        audience::{take_snapshot, Callable},
        calls::{save_call, CallResult, Saved},
        leasing::{lease_next, Lessee, NextLease, LEASE_FOR},
    },
    tables::contact,
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use std::{
    collections::HashSet,
    sync::{Arc, Mutex},
};

const CONTACTS: usize = 1000;
const CALLERS: i32 = 200;

fn who(phonebank_id: i32, caller_id: i32) -> Lessee {
    Lessee {
        phonebank_id,
        caller_id,
    }
}

/// What a call ends with: a conversation; no answer, every time; or a call-back asked
/// for on the first call and a conversation on the second.
fn outcome_for(contact_id: i32, tries: i32, at: DateTime<Utc>) -> CallResult {
    let (outcome, callback_at) = match contact_id % 3 {
        0 => (Outcome::Talked, None),
        1 => (Outcome::NoAnswer, None),
        _ if tries == 0 => (Outcome::CallBack, Some(at + Duration::hours(1))),
        _ => (Outcome::Talked, None),
    };
    CallResult {
        outcome,
        answers: Default::default(),
        note: None,
        callback_at,
    }
}

/// Runs `callers` (ids from `first`) at once until none gets a contact at `at`. Callers
/// whose id is a multiple of `abandon_every` walk away from their first call without
/// saving it. Returns every contact leased, checking none went to two callers at once.
async fn round(
    db: &DatabaseConnection,
    phonebank_id: i32,
    first: i32,
    callers: i32,
    abandon_every: i32,
    at: DateTime<Utc>,
) -> Vec<i32> {
    let leased = Arc::new(Mutex::new(Vec::new()));
    let mut tasks = Vec::new();
    for caller in first..first + callers {
        let (db, leased) = (db.clone(), leased.clone());
        tasks.push(tokio::spawn(async move {
            while let Some(row) = lease_next(&db, who(phonebank_id, caller), None, at)
                .await
                .unwrap()
            {
                leased.lock().unwrap().push(row.id);
                if caller % abandon_every == 0 {
                    return;
                }
                let key = format!("{caller}-{}-{}", row.id, row.lease_seq);
                let saved = save_call(
                    &db,
                    who(phonebank_id, caller),
                    row.id,
                    row.lease_seq,
                    &key,
                    &outcome_for(row.id, row.tries, at),
                    // Half the callers take their next call as they save (as the page
                    // does), half ask for it after: both under the same race.
                    (caller % 2 == 0).then_some(NextLease {
                        who: who(phonebank_id, caller),
                        seen: None,
                    }),
                    at,
                )
                .await
                .unwrap();
                assert_eq!(saved, Saved::Saved);
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let leased = Arc::try_unwrap(leased).unwrap().into_inner().unwrap();
    let distinct: HashSet<i32> = leased.iter().copied().collect();
    assert_eq!(
        distinct.len(),
        leased.len(),
        "a contact went to two callers in one round"
    );
    leased
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_callers_never_share_a_contact_and_every_contact_ends_well() {
    let (sender, id) = phonebank_with(1).await;
    let db = sender.app.db.clone();
    let t0: DateTime<Utc> = Utc::now() + Duration::days(1);
    let more: Vec<Callable> = (1..=CONTACTS)
        .map(|i| Callable {
            email: format!("load{i}@example.org"),
            name: format!("Load {i} Contact"),
            person_id: None,
            phone: number(10_000 + i),
            outward: "S1".into(),
            basis: Basis::Consent,
        })
        .collect();
    take_snapshot(&db, id, &more, t0 - Duration::minutes(1))
        .await
        .unwrap();
    // The fixture's own member agreed to calls too: 1,001 contacts in all.
    let total = CONTACTS + 1;

    // Every contact is handed out once; one caller in ten walks away from a call.
    let first = round(&db, id, 1, CALLERS, 10, t0).await;
    assert_eq!(first.len(), total);
    let abandoned = (1..=CALLERS).filter(|c| c % 10 == 0).count();

    // Within the lease nobody else gets the abandoned ones; once it lapses they come back.
    assert!(round(
        &db,
        id,
        1001,
        20,
        i32::MAX,
        t0 + LEASE_FOR - Duration::seconds(1)
    )
    .await
    .is_empty());
    let lapsed = round(
        &db,
        id,
        1001,
        20,
        i32::MAX,
        t0 + LEASE_FOR + Duration::seconds(1),
    )
    .await;
    assert_eq!(lapsed.len(), abandoned);

    // An hour on, call-backs wait for the caller who arranged them…
    let hour = t0 + Duration::hours(1) + Duration::minutes(1);
    assert!(
        round(&db, id, 2001, 20, i32::MAX, hour).await.is_empty(),
        "a call-back went to another caller"
    );
    let one_back = contact::Entity::find()
        .filter(contact::Column::PhonebankId.eq(id))
        .filter(contact::Column::CallbackFor.is_not_null())
        .filter(contact::Column::AvailableAt.lte(hour))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let arranged_by = one_back.callback_for.unwrap();
    let mine = lease_next(&db, who(id, arranged_by), None, hour)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(mine.callback_for, Some(arranged_by));
    // …and go to anyone once they have waited past the hold.
    let later = round(&db, id, 3001, 20, i32::MAX, hour + Duration::minutes(20)).await;
    assert!(!later.is_empty());

    // No answer cools down for four hours, then comes back, until the third try.
    assert!(round(&db, id, 4001, 20, i32::MAX, t0 + Duration::hours(3))
        .await
        .is_empty());
    for (n, at) in [(1, 4), (2, 9)] {
        let again = round(
            &db,
            id,
            5001 + n * 100,
            50,
            i32::MAX,
            t0 + Duration::hours(at) + Duration::minutes(5),
        )
        .await;
        assert!(
            !again.is_empty(),
            "no-answer contacts came back after try {n}"
        );
    }
    assert!(
        round(&db, id, 6001, 20, i32::MAX, t0 + Duration::hours(20))
            .await
            .is_empty(),
        "three tries at most"
    );

    // Every contact ended with a finishing outcome: a conversation, or its third try.
    let rows = contact::Entity::find()
        .filter(contact::Column::PhonebankId.eq(id))
        .all(&db)
        .await
        .unwrap();
    assert_eq!(rows.len(), total);
    assert!(
        rows.iter().all(|c| c.state == ContactState::Finished),
        "{:?}",
        rows.iter().find(|c| c.state != ContactState::Finished)
    );
    assert!(rows
        .iter()
        .filter(|c| c.last_outcome == Some(Outcome::NoAnswer))
        .all(|c| c.tries == 3));
}
