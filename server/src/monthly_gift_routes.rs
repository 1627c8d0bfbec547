//! A monthly donor's emailed link (`/donate/manage/{token}`): the gift, a form to change
//! its amount and a button to stop it; no sign-in, the link is the key. The provider makes
//! each change; its webhook then updates the gift.

use crate::{
    exports::error_response,
    fundraising_routes::{party_frame, with_policy},
    ServerState,
};
use app::{
    error::AppError,
    fundraising::{
        render,
        service::{
            manage,
            provider::{provider, StripeApi},
        },
    },
    ui::plain_form::{Echo, Fields},
};
use axum::{
    extract::{Path, Query, State},
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Redirect, Response},
    Form,
};
use std::collections::HashMap;

async fn draw_manage(
    state: &ServerState,
    token: &str,
    echo: &Echo,
    done: Option<&str>,
) -> Response {
    match manage::monthly_gift(&state.app.db, token).await {
        Ok(gift) => {
            let html = render::manage_html(&party_frame(state), token, &gift, echo, done);
            let status = if echo.error.is_some() {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::OK
            };
            let mut response = with_policy(html, None, status);
            // The link is a key: keep it out of caches and other sites' logs.
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response.headers_mut().insert(
                header::REFERRER_POLICY,
                HeaderValue::from_static("no-referrer"),
            );
            response
        }
        Err(err) => error_response(err),
    }
}

/// GET /donate/manage/{token}: a monthly donor's page.
pub async fn manage_page(
    State(state): State<ServerState>,
    Path(token): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let done = if query.contains_key("changed") {
        Some("Done: your monthly amount has changed.")
    } else if query.contains_key("stopped") {
        Some("Done: your monthly gift has stopped. Thank you for all you gave.")
    } else {
        None
    };
    draw_manage(&state, &token, &Echo::default(), done).await
}

fn provider_or_explain(state: &ServerState) -> Result<std::sync::Arc<StripeApi>, AppError> {
    provider(&state.app).ok_or_else(|| {
        AppError::conflict("Donations are not set up on this site: nothing can be changed here.")
    })
}

/// POST /donate/manage/{token}/amount.
pub async fn manage_amount(
    State(state): State<ServerState>,
    Path(token): Path<String>,
    Form(form): Form<Fields>,
) -> Response {
    let typed = form.get("amount").cloned().unwrap_or_default();
    let changed = async {
        let provider = provider_or_explain(&state)?;
        manage::change_amount(&state.app.db, provider.as_ref(), &token, &typed).await
    };
    match changed.await {
        Ok(_) => Redirect::to(&format!("/donate/manage/{token}?changed=1")).into_response(),
        Err(AppError::NotFound) => error_response(AppError::NotFound),
        Err(err) => draw_manage(&state, &token, &Echo::new(form, err), None).await,
    }
}

/// POST /donate/manage/{token}/cancel.
pub async fn manage_cancel(
    State(state): State<ServerState>,
    Path(token): Path<String>,
) -> Response {
    let stopped = async {
        let provider = provider_or_explain(&state)?;
        manage::cancel(&state.app.db, provider.as_ref(), &token).await
    };
    match stopped.await {
        Ok(()) => Redirect::to(&format!("/donate/manage/{token}?stopped=1")).into_response(),
        Err(AppError::NotFound) => error_response(AppError::NotFound),
        Err(err) => draw_manage(&state, &token, &Echo::new(HashMap::new(), err), None).await,
    }
}
