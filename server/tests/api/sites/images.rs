//! Image blocks: an upload is checked by its bytes, kept as fresh copies without
//! metadata, served only as images, and a page cannot go out with an image lacking words.

use super::{Site, SLUG};
use crate::support::{HOST, ORIGIN};
use axum::{
    body::Body,
    http::{header, Request},
};
use std::io::Cursor;

fn png(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    image::DynamicImage::new_rgb8(width, height)
        .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

impl Site {
    /// Uploads `bytes`, labelled `kind`, into block `index` of the home page.
    async fn upload(&self, index: usize, kind: &str, bytes: &[u8]) -> crate::support::Reply {
        let version = self.version("home").await;
        let boundary = "XyZboundary";
        let mut body = Vec::new();
        for (name, value) in [("index", index.to_string()), ("version", version)] {
            body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").bytes());
        }
        body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo\"\r\nContent-Type: {kind}\r\n\r\n").bytes());
        body.extend_from_slice(bytes);
        body.extend(format!("\r\n--{boundary}--\r\n").bytes());
        let request = Request::post(format!("/groups/{SLUG}/site/home/image"))
            .header(header::HOST, HOST)
            .header(header::ORIGIN, ORIGIN)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header(header::COOKIE, format!("mn_session={}", self.org.session))
            .body(Body::from(body))
            .unwrap();
        self.org.app.send(request).await
    }
}

#[tokio::test]
async fn an_uploaded_image_is_kept_as_fresh_copies_and_served_as_an_image() {
    let site = Site::new().await;
    site.set_imprint().await;
    site.add_block(
        "home",
        "image",
        &[("alt", "Volunteers at the street stall")],
    )
    .await;
    let sent = site.upload(0, "image/png", &png(900, 300)).await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    assert_eq!(
        sent.headers["location"],
        format!("/groups/{SLUG}/site/home?saved=1")
    );
    let block = site.editor("home").await["blocks"][0].clone();
    assert_eq!(block["width"], 900);
    assert_eq!(block["alt"], "Volunteers at the street stall");
    let name = block["name"].as_str().unwrap().to_string();
    let copy = site
        .org
        .app
        .get(&format!("/uploads/{name}-600.jpg"), None)
        .await;
    assert_eq!(copy.status, 200);
    assert_eq!(copy.headers[header::CONTENT_TYPE], "image/jpeg");
    assert_eq!(copy.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert!(site.publish("home").await.succeeded());
    let page = site.org.app.get(&format!("/p/{SLUG}"), None).await;
    assert!(page
        .body
        .contains(&format!("src=\"/uploads/{name}-1200.jpg\"")));
    assert!(page.body.contains("alt=\"Volunteers at the street stall\""));
    assert_eq!(
        site.org
            .app
            .get("/uploads/..%2F..%2Fetc%2Fpasswd", None)
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn non_images_and_mislabelled_images_are_refused_with_a_reason() {
    let site = Site::new().await;
    site.add_block("home", "image", &[("alt", "A photo")]).await;
    let script = site
        .upload(0, "image/png", b"<script>alert(1)</script>")
        .await;
    assert_eq!(
        script.headers["location"],
        format!("/groups/{SLUG}/site/home?block=0&image_error=2")
    );
    let mislabelled = site.upload(0, "image/jpeg", &png(10, 10)).await;
    assert_eq!(
        mislabelled.headers["location"],
        format!("/groups/{SLUG}/site/home?block=0&image_error=3")
    );
    assert_eq!(site.editor("home").await["blocks"][0]["name"], "");
}

#[tokio::test]
async fn a_page_with_an_image_lacking_a_file_or_words_is_not_published() {
    let site = Site::new().await;
    site.set_imprint().await;
    let version = site.version("home").await;
    site.call(
        "add-block",
        &[("page", "home"), ("version", &version), ("kind", "image")],
    )
    .await;
    let refused = site.publish("home").await;
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert!(refused.body.contains("no image yet"));
}
