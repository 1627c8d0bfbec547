//! Seeding: deterministic from its seed, never oversold, and the demo content it makes.

use crate::support::TestApp;
use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, Statement};
use server::seed::{seed_database, SeedPlan};

fn small_plan(seed: u64) -> SeedPlan {
    SeedPlan {
        seed,
        people: 400,
        events: 150,
        signups: 4_000,
        today: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        progress: false,
    }
}

/// Rows of a query as text, one string per row.
async fn rows(app: &TestApp, sql: &str) -> Vec<String> {
    let backend = app.db.get_database_backend();
    app.db
        .query_all_raw(Statement::from_string(backend, sql.to_string()))
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get::<String>("", "v").unwrap())
        .collect()
}

const FINGERPRINT: &[&str] = &[
    "SELECT name || ' ' || email || ' ' || COALESCE(postcode, '') AS v FROM people ORDER BY id",
    "SELECT title || ' ' || kind || ' ' || COALESCE(postcode, '') || ' ' || CAST(host_id AS TEXT) AS v FROM events ORDER BY id",
    "SELECT CAST(event_id AS TEXT) || ' ' || CAST(confirmed_count AS TEXT) || ' ' || COALESCE(CAST(capacity AS TEXT), '-') AS v FROM event_slots ORDER BY id",
    "SELECT CAST(slot_id AS TEXT) || ' ' || email || ' ' || status || ' ' || cancel_token_hash AS v FROM signups ORDER BY id",
];

#[tokio::test]
async fn seeding_twice_with_one_seed_gives_the_same_data() {
    let (first, second) = (TestApp::spawn().await, TestApp::spawn().await);
    let a = seed_database(&first.db, &small_plan(7)).await.unwrap();
    let b = seed_database(&second.db, &small_plan(7)).await.unwrap();
    assert_eq!(a.written, b.written);
    assert_eq!(a.written.people, 405);
    assert_eq!(first.count("signups").await, second.count("signups").await);
    for query in FINGERPRINT {
        assert_eq!(
            rows(&first, query).await,
            rows(&second, query).await,
            "{query}"
        );
    }
    let other = TestApp::spawn().await;
    seed_database(&other.db, &small_plan(8)).await.unwrap();
    assert_ne!(
        rows(&first, FINGERPRINT[1]).await,
        rows(&other, FINGERPRINT[1]).await
    );
}

#[tokio::test]
async fn no_seeded_slot_is_oversold_and_counts_match_the_sign_ups() {
    let app = TestApp::spawn().await;
    let report = seed_database(&app.db, &small_plan(11)).await.unwrap();
    assert_eq!(report.written.events, 150 + 14);
    let wrong = rows(
        &app,
        "SELECT CAST(s.id AS TEXT) AS v FROM event_slots s
         WHERE (s.capacity IS NOT NULL AND s.confirmed_count > s.capacity)
            OR s.confirmed_count <> (SELECT COUNT(*) FROM signups u WHERE u.slot_id = s.id AND u.status = 'confirmed')
            OR (EXISTS (SELECT 1 FROM signups u WHERE u.slot_id = s.id AND u.status = 'waitlisted')
                AND (s.capacity IS NULL OR s.confirmed_count < s.capacity))",
    )
    .await;
    assert!(wrong.is_empty(), "slots with wrong counts: {wrong:?}");
    let full = rows(
        &app,
        "SELECT CAST(id AS TEXT) AS v FROM event_slots WHERE confirmed_count = capacity",
    )
    .await;
    assert!(!full.is_empty(), "some slots are full");
    // The generated share plus the demo events' own.
    assert!(app.count("signups").await >= 4_000);
    let duplicates = rows(
        &app,
        "SELECT email AS v FROM signups GROUP BY slot_id, email HAVING COUNT(*) > 1",
    )
    .await;
    assert!(duplicates.is_empty());
}

#[tokio::test]
async fn a_seeded_database_refuses_a_second_seeding() {
    let app = TestApp::spawn().await;
    seed_database(&app.db, &small_plan(1)).await.unwrap();
    assert!(seed_database(&app.db, &small_plan(1)).await.is_err());
}

#[tokio::test]
async fn generated_people_sign_in_with_the_documented_password() {
    let app = TestApp::spawn().await;
    seed_database(&app.db, &small_plan(3)).await.unwrap();
    let email = rows(&app, "SELECT email AS v FROM people WHERE id = 10").await;
    let reply = app.sign_in(&email[0], server::demo::PEOPLE_PASSWORD).await;
    assert!(reply.session_cookie().is_some(), "{}", reply.body);
}

#[tokio::test]
async fn the_demo_content_has_events_near_every_city_and_a_full_phone_bank() {
    let app = TestApp::spawn().await;
    assert!(server::demo::load_if_empty(&app.db).await.unwrap());
    assert!(!server::demo::load_if_empty(&app.db).await.unwrap());
    for near in [
        "SW1A 1AA", "M1 1AE", "B1 1BB", "LS1 4AP", "G1 1DU", "CF10 1EP", "EH1 1YZ", "BS1 5DB",
        "NE1 7JB", "L1 8JQ",
    ] {
        let list = app
            .call(
                "/api/events/list",
                &[("near", near), ("within", "10")],
                None,
            )
            .await
            .json();
        let events = list["events"].as_array().unwrap();
        assert!(!events.is_empty(), "nothing near {near}");
    }
    let list = app
        .call("/api/events/list", &[("q", "by-election")], None)
        .await
        .json();
    assert_eq!(list["events"][0]["title"], "Phone bank for the by-election");
    assert_eq!(list["events"][0]["places_left"], 0);
    let kinds = rows(&app, "SELECT DISTINCT kind AS v FROM events ORDER BY kind").await;
    assert_eq!(kinds.len(), 6, "{kinds:?}");
    let reply = app
        .sign_in("staff@membersnet.example", "staff-demo-2026")
        .await;
    assert!(reply.session_cookie().is_some());
}

#[tokio::test]
async fn seeded_times_are_written_as_the_app_writes_them() {
    let app = TestApp::spawn().await;
    if app.db.get_database_backend() != sea_orm::DatabaseBackend::Sqlite {
        return; // PostgreSQL stores timestamps as timestamps; SQLite compares text.
    }
    server::demo::load_if_empty(&app.db).await.unwrap();
    let (created, _) = crate::events::event_with_capacity(&app, "5").await;
    let shape = |t: &str| {
        t.chars()
            .map(|c| if c.is_ascii_digit() { '9' } else { c })
            .collect::<String>()
    };
    let seeded = rows(&app, "SELECT starts_at AS v FROM events WHERE id = 1").await;
    let made = rows(
        &app,
        &format!("SELECT starts_at AS v FROM events WHERE id = {created}"),
    )
    .await;
    assert_eq!(shape(&seeded[0]), shape(&made[0]), "{seeded:?} {made:?}");
}
