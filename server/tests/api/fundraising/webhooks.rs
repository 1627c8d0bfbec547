//! The provider's webhooks: signed, applied once however often they come, forged ones
//! refused; events missed while the site was down are caught up on start; refunds and
//! many donations at once add up exactly.

use super::{webhook, Fund, NATIONAL};
use app::fundraising::service::{
    provider::{PaymentProvider, StripeApi},
    reconcile::catch_up,
    signature::sign,
};
use server::fake_payments::settings_for;

#[tokio::test]
async fn a_replayed_webhook_changes_nothing_and_a_forged_one_is_refused() {
    let fund = Fund::new().await;
    let app = fund.app();
    fund.give_and_pay(NATIONAL, "dana@example.org", "25", "one-off", "card")
        .await;
    let events = fund.fake.take_events();
    assert_eq!(events.len(), 1);
    let event = &events[0];
    // Forged: another secret, a changed body, an old signature, none at all.
    let now = chrono::Utc::now().timestamp();
    let forged = [
        (
            event.body.clone(),
            sign("whsec_guess", now, event.body.as_bytes()),
        ),
        (
            event.body.replace("2500", "250000"),
            event.signature.clone(),
        ),
        (
            event.body.clone(),
            sign(fund.fake.webhook_secret(), now - 600, event.body.as_bytes()),
        ),
        (event.body.clone(), String::new()),
    ];
    for (body, signature) in &forged {
        let reply = webhook(app, body, signature).await;
        assert_eq!(reply.status, 400, "{signature}");
    }
    assert_eq!(fund.raised(&fund.national).await, 0);
    // The real one, three times.
    for expected in ["applied", "already applied", "already applied"] {
        let reply = webhook(app, &event.body, &event.signature).await;
        assert_eq!(reply.status, 200);
        assert_eq!(reply.body, expected);
    }
    assert_eq!(fund.raised(&fund.national).await, 2_500);
    assert_eq!(app.count("fund_payments").await, 1);
    let receipts = app::mail::list_outbox_emails(&app.db, 50).await.unwrap();
    assert_eq!(
        receipts
            .iter()
            .filter(|e| e.to_email == "dana@example.org")
            .count(),
        1
    );
}

#[tokio::test]
async fn gifts_paid_while_the_site_was_down_are_caught_up_on_start_once() {
    let fund = Fund::new().await;
    let app = fund.app();
    fund.fake.set_delivering(false);
    fund.give_and_pay(NATIONAL, "down@example.org", "20", "one-off", "card")
        .await;
    fund.give_and_pay(NATIONAL, "down2@example.org", "5", "monthly", "card")
        .await;
    assert!(
        fund.fake.take_events().is_empty(),
        "no webhook reached the site"
    );
    assert_eq!(fund.raised(&fund.national).await, 0);
    let provider = StripeApi::new(&settings_for(&fund.fake));
    let first = catch_up(&app.db, &provider, crate::support::ORIGIN)
        .await
        .unwrap();
    assert_eq!(
        (first.read, first.applied),
        (3, 3),
        "two checkouts and an invoice"
    );
    assert_eq!(first.pages, vec![fund.national.id]);
    assert_eq!(fund.raised(&fund.national).await, 2_500);
    let again = catch_up(&app.db, &provider, crate::support::ORIGIN)
        .await
        .unwrap();
    assert_eq!(again.applied, 0);
    assert_eq!(fund.raised(&fund.national).await, 2_500);
}

#[tokio::test]
async fn a_refund_comes_off_the_thermometer() {
    let fund = Fund::new().await;
    fund.give_and_pay(NATIONAL, "back@example.org", "25", "one-off", "card")
        .await;
    fund.deliver().await;
    let intent = app::fundraising::tables::payment::Entity::find()
        .one(&fund.app().db)
        .await
        .unwrap()
        .unwrap()
        .provider_ref;
    StripeApi::new(&settings_for(&fund.fake))
        .refund(&intent)
        .await
        .unwrap();
    fund.deliver().await;
    assert_eq!(fund.raised(&fund.national).await, 0);
}

#[tokio::test]
async fn many_gifts_at_once_with_every_webhook_twice_add_up_exactly() {
    let fund = Fund::new().await;
    let gifts: Vec<_> = (0..12)
        .map(|i| {
            let fund = &fund;
            async move {
                let email = format!("crowd{i}@example.org");
                fund.give_and_pay(NATIONAL, &email, &format!("{}", i + 1), "one-off", "card")
                    .await
            }
        })
        .collect();
    futures::future::join_all(gifts).await;
    let events = fund.fake.take_events();
    assert_eq!(events.len(), 12);
    let calls = events
        .iter()
        .chain(events.iter())
        .map(|e| webhook(fund.app(), &e.body, &e.signature));
    let replies = futures::future::join_all(calls).await;
    assert!(
        replies.iter().all(|r| r.status == 200),
        "every call answered"
    );
    assert_eq!(replies.iter().filter(|r| r.body == "applied").count(), 12);
    assert_eq!(
        fund.raised(&fund.national).await,
        (1..=12).sum::<i64>() * 100
    );
    assert_eq!(fund.app().count("fund_payments").await, 12);
}

use sea_orm::EntityTrait;
