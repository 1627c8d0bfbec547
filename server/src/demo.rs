//! Demo content for a fresh database, so a newcomer can click through every journey.
//! Later work adds events, groups and friendships to this same preset.

use app::{
    auth::{
        model::Role,
        service::{accounts, roles},
    },
    error::AppResult,
};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

/// The demo staff account: also printed at start-up and listed in the README.
pub const STAFF_EMAIL: &str = "staff@membersnet.example";
pub const STAFF_PASSWORD: &str = "staff-demo-2026";
/// The password of every other demo account.
pub const PEOPLE_PASSWORD: &str = "demo-password-2026";

/// (name, email, postcode, roles) of each demo person.
const PEOPLE: &[(&str, &str, Option<&str>, &[Role])] = &[
    (
        "Morgan Staff",
        STAFF_EMAIL,
        Some("SW1A 1AA"),
        &[Role::Staff, Role::Member],
    ),
    (
        "Sam Patel",
        "sam@membersnet.example",
        Some("M1 1AE"),
        &[Role::Member, Role::Host],
    ),
    (
        "Priya Shah",
        "priya@membersnet.example",
        Some("LS1 4AP"),
        &[Role::Member, Role::Organiser],
    ),
    (
        "Alex Morgan",
        "alex@membersnet.example",
        Some("CF10 1EP"),
        &[],
    ),
    (
        "Jo Evans MP",
        "jo@membersnet.example",
        Some("B1 1BB"),
        &[Role::Member, Role::Politician],
    ),
];

/// Loads the demo people when the database has nobody in it. Returns whether it did.
pub async fn load_if_empty(db: &DatabaseConnection) -> AppResult<bool> {
    let existing = app::auth::entity::person::Entity::find().count(db).await?;
    if existing > 0 {
        return Ok(false);
    }
    load(db).await?;
    Ok(true)
}

/// Says how to sign in to the demo, at every start-up with demo content on.
pub fn log_demo_sign_in() {
    tracing::info!(
        "demo content is on: sign in as {STAFF_EMAIL} / {STAFF_PASSWORD} (staff), or sam@membersnet.example / {PEOPLE_PASSWORD}"
    );
}

async fn load(db: &DatabaseConnection) -> AppResult<()> {
    for (name, email, postcode, granted) in PEOPLE {
        let password = if *email == STAFF_EMAIL {
            STAFF_PASSWORD
        } else {
            PEOPLE_PASSWORD
        };
        let new = accounts::NewAccount::parse(name, email, password, postcode.unwrap_or(""))?;
        let person = accounts::create_person(db, new).await?;
        for role in *granted {
            roles::grant_role(db, person.id, *role).await?;
        }
    }
    tracing::info!("demo content loaded");
    Ok(())
}
