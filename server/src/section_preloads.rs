//! Each page's head gets the preloads of its own section's WASM chunks, so the browser
//! fetches them while the frame downloads instead of after it has started. They wait in a
//! `<template data-preloads>` until the hydration script puts them in the head after the
//! first paint (`app::assets::hydration_scripts`). The links of
//! every section are written once, from the split build's manifest; a page says which
//! section drew it (`app::page_slot::PageSection`), and this layer adds that section's links
//! before `</head>`. Leptos's own way of adding them picked the wrong request's page
//! under load (see `app::assets::hydration_scripts`).

use app::{assets::hash_of, page_slot::PageSection};
use axum::{
    body::Body,
    extract::{Request, State},
    http::{header, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::{collections::HashMap, path::Path, sync::Arc};

/// The `<link>`s of each section, by the section's name (`event_section`, …). Empty when
/// the build was not split (tests, development).
#[derive(Default)]
pub struct SectionPreloads(HashMap<String, String>);

impl SectionPreloads {
    /// Reads the split manifest under `site_root/pkg`, if the build wrote one.
    pub fn load(site_root: &str) -> Arc<Self> {
        let manifest = match hash_of("manifest") {
            Some(hash) => format!("__wasm_split_manifest.{hash}.json"),
            None => "__wasm_split_manifest.json".to_string(),
        };
        let loader = match hash_of("split") {
            Some(hash) => format!("__wasm_split.{hash}.js"),
            None => "__wasm_split.js".to_string(),
        };
        let text = std::fs::read_to_string(Path::new(site_root).join("pkg").join(manifest));
        let parsed = text
            .ok()
            .and_then(|text| serde_json::from_str::<HashMap<String, Vec<String>>>(&text).ok());
        Arc::new(match parsed {
            Some(manifest) => Self::from_manifest(manifest, &loader),
            None => Self::default(),
        })
    }

    fn from_manifest(manifest: HashMap<String, Vec<String>>, loader: &str) -> Self {
        let sections = manifest
            .into_iter()
            .map(|(key, modules)| {
                let mut links = format!(
                    r#"<template data-preloads><link rel="modulepreload" href="/pkg/{loader}" crossorigin="">"#
                );
                for module in modules {
                    links.push_str(&format!(
                        r#"<link rel="preload" href="/pkg/{module}.wasm" as="fetch" type="application/wasm" crossorigin="">"#
                    ));
                }
                links.push_str("</template>");
                (section_name(&key).to_string(), links)
            })
            .collect();
        Self(sections)
    }

    /// The links of `section`, if the build split it out.
    pub fn links(&self, section: &str) -> Option<&str> {
        self.0.get(section).map(String::as_str)
    }
}

/// A manifest key is the lazy function's name and a hash of it: `event_section_1676…`.
fn section_name(key: &str) -> &str {
    match key.rsplit_once('_') {
        Some((name, hash)) if !hash.is_empty() && hash.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => key,
    }
}

/// The layer: gives the request a slot for the page's section, then writes that section's
/// links into the page's head. Pages are drawn whole before they are sent (SSR "async"
/// mode), so holding the body here adds no wait.
pub async fn add_section_preloads(
    State(preloads): State<Arc<SectionPreloads>>,
    mut request: Request,
    next: Next,
) -> Response {
    let section = PageSection::default();
    request.extensions_mut().insert(section.clone());
    let response = next.run(request).await;
    let Some(links) = section.take().and_then(|name| preloads.links(name)) else {
        return response;
    };
    let (mut parts, body) = response.into_parts();
    let Ok(html) = axum::body::to_bytes(body, usize::MAX).await else {
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            "The page could not be sent.",
        )
            .into_response();
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(with_links(&html, links)))
}

/// `html` with `links` just before its `</head>` (unchanged if it has none).
fn with_links(html: &[u8], links: &str) -> Vec<u8> {
    const HEAD_END: &[u8] = b"</head>";
    let Some(at) = html.windows(HEAD_END.len()).position(|w| w == HEAD_END) else {
        return html.to_vec();
    };
    let mut out = Vec::with_capacity(html.len() + links.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(links.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_named_without_their_hash() {
        assert_eq!(
            section_name("event_section_16765297328583944540"),
            "event_section"
        );
        assert_eq!(section_name("qa_admin_section_1"), "qa_admin_section");
        assert_eq!(section_name("odd_name_"), "odd_name_");
        assert_eq!(section_name("plain"), "plain");
    }

    #[test]
    fn each_section_gets_its_own_chunks_and_the_loader() {
        let manifest = HashMap::from([
            (
                "home_section_42".to_string(),
                vec!["chunk_1.aa".to_string()],
            ),
            (
                "event_section_42".to_string(),
                vec!["chunk_2.bb".to_string(), "split_event.cc".to_string()],
            ),
        ]);
        let preloads = SectionPreloads::from_manifest(manifest, "__wasm_split.dd.js");
        let event = preloads.links("event_section").unwrap();
        assert!(event.starts_with(
            r#"<template data-preloads><link rel="modulepreload" href="/pkg/__wasm_split.dd.js""#
        ));
        assert!(event.ends_with("</template>"));
        assert!(event.contains(r#"href="/pkg/chunk_2.bb.wasm""#));
        assert!(event.contains(r#"href="/pkg/split_event.cc.wasm""#));
        assert!(!event.contains("chunk_1"));
        assert_eq!(
            preloads
                .links("home_section")
                .unwrap()
                .matches("<link")
                .count(),
            2
        );
        assert!(preloads.links("groups_section").is_none());
    }

    #[test]
    fn links_go_just_before_the_head_ends() {
        let html = b"<html><head><title>x</title></head><body>\xc2\xa3</body></html>";
        let out = with_links(html, "<link>");
        assert_eq!(
            out,
            b"<html><head><title>x</title><link></head><body>\xc2\xa3</body></html>".to_vec()
        );
        assert_eq!(
            with_links(b"<p>no head</p>", "<link>"),
            b"<p>no head</p>".to_vec()
        );
    }
}
