//! Q&A's routes that are not pages: the live stream a session's watchers read (Server-Sent
//! Events) and its calendar file. Same session cookie and the same access check as the
//! session's page.

use crate::{
    exports::{calendar_response, error_response},
    live_stream::{live_response, Step},
    ServerState,
};
use app::{
    ctx::person_from_headers,
    qa::{live, model::LiveUpdate, service::access::session_to_read},
};
use axum::{
    extract::{Path, State},
    http::HeaderMap,
    response::Response,
};
use tokio::sync::broadcast::error::RecvError;

/// GET /qa/{id}/live: the session's updates as they happen. The first event says how
/// many are watching; a watcher that falls behind is told to read the page again.
pub async fn live_updates(
    State(state): State<ServerState>,
    Path(id): Path<i32>,
    headers: HeaderMap,
) -> Response {
    let db = &state.app.db;
    let viewer = match person_from_headers(db, &headers).await {
        Ok(viewer) => viewer,
        Err(err) => return error_response(err),
    };
    if let Err(err) = session_to_read(db, id, viewer.as_ref()).await {
        return error_response(err);
    }
    let bus = state.app.live.clone();
    let updates = live::watch(&bus, id);
    let hello = LiveUpdate::Counts {
        watching: live::watching(&bus, id),
        votes: Vec::new(),
    };
    let first = serde_json::to_string(&hello).unwrap_or_default();
    live_response(first, updates, bus.closing(), |received| match received {
        Ok(data) => Step::Send(data.to_string()),
        Err(RecvError::Lagged(_)) => {
            Step::Send(serde_json::to_string(&LiveUpdate::Changed).unwrap_or_default())
        }
        Err(RecvError::Closed) => Step::End,
    })
}

/// GET /qa/{id}/calendar.ics: the session's live part for any calendar app.
pub async fn session_calendar(
    State(state): State<ServerState>,
    Path(id): Path<i32>,
    headers: HeaderMap,
) -> Response {
    let db = &state.app.db;
    let built = async {
        let viewer = person_from_headers(db, &headers).await?;
        let access = session_to_read(db, id, viewer.as_ref()).await?;
        app::qa::service::calendar::session_ics(&access, &state.app.settings.public_url)
    };
    match built.await {
        Ok(ics) => calendar_response(ics, Some(format!("qa-{id}.ics"))),
        Err(err) => error_response(err),
    }
}
