//! Visitors on a published page: "stay in touch" and event sign-ups, with errors beside
//! their fields, nothing half-written, consent only by confirmation, and rate limits.

use super::{Site, SLUG};

async fn post_form(site: &Site, path: &str, form: &[(&str, &str)]) -> crate::support::Reply {
    site.org.app.call(path, form, None).await
}

#[tokio::test]
async fn a_visitor_joins_from_the_page_and_consent_waits_for_their_confirmation() {
    let site = Site::new().await;
    site.published_home().await;
    let path = format!("/p/{SLUG}/home/join");
    let joined = post_form(
        &site,
        &path,
        &[
            ("name", "Vic Visitor"),
            ("email", "vic@example.org"),
            ("postcode", "S1 2HH"),
            ("phone", ""),
            ("consent_email", "yes"),
        ],
    )
    .await;
    assert_eq!(joined.status, 303, "{}", joined.body);
    assert_eq!(
        joined.headers["location"],
        format!("/p/{SLUG}?joined=1#join")
    );
    let thanks = site.org.app.get(&format!("/p/{SLUG}?joined=1"), None).await;
    assert!(thanks.body.contains("we have your details"));
    let app = &site.org.app;
    assert_eq!(app.count("site_joins").await, 1);
    // The box asked; nothing is in force until the address confirms.
    assert_eq!(app.count("consent_current").await, 0);
    assert_eq!(app.count("consent_confirmations").await, 1);
    // A second form under the address rewrites nothing.
    post_form(
        &site,
        &path,
        &[
            ("name", "Someone Else"),
            ("email", "vic@example.org"),
            ("postcode", "M1 1AE"),
        ],
    )
    .await;
    assert_eq!(app.count("site_joins").await, 1);
}

#[tokio::test]
async fn a_refused_form_comes_back_filled_in_with_the_error_beside_its_field() {
    let site = Site::new().await;
    site.published_home().await;
    let refused = post_form(
        &site,
        &format!("/p/{SLUG}/home/join"),
        &[
            ("name", "Vic <b>Visitor</b>"),
            ("email", "not-an-address"),
            ("postcode", "S1 2HH"),
            ("consent_sms", "yes"),
        ],
    )
    .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("class=\"field-error\""));
    assert!(
        refused
            .body
            .contains("value=\"Vic &lt;b&gt;Visitor&lt;/b&gt;\""),
        "kept, escaped"
    );
    assert_eq!(site.org.app.count("site_joins").await, 0);
}

#[tokio::test]
async fn joining_is_rate_limited_per_email_address() {
    let site = Site::new().await;
    site.published_home().await;
    let mut statuses = Vec::new();
    for _ in 0..12 {
        let form = [
            ("name", "Vic"),
            ("email", "vic@example.org"),
            ("postcode", "S1 2HH"),
            ("consent_email", "yes"),
        ];
        let reply = post_form(&site, &format!("/p/{SLUG}/home/join"), &form).await;
        statuses.push(reply.status.as_u16());
    }
    assert!(statuses.contains(&429), "{statuses:?}");
}

#[tokio::test]
async fn an_event_block_signs_a_guest_up() {
    let site = Site::new().await;
    site.set_imprint().await;
    let event = site.event_id.to_string();
    let saved = site
        .add_block("home", "event", &[("event_id", &event)])
        .await;
    assert!(saved.succeeded(), "{}", saved.body);
    site.publish("home").await;
    let page = site.org.app.get(&format!("/p/{SLUG}"), None).await;
    assert!(page.body.contains("Door knocking"));
    let slot = site.slot_id.to_string();
    let signed = post_form(
        &site,
        &format!("/p/{SLUG}/home/sign-up?event={event}"),
        &[
            ("slot_id", &slot),
            ("name", "Gus Guest"),
            ("email", "gus@example.org"),
        ],
    )
    .await;
    assert_eq!(signed.status, 303, "{}", signed.body);
    assert!(signed.headers["location"]
        .to_str()
        .unwrap()
        .contains("signed-up?status=confirmed"));
    assert_eq!(site.org.app.count("signups").await, 1);
}

#[tokio::test]
async fn an_event_block_takes_only_the_groups_own_events() {
    let site = Site::new().await;
    let (other_event, _) = crate::events::event_with_capacity(&site.org.app, "").await;
    let other = other_event.to_string();
    let refused = site
        .add_block("home", "event", &[("event_id", &other)])
        .await;
    assert_eq!(refused.error_field(), "event_id");
}

#[tokio::test]
async fn forms_are_taken_only_from_published_pages_that_show_them() {
    let site = Site::new().await;
    site.set_imprint().await;
    site.add_block("home", "text", &[("markdown", "No forms here")])
        .await;
    site.publish("home").await;
    let join = [
        ("name", "Vic"),
        ("email", "vic@example.org"),
        ("postcode", "S1 2HH"),
    ];
    let refused = post_form(&site, &format!("/p/{SLUG}/home/join"), &join).await;
    assert_eq!(refused.status, 404);
    let nowhere = post_form(&site, &format!("/p/{SLUG}/no-such-page/join"), &join).await;
    assert_eq!(nowhere.status, 404);
    let slot = site.slot_id.to_string();
    let sign_up = [
        ("slot_id", slot.as_str()),
        ("name", "Gus"),
        ("email", "gus@example.org"),
    ];
    let path = format!("/p/{SLUG}/home/sign-up?event={}", site.event_id);
    assert_eq!(post_form(&site, &path, &sign_up).await.status, 404);
    assert_eq!(site.org.app.count("site_joins").await, 0);
    assert_eq!(site.org.app.count("signups").await, 0);
}
