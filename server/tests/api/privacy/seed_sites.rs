//! The subject's rows in the Web Creator's tables: details they left on a "stay in touch"
//! form, a page version they published, and a site whose imprint, draft and published
//! contact block name them.

use super::seed_everywhere::{insert, EMAIL, MOBILE, NAME};
use crate::support::TestApp;
use chrono::Utc;
use sea_orm::Value;

pub async fn seed_sites(app: &TestApp, me: i32) {
    let now: Value = Utc::now().into();
    let contact = format!(
        "[{{\"kind\":\"contact\",\"email\":\"{EMAIL}\",\"phone\":\"{MOBILE}\",\"address\":\"{NAME}, 1 Road\",\"links\":[]}}]"
    );
    insert(
        app,
        "site_sites",
        vec![
            ("id", 9001.into()),
            ("group_id", 9001.into()),
            ("promoter_name", NAME.into()),
            ("promoter_address", "1 Road, Sheffield S1 2AB".into()),
            ("accent", "rose".into()),
            ("created_at", now.clone()),
            ("updated_at", now.clone()),
        ],
    )
    .await;
    insert(
        app,
        "site_revisions",
        vec![
            ("id", 9001.into()),
            ("page_id", 9001.into()),
            ("title", "Home".into()),
            ("description", "".into()),
            ("blocks", contact.clone().into()),
            ("published_by", me.into()),
            ("created_at", now.clone()),
        ],
    )
    .await;
    insert(
        app,
        "site_pages",
        vec![
            ("id", 9001.into()),
            ("site_id", 9001.into()),
            ("slug", "home".into()),
            ("title", "Home".into()),
            ("description", "".into()),
            ("draft", contact.into()),
            ("draft_version", 2.into()),
            ("published_revision_id", 9001.into()),
            ("unpublished_changes", false.into()),
            ("created_at", now.clone()),
        ],
    )
    .await;
    insert(
        app,
        "site_joins",
        vec![
            ("id", 9001.into()),
            ("group_id", 9001.into()),
            ("name", NAME.into()),
            ("email", EMAIL.into()),
            ("postcode", "S1 2AB".into()),
            ("phone", MOBILE.into()),
            ("created_at", now),
        ],
    )
    .await;
}
