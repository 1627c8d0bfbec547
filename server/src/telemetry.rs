//! Structured logs: one span per request, carrying its request id.

use axum::http::Request;
use tracing::Span;
use tracing_subscriber::{fmt, EnvFilter};

/// Starts logging: text by default, JSON lines when asked.
pub fn init(filter: &str, json: bool) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = fmt().with_env_filter(filter).with_target(false);
    let _ = if json {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}

/// The span of one request: method, path and the id also sent back as x-request-id.
pub fn request_span<B>(request: &Request<B>) -> Span {
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), request_id = %request_id)
}
