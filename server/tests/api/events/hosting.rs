use super::*;
use axum::http::StatusCode;

#[tokio::test]
async fn only_the_host_and_staff_see_attendees_check_them_in_and_download_them() {
    let app = TestApp::spawn().await;
    let host = app.signed_in("Hana Host", "hana@example.org").await;
    let event_id = event_id_of(&create_via_api(&app, &host, "Stall", "M1 1AE").await);
    let slot = app.slot_of(event_id).await;
    sign_up(&app.db, slot, &guest(1), "http://x").await.unwrap();
    let id = event_id.to_string();

    let dashboard = app
        .call("/api/events/dashboard", &[("id", &id)], Some(&host))
        .await
        .json();
    assert_eq!(dashboard["attendees"][0]["email"], "guest1@example.org");
    let signup_id = dashboard["attendees"][0]["signup_id"]
        .as_i64()
        .unwrap()
        .to_string();

    let other = app.signed_in("Nosy Neighbour", "nosy@example.org").await;
    assert_eq!(
        app.call("/api/events/dashboard", &[("id", &id)], Some(&other))
            .await
            .error_code(),
        "forbidden"
    );
    assert_eq!(
        app.call("/api/events/dashboard", &[("id", &id)], None)
            .await
            .error_code(),
        "unauthenticated"
    );
    assert_eq!(
        app.call(
            "/api/events/check-in",
            &[("signup_id", &signup_id)],
            Some(&other)
        )
        .await
        .error_code(),
        "forbidden"
    );
    let staff = app.signed_in_staff().await;
    assert_eq!(
        app.call("/api/events/dashboard", &[("id", &id)], Some(&staff))
            .await
            .status,
        StatusCode::OK
    );

    // A tap without `arrived` turns check-in over; one that says what it wants takes
    // effect once, however often it is sent (an offline tap queued in the browser may
    // arrive after the page sent it too).
    let tap = |arrived: Option<&'static str>| {
        let (app, signup_id, host) = (&app, signup_id.clone(), host.clone());
        async move {
            let mut form = vec![("signup_id", signup_id.as_str())];
            form.extend(arrived.map(|a| ("arrived", a)));
            app.call("/api/events/check-in", &form, Some(&host))
                .await
                .json()
        }
    };
    assert_eq!(tap(None).await, true);
    for (arrived, state) in [
        ("yes", true),
        ("yes", true),
        ("no", false),
        ("no", false),
        ("yes", true),
    ] {
        assert_eq!(tap(Some(arrived)).await, state, "{arrived}");
    }
    let csv = app
        .get(&format!("/events/{id}/attendees.csv"), Some(&host))
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv
        .headers
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert!(
        csv.body
            .starts_with("name,email,phone,status,checked_in,when,slot\r\n"),
        "{}",
        csv.body
    );
    assert!(
        csv.body.contains("\"guest1@example.org\"") && csv.body.contains("\"yes\""),
        "{}",
        csv.body
    );
    assert_eq!(
        app.get(&format!("/events/{id}/attendees.csv"), Some(&other))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get(&format!("/events/{id}/attendees.csv"), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let page = app
        .get(&format!("/events/{id}/dashboard"), Some(&other))
        .await;
    assert!(
        !page.body.contains("guest1@example.org"),
        "attendee data must not reach other people's pages"
    );
}
