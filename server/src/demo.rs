//! Demo content for a fresh database, so a newcomer can click through every journey: the
//! smallest plan of the seed generator (`SeedPlan::demo`), loaded only into an empty
//! database.

mod fundraising;
mod outreach;
mod phonebank;
mod qa;
mod sites;

use crate::seed::{seed_database, SeedPlan};
use app::{
    auth::{
        model::{PersonView, Role},
        service::accounts::{get_person_by_email, get_person_view},
    },
    error::{AppError, AppResult},
};
use chrono::Utc;
use chrono_tz::Europe::London;
use sea_orm::DatabaseConnection;

pub use crate::seed::fixtures::{PEOPLE_PASSWORD, STAFF_EMAIL, STAFF_PASSWORD};

/// Loads the demo content when the database has nobody in it. Returns whether it did.
pub async fn load_if_empty(db: &DatabaseConnection) -> AppResult<bool> {
    let existing = app::auth::service::accounts::account_count(db).await?;
    if existing > 0 {
        return Ok(false);
    }
    let today = Utc::now().with_timezone(&London).date_naive();
    let report = seed_database(db, &SeedPlan::demo(today)).await?;
    tracing::info!(
        people = report.written.people,
        events = report.written.events,
        signups = report.written.signups,
        groups = report.written.groups,
        posts = report.written.posts,
        friendships = report.written.friendships,
        "demo content loaded"
    );
    outreach::load(db, STAFF_EMAIL).await?;
    phonebank::load(db).await?;
    qa::load(db).await?;
    sites::load(db).await?;
    fundraising::load(db).await?;
    Ok(true)
}

/// The demo's official group and its owner.
const GROUP_NAME: &str = "Sheffield Central Local Party";
const OWNER_EMAIL: &str = "priya@membersnet.example";

/// A demo person as the services see them, with `roles`.
async fn person_view(
    db: &DatabaseConnection,
    email: &str,
    roles: Vec<Role>,
) -> AppResult<PersonView> {
    let found = get_person_by_email(db, email)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(PersonView {
        roles,
        ..get_person_view(db, &found).await?
    })
}

/// Says how to sign in to the demo, at every start-up with demo content on.
pub fn log_demo_sign_in() {
    tracing::info!(
        "demo content is on: sign in as {STAFF_EMAIL} / {STAFF_PASSWORD} (staff), or sam@membersnet.example / {PEOPLE_PASSWORD}"
    );
}
