//! Appeals outside their own page: the Web Creator's donate block (only the group's own
//! appeals), the donate widget other sites frame, and /donate listing open appeals.

use super::{Fund, LOCAL, NATIONAL};
use crate::sites::{Site, SLUG};
use axum::http::header;

#[tokio::test]
async fn a_groups_site_shows_its_appeal_and_other_sites_may_frame_the_widget() {
    let Fund { org, fake, .. } = Fund::new().await;
    let site = Site {
        org,
        event_id: 0,
        slot_id: 0,
    };
    site.set_imprint().await;
    let national = site
        .add_block("home", "donate", &[("target", NATIONAL)])
        .await;
    assert_eq!(
        national.error_field(),
        "target",
        "the party's appeal is not the group's"
    );
    let local = site.add_block("home", "donate", &[("target", LOCAL)]).await;
    assert!(local.succeeded(), "{}", local.body);
    assert!(site.publish("home").await.succeeded());
    let app = &site.org.app;
    let home = app.get(&format!("/p/{SLUG}"), None).await;
    assert!(
        home.body.contains("£0</strong> raised of a £1,000 target"),
        "{}",
        home.body
    );
    assert!(home.body.contains(&format!("href=\"/donate/{LOCAL}\"")));
    assert!(home.body.contains("/donate/thermometer.js"));

    let widget = app.get(&format!("/embed/donate/{LOCAL}"), None).await;
    assert_eq!(widget.status, 200);
    let policy = widget.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(policy.contains("frame-ancestors *"), "{policy}");
    assert!(!widget.headers.contains_key(header::X_FRAME_OPTIONS));
    assert!(!widget.headers.contains_key(header::SET_COOKIE));
    assert!(
        widget.body.contains("target=\"_blank\""),
        "the checkout never opens inside a frame"
    );
    // The donation page itself may not be framed.
    let page = app.get(&format!("/donate/{LOCAL}"), None).await;
    assert!(page.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .contains("frame-ancestors 'none'"));

    let listed = app.get("/donate", None).await;
    assert_eq!(listed.status, 200);
    assert_eq!(
        listed.body.matches("class=\"donate-box\"").count(),
        2,
        "{}",
        listed.body
    );
    drop(fake);
}
