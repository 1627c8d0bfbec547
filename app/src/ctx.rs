//! Who is asking: the request context every server function starts from.

use crate::{
    auth::{
        model::{PersonView, Role},
        service::{
            accounts::{self, StoredAccount},
            sessions,
        },
    },
    error::{AppError, AppResult},
    state::AppState,
};
use axum::http::{header, request::Parts, HeaderValue, StatusCode};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;
use sea_orm::DatabaseConnection;
use std::{
    net::SocketAddr,
    sync::{Arc, Mutex},
};

/// The name of the session cookie.
pub const SESSION_COOKIE: &str = "mn_session";

/// The state, the caller's session and address, loaded once per server function.
pub struct RequestCtx {
    pub state: AppState,
    pub db: DatabaseConnection,
    pub session_token: Option<String>,
    pub client_address: String,
    /// The browser's User-Agent, for naming a new session's device.
    user_agent: Option<String>,
    person: Option<PersonView>,
    model: Option<StoredAccount>,
}

impl RequestCtx {
    /// Loads the context of the current request. A missing, forged or expired session
    /// is simply "not signed in".
    pub async fn load() -> AppResult<Self> {
        let state = use_context::<AppState>().ok_or(AppError::Internal)?;
        let parts = use_context::<Parts>().ok_or(AppError::Internal)?;
        let session_token = session_token_from(&parts.headers);
        let client_address = client_address(&parts, state.settings.trust_forwarded_for);
        let user_agent = parts
            .headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let db = state.db.clone();
        let signed_in = use_context::<SessionMemo>()
            .unwrap_or_default()
            .get_or_read(signed_in(&db, session_token.as_deref()))
            .await?;
        let (model, person) = signed_in.unzip();
        Ok(Self {
            state,
            db,
            session_token,
            client_address,
            user_agent,
            person,
            model,
        })
    }

    /// The caller's device as a person would name it ("Chrome on Android").
    pub fn device(&self) -> Option<String> {
        self.user_agent
            .as_deref()
            .map(crate::auth::device::describe)
    }

    /// The signed-in person, or `Unauthenticated`.
    pub fn person(&self) -> AppResult<&PersonView> {
        self.person.as_ref().ok_or(AppError::Unauthenticated)
    }

    /// The signed-in person's stored row (for checks such as their password).
    pub fn person_model(&self) -> AppResult<&StoredAccount> {
        self.model.as_ref().ok_or(AppError::Unauthenticated)
    }

    /// The signed-in person if they hold `role`; `Unauthenticated` or `Forbidden` otherwise.
    pub fn require_role(&self, role: Role) -> AppResult<&PersonView> {
        let person = self.person()?;
        if person.has_role(role) {
            Ok(person)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Counts one use of `limit` by `key` (an address, an email, an id); `RateLimited`
    /// when its allowance is spent.
    pub fn limit(&self, limit: crate::rate_limit::Limit, key: &str) -> AppResult<()> {
        self.state.limits.check(limit, key)
    }

    /// Counts one use of `limit` by the client's address.
    pub fn limit_address(&self, limit: crate::rate_limit::Limit) -> AppResult<()> {
        self.limit(limit, &self.client_address)
    }

    /// The signed-in person, if any.
    pub fn maybe_person(&self) -> Option<&PersonView> {
        self.person.as_ref()
    }

    /// Sets the session cookie: HttpOnly, SameSite=Lax, Secure behind https.
    pub fn set_session_cookie(&self, token: &str) {
        let max_age = sessions::SESSION_DAYS * 24 * 3600;
        self.set_cookie(&format!("{SESSION_COOKIE}={token}; Max-Age={max_age}"));
    }

    /// Removes the session cookie from the browser.
    pub fn clear_session_cookie(&self) {
        self.set_cookie(&format!("{SESSION_COOKIE}=; Max-Age=0"));
    }

    /// Sets a cookie; a changed session cookie also forgets who the session belonged to.
    fn set_cookie(&self, value: &str) {
        if let Some(memo) = use_context::<SessionMemo>() {
            memo.forget();
        }
        let secure = if self.state.settings.secure_cookies {
            "; Secure"
        } else {
            ""
        };
        let cookie = format!("{value}; Path=/; HttpOnly; SameSite=Lax{secure}");
        if let (Some(options), Ok(value)) = (
            use_context::<ResponseOptions>(),
            HeaderValue::from_str(&cookie),
        ) {
            options.append_header(header::SET_COOKIE, value);
        }
    }
}

/// Who the request's session belongs to, looked up once per request: a page that calls
/// several server functions while it renders reads the session once. Those functions'
/// resources start together, so the first to look reads it and the others wait for its
/// answer. The server provides a fresh one for every request, and setting or clearing the
/// session cookie forgets it.
#[derive(Clone, Default)]
pub struct SessionMemo(Arc<MemoInner>);

#[derive(Default)]
struct MemoInner {
    /// Held while the session is read, so only one read happens at a time.
    reading: tokio::sync::Mutex<()>,
    known: Mutex<Option<SignedIn>>,
}

/// The signed-in person's row and view, or `None` for a visitor.
type SignedIn = Option<(StoredAccount, PersonView)>;

impl SessionMemo {
    /// The remembered answer, or `read`'s (then remembered). An error is not remembered.
    async fn get_or_read(
        &self,
        read: impl std::future::Future<Output = AppResult<SignedIn>>,
    ) -> AppResult<SignedIn> {
        let _reading = self.0.reading.lock().await;
        if let Some(known) = self.get() {
            return Ok(known);
        }
        let found = read.await?;
        if let Ok(mut known) = self.0.known.lock() {
            *known = Some(found.clone());
        }
        Ok(found)
    }

    fn get(&self) -> Option<SignedIn> {
        self.0.known.lock().ok()?.clone()
    }

    fn forget(&self) {
        if let Ok(mut known) = self.0.known.lock() {
            *known = None;
        }
    }
}

/// The person a session token belongs to, with their roles.
/// The person signed in with the session cookie in `headers`, if any: how routes that are
/// not server functions (downloads) read who is asking, the same way `RequestCtx` does.
pub async fn person_from_headers(
    db: &DatabaseConnection,
    headers: &axum::http::HeaderMap,
) -> AppResult<Option<PersonView>> {
    let token = session_token_from(headers);
    Ok(signed_in(db, token.as_deref()).await?.map(|(_, view)| view))
}

async fn signed_in(db: &DatabaseConnection, session_token: Option<&str>) -> AppResult<SignedIn> {
    let Some(token) = session_token else {
        return Ok(None);
    };
    match sessions::get_person_for_session(db, token).await? {
        Some(model) => {
            let view = accounts::get_person_view(db, &model).await?;
            Ok(Some((model, view)))
        }
        None => Ok(None),
    }
}

/// Every server function's body runs through here: the request's context is loaded
/// (who is asking, the state) and handed to `body`, and an error gets the HTTP status of
/// its code (see `respond`). The body is then only its own logic:
/// `serve(|ctx| async move { … }).await`.
pub async fn serve<T, F, Fut>(body: F) -> AppResult<T>
where
    F: FnOnce(RequestCtx) -> Fut,
    Fut: std::future::Future<Output = AppResult<T>>,
{
    let result = match RequestCtx::load().await {
        Ok(ctx) => body(ctx).await,
        Err(err) => Err(err),
    };
    respond(result)
}

/// Passes a server function's result through, setting the HTTP status of an error for
/// script callers. Plain form posts keep their redirect back to the form, and a server
/// function called while a page renders (a "sign in" answer on the home page, say) leaves
/// the page's own status alone.
pub fn respond<T>(result: AppResult<T>) -> AppResult<T> {
    if let Err(err) = &result {
        let from_form = use_context::<Parts>()
            .map(|p| {
                let accepts_html = p
                    .headers
                    .get(header::ACCEPT)
                    .and_then(|v| v.to_str().ok())
                    .is_some_and(|v| v.contains("text/html"));
                accepts_html || !p.uri.path().starts_with("/api/")
            })
            .unwrap_or(false);
        if let (false, Some(options), Ok(status)) = (
            from_form,
            use_context::<ResponseOptions>(),
            StatusCode::from_u16(err.status_code()),
        ) {
            options.set_status(status);
        }
    }
    result
}

/// Sends the browser on to `path` after a server function succeeds (with or without JS).
pub fn redirect_to(path: &str) {
    leptos_axum::redirect(path);
}

/// The session token in a request's cookies, if any.
pub fn session_token_from(headers: &axum::http::HeaderMap) -> Option<String> {
    read_cookie(headers, SESSION_COOKIE)
}

fn read_cookie(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, value)| *key == name && !value.is_empty())
        .map(|(_, value)| value.to_string())
}

/// The caller's address. Behind a trusted proxy (TRUST_FORWARDED_FOR) it is the right-most
/// X-Forwarded-For entry: the one the proxy added. Entries to its left came with the
/// request, so a client could put any address there.
pub fn client_address(parts: &Parts, trust_forwarded_for: bool) -> String {
    let forwarded = trust_forwarded_for
        .then(|| {
            // Several header lines read as one list, in order: the proxy's entry is last.
            parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .next_back()
                .and_then(|v| v.to_str().ok())
        })
        .flatten()
        .and_then(|v| v.rsplit(',').next())
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string);
    forwarded
        .or_else(|| {
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<SocketAddr>>()
                .map(|info| info.0.ip().to_string())
        })
        .unwrap_or_else(|| "unknown".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A session read that counts itself and yields once, as a database read would.
    async fn counted_read(reads: &AtomicUsize) -> AppResult<SignedIn> {
        reads.fetch_add(1, Ordering::SeqCst);
        tokio::task::yield_now().await;
        Ok(None)
    }

    #[tokio::test]
    async fn reads_started_together_read_the_session_once() {
        let memo = SessionMemo::default();
        let reads = AtomicUsize::new(0);
        let (first, second) = futures::join!(
            memo.get_or_read(counted_read(&reads)),
            memo.get_or_read(counted_read(&reads))
        );
        assert!(first.is_ok() && second.is_ok());
        assert_eq!(
            reads.load(Ordering::SeqCst),
            1,
            "the second waited for the first"
        );
        memo.get_or_read(counted_read(&reads)).await.unwrap();
        assert_eq!(
            reads.load(Ordering::SeqCst),
            1,
            "a later one is answered from memory"
        );
    }

    #[tokio::test]
    async fn forgetting_or_failing_reads_again() {
        let memo = SessionMemo::default();
        let reads = AtomicUsize::new(0);
        let failed = memo.get_or_read(async { Err(AppError::Internal) }).await;
        assert!(failed.is_err());
        memo.get_or_read(counted_read(&reads)).await.unwrap();
        assert_eq!(
            reads.load(Ordering::SeqCst),
            1,
            "an error is not remembered"
        );
        memo.forget();
        memo.get_or_read(counted_read(&reads)).await.unwrap();
        assert_eq!(
            reads.load(Ordering::SeqCst),
            2,
            "a changed session is read again"
        );
    }
}
