//! Friends: requests and blocks, who may see whose sign-ups, and suggestions.

mod privacy;
mod requests;
mod suggestions;

pub use crate::support::TestApp;

/// A signed-in person: (id, session token).
pub async fn person(app: &TestApp, name: &str, email: &str) -> (i32, String) {
    let token = app.signed_in(name, email).await;
    let id = app::auth::service::accounts::get_person_by_email(&app.db, email)
        .await
        .unwrap()
        .unwrap()
        .id;
    (id, token)
}

/// Makes two people friends through the server functions, both sharing with friends.
pub async fn befriend(app: &TestApp, a: &(i32, String), b: &(i32, String)) {
    app.call(
        "/api/friends/request",
        &[("person_id", &b.0.to_string())],
        Some(&a.1),
    )
    .await;
    let answered = app
        .call(
            "/api/friends/answer",
            &[("person_id", &a.0.to_string()), ("answer", "accept")],
            Some(&b.1),
        )
        .await;
    assert!(answered.succeeded(), "{}", answered.body);
    for who in [a, b] {
        app.call(
            "/api/friends/sharing",
            &[("sharing", "friends")],
            Some(&who.1),
        )
        .await;
    }
}

/// Signs `who` up (as themselves) to the event's first slot.
pub async fn sign_up(app: &TestApp, who: &(i32, String), event_id: i32) {
    let slot = app.slot_of(event_id).await.to_string();
    let reply = app
        .call("/api/events/sign-up", &[("slot_id", &slot)], Some(&who.1))
        .await;
    assert!(reply.succeeded(), "{}", reply.body);
}
