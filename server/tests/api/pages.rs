use crate::support::TestApp;
use axum::{
    body::Body,
    http::{header, Request, StatusCode},
};

#[tokio::test]
async fn the_home_page_is_rendered_on_the_server_with_navigation() {
    let app = TestApp::spawn().await;
    let page = app.get("/", None).await;
    assert_eq!(page.status, StatusCode::OK);
    for text in [
        "Events",
        "Groups",
        "Friends",
        "Sign in",
        "Change starts on your street",
        "Crown copyright",
    ] {
        assert!(page.body.contains(text), "home page lacks {text:?}");
    }
    assert!(page.body.contains(r#"rel="manifest""#));
}

#[tokio::test]
async fn pages_carry_security_headers_and_a_nonce_for_their_own_scripts() {
    let app = TestApp::spawn().await;
    let page = app.get("/sign-in", None).await;
    let csp = page
        .headers
        .get(header::CONTENT_SECURITY_POLICY)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        csp.contains("frame-ancestors 'none'") && csp.contains("'wasm-unsafe-eval'"),
        "{csp}"
    );
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .expect("a nonce");
    assert!(
        page.body.contains(&format!(r#"nonce="{nonce}""#)),
        "scripts must carry the nonce"
    );
    assert_eq!(
        page.headers.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(),
        "nosniff"
    );
    assert!(page.headers.contains_key(header::REFERRER_POLICY));
    assert!(page.headers.contains_key("x-request-id"));
}

#[tokio::test]
async fn a_signed_in_person_sees_their_name_in_the_page() {
    let app = TestApp::spawn().await;
    let token = app.signed_in("Sam Patel", "sam@example.org").await;
    let page = app.get("/profile", Some(&token)).await;
    assert!(page.body.contains("Sam Patel"));
    assert!(page.body.contains("Sign out"));
    assert!(!page.body.contains("Please sign in"));
}

#[tokio::test]
async fn the_staff_outbox_page_refuses_a_plain_member() {
    let app = TestApp::spawn().await;
    let token = app.signed_in("Sam", "sam@example.org").await;
    let page = app.get("/staff/outbox", Some(&token)).await;
    assert!(page.body.contains("You are not allowed to do that."));
}

#[tokio::test]
async fn an_unknown_address_gets_a_real_404_page() {
    let app = TestApp::spawn().await;
    let page = app.get("/no/such/page", None).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(page.body.contains("We could not find that page"));
}

#[tokio::test]
async fn without_javascript_a_form_error_comes_back_beside_its_field() {
    let app = TestApp::spawn().await;
    let request = Request::post("/api/auth/sign-up")
        .header(header::HOST, crate::support::HOST)
        .header(header::ORIGIN, crate::support::ORIGIN)
        .header(header::REFERER, "http://127.0.0.1:3000/sign-up")
        .header(header::ACCEPT, "text/html")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(
            "name=Sam&email=sam%40example.org&password=short&postcode=",
        ))
        .unwrap();
    let reply = app.send(request).await;
    assert_eq!(reply.status, StatusCode::FOUND);
    let location = reply
        .headers
        .get(header::LOCATION)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let path = location.trim_start_matches(crate::support::ORIGIN);
    let page = app.get(path, None).await;
    assert!(
        page.body.contains("Use at least 10 characters"),
        "{}",
        page.body
    );
    assert!(page.body.contains(r#"aria-invalid="true""#));
}

#[tokio::test]
async fn personal_pages_and_replies_are_never_stored_but_public_pages_may_be() {
    let app = TestApp::spawn().await;
    let token = app.signed_in("Sam Patel", "sam@example.org").await;

    let profile = app.get("/profile", Some(&token)).await;
    let me = app.call("/api/auth/me", &[], Some(&token)).await;
    let public = app.get("/events", None).await;

    for reply in [&profile, &me] {
        assert_eq!(
            reply.headers.get(header::CACHE_CONTROL).unwrap(),
            "no-store"
        );
    }
    assert!(public.headers.get(header::CACHE_CONTROL).is_none());
    assert!(!profile
        .headers
        .contains_key(header::STRICT_TRANSPORT_SECURITY));
}

#[tokio::test]
async fn an_https_site_tells_browsers_to_use_https_only() {
    let app = TestApp::spawn_with_public_url("https://members.example").await;
    let page = app.get("/", None).await;
    let hsts = page.headers.get(header::STRICT_TRANSPORT_SECURITY).unwrap();
    assert!(hsts.to_str().unwrap().starts_with("max-age="));
}
