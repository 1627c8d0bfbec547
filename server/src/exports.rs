//! File downloads that are not pages: the attendee CSV, calendars, data downloads and
//! the treasurer's CSVs.
//! Same session cookie and the same service-level permission checks as the server
//! functions.

use crate::ServerState;
use app::{
    ctx::person_from_headers,
    error::AppError,
    events::service::{attendees, calendar},
    fundraising::{
        model::{books::DonationFilter, parse_pounds},
        service::{reports, treasurer},
    },
};
use axum::{
    extract::{Path, Query, State},
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use std::collections::HashMap;

/// GET /events/{id}/attendees.csv: the host's (or staff's) attendee list.
pub async fn attendees_csv(
    State(state): State<ServerState>,
    Path(event_id): Path<i32>,
    headers: HeaderMap,
) -> Response {
    let db = &state.app.db;
    let viewer = match person_from_headers(db, &headers).await {
        Ok(Some(viewer)) => viewer,
        Ok(None) => return error_response(AppError::Unauthenticated),
        Err(err) => return error_response(err),
    };
    match attendees::attendees_csv(db, event_id, &viewer).await {
        Ok(csv) => {
            tracing::info!(event_id, viewer_id = viewer.id, "attendee list downloaded");
            csv_response(csv, &format!("attendees-{event_id}.csv"))
        }
        Err(err) => error_response(err),
    }
}

/// A CSV body that downloads as `file_name` and is never cached.
pub(crate) fn csv_response(csv: String, file_name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        csv,
    )
        .into_response()
}

pub(crate) fn error_response(err: AppError) -> Response {
    let status =
        StatusCode::from_u16(err.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, err.to_string()).into_response()
}

/// GET /calendar/{token}.ics: a person's own events, for a calendar app to subscribe to.
pub async fn person_calendar(
    State(state): State<ServerState>,
    Path(file): Path<String>,
) -> Response {
    let Some(token) = file.strip_suffix(".ics") else {
        return error_response(AppError::NotFound);
    };
    match calendar::person_feed_ics(&state.app.db, token, &state.app.settings.public_url).await {
        Ok(ics) => calendar_response(ics, None),
        Err(err) => error_response(err),
    }
}

/// An .ics body; with a file name it downloads, without one calendar apps read it inline.
pub(crate) fn calendar_response(ics: String, file_name: Option<String>) -> Response {
    let mut response = (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (header::CACHE_CONTROL, "private, max-age=300".to_string()),
        ],
        ics,
    )
        .into_response();
    if let Some(name) = file_name {
        if let Ok(value) = format!("attachment; filename=\"{name}\"").parse() {
            response
                .headers_mut()
                .insert(header::CONTENT_DISPOSITION, value);
        }
    }
    response
}

/// GET /events/{id}/calendar.ics: the event for any calendar app.
pub async fn event_calendar(
    State(state): State<ServerState>,
    Path(event_id): Path<i32>,
) -> Response {
    match calendar::event_ics(&state.app.db, event_id, &state.app.settings.public_url).await {
        Ok(ics) => calendar_response(ics, Some(format!("event-{event_id}.ics"))),
        Err(err) => error_response(err),
    }
}

/// GET /privacy/downloads/{id}/membersnet-data.zip: a member's prepared download, for
/// them only (their session), while it works (24 hours).
pub async fn my_data_zip(
    State(state): State<ServerState>,
    Path(id): Path<i32>,
    headers: HeaderMap,
) -> Response {
    use app::privacy::service::{download::build_download, erasure::account_subject, requests};
    let db = &state.app.db;
    let viewer = match person_from_headers(db, &headers).await {
        Ok(Some(viewer)) => viewer,
        Ok(None) => return error_response(AppError::Unauthenticated),
        Err(err) => return error_response(err),
    };
    let built = async {
        requests::check_download(db, id, viewer.id).await?;
        let account = app::auth::service::accounts::stored_account(db, viewer.id)
            .await?
            .ok_or(AppError::NotFound)?;
        build_download(db, &account_subject(&account), &account.name).await
    };
    match built.await {
        Ok(zip) => {
            tracing::info!(person_id = viewer.id, bytes = zip.len(), "data downloaded");
            zip_response(zip)
        }
        Err(err) => error_response(err),
    }
}

/// GET /privacy/guest/{token}/membersnet-data.zip: what is held under the address a
/// guest's emailed link proves.
pub async fn guest_data_zip(
    State(state): State<ServerState>,
    Path(token): Path<String>,
) -> Response {
    use app::{
        personal_data::Subject,
        privacy::service::{download::build_download, requests::guest_link},
    };
    let db = &state.app.db;
    let built = async {
        let (email, _) = guest_link(db, &token).await?;
        build_download(db, &Subject::guest(&email), &email).await
    };
    match built.await {
        Ok(zip) => zip_response(zip),
        Err(err) => error_response(err),
    }
}

fn zip_response(zip: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/zip"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"membersnet-data.zip\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        zip,
    )
        .into_response()
}

fn filter_from(query: &HashMap<String, String>) -> DonationFilter {
    let get = |k: &str| query.get(k).cloned().unwrap_or_default();
    DonationFilter {
        status: get("status"),
        donor: get("donor"),
        over_pence: parse_pounds(&get("over")),
    }
}

/// GET /treasurer/donations.csv: the treasurer's list, filtered as on the page.
pub async fn donations_csv(
    State(state): State<ServerState>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let db = &state.app.db;
    let built = async {
        let viewer = person_from_headers(db, &headers).await?;
        let keeper = treasurer::keeper(db, viewer.as_ref()).await?;
        let rows = treasurer::donations(db, &keeper, &filter_from(&query)).await?;
        treasurer::record_viewing(db, &keeper, &rows, "donations CSV").await?;
        Ok::<_, AppError>(treasurer::donations_csv(&rows))
    };
    match built.await {
        Ok(csv) => csv_response(csv, "donations.csv"),
        Err(err) => error_response(err),
    }
}

/// GET /treasurer/report.csv: gifts to report, in the Electoral Commission's columns.
pub async fn report_csv(State(state): State<ServerState>, headers: HeaderMap) -> Response {
    let db = &state.app.db;
    let built = async {
        let viewer = person_from_headers(db, &headers).await?;
        let keeper = treasurer::keeper(db, viewer.as_ref()).await?;
        let (lines, _) = reports::reports_and_splits(db, &keeper).await?;
        Ok::<_, AppError>(reports::report_csv(&lines))
    };
    match built.await {
        Ok(csv) => csv_response(csv, "donations-to-report.csv"),
        Err(err) => error_response(err),
    }
}
