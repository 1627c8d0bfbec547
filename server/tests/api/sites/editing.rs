//! Building a site: blocks, publishing, revisions and restoring, the imprint gate, two
//! editors at once, hostile text, the sitemap and the group page's links.

use super::{Site, SLUG};

#[tokio::test]
async fn nothing_is_published_until_the_imprint_is_set() {
    let site = Site::new().await;
    let saved = site
        .add_block("home", "text", &[("markdown", "Hello Sheffield")])
        .await;
    assert!(saved.succeeded(), "{}", saved.body);
    let refused = site.publish("home").await;
    assert_eq!(refused.error_field(), "imprint");
    assert_eq!(
        site.org.app.get(&format!("/p/{SLUG}"), None).await.status,
        404
    );
    site.set_imprint().await;
    assert!(site.publish("home").await.succeeded());
    let page = site.org.app.get(&format!("/p/{SLUG}"), None).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Hello Sheffield"));
    assert!(page
        .body
        .contains("Promoted by Olive Organiser, 1 High Street, Sheffield S1 2AB."));
    assert!(page.body.contains("site-accent-teal"));
    assert!(
        !page.body.contains("/pkg/membersnet.wasm"),
        "a site page carries no WASM"
    );
}

#[tokio::test]
async fn visitors_see_the_published_version_until_the_next_publish() {
    let site = Site::new().await;
    site.published_home().await;
    let saved = site
        .add_block("home", "text", &[("markdown", "Draft news, not yet out")])
        .await;
    assert!(saved.succeeded());
    let app = &site.org.app;
    let page = app.get(&format!("/p/{SLUG}"), None).await;
    assert!(page
        .body
        .contains("Welcome to <strong>Sheffield Central</strong>"));
    assert!(!page.body.contains("Draft news"), "the draft stays private");
    let preview = app
        .get(
            &format!("/groups/{SLUG}/site/home/preview"),
            Some(&site.org.session),
        )
        .await;
    assert!(preview.body.contains("Draft news"));
    assert!(preview.body.contains("noindex"));
    assert_eq!(
        app.get(&format!("/groups/{SLUG}/site/home/preview"), None)
            .await
            .status,
        401
    );
    assert!(site.publish("home").await.succeeded());
    assert!(app
        .get(&format!("/p/{SLUG}"), None)
        .await
        .body
        .contains("Draft news"));
}

#[tokio::test]
async fn an_earlier_revision_can_be_viewed_and_published_again() {
    let site = Site::new().await;
    site.set_imprint().await;
    site.add_block("home", "text", &[("markdown", "First words")])
        .await;
    site.publish("home").await;
    let version = site.version("home").await;
    let edited = site
        .call(
            "save-block",
            &[
                ("page", "home"),
                ("version", &version),
                ("index", "0"),
                ("markdown", "Second words"),
            ],
        )
        .await;
    assert!(edited.succeeded(), "{}", edited.body);
    site.publish("home").await;
    let editor = site.editor("home").await;
    let revisions = editor["revisions"].as_array().unwrap();
    assert_eq!(revisions.len(), 2);
    assert_eq!(revisions[0]["live"], true);
    let first = revisions[1]["id"].to_string();
    let app = &site.org.app;
    let old = app
        .get(
            &format!("/groups/{SLUG}/site/home/preview?revision={first}"),
            Some(&site.org.session),
        )
        .await;
    assert!(old.body.contains("First words"));
    let restored = site
        .call("restore", &[("page", "home"), ("revision", &first)])
        .await;
    assert!(restored.succeeded(), "{}", restored.body);
    let page = app.get(&format!("/p/{SLUG}"), None).await;
    assert!(page.body.contains("First words") && !page.body.contains("Second words"));
    assert_eq!(
        site.editor("home").await["revisions"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[tokio::test]
async fn blocks_move_and_go_and_a_stale_edit_is_refused() {
    let site = Site::new().await;
    site.add_block("home", "text", &[("markdown", "One")]).await;
    site.add_block("home", "join", &[("heading", "Two")]).await;
    let stale = site.version("home").await;
    let moved = site
        .call(
            "arrange-block",
            &[
                ("page", "home"),
                ("version", &stale),
                ("index", "1"),
                ("action", "up"),
            ],
        )
        .await;
    assert!(moved.succeeded(), "{}", moved.body);
    let blocks = site.editor("home").await["blocks"].clone();
    assert_eq!(blocks[0]["kind"], "join");
    // Made on the version before the move: refused, nothing lost.
    let late = site
        .call(
            "arrange-block",
            &[
                ("page", "home"),
                ("version", &stale),
                ("index", "0"),
                ("action", "remove"),
            ],
        )
        .await;
    assert_eq!(late.status, 409);
    assert_eq!(
        site.editor("home").await["blocks"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let version = site.version("home").await;
    let removed = site
        .call(
            "arrange-block",
            &[
                ("page", "home"),
                ("version", &version),
                ("index", "0"),
                ("action", "remove"),
            ],
        )
        .await;
    assert!(removed.succeeded());
    assert_eq!(site.editor("home").await["blocks"][0]["kind"], "text");
}

#[tokio::test]
async fn hostile_text_is_cleaned_and_escaped_everywhere_it_is_written() {
    let site = Site::new().await;
    site.set_imprint().await;
    let saved = site
        .add_block(
            "home",
            "text",
            &[(
                "markdown",
                "<script>alert(1)</script>[x](javascript:alert(2)) <img src=x onerror=alert(3)>",
            )],
        )
        .await;
    assert!(saved.succeeded());
    let version = site.version("home").await;
    let details = site
        .call(
            "page-details",
            &[
                ("page", "home"),
                ("version", &version),
                ("title", "</title><script>alert(4)</script>"),
                ("description", "\"><script>alert(5)</script>"),
            ],
        )
        .await;
    assert!(details.succeeded(), "{}", details.body);
    let bad_link = site
        .add_block("home", "contact", &[("links", "Click javascript:alert(6)")])
        .await;
    assert_eq!(bad_link.error_field(), "links");
    site.publish("home").await;
    let page = site.org.app.get(&format!("/p/{SLUG}"), None).await;
    for bad in ["<script>alert", "href=\"javascript:", "onerror", "<img"] {
        assert!(!page.body.contains(bad), "{bad} in {}", page.body);
    }
    assert!(page.body.contains("&lt;/title&gt;&lt;script&gt;alert(4)"));
}

#[tokio::test]
async fn pages_get_addresses_of_their_own_and_are_listed_in_the_sitemap() {
    let site = Site::new().await;
    let taken = site
        .call("add-page", &[("title", "Join"), ("slug", "join")])
        .await;
    assert_eq!(taken.error_field(), "slug");
    let added = site
        .call("add-page", &[("title", "About us"), ("slug", "about-us")])
        .await;
    assert!(added.succeeded(), "{}", added.body);
    let again = site
        .call("add-page", &[("title", "About"), ("slug", "about-us")])
        .await;
    assert_eq!(again.error_field(), "slug");
    site.published_home().await;
    let sitemap = site.org.app.get("/sitemap.xml", None).await;
    assert!(sitemap
        .body
        .contains(&format!("<loc>http://127.0.0.1:3000/p/{SLUG}</loc>")));
    assert!(
        !sitemap.body.contains("about-us"),
        "unpublished pages are not listed"
    );
    let home = site.org.app.get(&format!("/p/{SLUG}"), None).await;
    assert!(home.body.contains(&format!(
        "<link rel=\"canonical\" href=\"http://127.0.0.1:3000/p/{SLUG}\">"
    )));
    assert!(home.body.contains("og:title"));
    assert!(home.body.contains("application/json+oembed"));
    assert!(
        home.body.contains(&format!("href=\"/groups/{SLUG}\"")),
        "links back to the group"
    );
}

#[tokio::test]
async fn the_group_page_links_to_its_site_and_its_editor() {
    let site = Site::new().await;
    let app = &site.org.app;
    let group = site.org.group_id.to_string();
    let links = app
        .call("/api/sites/links", &[("group_id", &group)], None)
        .await
        .json();
    assert!(links["site_path"].is_null() && links["editor_path"].is_null());
    site.published_home().await;
    let links = app
        .call(
            "/api/sites/links",
            &[("group_id", &group)],
            Some(&site.org.session),
        )
        .await
        .json();
    assert_eq!(links["site_path"], format!("/p/{SLUG}"));
    assert_eq!(links["editor_path"], format!("/groups/{SLUG}/site"));
}

#[tokio::test]
async fn a_publish_reaches_another_server_process_at_once() {
    let site = Site::new().await;
    site.published_home().await;
    let app = &site.org.app;
    // On SQLite there is one process; on PostgreSQL the reader is a second node.
    let other = if app.db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        app.another_node()
    } else {
        app.another_node_sharing_bus()
    };
    assert!(other
        .get(&format!("/p/{SLUG}"), None)
        .await
        .body
        .contains("Sheffield Central"));
    let version = site.version("home").await;
    site.call(
        "save-block",
        &[
            ("page", "home"),
            ("version", &version),
            ("index", "0"),
            ("markdown", "Fresh news"),
        ],
    )
    .await;
    site.publish("home").await;
    // The other process had the page cached: the signal dropped it.
    let mut seen = false;
    for _ in 0..20 {
        if other
            .get(&format!("/p/{SLUG}"), None)
            .await
            .body
            .contains("Fresh news")
        {
            seen = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(
        seen,
        "the second process still shows the old page after a second"
    );
}
