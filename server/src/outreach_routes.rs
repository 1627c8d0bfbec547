//! Endpoints other machines call: the SMS provider's inbound-text webhook (STOP), and
//! mail clients' one-click unsubscribe (RFC 8058). Plain axum routes, as neither sends
//! what a server function expects.

use crate::ServerState;
use app::{
    consent::service::inbound::handle_inbound_text,
    error::AppError,
    outreach::{compose::signature, service::unsubscribe::unsubscribe},
};
use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    Form,
};

/// Where the SMS provider posts replies to our texts.
pub const SMS_WEBHOOK_PATH: &str = "/webhooks/sms";

/// An inbound text. Refused unless the provider's signature over our address and the
/// posted fields checks out with our auth token.
pub async fn inbound_text(
    State(state): State<ServerState>,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let settings = &state.app.settings;
    let Some(token) = settings.sms_auth_token.as_deref() else {
        return (StatusCode::NOT_FOUND, "No SMS provider is set up.").into_response();
    };
    let url = format!("{}{SMS_WEBHOOK_PATH}", settings.public_url);
    let given = headers
        .get("x-twilio-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if !signature::verify(token, &url, &fields, given) {
        tracing::warn!("refused an inbound text with a bad signature");
        return (StatusCode::FORBIDDEN, "Bad signature.").into_response();
    }
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    match handle_inbound_text(&state.app.db, field("From"), field("Body")).await {
        Ok(_) => (
            [(header::CONTENT_TYPE, "text/xml")],
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>",
        )
            .into_response(),
        Err(err) => {
            tracing::error!(error = %err, "inbound text not handled");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// A mail client's one-click unsubscribe: a POST with `List-Unsubscribe=One-Click`.
pub async fn one_click_unsubscribe(
    State(state): State<ServerState>,
    Path(token): Path<String>,
) -> Response {
    match unsubscribe(&state.app.db, &token, "one-click").await {
        Ok(()) => (StatusCode::OK, "You are unsubscribed.").into_response(),
        Err(AppError::NotFound) => {
            (StatusCode::NOT_FOUND, "This link is not valid.").into_response()
        }
        Err(err) => {
            tracing::error!(error = %err, "one-click unsubscribe failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
