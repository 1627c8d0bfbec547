//! Request guards and response headers that every route gets.

use axum::{
    body::Body,
    extract::{Request, State},
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// Refuses state-changing requests whose Origin (or, failing that, Referer) is not this
/// site: a cross-site form cannot act for a signed-in person.
pub async fn check_origin(request: Request, next: Next) -> Response {
    if is_safe_method(request.method())
        || is_same_origin(request.headers())
        || is_machine_endpoint(request.uri().path())
    {
        next.run(request).await
    } else {
        tracing::warn!(method = %request.method(), path = %request.uri().path(), "refused a cross-origin request");
        (
            StatusCode::FORBIDDEN,
            "This request did not come from this site.",
        )
            .into_response()
    }
}

/// Endpoints other machines post to, each checking its own key (the SMS provider's
/// signature, an unsubscribe token), so there is no session to forge a request with.
fn is_machine_endpoint(path: &str) -> bool {
    path.starts_with("/webhooks/")
        || (path.starts_with("/unsubscribe/") && path.ends_with("/one-click"))
}

fn is_safe_method(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// True when Origin (or Referer) names the host the request was sent to.
pub fn is_same_origin(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let source = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok());
    match source {
        Some(url) => {
            authority_of(url).is_some_and(|authority| authority.eq_ignore_ascii_case(host))
        }
        None => false,
    }
}

fn authority_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    Some(rest.split(['/', '?', '#']).next().unwrap_or(rest))
}

/// Adds the security headers to every response. Pages set their own CSP with a nonce;
/// everything else gets the same policy without one. `https`: the site's public address
/// is https, so browsers are told to use nothing else (HSTS).
pub async fn security_headers(
    State(https): State<bool>,
    mut request: Request<Body>,
    next: Next,
) -> Response {
    let personal = is_personal(&request);
    let framable = request.uri().path().starts_with("/embed/");
    let caching = static_caching(request.uri().path());
    let page_policy = app::PagePolicy::default();
    request.extensions_mut().insert(page_policy.clone());
    let mut response = next.run(request).await;
    let ok = response.status().is_success();
    let headers = response.headers_mut();
    if let (Some(caching), true) = (caching, ok) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(caching));
    }
    if (personal || headers.contains_key(header::SET_COOKIE))
        && !headers.contains_key(header::CACHE_CONTROL)
    {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        let policy = page_policy
            .take()
            .unwrap_or_else(|| app::content_security_policy(None));
        if let Ok(value) = HeaderValue::from_str(&policy) {
            headers.insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    // Widgets are made to be framed by other sites (their CSP says so); nothing else is.
    if !framable {
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("geolocation=(self), camera=(), microphone=(self)"),
    );
    response
}

/// How long browsers may keep a static file: for ever when its name carries its content's
/// hash (a new build gives new names), otherwise only after asking again.
fn static_caching(path: &str) -> Option<&'static str> {
    let file_name = path.strip_prefix("/pkg/")?;
    Some(if app::assets::is_hashed_name(file_name) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    })
}

/// Whether the answer may hold someone's own data, so no browser or proxy may keep a copy:
/// every server-function reply, and every page or file asked for with a session cookie
/// (static files are the same for everyone, so they stay cacheable).
fn is_personal(request: &Request<Body>) -> bool {
    let path = request.uri().path();
    let is_static = path.starts_with("/pkg/")
        || path.starts_with("/icons/")
        || path.ends_with(".css")
        || path.ends_with(".js")
        || path.ends_with(".webmanifest");
    path.starts_with("/api/")
        || (!is_static && app::ctx::session_token_from(request.headers()).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(host: &str, origin: Option<&str>, referer: Option<&str>) -> HeaderMap {
        let mut map = HeaderMap::new();
        map.insert(header::HOST, host.parse().unwrap());
        if let Some(o) = origin {
            map.insert(header::ORIGIN, o.parse().unwrap());
        }
        if let Some(r) = referer {
            map.insert(header::REFERER, r.parse().unwrap());
        }
        map
    }

    #[test]
    fn same_origin_is_allowed() {
        assert!(is_same_origin(&headers(
            "127.0.0.1:3000",
            Some("http://127.0.0.1:3000"),
            None
        )));
        assert!(is_same_origin(&headers(
            "example.org",
            None,
            Some("https://example.org/sign-in?x=1")
        )));
    }

    #[test]
    fn other_origins_and_missing_origins_are_refused() {
        assert!(!is_same_origin(&headers(
            "example.org",
            Some("https://evil.example"),
            None
        )));
        assert!(!is_same_origin(&headers(
            "example.org",
            Some("https://example.org.evil.example"),
            None
        )));
        assert!(!is_same_origin(&headers("example.org", None, None)));
        assert!(!is_same_origin(&headers("example.org", Some("null"), None)));
    }
}
