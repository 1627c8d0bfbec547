//! Seeded friendships: one row per pair with the lower id first, and the demo accounts'
//! friends, whose sign-ups Sam sees.

use super::{rows, small_plan, TestApp};
use server::seed::seed_database;

/// The ids of Sam's accepted friends, as `id`.
const SAMS_FRIENDS: &str = "SELECT high_id AS id FROM friendships WHERE state = 'accepted'
      AND low_id = (SELECT id FROM people WHERE email = 'sam@membersnet.example')
    UNION SELECT low_id AS id FROM friendships WHERE state = 'accepted'
      AND high_id = (SELECT id FROM people WHERE email = 'sam@membersnet.example')";

/// A query's one number, written as `v`.
async fn number(app: &TestApp, sql: &str) -> i64 {
    rows(app, sql).await[0].parse().unwrap()
}

#[tokio::test]
async fn seeded_friendships_are_one_row_per_pair_with_the_lower_id_first() {
    let app = TestApp::spawn().await;
    let plan = small_plan(9);
    let report = seed_database(&app.db, &plan).await.unwrap();
    let total = app.count("friendships").await;
    assert_eq!(report.written.friendships as i64, total);
    let checks = [
        "SELECT CAST(id AS TEXT) AS v FROM friendships
         WHERE low_id >= high_id OR requested_by NOT IN (low_id, high_id)
            OR state NOT IN ('pending', 'accepted')
            OR (state = 'accepted' AND accepted_at IS NULL)
            OR (state = 'pending' AND accepted_at IS NOT NULL)
            OR accepted_at < created_at",
        "SELECT CAST(low_id AS TEXT) || ' ' || CAST(high_id AS TEXT) AS v FROM friendships
         GROUP BY low_id, high_id HAVING COUNT(*) > 1",
    ];
    for check in checks {
        let wrong = rows(&app, check).await;
        assert!(wrong.is_empty(), "{check}: {wrong:?}");
    }
    let pending = number(
        &app,
        "SELECT CAST(COUNT(*) AS TEXT) AS v FROM friendships WHERE state = 'pending'",
    )
    .await;
    assert!(pending > 0 && pending * 10 < total, "{pending} of {total}");
    let sharing = number(
        &app,
        "SELECT CAST(COUNT(*) AS TEXT) AS v FROM people WHERE share_attendance = 'friends'",
    )
    .await;
    assert!(sharing * 10 > 405 * 7, "most share with friends: {sharing}");
    // Sam: Priya, Alex and Jo, and generated friends who share their sign-ups and are
    // confirmed at an upcoming event.
    let sams = number(
        &app,
        &format!("SELECT CAST(COUNT(*) AS TEXT) AS v FROM ({SAMS_FRIENDS}) f"),
    )
    .await;
    assert!(sams as u64 >= 3 + plan.sam_friends() / 2, "{sams}");
    let not_going = rows(
        &app,
        &format!(
            "SELECT CAST(p.id AS TEXT) AS v FROM people p
             WHERE p.id IN ({SAMS_FRIENDS}) AND p.id > 5
               AND (p.share_attendance IS NULL OR p.share_attendance <> 'friends'
                 OR NOT EXISTS (SELECT 1 FROM signups u JOIN event_slots s ON s.id = u.slot_id
                                WHERE u.person_id = p.id AND u.status = 'confirmed'
                                  AND s.starts_at >= '2026-11-27'))"
        ),
    )
    .await;
    assert!(not_going.is_empty(), "{not_going:?}");
}

#[tokio::test]
async fn the_demo_content_has_friends_going_where_sam_can_see_them() {
    let app = TestApp::spawn().await;
    server::demo::load_if_empty(&app.db).await.unwrap();
    let pair = |a: &str, b: &str| {
        format!(
            "SELECT f.state || ' ' || r.email AS v FROM friendships f
             JOIN people a ON a.id = f.low_id JOIN people b ON b.id = f.high_id
             JOIN people r ON r.id = f.requested_by
             WHERE a.email = '{a}@membersnet.example' AND b.email = '{b}@membersnet.example'"
        )
    };
    assert_eq!(
        rows(&app, &pair("sam", "priya")).await,
        vec!["accepted priya@membersnet.example"]
    );
    assert_eq!(
        rows(&app, &pair("alex", "jo")).await,
        vec!["pending alex@membersnet.example"]
    );
    let sharing = rows(
        &app,
        "SELECT email || ' ' || COALESCE(share_attendance, '-') AS v FROM people WHERE id <= 5 ORDER BY id",
    )
    .await;
    assert_eq!(
        sharing,
        vec![
            "staff@membersnet.example -",
            "sam@membersnet.example friends",
            "priya@membersnet.example friends",
            "alex@membersnet.example friends",
            "jo@membersnet.example nobody",
        ]
    );
    // Events Priya and Alex are confirmed at, that Sam neither runs nor signed up to.
    let going = rows(
        &app,
        "SELECT e.title AS v FROM events e
         WHERE e.host_id <> (SELECT id FROM people WHERE email = 'sam@membersnet.example')
           AND (SELECT COUNT(DISTINCT u.person_id) FROM signups u
                JOIN event_slots s ON s.id = u.slot_id JOIN people p ON p.id = u.person_id
                WHERE s.event_id = e.id AND u.status = 'confirmed'
                  AND p.email IN ('priya@membersnet.example', 'alex@membersnet.example')) = 2
           AND NOT EXISTS (SELECT 1 FROM signups u
                JOIN event_slots s ON s.id = u.slot_id JOIN people p ON p.id = u.person_id
                WHERE s.event_id = e.id AND p.email = 'sam@membersnet.example')
         ORDER BY e.id",
    )
    .await;
    for title in ["Cardiff Bay street stall", "Newcastle leaflet drop"] {
        assert!(going.iter().any(|t| t == title), "{going:?}");
    }
    // Priya, Alex, Jo and a few generated people.
    let sams = number(
        &app,
        &format!("SELECT CAST(COUNT(*) AS TEXT) AS v FROM ({SAMS_FRIENDS}) f"),
    )
    .await;
    assert!(sams >= 3 + 3, "{sams}");
}
