//! The rules that must hold: who may be called under PECR (consent, or a clean TPS
//! screening under 28 days old, never after an objection), and "do not call again" and
//! wrong numbers reaching every phonebank of every group.

use super::{consent, create, member, number, phonebank_with, Sender};
use crate::groups::{add_member, group_owned_by};
use app::{
    consent::model::{Channel, Scope, PARTY_SCOPE},
    groups::tables::group,
    outreach::{model::AudienceKind, service::senders::sender_for},
    phonebank::{
        model::{LeftOut, Outcome},
        service::{
            audience::{spec_for, weigh},
            calls::{save_call, CallResult},
            leasing::{lease_next, Lessee},
            tps::upload_screening,
        },
        tables::contact,
    },
};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

async fn left_out(
    sender: &Sender,
    at: chrono::DateTime<Utc>,
) -> (usize, std::collections::HashMap<LeftOut, i64>) {
    use app::auth::service::accounts::{get_person_view, stored_account};
    let stored = stored_account(&sender.app.db, organiser_id(sender).await)
        .await
        .unwrap()
        .unwrap();
    let person = get_person_view(&sender.app.db, &stored).await.unwrap();
    let from = sender_for(&sender.app.db, Some(sender.group_id), Some(&person))
        .await
        .unwrap();
    let weighed = weigh(
        &sender.app.db,
        &spec_for(&from, AudienceKind::Members, 5).unwrap(),
        at,
    )
    .await
    .unwrap();
    (weighed.callable.len(), weighed.left_out)
}

async fn organiser_id(sender: &Sender) -> i32 {
    sender.app.me(Some(&sender.session)).await["id"]
        .as_i64()
        .unwrap() as i32
}

#[tokio::test]
async fn only_people_with_a_basis_under_pecr_can_be_called_and_the_rest_are_counted_by_reason() {
    let (sender, _) = phonebank_with(1).await;
    let app = &sender.app;
    let group = Scope::Group(sender.group_id);
    // Texts only: no consent to calls, so they need a clean TPS screening.
    let screened = member(&sender, "Tia Texts", "tia@example.org").await;
    consent(
        app,
        &screened,
        Channel::Sms,
        PARTY_SCOPE,
        true,
        Some(&number(101)),
    )
    .await;
    let listed = member(&sender, "Lee Listed", "lee@example.org").await;
    consent(
        app,
        &listed,
        Channel::Sms,
        PARTY_SCOPE,
        true,
        Some(&number(102)),
    )
    .await;
    let objected = member(&sender, "Obi Objects", "obi@example.org").await;
    consent(
        app,
        &objected,
        Channel::Phone,
        group,
        true,
        Some(&number(103)),
    )
    .await;
    consent(
        app,
        &objected,
        Channel::Phone,
        PARTY_SCOPE,
        false,
        Some(&number(103)),
    )
    .await;
    member(&sender, "Nell Nonumber", "nell@example.org").await;

    let now = Utc::now();
    let (callable, why) = left_out(&sender, now).await;
    assert_eq!(callable, 1, "only the member who agreed to calls");
    assert_eq!(why.get(&LeftOut::NotScreened), Some(&2));
    assert_eq!(why.get(&LeftOut::Objected), Some(&1));
    // The organiser and Nell have no number.
    assert_eq!(why.get(&LeftOut::NoNumber), Some(&2));

    let staff = app.create_person("Stan Staff", "stan@example.org").await;
    let file = format!("{}\n0{}\n", "01234 567890", &number(102)[3..]);
    upload_screening(&app.db, staff, now.date_naive(), &file, now.date_naive())
        .await
        .unwrap();
    let (callable, why) = left_out(&sender, now).await;
    assert_eq!(callable, 2, "the screened, unlisted number may be called");
    assert_eq!(why.get(&LeftOut::TpsListed), Some(&1));
    // Twenty-nine days on the screening no longer counts.
    let (callable, why) = left_out(&sender, now + Duration::days(29)).await;
    assert_eq!(callable, 1);
    assert_eq!(why.get(&LeftOut::NotScreened), Some(&2));
    // Nor can a stale screening be uploaded.
    let stale = upload_screening(
        &app.db,
        staff,
        now.date_naive() - Duration::days(29),
        &file,
        now.date_naive(),
    )
    .await;
    assert!(stale.unwrap_err().message_for("screened_on").is_some());
}

/// A second official group, organised by someone else, with `email` as a member.
async fn second_group_with(sender: &Sender, email: &str) -> Sender {
    let app = &sender.app;
    let session = app.signed_in("Oscar Organiser", "oscar@example.org").await;
    let oscar = app.me(Some(&session)).await["id"].as_i64().unwrap() as i32;
    let group_id = group_owned_by(app, oscar, "Rotherham Local Party", "open").await;
    let mut active = group::Entity::find_by_id(group_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    active.verified = Set(true);
    active.update(&app.db).await.unwrap();
    let person = crate::groups::person_id(app, email).await;
    add_member(app, group_id, person, "member", "active").await;
    Sender {
        app: crate::support::TestApp {
            router: app.router.clone(),
            db: app.db.clone(),
        },
        session,
        group_id,
    }
}

#[tokio::test]
async fn do_not_call_and_wrong_numbers_take_effect_in_every_phonebank_of_every_group() {
    for outcome in [Outcome::DoNotCall, Outcome::WrongNumber] {
        let (sender, first) = phonebank_with(1).await;
        let app = &sender.app;
        consent(
            app,
            "contact0@example.org",
            Channel::Phone,
            PARTY_SCOPE,
            true,
            Some(&number(0)),
        )
        .await;
        let other = second_group_with(&sender, "contact0@example.org").await;
        let second = create(&other, &[]).await;
        let in_second = contact::Entity::find()
            .filter(contact::Column::PhonebankId.eq(second))
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(
            in_second.len(),
            1,
            "the shared member is in both phonebanks"
        );

        let caller = organiser_id(&sender).await;
        let who = Lessee {
            phonebank_id: first,
            caller_id: caller,
        };
        let now = Utc::now();
        let row = lease_next(&app.db, who, None, now).await.unwrap().unwrap();
        let result = CallResult {
            outcome,
            answers: Default::default(),
            note: None,
            callback_at: None,
        };
        save_call(
            &app.db,
            who,
            row.id,
            row.lease_seq,
            "k1",
            &result,
            None,
            now,
        )
        .await
        .unwrap();

        let elsewhere = Lessee {
            phonebank_id: second,
            caller_id: caller + 1000,
        };
        assert!(
            lease_next(&app.db, elsewhere, None, now + Duration::days(2))
                .await
                .unwrap()
                .is_none(),
            "{outcome:?} reached the other group's phonebank"
        );
        let (callable, why) = left_out(&sender, now).await;
        assert_eq!(callable, 0);
        let reason = if outcome == Outcome::WrongNumber {
            LeftOut::WrongNumber
        } else {
            LeftOut::Objected
        };
        assert_eq!(why.get(&reason), Some(&1));
        if outcome == Outcome::DoNotCall {
            let preferences = app::consent::tables::consent_current::Entity::find()
                .filter(
                    app::consent::tables::consent_current::Column::Email.eq("contact0@example.org"),
                )
                .filter(app::consent::tables::consent_current::Column::Channel.eq(Channel::Phone))
                .all(&app.db)
                .await
                .unwrap();
            assert!(
                preferences.len() >= 2 && preferences.iter().all(|c| !c.granted),
                "withdrawn in every scope"
            );
        }
    }
}
