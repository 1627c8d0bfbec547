//! Group sites as visitors get them (`/p/…`: drawn on the server, no WASM, cached per
//! process), their forms, editors' previews, the sitemap and oEmbed. The widgets are in
//! `embed_routes`.

use crate::{exports::error_response, ServerState};
use app::{
    ctx::{client_address, person_from_headers},
    error::AppError,
    sites::{
        model::{page_path, Block, HOME_SLUG},
        render::{
            blocks::BlockContext,
            forms::Echo,
            site_page::{site_page_html, Showing},
        },
        service::{
            access::site_to_edit,
            cache::cached_page,
            oembed::oembed_for,
            published::{site_page, SitePage, Version},
            sitemap::sitemap_xml,
            visitors::{join_from_form, sign_up_from_form},
        },
    },
    ui::plain_form::Fields,
};
use axum::{
    extract::{Path, Query, State},
    http::{header, request::Parts, HeaderMap, StatusCode},
    response::{Html, IntoResponse, Redirect, Response},
    Form, Json,
};
use std::collections::HashMap;

/// GET /p/{group}: the site's home page.
pub async fn home_page(
    state: State<ServerState>,
    Path(group): Path<String>,
    query: Query<HashMap<String, String>>,
) -> Response {
    show_page(state, group, HOME_SLUG.to_string(), query).await
}

/// GET /p/{group}/{page}.
pub async fn other_page(
    state: State<ServerState>,
    Path((group, page)): Path<(String, String)>,
    query: Query<HashMap<String, String>>,
) -> Response {
    if page == HOME_SLUG {
        return Redirect::permanent(&page_path(&group, HOME_SLUG)).into_response();
    }
    show_page(state, group, page, query).await
}

async fn show_page(
    State(state): State<ServerState>,
    group: String,
    page: String,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let app = &state.app;
    let joined = query.contains_key("joined");
    let blocks = BlockContext {
        group_slug: &group,
        page_slug: &page,
        join: None,
        sign_up: None,
        joined,
    };
    let render = || draw(&state, &group, &page, Version::Published, None, blocks);
    // The thanks after a form is the one variant not kept.
    let drawn = if joined {
        render().await.map(|page| page.map(Into::into))
    } else {
        cached_page(&app.live, &group, &page, render).await
    };
    match drawn {
        Ok(Some(html)) => Html(html.to_string()).into_response(),
        Ok(None) => not_found(),
        Err(err) => error_response(err),
    }
}

/// Draws a page of the site (None: no such page in that version).
async fn draw(
    state: &ServerState,
    group: &str,
    page: &str,
    version: Version,
    preview: Option<&str>,
    blocks: BlockContext<'_>,
) -> Result<Option<String>, AppError> {
    let public_url = &state.app.settings.public_url;
    let Some(content) = site_page(&state.app.db, group, page, version, public_url).await? else {
        return Ok(None);
    };
    let showing = Showing {
        public_url,
        stylesheet: app::assets::stylesheet_href(),
        preview,
        blocks,
    };
    Ok(Some(site_page_html(&content, &showing)))
}

/// The published page at `page` of `group`'s site, if it has a block `wanted` says is the
/// form being sent: forms are taken only from the pages that show them.
async fn page_with(
    state: &ServerState,
    group: &str,
    page: &str,
    wanted: impl Fn(&Block) -> bool,
) -> Result<SitePage, AppError> {
    let public_url = &state.app.settings.public_url;
    site_page(&state.app.db, group, page, Version::Published, public_url)
        .await?
        .filter(|content| content.blocks.iter().any(wanted))
        .ok_or(AppError::NotFound)
}

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        Html("<!DOCTYPE html><html lang=\"en-GB\"><title>Page not found</title><h1>Page not found</h1><p><a href=\"/\">MembersNet</a></p></html>"),
    )
        .into_response()
}

/// POST /p/{group}/{page}/join: the "stay in touch" block's form.
pub async fn join(
    State(state): State<ServerState>,
    Path((group, page)): Path<(String, String)>,
    parts: Parts,
    Form(form): Form<Fields>,
) -> Response {
    let app = &state.app;
    let client = client_address(&parts, app.settings.trust_forwarded_for);
    // Only from a published page that has the form.
    let on_page = |b: &Block| matches!(b, Block::Join { .. });
    let content = match page_with(&state, &group, &page, on_page).await {
        Ok(content) => content,
        Err(err) => return error_response(err),
    };
    match join_from_form(app, &content.group, &form, &client).await {
        Ok(()) => {
            let path = page_path(&content.group.slug, &content.slug);
            Redirect::to(&format!("{path}?joined=1#join")).into_response()
        }
        Err(err) => {
            let echo = Echo::new(form, err);
            let blocks = BlockContext {
                group_slug: &group,
                page_slug: &page,
                join: Some(&echo),
                sign_up: None,
                joined: false,
            };
            refused(&state, &group, &page, blocks, &echo).await
        }
    }
}

/// POST /p/{group}/{page}/sign-up?event={id}: an event block's sign-up form.
pub async fn sign_up(
    State(state): State<ServerState>,
    Path((group, page)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
    parts: Parts,
    Form(form): Form<Fields>,
) -> Response {
    let app = &state.app;
    let Some(event_id) = query.get("event").and_then(|e| e.parse::<i32>().ok()) else {
        return error_response(AppError::NotFound);
    };
    let client = client_address(&parts, app.settings.trust_forwarded_for);
    let on_page = |b: &Block| matches!(b, Block::Event { event_id: id } if *id == event_id);
    if let Err(err) = page_with(&state, &group, &page, on_page).await {
        return error_response(err);
    }
    match sign_up_from_form(app, event_id, &form, &client).await {
        Ok(status) => Redirect::to(&format!(
            "/events/{event_id}/signed-up?status={}",
            status.as_str()
        ))
        .into_response(),
        Err(err) => {
            let echo = Echo::new(form, err);
            let blocks = BlockContext {
                group_slug: &group,
                page_slug: &page,
                join: None,
                sign_up: Some((event_id, &echo)),
                joined: false,
            };
            refused(&state, &group, &page, blocks, &echo).await
        }
    }
}

/// The page again with the refused form filled in and its errors: 422, or 429 when limited.
async fn refused(
    state: &ServerState,
    group: &str,
    page: &str,
    blocks: BlockContext<'_>,
    echo: &Echo,
) -> Response {
    let status = echo
        .error
        .as_ref()
        .and_then(|e| StatusCode::from_u16(e.status_code()).ok())
        .filter(|s| *s == StatusCode::TOO_MANY_REQUESTS || *s == StatusCode::NOT_FOUND)
        .unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
    match draw(state, group, page, Version::Published, None, blocks).await {
        Ok(Some(html)) => (status, Html(html)).into_response(),
        Ok(None) => not_found(),
        Err(err) => error_response(err),
    }
}

/// GET /groups/{group}/site/{page}/preview[?revision=N]: the draft (or an older
/// published version) as visitors would see it, for the site's editors only.
pub async fn preview(
    State(state): State<ServerState>,
    Path((group, page)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let app = &state.app;
    let viewer = match person_from_headers(&app.db, &headers).await {
        Ok(viewer) => viewer,
        Err(err) => return error_response(err),
    };
    if let Err(err) = site_to_edit(&app.db, &group, viewer.as_ref()).await {
        return error_response(err);
    }
    let (version, note) = match query.get("revision").and_then(|r| r.parse::<i32>().ok()) {
        Some(id) => (
            Version::Revision(id),
            "A published version of this page, as visitors saw it.",
        ),
        None => (
            Version::Draft,
            "Preview of the draft: visitors do not see it until it is published.",
        ),
    };
    let blocks = BlockContext {
        group_slug: &group,
        page_slug: &page,
        join: None,
        sign_up: None,
        joined: false,
    };
    match draw(&state, &group, &page, version, Some(note), blocks).await {
        Ok(Some(html)) => ([(header::CACHE_CONTROL, "no-store")], Html(html)).into_response(),
        Ok(None) => not_found(),
        Err(err) => error_response(err),
    }
}

/// GET /sitemap.xml.
pub async fn sitemap(State(state): State<ServerState>) -> Response {
    match sitemap_xml(&state.app.db, &state.app.settings.public_url).await {
        Ok(xml) => (
            [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
            xml,
        )
            .into_response(),
        Err(err) => error_response(err),
    }
}

/// GET /oembed?url=…[&maxwidth=…&maxheight=…&format=json].
pub async fn oembed(
    State(state): State<ServerState>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if query.get("format").is_some_and(|f| f != "json") {
        return (StatusCode::NOT_IMPLEMENTED, "Only JSON is offered.").into_response();
    }
    let Some(url) = query.get("url") else {
        return error_response(AppError::bad_request("Give the address to embed as url."));
    };
    let size = |key: &str| query.get(key).and_then(|v| v.parse::<u32>().ok());
    match oembed_for(
        &state.app.db,
        &state.app.settings.public_url,
        url,
        size("maxwidth"),
        size("maxheight"),
    )
    .await
    {
        Ok(reply) => Json(reply).into_response(),
        Err(err) => error_response(err),
    }
}
