//! FakeSmsProvider: a local stand-in for Twilio's Messages API that keeps every text it
//! accepts and refuses numbers marked dead, and for its Calls API (bridged phonebank
//! calls), keeping every call's form.

use super::POLL;
use axum::{
    extract::{Path, State},
    http::{header::AUTHORIZATION, HeaderMap, StatusCode},
    routing::post,
    Form, Json, Router,
};
use base64::{engine::general_purpose::STANDARD, Engine as _};
use serde_json::{json, Value};
use std::{
    collections::{HashMap, HashSet},
    sync::Arc,
    time::Duration,
};
use tokio::{
    net::TcpListener,
    sync::Mutex,
    time::{sleep, Instant},
};

/// One text the fake provider accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentText {
    pub to: String,
    pub from: String,
    pub body: String,
}

#[derive(Default)]
struct ProviderState {
    sent: Mutex<Vec<SentText>>,
    dead: Mutex<HashSet<String>>,
    calls: Mutex<Vec<HashMap<String, String>>>,
}

/// A local stand-in for Twilio's Messages API, for `HttpTextSender`.
pub struct FakeSmsProvider {
    port: u16,
    state: Arc<ProviderState>,
}

impl FakeSmsProvider {
    pub const SID: &'static str = "ACtest";
    pub const TOKEN: &'static str = "test-token";

    pub async fn start() -> FakeSmsProvider {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the SMS fake");
        let port = listener
            .local_addr()
            .expect("the SMS fake's address")
            .port();
        let state = Arc::new(ProviderState::default());
        let router = Router::new()
            .route(
                "/2010-04-01/Accounts/{sid}/Messages.json",
                post(create_message),
            )
            .route("/2010-04-01/Accounts/{sid}/Calls.json", post(create_call))
            .with_state(state.clone());
        tokio::spawn(async move { axum::serve(listener, router).await });
        FakeSmsProvider { port, state }
    }

    /// The base URL to give `HttpTextSender`.
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Refuses texts to `number` from now on, as Twilio does an invalid number.
    pub async fn mark_dead(&self, number: &str) {
        self.state.dead.lock().await.insert(number.to_owned());
    }

    /// The calls asked for, each as the form the provider was sent (To, From, Twiml).
    pub async fn calls(&self) -> Vec<HashMap<String, String>> {
        self.state.calls.lock().await.clone()
    }

    pub async fn sent(&self) -> Vec<SentText> {
        self.state.sent.lock().await.clone()
    }

    /// Waits until at least `n` texts have arrived or `timeout` passes, then returns them all.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<SentText> {
        let deadline = Instant::now() + timeout;
        while self.state.sent.lock().await.len() < n && Instant::now() < deadline {
            sleep(POLL).await;
        }
        self.sent().await
    }
}

async fn create_message(
    State(state): State<Arc<ProviderState>>,
    Path(sid): Path<String>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> (StatusCode, Json<Value>) {
    if !is_authorised(&headers, &sid) {
        let refusal = json!({"code": 20003, "message": "Authenticate"});
        return (StatusCode::UNAUTHORIZED, Json(refusal));
    }
    let field = |name: &str| form.get(name).cloned().unwrap_or_default();
    let text = SentText {
        to: field("To"),
        from: field("From"),
        body: field("Body"),
    };
    if state.dead.lock().await.contains(&text.to) {
        let refusal = json!({
            "code": 21211,
            "message": "The 'To' number is not a valid phone number."
        });
        return (StatusCode::BAD_REQUEST, Json(refusal));
    }
    let mut sent = state.sent.lock().await;
    sent.push(text);
    let reply = json!({"sid": format!("SM{}", sent.len()), "status": "queued"});
    (StatusCode::CREATED, Json(reply))
}

async fn create_call(
    State(state): State<Arc<ProviderState>>,
    Path(sid): Path<String>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> (StatusCode, Json<Value>) {
    if !is_authorised(&headers, &sid) {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"code": 20003, "message": "Authenticate"})),
        );
    }
    let mut calls = state.calls.lock().await;
    calls.push(form);
    (
        StatusCode::CREATED,
        Json(json!({"sid": format!("CA{}", calls.len()), "status": "queued"})),
    )
}

/// Whether the request is for our account and carries its basic-auth credentials.
fn is_authorised(headers: &HeaderMap, sid: &str) -> bool {
    let Some(encoded) = headers
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Basic "))
    else {
        return false;
    };
    let expected = format!("{}:{}", FakeSmsProvider::SID, FakeSmsProvider::TOKEN);
    sid == FakeSmsProvider::SID
        && STANDARD
            .decode(encoded.trim())
            .is_ok_and(|decoded| decoded == expected.as_bytes())
}
