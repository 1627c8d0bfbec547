//! Publishing and spreading events: dates and shifts, staff approval, share links,
//! calendar feeds, search-engine data and date filters.

use super::*;
use axum::http::StatusCode;

#[tokio::test]
async fn weekly_repeats_and_shifts_each_get_their_own_places() {
    let app = TestApp::spawn().await;
    let host = app.signed_in("Hana Host", "hana@example.org").await;
    let mut form = event_form("Weekly phone bank", "2");
    form.push(("repeat_weeks", "3".into()));
    form.push((
        "shifts",
        "10:00-12:00 Morning\n13:00-15:00 Afternoon".into(),
    ));
    let id = event_id_of(
        &app.call("/api/events/create", &as_fields(&form), Some(&host))
            .await,
    );
    let detail = app
        .call("/api/events/get", &[("id", &id.to_string())], None)
        .await
        .json();
    let slots = detail["slots"].as_array().unwrap();
    assert_eq!(slots.len(), 6, "3 weeks x 2 shifts");
    assert_eq!(slots[0]["label"], "Morning");
    assert_eq!(slots[1]["label"], "Afternoon");
    assert_eq!(detail["card"]["places_left"], 12);

    // Filling one shift leaves the others open.
    let first = slots[0]["id"].as_i64().unwrap() as i32;
    for n in 1..=3 {
        sign_up(&app.db, first, &guest(n), "http://x")
            .await
            .unwrap();
    }
    let detail = app
        .call("/api/events/get", &[("id", &id.to_string())], None)
        .await
        .json();
    assert_eq!(detail["slots"][0]["places_left"], 0);
    assert_eq!(detail["slots"][1]["places_left"], 2);

    let mut bad = event_form("Bad shifts", "");
    bad.push(("shifts", "whenever".into()));
    assert_eq!(
        app.call("/api/events/create", &as_fields(&bad), Some(&host))
            .await
            .error_field(),
        "shifts"
    );
}

#[tokio::test]
async fn when_staff_ask_events_from_non_members_wait_for_approval() {
    let app = TestApp::spawn().await;
    let staff = app.signed_in_staff().await;
    let newcomer = app.signed_in("Nell Newcomer", "nell@example.org").await;
    let other = app.signed_in("Otto Other", "otto@example.org").await;
    for token in [&newcomer, &other] {
        assert_eq!(
            app.call("/api/events/approvals", &[], Some(token))
                .await
                .error_code(),
            "forbidden"
        );
        assert_eq!(
            app.call(
                "/api/events/approvals/rule",
                &[("required", "yes")],
                Some(token)
            )
            .await
            .error_code(),
            "forbidden"
        );
    }
    app.call(
        "/api/events/approvals/rule",
        &[("required", "yes")],
        Some(&staff),
    )
    .await;
    assert_eq!(
        app.call("/api/events/approvals", &[], Some(&staff))
            .await
            .json()["approval_required"],
        true
    );

    let id = event_id_of(
        &app.call(
            "/api/events/create",
            &as_fields(&event_form("Secret rally", "")),
            Some(&newcomer),
        )
        .await,
    );
    let id_text = id.to_string();
    let listed = |token: Option<String>| {
        let app = &app;
        async move {
            app.call(
                "/api/events/list",
                &[("q", "Secret rally")],
                token.as_deref(),
            )
            .await
            .json()["events"]
                .as_array()
                .unwrap()
                .len()
        }
    };
    assert_eq!(listed(None).await, 0);
    assert_eq!(
        app.call("/api/events/get", &[("id", &id_text)], Some(&other))
            .await
            .error_code(),
        "not_found"
    );
    assert_eq!(
        app.call("/api/events/get", &[("id", &id_text)], Some(&newcomer))
            .await
            .json()["status"],
        "pending"
    );
    assert_eq!(
        app.get(&format!("/events/{id}/calendar.ics"), None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    let queue = app
        .call("/api/events/approvals", &[], Some(&staff))
        .await
        .json();
    assert_eq!(queue["events"][0]["title"], "Secret rally");
    assert_eq!(
        app.call(
            "/api/events/approvals/decide",
            &[("event_id", &id_text), ("decision", "approve")],
            Some(&other)
        )
        .await
        .error_code(),
        "forbidden"
    );
    app.call(
        "/api/events/approvals/decide",
        &[("event_id", &id_text), ("decision", "approve")],
        Some(&staff),
    )
    .await;
    assert_eq!(listed(None).await, 1);
    let told = app::mail::list_outbox_emails(&app.db, 50).await.unwrap();
    assert!(told
        .iter()
        .any(|e| e.to_email == "nell@example.org" && e.subject.starts_with("Your event is live")));

    // Verified members are trusted: their events go live at once.
    let member_id = app.create_person("Mo Member", "mo@example.org").await;
    app::auth::service::roles::grant_role(&app.db, member_id, app::auth::model::Role::Member)
        .await
        .unwrap();
    let member = app
        .sign_in("mo@example.org", crate::support::PASSWORD)
        .await
        .session_cookie()
        .unwrap();
    let id = event_id_of(
        &app.call(
            "/api/events/create",
            &as_fields(&event_form("Member meeting", "")),
            Some(&member),
        )
        .await,
    );
    assert_eq!(
        app.call("/api/events/get", &[("id", &id.to_string())], None)
            .await
            .json()["status"],
        "published"
    );
}

#[tokio::test]
async fn share_links_credit_the_sharer_but_not_themselves() {
    let app = TestApp::spawn().await;
    let sharer = app.signed_in("Sam Sharer", "sam@example.org").await;
    let (event_id, slot) = event_with_capacity(&app, "").await;
    let detail = app
        .call(
            "/api/events/get",
            &[("id", &event_id.to_string())],
            Some(&sharer),
        )
        .await
        .json();
    let share = detail["share_url"].as_str().unwrap().to_string();
    let by = share.rsplit_once("?by=").unwrap().1.to_string();
    for (name, email, referrer) in [
        ("Fran Friend", "fran@example.org", by.as_str()),
        ("Sam Sharer", "sam@example.org", by.as_str()),
        ("Nobody Special", "nobody@example.org", "999999"),
    ] {
        let slot = slot.to_string();
        app.call(
            "/api/events/sign-up",
            &[
                ("slot_id", &slot),
                ("name", name),
                ("email", email),
                ("referrer", referrer),
            ],
            None,
        )
        .await;
    }
    assert_eq!(
        app.call("/api/events/brought", &[], Some(&sharer))
            .await
            .json(),
        1
    );
    assert_eq!(
        app.call("/api/events/brought", &[], None)
            .await
            .error_code(),
        "unauthenticated"
    );
}

#[tokio::test]
async fn a_personal_calendar_feed_lists_my_events_until_renewed() {
    let app = TestApp::spawn().await;
    let me = app.signed_in("Cal Endar", "cal@example.org").await;
    let (_, slot) = event_with_capacity(&app, "").await;
    app.call(
        "/api/events/sign-up",
        &[("slot_id", &slot.to_string())],
        Some(&me),
    )
    .await;
    let url = app
        .call("/api/events/calendar-feed", &[], Some(&me))
        .await
        .json();
    let path = url
        .as_str()
        .unwrap()
        .split_once("/calendar/")
        .unwrap()
        .1
        .to_string();
    let feed = app.get(&format!("/calendar/{path}"), None).await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(
        feed.body.contains("BEGIN:VCALENDAR") && feed.body.contains("SUMMARY:Door knocking"),
        "{}",
        feed.body
    );
    assert_eq!(
        app.call("/api/events/calendar-feed", &[], Some(&me))
            .await
            .json(),
        url,
        "stable until renewed"
    );

    app.call("/api/events/calendar-feed/renew", &[], Some(&me))
        .await;
    assert_eq!(
        app.get(&format!("/calendar/{path}"), None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.call("/api/events/calendar-feed", &[], None)
            .await
            .error_code(),
        "unauthenticated"
    );
}

#[tokio::test]
async fn event_pages_carry_schema_org_data_and_lists_filter_by_date() {
    let app = TestApp::spawn().await;
    let (event_id, _) = event_with_capacity(&app, "4").await;
    let page = app
        .get(&format!("/events/{event_id}-door-knocking"), None)
        .await;
    assert!(
        page.body.contains(r#"<script type="application/ld+json""#),
        "{}",
        page.body
    );
    assert!(page.body.contains(r#""@type":"Event""#));

    let in_days = |days: i64| {
        (Utc::now() + Duration::days(days))
            .with_timezone(&London)
            .format("%Y-%m-%d")
            .to_string()
    };
    let count = |from: String, until: String| {
        let app = &app;
        async move {
            app.call(
                "/api/events/list",
                &[("from", &from), ("until", &until)],
                None,
            )
            .await
            .json()["events"]
                .as_array()
                .map(Vec::len)
                .unwrap_or(usize::MAX)
        }
    };
    // The event is 7 days away.
    assert_eq!(count(in_days(6), in_days(8)).await, 1);
    assert_eq!(count(in_days(8), in_days(20)).await, 0);
    assert_eq!(
        app.call("/api/events/list", &[("from", "next week")], None)
            .await
            .error_field(),
        "from"
    );
}

#[tokio::test]
async fn as_shipped_a_new_accounts_event_waits_for_staff_and_cannot_be_signed_up_to() {
    let app =
        TestApp::spawn_as_shipped(app::state::Settings::new(crate::support::ORIGIN, true)).await;
    let newcomer = app.signed_in("Nell Newcomer", "nell@example.org").await;

    let id = event_id_of(
        &app.call(
            "/api/events/create",
            &as_fields(&event_form("Free prizes", "")),
            Some(&newcomer),
        )
        .await,
    );

    let seen_by_host = app
        .call(
            "/api/events/get",
            &[("id", &id.to_string())],
            Some(&newcomer),
        )
        .await;
    assert_eq!(seen_by_host.json()["status"], "pending");
    let seen_by_public = app
        .call("/api/events/get", &[("id", &id.to_string())], None)
        .await;
    assert_eq!(seen_by_public.error_code(), "not_found");
    let slot = app.slot_of(id).await;
    assert!(sign_up(&app.db, slot, &guest(1), "http://x").await.is_err());
}

#[tokio::test]
async fn an_event_whose_stored_status_is_unknown_is_never_shown_as_published() {
    use sea_orm::ConnectionTrait;
    let app = TestApp::spawn().await;
    let (event_id, _) = event_with_capacity(&app, "").await;
    let shown = app
        .call("/api/events/get", &[("id", &event_id.to_string())], None)
        .await;
    assert!(shown.succeeded(), "{}", shown.body);
    let card = format!("\"id\":{event_id},");
    let listed = app.call("/api/events/list", &[], None).await;
    assert!(listed.body.contains(&card), "{}", listed.body);
    app.db
        .execute_unprepared(&format!(
            "UPDATE events SET status = 'publishd' WHERE id = {event_id}"
        ))
        .await
        .unwrap();
    let shown = app
        .call("/api/events/get", &[("id", &event_id.to_string())], None)
        .await;
    assert!(
        !shown.succeeded(),
        "a bad stored value is an error: {}",
        shown.body
    );
    let listed = app.call("/api/events/list", &[], None).await;
    assert!(!listed.body.contains(&card), "{}", listed.body);
}
