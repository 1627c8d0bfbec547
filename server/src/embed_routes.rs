//! The widgets other sites frame (`/embed/…`): a list of events (a group's, or near a
//! postcode), one event's sign-up form, and a group's "stay in touch" form, with their
//! stylesheet and scripts. Only these pages may be framed by any site; their forms carry
//! a signed single-use token, never a cookie.

use crate::{exports::error_response, ServerState};
use app::{
    ctx::client_address,
    error::AppError,
    events::{
        model::EventKind,
        service::catalogue::{list_upcoming_events, EventFilter},
    },
    groups::service::lookups::group_ref_by_slug,
    places::service::lookup::locate_place,
    sites::{
        render::{
            forms::Echo,
            widgets::{
                donate_widget, event_list_widget, join_widget, missing_widget, sign_up_widget,
                Frame, RESIZE_JS, WIDGET_CSS, WIDGET_JS,
            },
        },
        service::{
            access::find_site,
            cache::cached_page,
            form_tokens,
            published::{event_to_show, BlockData},
            visitors::{join_from_form, sign_up_from_form},
        },
    },
    ui::plain_form::Fields,
};
use axum::{
    extract::{Path, Query, State},
    http::{header, request::Parts, HeaderValue, StatusCode},
    response::{Html, IntoResponse, Redirect, Response},
    Form,
};
use std::collections::HashMap;

/// The policy of every widget: its own files only (and its own live streams, such as a
/// donate widget's thermometer), and framing by anyone.
pub const EMBED_POLICY: &str = "default-src 'none'; style-src 'self'; script-src 'self'; \
    img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; \
    frame-ancestors *";

/// A widget's HTML with its policy; widgets with a form are never cached.
fn widget(status: StatusCode, html: String, cacheable: bool) -> Response {
    let mut response = (status, Html(html)).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(EMBED_POLICY),
    );
    let caching = if cacheable {
        "public, max-age=30"
    } else {
        "no-store"
    };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(caching));
    response
}

fn frame<'a>(state: &'a ServerState, title: &'a str, accent: &'a str) -> Frame<'a> {
    Frame {
        title,
        accent,
        public_url: &state.app.settings.public_url,
    }
}

/// The accent colour of the group's site, or the default.
async fn accent_of(state: &ServerState, group_id: i32) -> String {
    find_site(&state.app.db, group_id)
        .await
        .ok()
        .flatten()
        .map(|s| s.accent)
        .unwrap_or_default()
}

fn kinds(query: &HashMap<String, String>) -> Vec<EventKind> {
    query
        .get("kinds")
        .map(|k| {
            k.split(',')
                .filter_map(|k| EventKind::parse(k.trim()))
                .collect()
        })
        .unwrap_or_default()
}

/// GET /embed/groups/{group}/events[?kinds=canvassing,social]: the group's upcoming events,
/// the same for everyone, so kept two seconds per process like the group's site pages.
pub async fn group_events(
    State(state): State<ServerState>,
    Path(slug): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let kinds = kinds(&query);
    let names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
    let key = format!("embed:events:{}", names.join(","));
    let drawn = cached_page(&state.app.live, &slug, &key, || {
        draw_group_events(&state, &slug, &kinds)
    })
    .await;
    match drawn {
        Ok(Some(html)) => widget(StatusCode::OK, html.to_string(), true),
        Ok(None) => {
            let html = missing_widget(&frame(&state, "Events", ""), "There is no such group.");
            widget(StatusCode::NOT_FOUND, html, false)
        }
        Err(err) => error_response(err),
    }
}

async fn draw_group_events(
    state: &ServerState,
    slug: &str,
    kinds: &[EventKind],
) -> Result<Option<String>, AppError> {
    let db = &state.app.db;
    let Some(group) = group_ref_by_slug(db, slug).await? else {
        return Ok(None);
    };
    let events =
        app::events::service::group_events::list_upcoming_events_of_group(db, group.id, 50).await?;
    let events: Vec<_> = events
        .into_iter()
        .filter(|e| kinds.is_empty() || kinds.contains(&e.kind))
        .take(10)
        .collect();
    let accent = accent_of(state, group.id).await;
    let heading = format!("Events with {}", group.name);
    Ok(Some(event_list_widget(
        &frame(state, &heading, &accent),
        &heading,
        &events,
    )))
}

/// GET /embed/events?near=S1 2AB&miles=10[&kinds=…]: upcoming events near a place.
pub async fn events_near(
    State(state): State<ServerState>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let db = &state.app.db;
    let place = query.get("near").map(String::as_str).unwrap_or_default();
    let near = match locate_place(db, "near", place).await {
        Ok(near) => near,
        Err(err) => {
            let html = missing_widget(&frame(&state, "Events", ""), &err.to_string());
            return widget(StatusCode::UNPROCESSABLE_ENTITY, html, false);
        }
    };
    let miles = query
        .get("miles")
        .and_then(|m| m.parse::<f64>().ok())
        .filter(|m| m.is_finite())
        .unwrap_or(10.0)
        .clamp(1.0, 100.0);
    let kinds = kinds(&query);
    let filter = EventFilter {
        kind: (kinds.len() == 1).then(|| kinds[0]),
        near: Some(near),
        within_miles: miles,
        ..Default::default()
    };
    let list = match list_upcoming_events(db, &filter, 1).await {
        Ok(list) => list,
        Err(err) => return error_response(err),
    };
    let events: Vec<_> = list
        .events
        .into_iter()
        .filter(|e| kinds.is_empty() || kinds.contains(&e.kind))
        .take(10)
        .collect();
    let heading = format!(
        "Events within {miles} miles of {}",
        place.trim().to_uppercase()
    );
    let html = event_list_widget(&frame(&state, &heading, ""), &heading, &events);
    widget(StatusCode::OK, html, true)
}

/// GET /embed/events/{id}[?signed_up=confirmed]: one event's sign-up form.
pub async fn event_sign_up(
    State(state): State<ServerState>,
    Path(id): Path<i32>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let done = query.get("signed_up").map(String::as_str);
    draw_sign_up(&state, id, &Echo::default(), done, StatusCode::OK).await
}

async fn draw_sign_up(
    state: &ServerState,
    id: i32,
    echo: &Echo,
    done: Option<&str>,
    status: StatusCode,
) -> Response {
    let app = &state.app;
    let detail = match event_to_show(&app.db, id, &app.settings.public_url).await {
        Ok(BlockData::Event(detail)) => detail,
        Ok(_) => {
            let html = missing_widget(
                &frame(state, "Event", ""),
                "This event is no longer open for sign-ups.",
            );
            return widget(StatusCode::NOT_FOUND, html, false);
        }
        Err(err) => return error_response(err),
    };
    let token = match done {
        Some(_) => None,
        None => match form_tokens::issue(&app.db, &format!("event:{id}")).await {
            Ok(token) => Some(token),
            Err(err) => return error_response(err),
        },
    };
    let html = sign_up_widget(
        &frame(state, &detail.card.title, ""),
        &detail,
        token,
        echo,
        done,
    );
    widget(status, html, false)
}

/// POST /embed/events/{id}: signs a guest up from the widget.
pub async fn event_sign_up_sent(
    State(state): State<ServerState>,
    Path(id): Path<i32>,
    parts: Parts,
    Form(form): Form<Fields>,
) -> Response {
    let app = &state.app;
    let token = form.get("token").cloned().unwrap_or_default();
    let client = client_address(&parts, app.settings.trust_forwarded_for);
    let result = match form_tokens::use_token(&app.db, &format!("event:{id}"), &token).await {
        Ok(()) => sign_up_from_form(app, id, &form, &client).await,
        Err(err) => Err(err),
    };
    match result {
        Ok(status) => Redirect::to(&format!("/embed/events/{id}?signed_up={}", status.as_str()))
            .into_response(),
        Err(err) => {
            let status = refused_status(&err);
            draw_sign_up(&state, id, &Echo::new(form, err), None, status).await
        }
    }
}

fn refused_status(err: &AppError) -> StatusCode {
    match err.status_code() {
        429 => StatusCode::TOO_MANY_REQUESTS,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// GET /embed/groups/{group}/join[?joined=1]: the group's "stay in touch" form.
pub async fn group_join(
    State(state): State<ServerState>,
    Path(group): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let joined = query.contains_key("joined");
    draw_join(&state, &group, &Echo::default(), joined, StatusCode::OK).await
}

async fn draw_join(
    state: &ServerState,
    slug: &str,
    echo: &Echo,
    joined: bool,
    status: StatusCode,
) -> Response {
    let app = &state.app;
    let group = match group_ref_by_slug(&app.db, slug).await {
        Ok(Some(group)) if group.verified => group,
        Ok(_) => {
            let html = missing_widget(
                &frame(state, "Stay in touch", ""),
                "There is no such local party.",
            );
            return widget(StatusCode::NOT_FOUND, html, false);
        }
        Err(err) => return error_response(err),
    };
    let token = match joined {
        true => None,
        false => match form_tokens::issue(&app.db, &format!("join:{}", group.id)).await {
            Ok(token) => Some(token),
            Err(err) => return error_response(err),
        },
    };
    let accent = accent_of(state, group.id).await;
    let html = join_widget(
        &frame(state, &group.name, &accent),
        &group.slug,
        token,
        echo,
    );
    widget(status, html, false)
}

/// POST /embed/groups/{group}/join.
pub async fn group_join_sent(
    State(state): State<ServerState>,
    Path(slug): Path<String>,
    parts: Parts,
    Form(form): Form<Fields>,
) -> Response {
    let app = &state.app;
    let client = client_address(&parts, app.settings.trust_forwarded_for);
    let token = form.get("token").cloned().unwrap_or_default();
    let result = match group_ref_by_slug(&app.db, &slug).await {
        Ok(Some(group)) => {
            match form_tokens::use_token(&app.db, &format!("join:{}", group.id), &token).await {
                Ok(()) => join_from_form(app, &group, &form, &client).await,
                Err(err) => Err(err),
            }
        }
        Ok(None) => Err(AppError::NotFound),
        Err(err) => Err(err),
    };
    match result {
        Ok(()) => Redirect::to(&format!("/embed/groups/{slug}/join?joined=1")).into_response(),
        Err(err) => {
            let status = refused_status(&err);
            draw_join(&state, &slug, &Echo::new(form, err), false, status).await
        }
    }
}

/// GET /embed/donate/{slug}: an appeal's donate widget, in its group's accent colour.
pub async fn donate(State(state): State<ServerState>, Path(slug): Path<String>) -> Response {
    use app::fundraising::service::pages::appeal_for_visitors;
    let appeal = match appeal_for_visitors(&state.app.live, &slug).await {
        Ok(appeal) => appeal,
        Err(AppError::NotFound) => {
            let html = missing_widget(&frame(&state, "Donate", ""), "There is no such appeal.");
            return widget(StatusCode::NOT_FOUND, html, false);
        }
        Err(err) => return error_response(err),
    };
    let accent = match appeal.page.group_id {
        Some(id) => accent_of(&state, id).await,
        None => String::new(),
    };
    let thermometer = crate::fundraising_routes::thermometer_of(&state, &appeal.page).await;
    let html = donate_widget(
        &frame(&state, &appeal.page.title, &accent),
        &appeal.page,
        &thermometer,
    );
    widget(StatusCode::OK, html, true)
}

/// GET /embed/widget.css, /embed/widget.js and /embed/resize.js.
pub async fn asset(Path(file): Path<String>) -> Response {
    let (body, kind) = match file.as_str() {
        "widget.css" => (WIDGET_CSS, "text/css; charset=utf-8"),
        "widget.js" => (WIDGET_JS, "text/javascript; charset=utf-8"),
        "resize.js" => (RESIZE_JS, "text/javascript; charset=utf-8"),
        _ => return error_response(AppError::NotFound),
    };
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}
