//! Seeding: deterministic from its seed, never oversold, groups whose counts add up,
//! friendships written once per pair, and the demo content it makes.

mod friends;

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
        groups: 40,
        today: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        progress: false,
        friends: 20,
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
    "SELECT slug || ' ' || name || ' ' || topic || ' ' || postcode || ' ' || CAST(member_count AS TEXT) || ' ' || CAST(created_by AS TEXT) AS v FROM groups ORDER BY id",
    "SELECT CAST(group_id AS TEXT) || ' ' || CAST(person_id AS TEXT) || ' ' || role || ' ' || state || ' ' || notify AS v FROM group_members ORDER BY id",
    "SELECT CAST(group_id AS TEXT) || ' ' || title || ' ' || CAST(post_count AS TEXT) || ' ' || CAST(author_id AS TEXT) AS v FROM forum_threads ORDER BY id",
    "SELECT CAST(thread_id AS TEXT) || ' ' || CAST(author_id AS TEXT) || ' ' || body AS v FROM forum_posts ORDER BY id",
    "SELECT CAST(id AS TEXT) || ' ' || COALESCE(CAST(group_id AS TEXT), '-') AS v FROM events ORDER BY id",
    "SELECT CAST(id AS TEXT) || ' ' || COALESCE(share_attendance, '-') AS v FROM people ORDER BY id",
    "SELECT CAST(low_id AS TEXT) || ' ' || CAST(high_id AS TEXT) || ' ' || CAST(requested_by AS TEXT) || ' ' || state AS v FROM friendships ORDER BY id",
    "SELECT state || ' ' || CAST(COUNT(*) AS TEXT) AS v FROM friendships GROUP BY state ORDER BY state",
];

#[tokio::test]
async fn seeding_twice_with_one_seed_gives_the_same_data() {
    let (first, second) = (TestApp::spawn().await, TestApp::spawn().await);
    let a = seed_database(&first.db, &small_plan(7)).await.unwrap();
    let b = seed_database(&second.db, &small_plan(7)).await.unwrap();
    assert_eq!(a.written, b.written);
    assert_eq!(a.written.people, 405);
    // The generated groups and the 5 demo groups.
    assert_eq!(a.written.groups, 40 + 5);
    assert!(a.written.members > a.written.groups && a.written.posts > a.written.threads);
    // About 20 friends each, so about 10 rows a person.
    assert!(a.written.friendships > 400 * 4, "{}", a.written.friendships);
    for table in [
        "signups",
        "groups",
        "group_members",
        "forum_threads",
        "forum_posts",
        "friendships",
    ] {
        assert_eq!(
            first.count(table).await,
            second.count(table).await,
            "{table}"
        );
    }
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
async fn seeded_groups_have_one_owner_and_counts_that_add_up() {
    let app = TestApp::spawn().await;
    let report = seed_database(&app.db, &small_plan(5)).await.unwrap();
    assert_eq!(report.written.groups as i64, app.count("groups").await);
    assert_eq!(report.written.posts as i64, app.count("forum_posts").await);
    let checks = [
        // member_count is the active members.
        "SELECT g.slug AS v FROM groups g WHERE g.member_count <>
           (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id AND m.state = 'active')",
        // post_count is the posts, the opening one included; the last post is the latest.
        "SELECT CAST(t.id AS TEXT) AS v FROM forum_threads t
         WHERE t.post_count <> (SELECT COUNT(*) FROM forum_posts p WHERE p.thread_id = t.id)
            OR t.last_post_at < (SELECT MAX(p.created_at) FROM forum_posts p WHERE p.thread_id = t.id)",
        // One owner, the person who set the group up.
        "SELECT g.slug AS v FROM groups g
         WHERE (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id AND m.role = 'owner') <> 1
            OR NOT EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = g.id
                           AND m.person_id = g.created_by AND m.role = 'owner' AND m.state = 'active')",
        // Only active members write in the forum.
        "SELECT CAST(p.id AS TEXT) AS v FROM forum_posts p JOIN forum_threads t ON t.id = p.thread_id
         WHERE NOT EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = t.group_id
                           AND m.person_id = p.author_id AND m.state = 'active')",
        // Events run by a group name one that exists.
        "SELECT CAST(e.id AS TEXT) AS v FROM events e
         WHERE e.group_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM groups g WHERE g.id = e.group_id)",
    ];
    for check in checks {
        let wrong = rows(&app, check).await;
        assert!(wrong.is_empty(), "{check}: {wrong:?}");
    }
    let run_by_groups = rows(
        &app,
        "SELECT CAST(id AS TEXT) AS v FROM events WHERE group_id IS NOT NULL",
    )
    .await;
    assert!(
        run_by_groups.len() > 2,
        "generated events run by groups too"
    );
    let sizes = rows(
        &app,
        "SELECT CAST(member_count AS TEXT) AS v FROM groups ORDER BY member_count",
    )
    .await;
    let size = |i: usize| sizes[i].parse::<i64>().unwrap();
    assert!(
        size(sizes.len() - 1) > 3 * size(sizes.len() / 2),
        "a few big groups: {sizes:?}"
    );
    // Small plans have no benchmark group; its thread needs 1,000 groups.
    let bench = format!(
        "SELECT slug AS v FROM groups WHERE slug = '{}'",
        server::seed::BENCH_SLUG
    );
    assert!(rows(&app, &bench).await.is_empty());
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
async fn the_demo_content_has_groups_with_forums_that_demo_accounts_run() {
    let app = TestApp::spawn().await;
    server::demo::load_if_empty(&app.db).await.unwrap();
    let official = rows(
        &app,
        "SELECT slug AS v FROM groups WHERE verified ORDER BY id",
    )
    .await;
    assert_eq!(
        official.first().map(String::as_str),
        Some("sheffield-central-local-party")
    );
    let sam = app
        .sign_in("sam@membersnet.example", server::demo::PEOPLE_PASSWORD)
        .await
        .session_cookie()
        .unwrap();
    let group = app
        .call(
            "/api/groups/get",
            &[("slug", "sheffield-central-local-party")],
            Some(&sam),
        )
        .await
        .json();
    assert!(group["moderation"].is_object(), "Sam organises it: {group}");
    let threads = group["threads"].as_array().unwrap();
    assert!(threads.len() >= 2);
    assert_eq!(threads[0]["pinned"], true, "the pinned thread comes first");
    // The group's events come from events, which the page puts beside the group.
    let group_id = group["card"]["id"].to_string();
    let events = app
        .call(
            "/api/events/of-group",
            &[("group_id", &group_id)],
            Some(&sam),
        )
        .await
        .json();
    let events = events.as_array().unwrap();
    assert!(
        events
            .iter()
            .any(|e| e["title"] == "Weekly street stall in Sheffield"),
        "{events:?}"
    );
    let thread = threads[0]["id"].to_string();
    let view = app
        .call("/api/groups/thread", &[("thread_id", &thread)], Some(&sam))
        .await
        .json();
    assert!(view["posts"].as_array().unwrap().len() >= 3);
    assert!(view["posts"][0]["html"]
        .as_str()
        .unwrap()
        .starts_with("<p>Welcome"));
    let near = app
        .call("/api/groups/list", &[("near", "S1 2HH")], None)
        .await
        .json();
    assert_eq!(near["groups"][0]["name"], "Sheffield Central Local Party");
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

/// Each invariant the services keep, as a query for the rows that break it.
const INVARIANTS: &[(&str, &str)] = &[
    (
        "a slot's confirmed count is its confirmed sign-ups, within its places",
        "SELECT CAST(s.id AS TEXT) AS v FROM event_slots s
         WHERE (s.capacity IS NOT NULL AND s.confirmed_count > s.capacity)
            OR s.confirmed_count <> (SELECT COUNT(*) FROM signups u WHERE u.slot_id = s.id AND u.status = 'confirmed')",
    ),
    (
        "each sign-up's copy of its event and start is its slot's",
        "SELECT CAST(u.id AS TEXT) AS v FROM signups u JOIN event_slots s ON s.id = u.slot_id
         WHERE u.event_id <> s.event_id OR u.starts_at <> s.starts_at",
    ),
    (
        "a group's member count is its active members",
        "SELECT g.slug AS v FROM groups g WHERE g.member_count <>
           (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id AND m.state = 'active')",
    ),
    (
        "a thread's post count is its posts",
        "SELECT CAST(t.id AS TEXT) AS v FROM forum_threads t
         WHERE t.post_count <> (SELECT COUNT(*) FROM forum_posts p WHERE p.thread_id = t.id)",
    ),
    (
        "the consent in force is the ledger's latest choice",
        "SELECT c.email || ' ' || c.channel || ' ' || c.scope AS v FROM consent_current c
         WHERE NOT EXISTS (SELECT 1 FROM consent_records r
                           WHERE r.email = c.email AND r.channel = c.channel AND r.scope = c.scope
                             AND r.granted = c.granted
                             AND r.id = (SELECT MAX(l.id) FROM consent_records l
                                         WHERE l.email = c.email AND l.channel = c.channel
                                           AND l.scope = c.scope
                                           AND l.source NOT LIKE '%:requested-unconfirmed'))",
    ),
    (
        "every choice in the ledger has one in force",
        "SELECT r.email || ' ' || r.channel || ' ' || r.scope AS v FROM consent_records r
         WHERE r.source NOT LIKE '%:requested-unconfirmed'
           AND NOT EXISTS (SELECT 1 FROM consent_current c
                           WHERE c.email = r.email AND c.channel = r.channel AND c.scope = r.scope)",
    ),
];

#[tokio::test]
async fn a_seeded_database_keeps_every_invariant_the_services_keep() {
    let app = TestApp::spawn().await;
    seed_database(&app.db, &small_plan(13)).await.unwrap();
    assert!(
        app.count("consent_current").await > 100,
        "the seed writes consent"
    );
    for (invariant, query) in INVARIANTS {
        let broken = rows(&app, query).await;
        assert!(broken.is_empty(), "{invariant}: {broken:?}");
    }
    // Each check finds a row broken behind the services' backs.
    for (breakage, invariant) in [
        (
            "UPDATE consent_current SET granted = NOT granted WHERE id = (SELECT MIN(id) FROM consent_current)",
            4,
        ),
        (
            "UPDATE signups SET event_id = event_id + 1 WHERE id = (SELECT MIN(id) FROM signups)",
            1,
        ),
        (
            "UPDATE groups SET member_count = member_count + 1 WHERE id = (SELECT MIN(id) FROM groups)",
            2,
        ),
    ] {
        app.db.execute_unprepared(breakage).await.unwrap();
        let (name, query) = INVARIANTS[invariant];
        assert_eq!(rows(&app, query).await.len(), 1, "{name}");
    }
}
