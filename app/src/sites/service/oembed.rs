//! oEmbed (https://oembed.com): pasting an event's or a group site's address into a blog
//! editor that speaks oEmbed (WordPress does) shows the matching widget in an iframe.

use crate::{
    error::{AppError, AppResult},
    events::model::event_id_from_path_segment,
    groups::service::lookups::group_ref_by_slug,
    sites::service::published::{event_to_show, BlockData},
    ui::escape,
};
use sea_orm::ConnectionTrait;
use serde::Serialize;

/// What an address of this site can be embedded as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Embeddable {
    Event(i32),
    GroupSite(String),
}

/// Reads `url` as one of this site's embeddable addresses (under `public_url`, or a path
/// of this site, as the discovery links give).
pub fn embeddable(public_url: &str, url: &str) -> Option<Embeddable> {
    let base = public_url.trim_end_matches('/');
    let path = match url.strip_prefix(base) {
        Some(rest) if rest.starts_with('/') => rest,
        _ if url.starts_with('/') && !url.starts_with("//") => url,
        _ => return None,
    };
    let path = path.split(['?', '#']).next()?;
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    match segments.as_slice() {
        ["events", segment] => event_id_from_path_segment(segment).map(Embeddable::Event),
        ["p", group] | ["p", group, _] if !group.is_empty() => {
            Some(Embeddable::GroupSite(group.to_string()))
        }
        _ => None,
    }
}

/// The oEmbed reply: always `rich`, an iframe of the widget.
#[derive(Debug, Clone, Serialize)]
pub struct OEmbed {
    pub version: &'static str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub title: String,
    pub provider_name: &'static str,
    pub provider_url: String,
    pub html: String,
    pub width: u32,
    pub height: u32,
}

/// The oEmbed reply for `url`, sized within `max_width` and `max_height` when given.
pub async fn oembed_for(
    db: &impl ConnectionTrait,
    public_url: &str,
    url: &str,
    max_width: Option<u32>,
    max_height: Option<u32>,
) -> AppResult<OEmbed> {
    let base = public_url.trim_end_matches('/');
    let (title, src) = match embeddable(base, url).ok_or(AppError::NotFound)? {
        Embeddable::Event(id) => {
            // Only a published event: others' titles are their hosts' business.
            let BlockData::Event(event) = event_to_show(db, id, base).await? else {
                return Err(AppError::NotFound);
            };
            (event.card.title, format!("{base}/embed/events/{id}"))
        }
        Embeddable::GroupSite(slug) => {
            let group = group_ref_by_slug(db, &slug)
                .await?
                .ok_or(AppError::NotFound)?;
            (
                format!("Events with {}", group.name),
                format!("{base}/embed/groups/{}/events", group.slug),
            )
        }
    };
    let width = max_width.unwrap_or(600).clamp(200, 1200);
    let height = max_height.unwrap_or(520).clamp(200, 2000);
    Ok(OEmbed {
        version: "1.0",
        kind: "rich",
        html: iframe_snippet(&src, &title, height),
        title,
        provider_name: "MembersNet",
        provider_url: base.to_string(),
        width,
        height,
    })
}

/// The HTML that embeds the widget at `src`: a lazily loaded iframe that sizes itself where
/// the browser can, and a link for readers whose browser shows no frames.
pub fn iframe_snippet(src: &str, title: &str, height: u32) -> String {
    let (src, title) = (escape::html(src), escape::html(title));
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" \
         style=\"border:0;max-width:100%;frame-sizing:content-height\" data-membersnet-widget>\
         <a href=\"{src}\">{title}</a></iframe>"
    )
}

/// The snippet an organiser pastes: the iframe, and a few lines of script that let the
/// widget set the iframe's height (messages only from this site are heeded).
pub fn snippet_with_resizer(public_url: &str, src: &str, title: &str) -> String {
    let base = public_url.trim_end_matches('/');
    format!(
        "{}\n<script src=\"{}/embed/resize.js\" async></script>",
        iframe_snippet(src, title, 520),
        escape::html(base)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = "https://members.example";

    #[test]
    fn event_pages_and_group_sites_are_embeddable() {
        assert_eq!(
            embeddable(
                SITE,
                "https://members.example/events/12-door-knocking?ref=3"
            ),
            Some(Embeddable::Event(12))
        );
        assert_eq!(
            embeddable(SITE, "https://members.example/p/sheffield/about"),
            Some(Embeddable::GroupSite("sheffield".into()))
        );
        assert_eq!(
            embeddable(SITE, "/events/12-x"),
            Some(Embeddable::Event(12))
        );
    }

    #[test]
    fn other_addresses_are_not() {
        for url in [
            "https://evil.example/events/12-x",
            "https://members.example.evil/events/12",
            "https://members.example/groups/sheffield",
            "https://members.example/p/",
            "https://members.example/events/x",
            "//evil.example/events/12-x",
        ] {
            assert_eq!(embeddable(SITE, url), None, "{url}");
        }
    }

    #[test]
    fn a_snippet_escapes_what_it_quotes() {
        let html = iframe_snippet("https://x/embed?a=1&b=\"2\"", "<Tea & cake>", 300);
        assert!(html.contains("a=1&amp;b=&quot;2&quot;"));
        assert!(html.contains("&lt;Tea &amp; cake&gt;"));
        assert!(!html.contains("<Tea"));
    }
}
