//! The subject's rows in the phonebank tables: a phonebank they made, their own contact
//! row, a call they made (with a note naming them) to someone else, their caller row and
//! a TPS screening they uploaded; another caller holds their contact.

use super::seed_everywhere::{insert, EMAIL, MOBILE, NAME};
use crate::support::TestApp;
use chrono::{Duration, Utc};
use sea_orm::Value;

pub async fn seed_phonebank(app: &TestApp, me: i32, other: i32, third: i32) {
    let now: Value = Utc::now().into();
    let today: Value = Utc::now().date_naive().into();
    let later: Value = (Utc::now().date_naive() + Duration::days(7)).into();
    insert(
        app,
        "phonebanks",
        vec![
            ("id", 9001.into()),
            ("group_id", Value::Int(None)),
            ("name", "Ring round".into()),
            ("purpose", "".into()),
            ("script", "Hello".into()),
            ("survey", "yes/no: Coming?".into()),
            ("audience", "national".into()),
            ("audience_miles", 5.into()),
            ("callers", "members".into()),
            ("join_token", "join-token".into()),
            ("opens_on", today.clone()),
            ("closes_on", later),
            ("daily_from", 600.into()),
            ("daily_until", 1200.into()),
            ("status", "open".into()),
            ("created_by", me.into()),
            ("created_at", now.clone()),
            ("updated_at", now.clone()),
        ],
    )
    .await;
    for (id, person, email, name, phone, holder) in [
        (9001, me, EMAIL, NAME, MOBILE, other),
        (
            9002,
            third,
            "theo@example.org",
            "Theo Third",
            "+447700900999",
            me,
        ),
    ] {
        insert(
            app,
            "phonebank_contacts",
            vec![
                ("id", id.into()),
                ("phonebank_id", 9001.into()),
                ("person_id", person.into()),
                ("email", email.into()),
                ("name", name.into()),
                ("phone", phone.into()),
                ("outward", "M1".into()),
                ("basis", "consent".into()),
                ("state", "queued".into()),
                ("available_at", now.clone()),
                ("leased_by", holder.into()),
                ("lease_seq", 1.into()),
                ("tries", 0.into()),
                ("callback_for", holder.into()),
                ("created_at", now.clone()),
            ],
        )
        .await;
    }
    insert(
        app,
        "phonebank_calls",
        vec![
            ("phonebank_id", 9001.into()),
            ("contact_id", 9002.into()),
            ("caller_id", me.into()),
            ("call_key", "k".into()),
            ("outcome", "talked".into()),
            ("answers", format!("{{\"1\":\"{NAME} asked me\"}}").into()),
            ("note", format!("Theo knows {NAME}").into()),
            ("corrected_by", me.into()),
            ("corrected_at", now.clone()),
            (
                "previous",
                format!("{{\"outcome\":\"busy\",\"by\":\"{NAME}\"}}").into(),
            ),
            ("created_at", now.clone()),
        ],
    )
    .await;
    insert(
        app,
        "phonebank_callers",
        vec![
            ("phonebank_id", 9001.into()),
            ("person_id", me.into()),
            ("guide_seen_at", now.clone()),
            ("last_seen_at", now.clone()),
            ("created_at", now.clone()),
        ],
    )
    .await;
    insert(
        app,
        "tps_screenings",
        vec![
            ("screened_on", today),
            ("numbers", 1.into()),
            ("uploaded_by", me.into()),
            ("created_at", now),
        ],
    )
    .await;
}
