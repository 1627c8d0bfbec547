//! The phonebank's routes that are not pages, for the organisers and staff who may open
//! the dashboard: its results as CSV, and its live stream (Server-Sent Events), whose
//! messages only say "changed" (the page then reads the dashboard again through its
//! server function).

use crate::{
    exports::{csv_response, error_response},
    live_stream::{live_response, Step},
    ServerState,
};
use app::{
    ctx::person_from_headers,
    phonebank::{
        policy::PhonebankAction,
        service::{
            access::{phonebank_for, Access},
            export::results_csv,
            live,
        },
    },
};
use axum::{
    extract::{Path, State},
    http::HeaderMap,
    response::Response,
};
use tokio::sync::broadcast::error::RecvError;

/// The phonebank `id` as its organiser (or staff) opens it, or the refusal.
async fn as_organiser(
    state: &ServerState,
    id: i32,
    headers: &HeaderMap,
) -> Result<Access, Response> {
    let db = &state.app.db;
    let viewer = person_from_headers(db, headers)
        .await
        .map_err(error_response)?;
    phonebank_for(db, id, viewer.as_ref(), PhonebankAction::Organise)
        .await
        .map_err(error_response)
}

/// GET /phonebanks/{id}/results.csv: the phonebank's results.
pub async fn results(
    State(state): State<ServerState>,
    Path(id): Path<i32>,
    headers: HeaderMap,
) -> Response {
    let access = match as_organiser(&state, id, &headers).await {
        Ok(access) => access,
        Err(refused) => return refused,
    };
    match results_csv(&state.app.db, &access).await {
        Ok(csv) => csv_response(csv, &format!("phonebank-{id}-results.csv")),
        Err(err) => error_response(err),
    }
}

/// GET /phonebanks/{id}/live: "changed" whenever a call is saved or corrected, or the
/// phonebank paused, reopened or closed (at most about once a second).
pub async fn dashboard_updates(
    State(state): State<ServerState>,
    Path(id): Path<i32>,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = as_organiser(&state, id, &headers).await {
        return refused;
    }
    let bus = state.app.live.clone();
    let changes = live::watch(&bus);
    live_response(
        "open".into(),
        changes,
        bus.closing(),
        move |received| match received {
            Ok(changed) if changed == id || changed == live::EVERY_PHONEBANK => {
                Step::Send("changed".into())
            }
            Err(RecvError::Lagged(_)) => Step::Send("changed".into()),
            Ok(_) => Step::Skip,
            Err(RecvError::Closed) => Step::End,
        },
    )
}
