//! MembersNet: the Leptos app, compiled for the server (`ssr`) and the browser (`hydrate`).

// Waiting for the whole app's hydration future (lazy routes) nests its types deeply.
#![recursion_limit = "512"]

pub mod assembled_pages;
#[cfg(feature = "ssr")]
pub mod assets;
pub mod auth;
pub mod consent;
pub mod error;
pub mod events;
pub mod fundraising;
pub mod groups;
pub mod home_page;
pub mod layout;
pub mod lazy_pages;
pub mod mail;
pub mod outreach;
pub mod people;
pub mod personal_data;
pub mod phonebank;
pub mod places;
pub mod privacy;
pub mod qa;
pub mod routes;
pub mod sites;
pub mod suggest;
pub mod ui;
pub mod validate;

#[cfg(feature = "ssr")]
pub mod ctx;
#[cfg(feature = "ssr")]
pub mod page_slot;
#[cfg(feature = "ssr")]
pub use page_slot::PagePolicy;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod format;
#[cfg(feature = "ssr")]
pub mod live;
#[cfg(feature = "ssr")]
pub mod rate_limit;
#[cfg(feature = "ssr")]
pub mod site_settings;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod tokens;

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos_meta::MetaTags;
use leptos_meta::{provide_meta_context, Link, Meta};
use leptos_router::components::Router;

/// The HTML document around the app, rendered on the server.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    set_content_security_policy();
    view! {
        <!DOCTYPE html>
        <html lang="en-GB">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <AutoReload options />
                {assets::hydration_scripts()}
                <link rel="stylesheet" href=assets::stylesheet_href() />
                <MetaTags />
                <script src="/register-sw.js" defer=true></script>
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The app: head tags, router, frame and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let (routing, set_routing) = signal(false);
    view! {
        <Link rel="manifest" href="/manifest.webmanifest" />
        <Link rel="icon" href="/icons/icon-192.png" type_="image/png" />
        <Link rel="apple-touch-icon" href="/icons/icon-192.png" />
        <Meta name="theme-color" content="#c8102e" />
        <Router set_is_routing=set_routing>
            <RouteProgress routing />
            <Frame />
        </Router>
    }
}

/// A bar across the top while the next page's code and data load (pages load lazily).
/// Screen readers hear the new page's title instead.
#[component]
fn RouteProgress(routing: ReadSignal<bool>) -> impl IntoView {
    move || {
        routing
            .get()
            .then(|| view! { <div class="route-progress" aria-hidden="true"></div> })
    }
}

#[component]
fn Frame() -> impl IntoView {
    auth::session::provide_session();
    view! {
        <layout::Layout>
            <routes::AppRoutes />
        </layout::Layout>
    }
}

/// Allows this page's own inline scripts (hydration data) by nonce, and nothing else inline.
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    use axum::http::{header, HeaderValue};
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let policy = content_security_policy(Some(&nonce));
    PagePolicy::fill(policy.clone());
    if let Ok(value) = HeaderValue::from_str(&policy) {
        response.insert_header(header::CONTENT_SECURITY_POLICY, value);
    }
}

/// The Content-Security-Policy: own scripts and WASM only, plus inline scripts carrying
/// this response's nonce; own stylesheets, plus the email layout's few style attributes
/// (so previews show an email as it will arrive).
pub fn content_security_policy(nonce: Option<&str>) -> String {
    let nonce = nonce.map(|n| format!(" 'nonce-{n}'")).unwrap_or_default();
    #[cfg(feature = "ssr")]
    let email_styles = outreach::compose::email_body::style_sources();
    #[cfg(not(feature = "ssr"))]
    let email_styles = "";
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{nonce}; style-src 'self' {email_styles}; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'; manifest-src 'self'; worker-src 'self'"
    )
}

/// Starts the app in the browser over the server-rendered HTML. Hydration waits for the
/// open page's own code to load (each page is a lazy route, see `lazy_pages`).
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    // Drives futures with wasm-bindgen; an error only means it already runs.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    leptos::task::spawn_local(async move {
        leptos::mount::hydrate_from_async(body.clone(), App)
            .await
            .forget();
        // A marker for tests and styles: the page now responds to clicks without reloads.
        let _ = body.dataset().set("hydrated", "true");
    });
}
