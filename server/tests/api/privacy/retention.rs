//! Retention, on a clock the test sets.

use super::seed_everywhere::insert;
use crate::{events::event_with_capacity, support::TestApp};
use app::{
    events::service::signups::{sign_up, SignUpDetails},
    events::tables::signup,
    mail::tables::outbox_email,
    privacy::service::retention::{run_retention, RetentionPolicy},
};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

#[tokio::test]
async fn old_guests_are_anonymised_and_expired_things_purged() {
    let app = TestApp::spawn().await;
    let (_, slot) = event_with_capacity(&app, "").await;
    let guest = SignUpDetails::parse(
        "Gina Guest",
        "gina@example.org",
        "07700 900456",
        "M1 1AE",
        false,
        false,
    )
    .unwrap();
    sign_up(&app.db, slot, &guest, "http://x").await.unwrap();
    let member = app.create_person("Mo Member", "mo@example.org").await;
    let session = app
        .sign_in("mo@example.org", crate::support::PASSWORD)
        .await
        .session_cookie()
        .unwrap();
    app.call(
        "/api/events/sign-up",
        &[("slot_id", &slot.to_string())],
        Some(&session),
    )
    .await;
    insert(
        &app,
        "password_resets",
        vec![
            ("person_id", member.into()),
            ("token_hash", "old".into()),
            ("created_at", Utc::now().into()),
            ("expires_at", (Utc::now() + Duration::hours(1)).into()),
        ],
    )
    .await;
    app::mail::queue_email(&app.db, "gina@example.org", "Hello", "Words")
        .await
        .unwrap();
    let hello = || outbox_email::Entity::find().filter(outbox_email::Column::Subject.eq("Hello"));
    let mut sent: outbox_email::ActiveModel = hello().one(&app.db).await.unwrap().unwrap().into();
    sent.status = Set(app::mail::OutboxStatus::Sent);
    sent.sent_at = Set(Some(Utc::now()));
    sent.update(&app.db).await.unwrap();

    let policy = RetentionPolicy::default();
    // Tomorrow: the event has not been over for 24 months; only the reset link expired.
    let soon = run_retention(&app.db, &policy, Utc::now() + Duration::days(1))
        .await
        .unwrap();
    assert_eq!(soon.guest_signups_anonymised, 0);
    assert_eq!(soon.outbox_bodies_removed, 0);
    assert!(soon.expired_links_and_sessions_deleted >= 1);
    assert_eq!(app.count("password_resets").await, 0);
    assert_eq!(app.count("sessions").await, 1, "a day-old session stays");

    // Two years and a month on.
    let later = Utc::now() + Duration::days(31 * 25);
    let report = run_retention(&app.db, &policy, later).await.unwrap();
    assert_eq!(
        report.guest_signups_anonymised, 1,
        "the member's sign-up is theirs to keep"
    );
    assert_eq!(report.outbox_bodies_removed, 1);
    assert_eq!(app.count("sessions").await, 0, "sessions end");
    let rows = signup::Entity::find().all(&app.db).await.unwrap();
    let gina = rows.iter().find(|r| r.person_id.is_none()).unwrap();
    assert_eq!(gina.name, "A former guest");
    assert!(gina.email.starts_with("anonymised-"));
    assert_eq!((gina.phone.clone(), gina.postcode.clone()), (None, None));
    let email = hello().one(&app.db).await.unwrap().unwrap();
    assert_eq!(
        (email.body.as_str(), email.to_email.as_str()),
        ("", "gina@example.org"),
        "the delivery record stays"
    );

    let again = run_retention(&app.db, &policy, later).await.unwrap();
    assert_eq!(again.total(), 0, "a second run finds nothing to do");
}
