//! The subject's rows in fundraising's tables: a small gift they gave (forgotten on
//! erasure, its amount kept), a donation page they made, the group they keep the books
//! for, and a line of the treasurer's log.

use super::seed_everywhere::{insert, EMAIL, NAME};
use crate::support::TestApp;
use chrono::Utc;
use sea_orm::Value;

pub async fn seed_fundraising(app: &TestApp, me: i32) {
    let now: Value = Utc::now().into();
    insert(
        app,
        "fund_pages",
        vec![
            ("id", 9001.into()),
            ("slug", "zebedees-appeal".into()),
            ("group_id", Value::Int(None)),
            ("title", "An appeal".into()),
            ("story", format!("Ask {NAME} about it").into()),
            ("story_html", "<p>Ask about it</p>".into()),
            ("target_pence", 100_000i64.into()),
            ("suggested", "1000".into()),
            ("max_pence", 500_000i64.into()),
            ("open", true.into()),
            ("created_by", me.into()),
            ("created_at", now.clone()),
        ],
    )
    .await;
    insert(
        app,
        "fund_donations",
        vec![
            ("id", 9001.into()),
            ("page_id", 9001.into()),
            ("group_id", Value::Int(None)),
            ("frequency", "one-off".into()),
            ("amount_pence", 2_500i64.into()),
            ("donor_name", NAME.into()),
            ("donor_email", EMAIL.into()),
            ("donor_address", format!("{NAME}'s house, 1 Road").into()),
            ("donor_postcode", "S1 2HH".into()),
            ("permissible_confirmed", false.into()),
            ("status", "paid".into()),
            ("check_state", "none".into()),
            ("reminders_sent", 0.into()),
            ("created_at", now.clone()),
        ],
    )
    .await;
    insert(
        app,
        "fund_treasurers",
        vec![
            ("id", 9001.into()),
            ("group_id", 9001.into()),
            ("account_id", me.into()),
            ("created_at", now.clone()),
        ],
    )
    .await;
    insert(
        app,
        "fund_audit",
        vec![
            ("id", 9001.into()),
            ("actor_id", me.into()),
            ("group_id", Value::Int(None)),
            ("action", "accepted".into()),
            (
                "detail",
                "gift 1: register “Sheffield”, reference “ER-1”".into(),
            ),
            ("created_at", now),
        ],
    )
    .await;
}
