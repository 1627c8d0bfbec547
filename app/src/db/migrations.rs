//! The migration list. Never edit a merged migration: add a new one.

use sea_orm_migration::prelude::*;

mod indexes;
mod m20261126_000001_create_people;
mod m20261126_000002_create_person_roles;
mod m20261126_000003_create_sessions;
mod m20261126_000004_create_password_resets;
mod m20261126_000005_create_sign_in_attempts;
mod m20261126_000006_create_outbox_emails;
mod m20261126_000007_create_events;
mod m20261126_000008_create_event_slots;
mod m20261126_000009_create_signups;
mod m20261126_000010_create_consent_records;
mod m20261126_000011_create_postcodes;
mod m20261126_000012_index_events_location;
mod m20261126_000013_add_signups_checked_in_at;
mod m20261126_000014_event_hosting;
mod m20261126_000015_index_events_place_time;
mod m20261126_000016_create_groups;
mod m20261126_000017_create_forum;
mod m20261126_000018_add_events_group_id;
mod m20261126_000019_create_friendships;
mod m20261126_000020_index_signups_person_status_slot;
mod m20261126_000021_create_consent_current;
mod m20261126_000022_create_messages;
mod m20261126_000023_create_suppressions_and_texts;
mod m20261126_000024_add_signups_event_start;
mod m20261127_000025_add_events_place_cell;
mod m20261204_000026_create_consent_confirmations;
mod m20261204_000027_index_signups_email;
mod m20261204_000028_create_sign_in_limits;
mod m20261204_000029_add_people_email_confirmed_at;
mod m20261204_000030_add_outbox_emails_claimed_at;
mod m20261204_000031_add_signups_added_by_host;
mod m20261204_000032_add_event_cohosts_accepted_at;
mod m20261204_000033_add_groups_place_cell;
mod m20261204_000034_add_people_mobile;
mod m20261205_000035_create_access_log_and_data_requests;
mod m20261205_000036_add_sessions_device;
mod m20261205_000037_create_phonebanks;
mod m20261206_000038_create_qa;
mod m20261207_000039_create_sites;
mod m20261208_000040_create_fundraising;
mod m20261209_000041_index_signups_person_start_created;
mod place_cells;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261126_000001_create_people::Migration),
            Box::new(m20261126_000002_create_person_roles::Migration),
            Box::new(m20261126_000003_create_sessions::Migration),
            Box::new(m20261126_000004_create_password_resets::Migration),
            Box::new(m20261126_000005_create_sign_in_attempts::Migration),
            Box::new(m20261126_000006_create_outbox_emails::Migration),
            Box::new(m20261126_000007_create_events::Migration),
            Box::new(m20261126_000008_create_event_slots::Migration),
            Box::new(m20261126_000009_create_signups::Migration),
            Box::new(m20261126_000010_create_consent_records::Migration),
            Box::new(m20261126_000011_create_postcodes::Migration),
            Box::new(m20261126_000012_index_events_location::Migration),
            Box::new(m20261126_000013_add_signups_checked_in_at::Migration),
            Box::new(m20261126_000014_event_hosting::Migration),
            Box::new(m20261126_000015_index_events_place_time::Migration),
            Box::new(m20261126_000016_create_groups::Migration),
            Box::new(m20261126_000017_create_forum::Migration),
            Box::new(m20261126_000018_add_events_group_id::Migration),
            Box::new(m20261126_000019_create_friendships::Migration),
            Box::new(m20261126_000020_index_signups_person_status_slot::Migration),
            Box::new(m20261126_000021_create_consent_current::Migration),
            Box::new(m20261126_000022_create_messages::Migration),
            Box::new(m20261126_000023_create_suppressions_and_texts::Migration),
            Box::new(m20261126_000024_add_signups_event_start::Migration),
            Box::new(m20261127_000025_add_events_place_cell::Migration),
            Box::new(m20261204_000026_create_consent_confirmations::Migration),
            Box::new(m20261204_000027_index_signups_email::Migration),
            Box::new(m20261204_000028_create_sign_in_limits::Migration),
            Box::new(m20261204_000029_add_people_email_confirmed_at::Migration),
            Box::new(m20261204_000030_add_outbox_emails_claimed_at::Migration),
            Box::new(m20261204_000031_add_signups_added_by_host::Migration),
            Box::new(m20261204_000032_add_event_cohosts_accepted_at::Migration),
            Box::new(m20261204_000033_add_groups_place_cell::Migration),
            Box::new(m20261204_000034_add_people_mobile::Migration),
            Box::new(m20261205_000035_create_access_log_and_data_requests::Migration),
            Box::new(m20261205_000036_add_sessions_device::Migration),
            Box::new(m20261205_000037_create_phonebanks::Migration),
            Box::new(m20261206_000038_create_qa::Migration),
            Box::new(m20261207_000039_create_sites::Migration),
            Box::new(m20261208_000040_create_fundraising::Migration),
            Box::new(m20261209_000041_index_signups_person_start_created::Migration),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::Migrator;
    use crate::events::tables::signup;
    use chrono::{DateTime, Utc};
    use sea_orm::{ConnectionTrait, Database, EntityTrait, QueryOrder};
    use sea_orm_migration::MigratorTrait;

    /// Sign-ups made before their slot's event and start were copied onto them get both.
    #[tokio::test]
    async fn existing_sign_ups_get_their_slots_event_and_start() {
        let db = Database::connect("sqlite::memory:").await.unwrap();
        Migrator::up(&db, Some(23)).await.unwrap();
        let at = "'2026-11-01T10:00:00+00:00'";
        for sql in [
            format!("INSERT INTO people (id, name, email, password_hash, created_at, updated_at) VALUES (1, 'Hana Host', 'hana@example.org', 'x', {at}, {at})"),
            format!("INSERT INTO events (id, host_id, title, slug, description, kind, status, starts_at, created_at, updated_at) VALUES (7, 1, 'Stall', 'stall', '', 'canvassing', 'published', '2026-12-03T19:00:00+00:00', {at}, {at})"),
            format!("INSERT INTO event_slots (id, event_id, starts_at, ends_at, created_at) VALUES (3, 7, '2026-12-03T19:00:00+00:00', '2026-12-03T21:00:00+00:00', {at}), (4, 7, '2026-12-10T19:00:00+00:00', '2026-12-10T21:00:00+00:00', {at})"),
            format!("INSERT INTO signups (id, slot_id, name, email, status, cancel_token_hash, created_at, updated_at) VALUES (1, 3, 'Gita', 'g@example.org', 'confirmed', 'a', {at}, {at}), (2, 4, 'Gita', 'g@example.org', 'waitlisted', 'b', {at}, {at})"),
        ] {
            db.execute_unprepared(&sql).await.unwrap();
        }
        Migrator::up(&db, None).await.unwrap();
        let copied: Vec<(i32, i32, DateTime<Utc>)> = signup::Entity::find()
            .order_by_asc(signup::Column::Id)
            .all(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|s| (s.slot_id, s.event_id, s.starts_at))
            .collect();
        let start = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        assert_eq!(
            copied,
            vec![
                (3, 7, start("2026-12-03T19:00:00Z")),
                (4, 7, start("2026-12-10T19:00:00Z")),
            ]
        );
    }

    /// Events placed before place cells existed get theirs; online events get none.
    #[tokio::test]
    async fn existing_events_get_their_place_cells() {
        use crate::{events::tables::event, places::model::Coordinates};
        let db = Database::connect("sqlite::memory:").await.unwrap();
        Migrator::up(&db, Some(24)).await.unwrap();
        let at = "'2026-11-01T10:00:00+00:00'";
        db.execute_unprepared(&format!("INSERT INTO people (id, name, email, password_hash, created_at, updated_at) VALUES (1, 'Hana Host', 'hana@example.org', 'x', {at}, {at})")).await.unwrap();
        for (id, place) in [
            (1, "53.4794, -2.2453"),
            (2, "51.5007, 0.0042"),
            (3, "NULL, NULL"),
        ] {
            db.execute_unprepared(&format!("INSERT INTO events (id, host_id, title, slug, description, kind, latitude, longitude, status, starts_at, created_at, updated_at) VALUES ({id}, 1, 'Stall', 'stall-{id}', '', 'canvassing', {place}, 'published', {at}, {at}, {at})")).await.unwrap();
        }
        Migrator::up(&db, None).await.unwrap();
        let cells: Vec<Option<i32>> = event::Entity::find()
            .order_by_asc(event::Column::Id)
            .all(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.place_cell)
            .collect();
        let cell = |latitude, longitude| {
            Some(
                Coordinates {
                    latitude,
                    longitude,
                }
                .place_cell(),
            )
        };
        assert_eq!(
            cells,
            vec![cell(53.4794, -2.2453), cell(51.5007, 0.0042), None]
        );
    }

    /// Accounts opened before addresses were confirmed stay unconfirmed: nothing proves
    /// their owners hold the address.
    #[tokio::test]
    async fn existing_accounts_start_unconfirmed() {
        use crate::auth::tables::person;
        let db = Database::connect("sqlite::memory:").await.unwrap();
        Migrator::up(&db, Some(28)).await.unwrap();
        let at = "'2026-11-01T10:00:00+00:00'";
        db.execute_unprepared(&format!("INSERT INTO people (id, name, email, password_hash, created_at, updated_at) VALUES (1, 'Hana Host', 'hana@example.org', 'x', {at}, {at})")).await.unwrap();
        Migrator::up(&db, None).await.unwrap();
        let found = person::Entity::find_by_id(1)
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(found.email_confirmed_at, None);
    }
}
