//! Server-function errors answered with the status their code stands for.
//!
//! leptos answers every server-function error it meets before our code runs (arguments
//! it cannot parse, a body over the limit) with 500. A client's mistake is not a server
//! fault: this layer reads the error the reply carries and sets 400, 413 and so on.

use app::error::AppError;
use axum::{
    body::{to_bytes, Body},
    extract::Request,
    http::StatusCode,
    middleware::Next,
    response::Response,
};

/// The header server_fn puts on its error replies.
const SERVER_FN_ERROR_HEADER: &str = "serverfnerror";

/// Error replies are a few hundred bytes; anything bigger is left alone.
const MAX_ERROR_BODY: usize = 64 * 1024;

/// Sets the status of a server function's error reply from the error inside it.
pub async fn error_status(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(err) = serde_json::from_slice::<AppError>(&bytes) {
        if let Ok(status) = StatusCode::from_u16(err.status_code()) {
            parts.status = status;
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}
