//! The MembersNet server: configuration, state, the router, workers and commands.
//! `app()` builds the whole router from state, so tests drive it in-process.

pub mod commands;
pub mod config;
pub mod demo;
pub mod embed_routes;
pub mod error_status;
pub mod exports;
pub mod fake_payments;
pub mod fundraising_bench;
pub mod fundraising_routes;
pub mod live_stream;
pub mod monthly_gift_routes;
pub mod outbox_worker;
pub mod outreach_bench;
pub mod outreach_routes;
pub mod phonebank_bench;
pub mod phonebank_routes;
pub mod privacy_bench;
pub mod qa_bench;
pub mod qa_routes;
pub mod section_preloads;
pub mod security;
pub mod seed;
pub mod site_uploads;
pub mod sites_routes;
pub mod telemetry;

use ::app::{ctx::SessionMemo, shell, state::AppState, App};
use axum::{
    extract::FromRef,
    http::HeaderName,
    middleware,
    routing::{get, post},
    Router,
};
use leptos::prelude::*;
use leptos_axum::{
    file_and_error_handler_with_context, generate_route_list, AxumRouteListing, LeptosRoutes,
};
use std::sync::OnceLock;
use tower::ServiceBuilder;
use tower_http::{
    compression::CompressionLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    trace::TraceLayer,
};

/// The router's state: the app's state plus Leptos's own options.
#[derive(Clone, FromRef)]
pub struct ServerState {
    pub leptos_options: LeptosOptions,
    pub app: AppState,
}

/// Leptos's options from our settings (we do not read Cargo.toml at run time).
pub fn leptos_options(site_root: &str, listen: &str) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("membersnet")
        .site_root(site_root)
        .site_pkg_dir("pkg")
        .site_addr(
            listen
                .parse::<std::net::SocketAddr>()
                .unwrap_or_else(|_| ([127, 0, 0, 1], 3000).into()),
        )
        .env(leptos::config::Env::PROD)
        .hash_files(app::assets::files_are_hashed())
        .build()
}

/// The app's routes, worked out once per process. Working them out pauses resource
/// loading in the whole process (leptos issue #4773), so doing it again while another
/// router is rendering a page (as parallel tests do) would hang that page for ever.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Builds the whole router: pages, server functions, static files, and the layers every
/// request passes through (request id, tracing, origin check, security headers, compression).
pub fn app(state: AppState, leptos_options: LeptosOptions) -> Router {
    let routes = route_list();
    let server_state = ServerState {
        leptos_options: leptos_options.clone(),
        app: state.clone(),
    };
    let https = state.settings.secure_cookies;
    // Called once per request, so each request gets its own session memo.
    let context = move || {
        provide_context(state.clone());
        provide_context(SessionMemo::default());
    };
    let request_id = HeaderName::from_static("x-request-id");
    Router::new()
        .leptos_routes_with_context(&server_state, routes, context.clone(), {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .route("/events/{id}/attendees.csv", get(exports::attendees_csv))
        .route(
            "/phonebanks/{id}/results.csv",
            get(phonebank_routes::results),
        )
        .route(
            "/phonebanks/{id}/live",
            get(phonebank_routes::dashboard_updates),
        )
        .route("/events/{id}/calendar.ics", get(exports::event_calendar))
        .route("/qa/{id}/live", get(qa_routes::live_updates))
        .route("/qa/{id}/calendar.ics", get(qa_routes::session_calendar))
        .route("/calendar/{file}", get(exports::person_calendar))
        .route("/p/{group}", get(sites_routes::home_page))
        .route("/p/{group}/{page}", get(sites_routes::other_page))
        .route("/p/{group}/{page}/join", post(sites_routes::join))
        .route("/p/{group}/{page}/sign-up", post(sites_routes::sign_up))
        .route(
            "/groups/{slug}/site/{page}/preview",
            get(sites_routes::preview),
        )
        .route(
            "/groups/{slug}/site/{page}/image",
            post(site_uploads::upload).layer(site_uploads::body_limit()),
        )
        .route("/uploads/{file}", get(site_uploads::serve_copy))
        .route("/sitemap.xml", get(sites_routes::sitemap))
        .route("/oembed", get(sites_routes::oembed))
        .route("/embed/events", get(embed_routes::events_near))
        .route(
            "/embed/events/{id}",
            get(embed_routes::event_sign_up).post(embed_routes::event_sign_up_sent),
        )
        .route(
            "/embed/groups/{group}/events",
            get(embed_routes::group_events),
        )
        .route(
            "/embed/groups/{group}/join",
            get(embed_routes::group_join).post(embed_routes::group_join_sent),
        )
        .route("/embed/{file}", get(embed_routes::asset))
        .route("/embed/donate/{slug}", get(embed_routes::donate))
        .route("/donate", get(fundraising_routes::index))
        .route(
            "/donate/thermometer.js",
            get(fundraising_routes::thermometer_js),
        )
        .route(
            "/donate/{slug}",
            get(fundraising_routes::donation_page).post(fundraising_routes::donate),
        )
        .route("/donate/{slug}/thanks", get(fundraising_routes::thanks))
        .route("/donate/{slug}/live", get(fundraising_routes::live))
        .route(
            "/donate/manage/{token}",
            get(monthly_gift_routes::manage_page),
        )
        .route(
            "/donate/manage/{token}/amount",
            post(monthly_gift_routes::manage_amount),
        )
        .route(
            "/donate/manage/{token}/cancel",
            post(monthly_gift_routes::manage_cancel),
        )
        .route(
            fundraising_routes::WEBHOOK_PATH,
            post(fundraising_routes::webhook),
        )
        .route("/treasurer/donations.csv", get(exports::donations_csv))
        .route("/treasurer/report.csv", get(exports::report_csv))
        .route(
            "/privacy/downloads/{id}/membersnet-data.zip",
            get(exports::my_data_zip),
        )
        .route(
            "/privacy/guest/{token}/membersnet-data.zip",
            get(exports::guest_data_zip),
        )
        .route(
            outreach_routes::SMS_WEBHOOK_PATH,
            post(outreach_routes::inbound_text),
        )
        .route(
            "/unsubscribe/{token}/one-click",
            post(outreach_routes::one_click_unsubscribe),
        )
        .fallback(file_and_error_handler_with_context::<ServerState, _>(
            context, shell,
        ))
        .with_state(server_state)
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::new(request_id.clone(), MakeRequestUuid))
                .layer(TraceLayer::new_for_http().make_span_with(telemetry::request_span))
                .layer(PropagateRequestIdLayer::new(request_id))
                .layer(middleware::from_fn_with_state(
                    https,
                    security::security_headers,
                ))
                .layer(middleware::from_fn(security::check_origin))
                .layer(middleware::from_fn(error_status::error_status))
                .layer(CompressionLayer::new())
                .layer(middleware::from_fn_with_state(
                    section_preloads::SectionPreloads::load(&leptos_options.site_root),
                    section_preloads::add_section_preloads,
                )),
        )
}
