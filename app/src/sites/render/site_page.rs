//! A whole page of a group's site: head (title, description, canonical link, Open Graph,
//! oEmbed discovery), the site's navigation, its blocks, and the locked imprint.

use super::{
    blocks::{block_view, BlockContext},
    to_html,
};
use crate::{
    sites::{
        model::{page_path, Accent},
        service::published::SitePage,
    },
    ui::escape,
};
use leptos::prelude::*;

/// How the page is being shown.
pub struct Showing<'a> {
    pub public_url: &'a str,
    pub stylesheet: &'a str,
    /// An editor's preview: said on the page, and kept out of search engines.
    pub preview: Option<&'a str>,
    pub blocks: BlockContext<'a>,
}

/// The page as an HTML document.
pub fn site_page_html(page: &SitePage, showing: &Showing) -> String {
    let base = showing.public_url.trim_end_matches('/');
    let path = page_path(&page.group.slug, &page.slug);
    let url = format!("{base}{path}");
    let title = format!("{} · {}", page.title, page.group.name);
    let description = if page.description.is_empty() {
        format!("{} on MembersNet", page.group.name)
    } else {
        page.description.clone()
    };
    let e = escape::html;
    let robots = if showing.preview.is_some() {
        "<meta name=\"robots\" content=\"noindex\">"
    } else {
        ""
    };
    let head = format!(
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><meta name=\"description\" content=\"{description}\">{robots}\
         <link rel=\"canonical\" href=\"{url}\">\
         <meta property=\"og:type\" content=\"website\"><meta property=\"og:title\" content=\"{og_title}\">\
         <meta property=\"og:description\" content=\"{description}\"><meta property=\"og:url\" content=\"{url}\">\
         <meta property=\"og:site_name\" content=\"{site}\">\
         <link rel=\"alternate\" type=\"application/json+oembed\" href=\"{base_e}/oembed?url={url_q}\" title=\"{og_title}\">\
         <link rel=\"stylesheet\" href=\"{css}\">\
         <script src=\"/donate/thermometer.js\" defer></script></head>",
        title = e(&title),
        description = e(&description),
        url = e(&url),
        og_title = e(&page.title),
        site = e(&page.group.name),
        base_e = e(base),
        url_q = e(&escape::query_value(&url)),
        css = e(showing.stylesheet),
    );
    let accent = Accent::named(&page.site.accent).name;
    let body = to_html(|| body_view(page, showing, accent));
    format!("{head}{body}</html>")
}

fn body_view(page: &SitePage, showing: &Showing, accent: &'static str) -> impl IntoView {
    let group = page.group.slug.clone();
    let nav = page
        .nav
        .iter()
        .map(|(slug, title)| {
            let current = *slug == page.slug;
            view! {
                <li><a href=page_path(&group, slug) aria-current=current.then_some("page")>{title.clone()}</a></li>
            }
        })
        .collect_view();
    let blocks = page
        .blocks
        .iter()
        .zip(&page.data)
        .map(|(block, data)| block_view(block, data, &showing.blocks))
        .collect_view();
    view! {
        <body class=format!("group-site site-accent-{accent}")>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="group-site-header">
                <a class="group-site-name" href=page_path(&group, crate::sites::model::HOME_SLUG)>{page.group.name.clone()}</a>
                <nav aria-label="Site"><ul>{nav}</ul></nav>
            </header>
            <main id="main" class="container site-main">
                {showing.preview.map(|note| view! { <p class="notice site-preview" role="status">{note.to_string()}</p> })}
                <h1>{page.title.clone()}</h1>
                {blocks}
            </main>
            <footer class="group-site-footer">
                <p><a href=format!("/groups/{}", page.group.slug)>{format!("Join {} on MembersNet", page.group.name)}</a></p>
                <p class="imprint">{format!("Promoted by {}, {}.", page.site.promoter_name, page.site.promoter_address)}</p>
            </footer>
        </body>
    }
}
