//! The provider's events, read from its JSON into what they mean for a gift. Anything
//! else the provider sends is `Ignored`. Outside input: fuzzed in `parsers_fuzz`.

use serde_json::Value;

/// One provider event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderEvent {
    pub id: String,
    pub kind: String,
    /// When the provider says it happened (Unix seconds): a payment is dated by this,
    /// not by when its webhook arrived (retries can cross a year's or quarter's end).
    pub created: Option<i64>,
    pub meaning: Meaning,
}

/// What an event means for a gift (named by our id, which every checkout carries).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meaning {
    /// The donor finished the checkout. A one-off card payment is paid now
    /// (`payment_ref` set); Direct Debit is paid days later (`AsyncPaid`); a monthly
    /// gift's payments come as `InvoicePaid`.
    CheckoutDone {
        donation_id: i32,
        session: String,
        paid_ref: Option<String>,
        amount: i64,
        subscription: Option<String>,
    },
    /// A slow payment method (Direct Debit) confirmed a one-off gift.
    AsyncPaid {
        donation_id: i32,
        session: String,
        payment_ref: String,
        amount: i64,
    },
    /// A slow payment method failed.
    AsyncFailed {
        donation_id: i32,
    },
    /// One month's payment of a monthly gift.
    InvoicePaid {
        donation_id: i32,
        payment_ref: String,
        amount: i64,
        subscription: String,
    },
    /// One month's payment failed.
    InvoiceFailed {
        donation_id: i32,
    },
    /// Refunds on a payment, as a running total.
    Refunded {
        payment_ref: String,
        refunded: i64,
    },
    /// A monthly gift ended (cancelled by the donor, the treasurer, or the provider).
    SubscriptionEnded {
        subscription: String,
    },
    Ignored,
}

/// Reads an event the provider sent; None if it is not one.
pub fn parse_event(body: &[u8]) -> Option<ProviderEvent> {
    let value: Value = serde_json::from_slice(body).ok()?;
    event_from_value(&value)
}

/// Reads one event from its JSON.
pub fn event_from_value(value: &Value) -> Option<ProviderEvent> {
    let id = value["id"]
        .as_str()
        .filter(|id| !id.is_empty() && id.len() <= 255)?;
    let kind = value["type"].as_str().filter(|k| k.len() <= 80)?;
    let object = &value["data"]["object"];
    let text = |v: &Value| {
        v.as_str()
            .filter(|s| !s.is_empty() && s.len() <= 255)
            .map(str::to_string)
    };
    // Our id rides in metadata we set when opening the checkout (never in fields a payer
    // can fill in, such as a payment link's client_reference_id). Invoices carry the
    // subscription's metadata: at the top level before Stripe's 2025-03-31 API version,
    // under `parent` since.
    let donation = |v: &Value| -> Option<i32> {
        v["metadata"]["donation_id"]
            .as_str()
            .or_else(|| v["subscription_details"]["metadata"]["donation_id"].as_str())
            .or_else(|| v["parent"]["subscription_details"]["metadata"]["donation_id"].as_str())
            .and_then(|id| id.parse().ok())
    };
    let amount = |v: &Value| v.as_i64().filter(|a| *a >= 0);
    // An event of a kind we know that is not about one of our gifts (a payment link's
    // checkout, say), or that does not read as ours should, is answered and ignored: the
    // provider would otherwise send it again for days.
    let meaning = (|| -> Option<Meaning> {
        Some(match kind {
            "checkout.session.completed" => Meaning::CheckoutDone {
                donation_id: donation(object)?,
                session: text(&object["id"])?,
                paid_ref: (object["mode"] == "payment" && object["payment_status"] == "paid")
                    .then(|| text(&object["payment_intent"]))
                    .flatten(),
                amount: amount(&object["amount_total"])?,
                subscription: text(&object["subscription"]),
            },
            "checkout.session.async_payment_succeeded" => Meaning::AsyncPaid {
                donation_id: donation(object)?,
                session: text(&object["id"])?,
                payment_ref: text(&object["payment_intent"])?,
                amount: amount(&object["amount_total"])?,
            },
            "checkout.session.async_payment_failed" => Meaning::AsyncFailed {
                donation_id: donation(object)?,
            },
            "invoice.paid" => Meaning::InvoicePaid {
                donation_id: donation(object)?,
                payment_ref: text(&object["payment_intent"]).or_else(|| {
                    text(&object["payments"]["data"][0]["payment"]["payment_intent"])
                })?,
                amount: amount(&object["amount_paid"])?,
                subscription: text(&object["subscription"])
                    .or_else(|| text(&object["parent"]["subscription_details"]["subscription"]))?,
            },
            "invoice.payment_failed" => Meaning::InvoiceFailed {
                donation_id: donation(object)?,
            },
            "charge.refunded" => Meaning::Refunded {
                payment_ref: text(&object["payment_intent"])?,
                refunded: amount(&object["amount_refunded"])?,
            },
            "customer.subscription.deleted" => Meaning::SubscriptionEnded {
                subscription: text(&object["id"])?,
            },
            _ => Meaning::Ignored,
        })
    })()
    .unwrap_or(Meaning::Ignored);
    Some(ProviderEvent {
        id: id.to_string(),
        kind: kind.to_string(),
        created: value["created"].as_i64(),
        meaning,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_paid_one_off_checkout_names_its_gift_and_payment() {
        let body = json!({"id": "evt_1", "type": "checkout.session.completed", "data": {"object": {
            "id": "cs_1", "mode": "payment", "payment_status": "paid", "payment_intent": "pi_1",
            "amount_total": 2500, "metadata": {"donation_id": "7"}}}});
        let event = parse_event(body.to_string().as_bytes()).unwrap();
        assert_eq!(
            event.meaning,
            Meaning::CheckoutDone {
                donation_id: 7,
                session: "cs_1".into(),
                paid_ref: Some("pi_1".into()),
                amount: 2500,
                subscription: None
            }
        );
    }

    #[test]
    fn a_direct_debit_checkout_is_not_paid_yet_and_oddities_are_refused() {
        let unpaid = json!({"id": "evt_2", "type": "checkout.session.completed", "data": {"object": {
            "id": "cs_2", "mode": "payment", "payment_status": "unpaid", "payment_intent": "pi_2",
            "amount_total": 2500, "client_reference_id": "8", "metadata": {"donation_id": "8"}}}});
        let event = event_from_value(&unpaid).unwrap();
        assert!(matches!(
            event.meaning,
            Meaning::CheckoutDone {
                paid_ref: None,
                donation_id: 8,
                ..
            }
        ));
        let negative = json!({"id": "evt_3", "type": "invoice.paid", "data": {"object": {
            "payment_intent": "pi_3", "amount_paid": -5, "subscription": "sub_1",
            "subscription_details": {"metadata": {"donation_id": "9"}}}}});
        assert_eq!(
            event_from_value(&negative).unwrap().meaning,
            Meaning::Ignored
        );
        let other = json!({"id": "evt_4", "type": "customer.created", "data": {}});
        assert_eq!(event_from_value(&other).unwrap().meaning, Meaning::Ignored);
        assert_eq!(parse_event(b"not json"), None);
        assert_eq!(parse_event(br#"{"type":"invoice.paid"}"#), None, "no id");
    }

    #[test]
    fn invoices_read_in_both_api_shapes_and_a_payers_reference_is_not_trusted() {
        let basil = json!({"id": "evt_5", "type": "invoice.paid", "created": 1_790_000_000, "data": {"object": {
            "amount_paid": 1000,
            "payments": {"data": [{"payment": {"type": "payment_intent", "payment_intent": "pi_5"}}]},
            "parent": {"type": "subscription_details", "subscription_details": {
                "subscription": "sub_5", "metadata": {"donation_id": "11"}}}}}});
        let event = event_from_value(&basil).unwrap();
        assert_eq!(event.created, Some(1_790_000_000));
        assert_eq!(
            event.meaning,
            Meaning::InvoicePaid {
                donation_id: 11,
                payment_ref: "pi_5".into(),
                amount: 1000,
                subscription: "sub_5".into()
            }
        );
        let link = json!({"id": "evt_6", "type": "checkout.session.completed", "data": {"object": {
            "id": "cs_6", "mode": "payment", "payment_status": "paid", "payment_intent": "pi_6",
            "amount_total": 100, "client_reference_id": "7"}}});
        assert_eq!(
            event_from_value(&link).unwrap().meaning,
            Meaning::Ignored,
            "a payment link's reference names no gift of ours"
        );
    }
}
