//! Donors' pages (drawn on the server, no WASM), the thermometer's live stream, the
//! provider's webhook, the donate widget and the list of appeals. Donation forms post
//! here and go on to the provider's hosted checkout.

use crate::{
    exports::error_response,
    live_stream::{live_response, Step},
    ServerState,
};
use app::{
    ctx::client_address,
    error::AppError,
    fundraising::{
        model::Thermometer,
        render::{self, Frame},
        service::{
            donating::{start_donation, DonorDetails},
            events::parse_event,
            pages::{appeal_for_visitors, Appeal, DonationPage},
            provider::{origin_of_checkout, provider},
            signature, totals,
            webhooks::apply_event,
        },
    },
    rate_limit::Limit,
    ui::plain_form::{Echo, Fields},
};
use axum::{
    body::Bytes,
    extract::{Path, State},
    http::{header, request::Parts, HeaderMap, HeaderValue, StatusCode},
    response::{Html, IntoResponse, Redirect, Response},
    Form,
};
use tokio::sync::broadcast::error::RecvError;

/// Where the provider posts its events.
pub const WEBHOOK_PATH: &str = "/webhooks/payments";

pub(crate) async fn thermometer_of(state: &ServerState, page: &DonationPage) -> Thermometer {
    totals::thermometer(&state.app.live, page.id)
        .await
        .ok()
        .flatten()
        .unwrap_or(Thermometer {
            raised_pence: 0,
            target_pence: page.target_pence,
            gifts: 0,
        })
}

/// The page's own policy: like every page's, but its form may go on to the checkout.
pub(crate) fn with_policy(
    html: String,
    checkout_origin: Option<String>,
    status: StatusCode,
) -> Response {
    let form_action = match checkout_origin {
        Some(origin) => format!("'self' {origin}"),
        None => "'self'".to_string(),
    };
    let policy = format!(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; object-src 'none'; base-uri 'self'; form-action {form_action}; \
         frame-ancestors 'none'"
    );
    let mut response = (status, Html(html)).into_response();
    if let Ok(value) = HeaderValue::from_str(&policy) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

async fn draw_page(
    state: &ServerState,
    appeal: &Appeal,
    echo: &Echo,
    status: StatusCode,
) -> Response {
    let payments = state.app.settings.payments.as_ref();
    let frame = Frame {
        public_url: &state.app.settings.public_url,
        stylesheet: app::assets::stylesheet_href(),
        recipient: &appeal.recipient,
    };
    let thermometer = thermometer_of(state, &appeal.page).await;
    let html =
        render::donation_page_html(&frame, &appeal.page, &thermometer, echo, payments.is_some());
    with_policy(
        html,
        payments.map(|p| origin_of_checkout(&p.api_url)),
        status,
    )
}

/// GET /donate/{slug}: a donation page.
pub async fn donation_page(State(state): State<ServerState>, Path(slug): Path<String>) -> Response {
    match appeal_for_visitors(&state.app.live, &slug).await {
        Ok(appeal) => draw_page(&state, &appeal, &Echo::default(), StatusCode::OK).await,
        Err(err) => error_response(err),
    }
}

/// POST /donate/{slug}: the donor's form; on to the provider's checkout.
pub async fn donate(
    State(state): State<ServerState>,
    Path(slug): Path<String>,
    parts: Parts,
    Form(form): Form<Fields>,
) -> Response {
    let app = &state.app;
    let appeal = match appeal_for_visitors(&app.live, &slug).await {
        Ok(appeal) if appeal.page.open => appeal,
        Ok(_) => return error_response(AppError::conflict("This appeal has closed.")),
        Err(err) => return error_response(err),
    };
    let page = &appeal.page;
    let client = client_address(&parts, app.settings.trust_forwarded_for);
    let started = async {
        let provider = provider(app).ok_or_else(|| {
            AppError::conflict(
                "Donations are not set up on this site yet: no payment provider is connected.",
            )
        })?;
        app.limits.check(Limit::SignUpsPerAddress, &client)?;
        let details = DonorDetails::parse(&form, page)?;
        app.limits
            .check(Limit::SignUpsPerEmail, details.email.as_str())?;
        start_donation(
            &app.db,
            provider.as_ref(),
            page,
            &details,
            &app.settings.public_url,
        )
        .await
    };
    match started.await {
        Ok(checkout) => Redirect::to(&checkout).into_response(),
        Err(err) => {
            let status = if err.is_field_error() {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::CONFLICT
            };
            draw_page(&state, &appeal, &Echo::new(form, err), status).await
        }
    }
}

/// GET /donate/{slug}/thanks: where the checkout sends the donor back.
pub async fn thanks(State(state): State<ServerState>, Path(slug): Path<String>) -> Response {
    let appeal = match appeal_for_visitors(&state.app.live, &slug).await {
        Ok(appeal) => appeal,
        Err(err) => return error_response(err),
    };
    let frame = Frame {
        public_url: &state.app.settings.public_url,
        stylesheet: app::assets::stylesheet_href(),
        recipient: &appeal.recipient,
    };
    let thermometer = thermometer_of(&state, &appeal.page).await;
    with_policy(
        render::thanks_html(&frame, &appeal.page, &thermometer),
        None,
        StatusCode::OK,
    )
}

/// GET /donate/{slug}/live: the page's thermometer whenever it moves.
pub async fn live(State(state): State<ServerState>, Path(slug): Path<String>) -> Response {
    let page = match appeal_for_visitors(&state.app.live, &slug).await {
        Ok(appeal) => appeal.page.clone(),
        Err(err) => return error_response(err),
    };
    let bus = state.app.live.clone();
    let changes = totals::watch(&bus);
    let first = render::thermometer_update(&thermometer_of(&state, &page).await);
    let page_id = page.id;
    live_response(
        first,
        changes,
        bus.closing(),
        move |received| match received {
            Ok((id, now)) if id == page_id => Step::Send(render::thermometer_update(&now)),
            Ok(_) | Err(RecvError::Lagged(_)) => Step::Skip,
            Err(RecvError::Closed) => Step::End,
        },
    )
}

/// GET /donate/thermometer.js.
pub async fn thermometer_js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        render::THERMOMETER_JS,
    )
        .into_response()
}

/// POST /webhooks/payments: the provider's events, signed; each applied once.
pub async fn webhook(
    State(state): State<ServerState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let app = &state.app;
    let Some(settings) = app.settings.payments.as_ref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let signed = headers
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let now = chrono::Utc::now();
    if !signature::verify(&settings.webhook_secret, signed, &body, now.timestamp()) {
        tracing::warn!("payment webhook refused: bad or old signature");
        return (StatusCode::BAD_REQUEST, "bad signature").into_response();
    }
    let Some(event) = parse_event(&body) else {
        return (StatusCode::BAD_REQUEST, "not an event").into_response();
    };
    match apply_event(&app.db, &event, &app.settings.public_url, now).await {
        Ok(applied) => {
            if let Some(page) = applied.page_changed {
                totals::changed(&app.live, page).await;
            }
            (
                StatusCode::OK,
                if applied.fresh {
                    "applied"
                } else {
                    "already applied"
                },
            )
                .into_response()
        }
        // The provider retries a failed call: nothing was written.
        Err(err) => {
            tracing::error!(?err, event = %event.id, "payment webhook not applied");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The frame of pages that speak for the party.
pub(crate) fn party_frame(state: &ServerState) -> Frame<'_> {
    Frame {
        public_url: &state.app.settings.public_url,
        stylesheet: app::assets::stylesheet_href(),
        recipient: app::fundraising::service::pages::PARTY_NAME,
    }
}

/// GET /donate: every open appeal.
pub async fn index(State(state): State<ServerState>) -> Response {
    let pages = match app::fundraising::service::pages::open_pages(&state.app.db).await {
        Ok(pages) => pages,
        Err(err) => return error_response(err),
    };
    let mut appeals = Vec::with_capacity(pages.len());
    for page in pages {
        let thermometer = thermometer_of(&state, &page).await;
        appeals.push((page, thermometer));
    }
    let html = render::index_html(&party_frame(&state), &appeals);
    with_policy(html, None, StatusCode::OK)
}
