//! The access log records each listed view of other people's details; staff read it;
//! nobody downloads anyone else's data.

use super::seed_everywhere::download_href;
use crate::{
    events::event_hosted_by,
    groups::{add_member, group_owned_by},
    support::{TestApp, PASSWORD},
};
use app::{
    events::service::signups::{sign_up, SignUpDetails},
    mail::queue_email,
};

#[tokio::test]
async fn each_listed_view_is_recorded_and_staff_can_read_it() {
    let app = TestApp::spawn().await;
    let host = app.create_person("Hana Host", "hana@example.org").await;
    let host_session = app
        .sign_in("hana@example.org", PASSWORD)
        .await
        .session_cookie()
        .unwrap();
    let (event, slot) = event_hosted_by(&app, host, "").await;
    let guest = SignUpDetails::parse("Gus Guest", "gus@example.org", "", "", false, false).unwrap();
    sign_up(&app.db, slot, &guest, "http://x").await.unwrap();
    let member = app.create_person("Meg Member", "meg@example.org").await;

    // The attendee list, and its CSV.
    let dashboard = app
        .call(
            "/api/events/dashboard",
            &[("id", &event.to_string())],
            Some(&host_session),
        )
        .await;
    assert!(dashboard.succeeded(), "{}", dashboard.body);
    // Reloading the list at once (after a check-in, say) is the same look.
    app.call(
        "/api/events/dashboard",
        &[("id", &event.to_string())],
        Some(&host_session),
    )
    .await;
    let (status, _) = app
        .get_bytes(
            &format!("/events/{event}/attendees.csv"),
            Some(&host_session),
        )
        .await;
    assert_eq!(status, 200);
    // A group's member list, seen by its owner.
    let group = group_owned_by(&app, host, "Hana's Group", "open").await;
    add_member(&app, group, member, "member", "active").await;
    let slug = {
        use sea_orm::EntityTrait;
        app::groups::tables::group::Entity::find_by_id(group)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .slug
    };
    let page = app
        .get(&format!("/groups/{slug}"), Some(&host_session))
        .await;
    assert!(
        page.body.contains("Meg Member"),
        "the owner sees the member list"
    );
    // The outbox, seen by staff.
    queue_email(&app.db, "gus@example.org", "Your place", "See you")
        .await
        .unwrap();
    let staff = app.signed_in_staff().await;
    app.call("/api/outreach/outbox", &[], Some(&staff)).await;

    // The staff page's lines for these filters.
    let access_log = |filters: &'static [(&'static str, &'static str)]| {
        let (app, staff) = (&app, staff.clone());
        async move {
            let page = app
                .call("/api/privacy/access-log", filters, Some(&staff))
                .await
                .json();
            page["lines"].as_array().unwrap().clone()
        }
    };
    let lines = access_log(&[]).await;
    let has = |what: &str, whose: &str| {
        lines
            .iter()
            .any(|l| l["what"] == what && l["whose"].as_str().unwrap_or_default().contains(whose))
    };
    assert!(has("attendee list", "gus@example.org (guest)"), "{lines:?}");
    let looks = lines
        .iter()
        .filter(|l| l["what"] == "attendee list")
        .count();
    assert_eq!(
        looks, 1,
        "one look, however often the list reloads: {lines:?}"
    );
    assert!(has("attendee list (CSV)", "gus@example.org"), "{lines:?}");
    assert!(has("group member list", "Meg Member"), "{lines:?}");
    assert!(has("the outbox", "gus@example.org"), "{lines:?}");
    assert!(
        lines.iter().all(|l| l["whose"] != "Hana Host"),
        "viewing yourself is not logged"
    );

    let filtered = access_log(&[("whose", "meg@example.org")]).await;
    assert_eq!(filtered.len(), 1);
    assert_eq!(filtered[0]["viewer"], "Hana Host");
    assert_eq!(filtered[0]["role"], "organiser of “Hana's Group”");

    let whats: Vec<_> = access_log(&[("what", "the outbox")])
        .await
        .iter()
        .map(|l| l["what"].clone())
        .collect();
    assert!(
        !whats.is_empty() && whats.iter().all(|w| w == "the outbox"),
        "{whats:?}"
    );

    let not_staff = app
        .call("/api/privacy/access-log", &[], Some(&host_session))
        .await;
    assert_eq!(not_staff.error_code(), "forbidden");
}

#[tokio::test]
async fn nobody_downloads_another_persons_data() {
    let app = TestApp::spawn().await;
    let mine = app.signed_in("Mina Mine", "mina@example.org").await;
    let wrong = app
        .call(
            "/api/privacy/prepare-download",
            &[("password", "nope nope nope")],
            Some(&mine),
        )
        .await;
    assert_eq!(wrong.error_field(), "password");
    let anonymous = app
        .call(
            "/api/privacy/prepare-download",
            &[("password", PASSWORD)],
            None,
        )
        .await;
    assert_eq!(anonymous.error_code(), "unauthenticated");
    app.call(
        "/api/privacy/prepare-download",
        &[("password", PASSWORD)],
        Some(&mine),
    )
    .await;
    let href = download_href(&app, &mine).await;

    let theirs = app.signed_in("Theo Theirs", "theo@example.org").await;
    assert_eq!(app.get_bytes(&href, Some(&theirs)).await.0, 404);
    assert_eq!(app.get_bytes(&href, None).await.0, 401);
    assert_eq!(app.get_bytes(&href, Some(&mine)).await.0, 200);
    let list = app
        .call("/api/privacy/my-downloads", &[], Some(&theirs))
        .await
        .json();
    assert_eq!(list.as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn a_preview_in_the_creators_is_recorded() {
    use crate::outreach::{consent, draft, member, official_group};
    use app::{
        consent::model::PARTY_SCOPE,
        mail::Channel,
        personal_data::access_log::{entries, AccessFilter},
    };
    let sender = official_group().await;
    let email = member(&sender, "Anna Baker", "anna@example.org").await;
    consent(&sender.app, &email, Channel::Email, PARTY_SCOPE, true, None).await;
    let id = draft(
        &sender,
        "email",
        &[
            ("subject", "Hi"),
            ("body", "Hello"),
            ("audience", "members"),
        ],
    )
    .await
    .to_string();
    let preview = sender
        .app
        .call(
            "/api/outreach/messages/preview",
            &[("id", id.as_str()), ("recipient", "anna")],
            Some(&sender.session),
        )
        .await;
    assert!(preview.succeeded(), "{}", preview.body);
    let anna = crate::groups::person_id(&sender.app, "anna@example.org").await;
    let logged = entries(
        &sender.app.db,
        &AccessFilter {
            subject_id: Some(anna),
            ..Default::default()
        },
        10,
    )
    .await
    .unwrap();
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].what, "a message preview in the Creators");
    assert_eq!(
        logged[0].viewer_role,
        "organiser of “Sheffield Central Local Party”"
    );
}
