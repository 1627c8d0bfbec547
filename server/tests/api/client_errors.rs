//! A client's mistakes are answered as such (400, 413, a field error), never as 500.

use crate::support::TestApp;
use axum::http::StatusCode;

#[tokio::test]
async fn unparseable_arguments_are_bad_requests() {
    let app = TestApp::spawn().await;
    for (path, form) in [
        ("/api/events/get", [("id", "abc")]),
        ("/api/events/list", [("page", "-1")]),
        ("/api/events/list", [("page", "4294967296")]),
        ("/api/groups/list", [("page", "two")]),
    ] {
        let reply = app.call(path, &form, None).await;

        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{path} {form:?}");
        assert_eq!(reply.error_code(), "bad_request");
    }
}

#[tokio::test]
async fn a_body_over_the_limit_is_too_large() {
    let app = TestApp::spawn().await;
    let huge = "a".repeat(3 * 1024 * 1024);

    let reply = app.call("/api/events/list", &[("q", &huge)], None).await;

    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(reply.error_code(), "too_large");
}

#[tokio::test]
async fn search_text_is_capped_before_it_reaches_the_database() {
    let app = TestApp::spawn().await;
    let long = "a".repeat(50_001);

    let events = app.call("/api/events/list", &[("q", &long)], None).await;
    let groups = app.call("/api/groups/list", &[("q", &long)], None).await;
    let near = app.call("/api/events/list", &[("near", &long)], None).await;

    for (reply, field) in [(events, "q"), (groups, "q"), (near, "near")] {
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(reply.error_field(), field);
    }
}

#[tokio::test]
async fn multi_byte_postcodes_get_a_clear_error_not_a_dropped_connection() {
    let app = TestApp::spawn().await;
    for postcode in ["aaé12", "AB1 €A"] {
        let reply = app
            .call("/api/events/list", &[("near", postcode)], None)
            .await;

        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{postcode}");
        assert_eq!(reply.error_field(), "near");
    }
}
