//! The fake provider's HTTP side: the part of Stripe's API MembersNet calls (checkout
//! sessions, refunds, subscriptions, the events list), each checking the secret key, and
//! the hosted checkout page a donor "pays" on.

use super::{lock, FakeProvider, Session, Subscription};
use axum::{
    extract::{Path, State},
    http::{HeaderMap, StatusCode},
    response::{Html, IntoResponse, Redirect, Response},
    Form, Json,
};
use serde_json::json;
use std::collections::HashMap;

fn authorised(fake: &FakeProvider, headers: &HeaderMap) -> bool {
    headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == format!("Bearer {}", fake.0.secret_key))
}

fn refused() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        Json(json!({"error": {"message": "Invalid API key"}})),
    )
        .into_response()
}

pub(super) async fn create_session(
    State(fake): State<FakeProvider>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    if !authorised(&fake, &headers) {
        return refused();
    }
    let field = |k: &str| form.get(k).cloned().unwrap_or_default();
    let amount = field("line_items[0][price_data][unit_amount]")
        .parse::<i64>()
        .unwrap_or(0);
    if amount <= 0 || field("line_items[0][price_data][currency]") != "gbp" {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": {"message": "bad line item"}})),
        )
            .into_response();
    }
    let id = fake.id("cs");
    lock(&fake.0.sessions).insert(
        id.clone(),
        Session {
            mode: field("mode"),
            amount,
            donation_id: field("metadata[donation_id]"),
            success_url: field("success_url"),
            description: field("line_items[0][price_data][product_data][name]"),
            done: false,
        },
    );
    let url = format!("{}/pay/{id}", fake.0.base);
    Json(json!({"id": id, "object": "checkout.session", "url": url})).into_response()
}

pub(super) async fn checkout_page(
    State(fake): State<FakeProvider>,
    Path(id): Path<String>,
) -> Response {
    let sessions = lock(&fake.0.sessions);
    let Some(session) = sessions.get(&id).filter(|s| !s.done) else {
        return (StatusCode::NOT_FOUND, "This checkout has finished.").into_response();
    };
    let every = if session.mode == "subscription" {
        " a month"
    } else {
        ""
    };
    let e = app::ui::escape::html;
    Html(format!(
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Test checkout</title></head>\
         <body><main><h1>Test checkout</h1><p>No real money moves here: this is the fake payment provider.</p>\
         <p>{} — £{}.{:02}{every}</p>\
         <form method=\"post\"><input type=\"hidden\" name=\"method\" value=\"card\"><button type=\"submit\">Pay by card</button></form>\
         <form method=\"post\"><input type=\"hidden\" name=\"method\" value=\"debit\"><button type=\"submit\">Pay by Direct Debit</button></form>\
         </main></body></html>",
        e(&session.description),
        session.amount / 100,
        session.amount % 100,
    ))
    .into_response()
}

pub(super) async fn pay(
    State(fake): State<FakeProvider>,
    Path(id): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let (mode, amount, donation, success) = {
        let mut sessions = lock(&fake.0.sessions);
        let Some(session) = sessions.get_mut(&id).filter(|s| !s.done) else {
            return (StatusCode::NOT_FOUND, "This checkout has finished.").into_response();
        };
        session.done = true;
        (
            session.mode.clone(),
            session.amount,
            session.donation_id.clone(),
            session.success_url.clone(),
        )
    };
    let debit = form.get("method").map(String::as_str) == Some("debit");
    let intent = fake.id("pi");
    let metadata = json!({"donation_id": donation});
    if mode == "subscription" {
        let sub = fake.id("sub");
        lock(&fake.0.subscriptions).insert(
            sub.clone(),
            Subscription {
                donation_id: donation.clone(),
                amount,
                active: true,
            },
        );
        let object = json!({"id": id, "object": "checkout.session", "mode": "subscription",
            "payment_status": if debit { "unpaid" } else { "paid" }, "subscription": sub,
            "amount_total": amount, "metadata": metadata});
        fake.emit("checkout.session.completed", object).await;
        if debit {
            lock(&fake.0.unsettled).insert(id.clone(), (intent, Some(sub)));
        } else {
            fake.invoice(&sub, &intent, amount, &donation, true).await;
        }
    } else {
        if !debit {
            lock(&fake.0.payments).insert(intent.clone(), amount);
        } else {
            lock(&fake.0.unsettled).insert(id.clone(), (intent.clone(), None));
        }
        let object = json!({"id": id, "object": "checkout.session", "mode": "payment",
            "payment_status": if debit { "unpaid" } else { "paid" }, "payment_intent": intent,
            "amount_total": amount, "metadata": metadata});
        fake.emit("checkout.session.completed", object).await;
    }
    Redirect::to(&success).into_response()
}

pub(super) async fn refund(
    State(fake): State<FakeProvider>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    if !authorised(&fake, &headers) {
        return refused();
    }
    let intent = form.get("payment_intent").cloned().unwrap_or_default();
    let Some(amount) = lock(&fake.0.payments).get(&intent).copied() else {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({"error": {"message": "No such payment"}})),
        )
            .into_response();
    };
    let charge = json!({"id": fake.id("ch"), "object": "charge", "payment_intent": intent,
        "amount": amount, "amount_refunded": amount, "refunded": true});
    fake.emit("charge.refunded", charge).await;
    Json(json!({"id": fake.id("re"), "object": "refund", "amount": amount, "status": "succeeded"}))
        .into_response()
}

pub(super) async fn show_subscription(
    State(fake): State<FakeProvider>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if !authorised(&fake, &headers) {
        return refused();
    }
    match lock(&fake.0.subscriptions).get(&id) {
        Some(sub) => Json(json!({"id": id, "object": "subscription",
            "status": if sub.active { "active" } else { "canceled" },
            "items": {"data": [{"id": format!("si_{id}"), "price": {"product": "prod_donation", "unit_amount": sub.amount}}]}}))
        .into_response(),
        None => (StatusCode::NOT_FOUND, Json(json!({"error": {"message": "No such subscription"}}))).into_response(),
    }
}

pub(super) async fn update_subscription(
    State(fake): State<FakeProvider>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    if !authorised(&fake, &headers) {
        return refused();
    }
    let amount = form
        .get("items[0][price_data][unit_amount]")
        .and_then(|a| a.parse::<i64>().ok())
        .filter(|a| *a > 0);
    let mut subs = lock(&fake.0.subscriptions);
    match (subs.get_mut(&id).filter(|s| s.active), amount) {
        (Some(sub), Some(amount)) => {
            sub.amount = amount;
            Json(json!({"id": id, "object": "subscription", "status": "active"})).into_response()
        }
        _ => (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": {"message": "Cannot update"}})),
        )
            .into_response(),
    }
}

pub(super) async fn cancel_subscription(
    State(fake): State<FakeProvider>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if !authorised(&fake, &headers) {
        return refused();
    }
    let was_active = lock(&fake.0.subscriptions)
        .get_mut(&id)
        .map(|s| std::mem::replace(&mut s.active, false));
    match was_active {
        Some(true) => {
            fake.emit(
                "customer.subscription.deleted",
                json!({"id": id, "object": "subscription", "status": "canceled"}),
            )
            .await;
            Json(json!({"id": id, "object": "subscription", "status": "canceled"})).into_response()
        }
        _ => (
            StatusCode::NOT_FOUND,
            Json(json!({"error": {"message": "No such subscription"}})),
        )
            .into_response(),
    }
}

pub(super) async fn list_events(State(fake): State<FakeProvider>, headers: HeaderMap) -> Response {
    if !authorised(&fake, &headers) {
        return refused();
    }
    let mut events = lock(&fake.0.events).clone();
    events.reverse();
    Json(json!({"object": "list", "data": events, "has_more": false})).into_response()
}
