//! Privacy: the personal-data registry against the live schema, download and erasure of
//! everything about a person, guests' emailed links, the access log and retention.

mod access_log;
mod everything;
mod guests;
mod registry_schema;
mod retention;
mod seed_everywhere;
mod seed_fundraising;
mod seed_phonebank;
mod seed_qa;
mod seed_sites;

use crate::support::TestApp;
use flate2::read::DeflateDecoder;
use std::{collections::BTreeMap, io::Read};

/// The files in a ZIP, read by its central directory as an unzip tool does.
pub fn unzip(archive: &[u8]) -> BTreeMap<String, String> {
    let u16_at = |i: usize| u16::from_le_bytes([archive[i], archive[i + 1]]) as usize;
    let u32_at = |i: usize| u32::from_le_bytes(archive[i..i + 4].try_into().unwrap()) as usize;
    let end = archive.len() - 22;
    assert_eq!(u32_at(end), 0x06054b50, "not a ZIP");
    let mut at = u32_at(end + 16);
    let mut files = BTreeMap::new();
    for _ in 0..u16_at(end + 10) {
        assert_eq!(u32_at(at), 0x02014b50);
        let (packed, name_len, local) = (u32_at(at + 20), u16_at(at + 28), u32_at(at + 42));
        let name = String::from_utf8(archive[at + 46..at + 46 + name_len].to_vec()).unwrap();
        let data_at = local + 30 + u16_at(local + 26);
        let mut content = String::new();
        DeflateDecoder::new(&archive[data_at..data_at + packed])
            .read_to_string(&mut content)
            .unwrap();
        files.insert(name, content);
        at += 46 + name_len;
    }
    files
}

impl TestApp {
    /// Fetches a file as bytes (a download), with the session if given.
    pub async fn get_bytes(&self, path: &str, session: Option<&str>) -> (u16, Vec<u8>) {
        use axum::{
            body::Body,
            http::{header, Request},
        };
        use http_body_util::BodyExt;
        use tower::ServiceExt;
        let mut request = Request::get(path).header(header::HOST, crate::support::HOST);
        if let Some(token) = session {
            request = request.header(header::COOKIE, format!("mn_session={token}"));
        }
        let response = self
            .router
            .clone()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status().as_u16();
        let bytes = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        (status, bytes)
    }
}
