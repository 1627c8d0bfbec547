//! TestApp: the real router on a fresh database, called in-process.

use app::{
    auth::{
        model::Role,
        service::{accounts, email_confirmations, roles},
    },
    db::connect_and_migrate,
    state::{AppState, Settings},
};
use axum::{
    body::Body,
    http::{header, HeaderMap, Request, StatusCode},
    Router,
};
use http_body_util::BodyExt;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde_json::Value;
use tower::ServiceExt;

pub const HOST: &str = "127.0.0.1:3000";
pub const ORIGIN: &str = "http://127.0.0.1:3000";
pub const PASSWORD: &str = "correct horse battery";

pub struct TestApp {
    pub router: Router,
    pub db: DatabaseConnection,
}

/// A reply from the router.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// The error code of a failed server function, e.g. "invalid".
    pub fn error_code(&self) -> String {
        self.json()["code"].as_str().unwrap_or_default().to_string()
    }

    /// Whether a server function succeeded: answered, or sent the browser on.
    pub fn succeeded(&self) -> bool {
        self.status.is_success() || self.status.is_redirection()
    }

    /// The field a field error names.
    pub fn error_field(&self) -> String {
        self.json()["field"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The session token this reply set, if any.
    pub fn session_cookie(&self) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|v| v.strip_prefix("mn_session="))
            .map(|v| v.split(';').next().unwrap_or_default().to_string())
            .filter(|v| !v.is_empty())
    }

    pub fn set_cookie_header(&self) -> String {
        self.headers
            .get(header::SET_COOKIE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    }
}

impl TestApp {
    /// The router on a fresh database: SQLite file, or a new PostgreSQL database when
    /// TEST_POSTGRES_URL is set.
    pub async fn spawn() -> Self {
        Self::spawn_with_public_url(ORIGIN).await
    }

    /// As `spawn`, with the site's public address set (https makes cookies Secure).
    pub async fn spawn_with_public_url(public_url: &str) -> Self {
        Self::spawn_with_settings(Settings::new(public_url, true)).await
    }

    /// As `spawn`, with these settings. Staff's approval of events from people who are not
    /// verified members is turned off, as staff may: the tests of hosting create events as
    /// new accounts. `spawn_as_shipped` keeps the site's defaults.
    pub async fn spawn_with_settings(settings: Settings) -> Self {
        let app = Self::spawn_as_shipped(settings).await;
        app::site_settings::set(&app.db, app::site_settings::EVENTS_NEED_APPROVAL, false)
            .await
            .expect("approval rule");
        app
    }

    /// The router on a fresh database with every site setting at its default.
    pub async fn spawn_as_shipped(settings: Settings) -> Self {
        let url = fresh_database_url().await;
        let db = connect_and_migrate(&url).await.expect("database");
        let state = AppState {
            db: db.clone(),
            live: app::live::LiveBus::new(db.clone()),
            limits: Default::default(),
            settings: std::sync::Arc::new(settings),
        };
        let router = server::app(state, server::leptos_options("target/site", HOST));
        Self { router, db }
    }

    /// Another server process on the same database: its own router and live bus (on
    /// PostgreSQL, its own LISTEN connection), as a second node behind a load balancer.
    pub fn another_node(&self) -> Self {
        let state = AppState {
            db: self.db.clone(),
            live: app::live::LiveBus::new(self.db.clone()),
            limits: Default::default(),
            settings: std::sync::Arc::new(Settings::new(ORIGIN, true)),
        };
        let router = server::app(state, server::leptos_options("target/site", HOST));
        Self {
            router,
            db: self.db.clone(),
        }
    }

    /// On SQLite (one process), a second router sharing this one's bus: the same process.
    pub fn another_node_sharing_bus(&self) -> Self {
        Self {
            router: self.router.clone(),
            db: self.db.clone(),
        }
    }

    /// Sends a request through the router.
    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("response");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).to_string(),
        }
    }

    /// Calls a server function as the browser's script does, from `address`.
    pub async fn call_from(
        &self,
        path: &str,
        form: &[(&str, &str)],
        session: Option<&str>,
        address: &str,
    ) -> Reply {
        let body = form_body(form);
        let mut request = Request::post(path)
            .header(header::HOST, HOST)
            .header(header::ORIGIN, ORIGIN)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .header("x-forwarded-for", address);
        if let Some(token) = session {
            request = request.header(header::COOKIE, format!("mn_session={token}"));
        }
        self.send(request.body(Body::from(body)).unwrap()).await
    }

    /// Calls a server function from the test's usual address.
    pub async fn call(&self, path: &str, form: &[(&str, &str)], session: Option<&str>) -> Reply {
        self.call_from(path, form, session, "203.0.113.7").await
    }

    /// Fetches a page as a browser would.
    pub async fn get(&self, path: &str, session: Option<&str>) -> Reply {
        let mut request = Request::get(path)
            .header(header::HOST, HOST)
            .header(header::ACCEPT, "text/html");
        if let Some(token) = session {
            request = request.header(header::COOKIE, format!("mn_session={token}"));
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    /// Creates an account whose owner has confirmed its address (through the services)
    /// and returns its id: most tests need an account that works in full.
    pub async fn create_person(&self, name: &str, email: &str) -> i32 {
        let id = self.create_unconfirmed_person(name, email).await;
        email_confirmations::set_email_confirmed(&self.db, id)
            .await
            .unwrap();
        id
    }

    /// Creates an account whose address is not confirmed yet, as sign-up leaves it, and
    /// returns its id.
    pub async fn create_unconfirmed_person(&self, name: &str, email: &str) -> i32 {
        let new = accounts::NewAccount::parse(name, email, PASSWORD, "").unwrap();
        accounts::create_person(&self.db, new).await.unwrap().id
    }

    /// Creates an account and signs it in through the server function; returns the token.
    pub async fn signed_in(&self, name: &str, email: &str) -> String {
        self.create_person(name, email).await;
        self.sign_in(email, PASSWORD)
            .await
            .session_cookie()
            .expect("signed in")
    }

    /// A session for an account whose address is not confirmed. Such accounts cannot sign
    /// in any more; their sessions from before that rule must still act on nothing that
    /// belongs to the address, so the tests make one through the service.
    pub async fn signed_in_unconfirmed(&self, name: &str, email: &str) -> String {
        let id = self.create_unconfirmed_person(name, email).await;
        accounts::start_session(&self.db, id, None, None)
            .await
            .unwrap()
    }

    /// A signed-in staff member's session token.
    pub async fn signed_in_staff(&self) -> String {
        let id = self
            .create_person("Stella Staff", "stella@example.org")
            .await;
        roles::grant_role(&self.db, id, Role::Staff).await.unwrap();
        self.sign_in("stella@example.org", PASSWORD)
            .await
            .session_cookie()
            .expect("signed in")
    }

    pub async fn sign_in(&self, email: &str, password: &str) -> Reply {
        self.call(
            "/api/auth/sign-in",
            &[("email", email), ("password", password)],
            None,
        )
        .await
    }

    /// Who the session belongs to, by the server function the page uses.
    pub async fn me(&self, session: Option<&str>) -> Value {
        self.call("/api/auth/me", &[], session).await.json()
    }

    pub async fn count(&self, table: &str) -> i64 {
        let backend = self.db.get_database_backend();
        let row = self
            .db
            .query_one_raw(sea_orm::Statement::from_string(
                backend,
                format!("SELECT COUNT(*) AS n FROM {table}"),
            ))
            .await
            .unwrap()
            .unwrap();
        row.try_get::<i64>("", "n").unwrap()
    }
}

fn form_body(form: &[(&str, &str)]) -> String {
    form.iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn fresh_database_url() -> String {
    let name = format!("mn_test_{}", uuid::Uuid::new_v4().simple());
    match std::env::var("TEST_POSTGRES_URL") {
        Ok(base) if !base.is_empty() => {
            let admin = Database::connect(&base).await.expect("TEST_POSTGRES_URL");
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create test database");
            let (prefix, _) = base
                .rsplit_once('/')
                .expect("postgres URL with a database name");
            format!("{prefix}/{name}")
        }
        _ => format!(
            "sqlite://{}/{name}.db?mode=rwc",
            std::env::temp_dir().display()
        ),
    }
}

/// The next `data:` line of a live stream (Server-Sent Events), waiting up to three
/// seconds.
pub async fn next_stream_data(body: &mut Body) -> String {
    loop {
        let frame = tokio::time::timeout(std::time::Duration::from_secs(3), body.frame())
            .await
            .expect("a message within three seconds")
            .expect("the stream stays open")
            .expect("a frame");
        let Ok(data) = frame.into_data() else {
            continue;
        };
        let text = String::from_utf8_lossy(&data).to_string();
        if let Some(line) = text.lines().find_map(|l| l.strip_prefix("data:")) {
            return line.trim().to_string();
        }
    }
}
