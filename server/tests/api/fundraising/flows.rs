//! A donor's journeys through the fake checkout: one-off by card, monthly with renewals,
//! a failed renewal, the emailed link changing and stopping a monthly gift, Direct Debit
//! confirming days later, the form's errors, and a site with no provider.

use super::{last_email_to, Fund, LOCAL, NATIONAL};
use crate::support::{TestApp, ORIGIN};
use app::fundraising::tables::donation;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

async fn gift_of(app: &TestApp, email: &str) -> donation::Model {
    donation::Entity::find()
        .filter(donation::Column::DonorEmail.eq(email))
        .one(&app.db)
        .await
        .unwrap()
        .expect("a gift")
}

#[tokio::test]
async fn a_one_off_gift_counts_once_the_provider_says_it_is_paid_and_is_receipted() {
    let fund = Fund::new().await;
    fund.give_and_pay(NATIONAL, "dana@example.org", "25", "one-off", "card")
        .await;
    assert_eq!(
        fund.raised(&fund.national).await,
        0,
        "nothing counts before the webhook"
    );
    assert_eq!(
        gift_of(fund.app(), "dana@example.org").await.status,
        "pending"
    );
    assert_eq!(fund.deliver().await, vec!["applied"]);
    assert_eq!(fund.raised(&fund.national).await, 2_500);
    assert_eq!(gift_of(fund.app(), "dana@example.org").await.status, "paid");
    let receipt = last_email_to(fund.app(), "dana@example.org")
        .await
        .expect("a receipt");
    assert!(receipt.subject.contains("£25"), "{}", receipt.subject);
    assert!(
        !receipt.body.contains("/donate/manage/"),
        "a one-off gift has nothing to manage"
    );
    // The page shows it, and the thanks page too.
    let page = fund.app().get(&format!("/donate/{NATIONAL}"), None).await;
    assert!(
        page.body.contains(
            "£25</strong> raised of a £1,000 target, from <span data-gifts=\"\">1 gift</span>"
        ),
        "{}",
        page.body
    );
    let thanks = fund
        .app()
        .get(&format!("/donate/{NATIONAL}/thanks"), None)
        .await;
    assert_eq!(thanks.status, 200);
}

#[tokio::test]
async fn a_monthly_gift_counts_each_payment_and_its_link_changes_then_stops_it() {
    let fund = Fund::new().await;
    let app = fund.app();
    fund.give_and_pay(LOCAL, "mo@example.org", "10", "monthly", "card")
        .await;
    fund.deliver().await;
    assert_eq!(fund.raised(&fund.local).await, 1_000);
    let gift = gift_of(app, "mo@example.org").await;
    assert_eq!(gift.status, "active");
    let sub = gift.subscription_ref.clone().expect("a subscription");
    // Next month: paid; the month after: the card fails (nothing counted).
    fund.fake.renew(&sub, true).await;
    fund.deliver().await;
    assert_eq!(fund.raised(&fund.local).await, 2_000);
    fund.fake.renew(&sub, false).await;
    fund.deliver().await;
    assert_eq!(fund.raised(&fund.local).await, 2_000);
    assert_eq!(gift_of(app, "mo@example.org").await.status, "failed");
    // The receipt's link: two clicks at most, no signing in.
    let receipt = last_email_to(app, "mo@example.org").await.unwrap();
    let link = receipt
        .body
        .split("/donate/manage/")
        .nth(1)
        .expect("a manage link");
    let token: String = link
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let manage = format!("/donate/manage/{token}");
    let shown = app.get(&manage, None).await;
    assert!(shown.body.contains("£10 a month"), "{}", shown.body);
    let bad = app
        .call(&format!("{manage}/amount"), &[("amount", "0.50")], None)
        .await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.body.contains("Give between £1 and £5,000 a month"),
        "{}",
        bad.body
    );
    let changed = app
        .call(&format!("{manage}/amount"), &[("amount", "15")], None)
        .await;
    assert_eq!(changed.status, 303, "{}", changed.body);
    fund.fake.renew(&sub, true).await;
    fund.deliver().await;
    assert_eq!(
        fund.raised(&fund.local).await,
        3_500,
        "the new amount is taken"
    );
    let stopped = app.call(&format!("{manage}/cancel"), &[], None).await;
    assert_eq!(stopped.status, 303, "{}", stopped.body);
    fund.deliver().await;
    assert_eq!(gift_of(app, "mo@example.org").await.status, "cancelled");
    fund.fake.renew(&sub, true).await;
    assert!(
        fund.fake.take_events().is_empty(),
        "a stopped gift takes nothing more"
    );
    let again = app.call(&format!("{manage}/cancel"), &[], None).await;
    assert_eq!(again.status, 422);
    assert!(again.body.contains("already stopped"));
    // A made-up link finds nothing.
    assert_eq!(app.get("/donate/manage/nonsense", None).await.status, 404);
}

#[tokio::test]
async fn a_direct_debit_counts_only_when_the_bank_confirms_it() {
    let fund = Fund::new().await;
    let paid = fund
        .give_and_pay(NATIONAL, "dd@example.org", "30", "one-off", "debit")
        .await;
    let failing = fund
        .give_and_pay(NATIONAL, "dd2@example.org", "40", "one-off", "debit")
        .await;
    fund.deliver().await;
    assert_eq!(fund.raised(&fund.national).await, 0);
    assert_eq!(
        gift_of(fund.app(), "dd@example.org").await.status,
        "processing"
    );
    fund.fake.settle(&paid, true).await;
    fund.fake.settle(&failing, false).await;
    fund.deliver().await;
    assert_eq!(fund.raised(&fund.national).await, 3_000);
    assert_eq!(
        gift_of(fund.app(), "dd2@example.org").await.status,
        "failed"
    );
}

#[tokio::test]
async fn bad_input_is_explained_beside_its_field_and_nothing_is_kept() {
    let fund = Fund::new().await;
    let app = fund.app();
    let cases = [
        ("0.50", "one-off", "Give between £1 and £5,000."),
        ("25", "", "Choose once or monthly."),
        ("5001", "one-off", "Give between £1 and £5,000."),
        ("600", "one-off", "tick the box to confirm"),
    ];
    for (amount, frequency, message) in cases {
        let reply = fund
            .give(NATIONAL, "eve@example.org", amount, frequency, &[])
            .await;
        assert_eq!(reply.status, 422, "{amount}/{frequency}: {}", reply.body);
        assert!(reply.body.contains(message), "{amount}: {}", reply.body);
        assert!(reply.body.contains("aria-invalid=\"true\"") || reply.body.contains("field-error"));
    }
    let hostile = fund
        .give(
            NATIONAL,
            "not-an-email",
            "25",
            "one-off",
            &[("name", "<script>alert(1)</script>")],
        )
        .await;
    assert_eq!(hostile.status, 422);
    assert!(
        !hostile.body.contains("<script>alert(1)"),
        "typed text is escaped"
    );
    assert_eq!(app.count("fund_donations").await, 0);
    // The page's policy lets the form go on to the provider's checkout, and nowhere else.
    let page = app.get(&format!("/donate/{NATIONAL}"), None).await;
    let policy = page.headers["content-security-policy"].to_str().unwrap();
    assert!(
        policy.contains(&format!("form-action 'self' {}", fund.fake.base())),
        "{policy}"
    );
    let monthly = page.body.split("id=\"frequency-monthly\"").nth(1).unwrap();
    let tag = &monthly[..monthly.find('>').unwrap()];
    assert!(
        !tag.contains("checked"),
        "monthly is never pre-selected: {tag}"
    );
    assert!(
        !page.body.contains(".wasm"),
        "a donation page carries no WASM"
    );
}

#[tokio::test]
async fn the_fundraising_emails_box_asks_for_consent_only_when_ticked() {
    let fund = Fund::new().await;
    let app = fund.app();
    let ticked = fund
        .give(
            NATIONAL,
            "yes@example.org",
            "25",
            "one-off",
            &[("fundraising_emails", "yes")],
        )
        .await;
    assert_eq!(ticked.status, 303);
    let unticked = fund
        .give(NATIONAL, "no@example.org", "25", "one-off", &[])
        .await;
    assert_eq!(unticked.status, 303);
    let confirm = last_email_to(app, "yes@example.org")
        .await
        .expect("a confirmation link");
    assert!(confirm.body.contains("/consent/confirm/"));
    assert!(last_email_to(app, "no@example.org").await.is_none());
    assert_eq!(
        app.count("consent_records").await,
        1,
        "one request, in the ledger with its words"
    );
}

#[tokio::test]
async fn without_a_provider_the_page_says_donations_are_not_set_up() {
    let app = TestApp::spawn_with_settings(app::state::Settings::new(ORIGIN, true)).await;
    super::page(&app, NATIONAL, None).await;
    let page = app.get(&format!("/donate/{NATIONAL}"), None).await;
    assert!(page
        .body
        .contains("Donations are not set up on this site yet"));
    let form = [
        ("amount", "1000"),
        ("frequency", "one-off"),
        ("name", "Dana Donor"),
        ("email", "dana@example.org"),
        ("address", "1 High Street"),
        ("postcode", "S1 2HH"),
    ];
    let tried = app.call(&format!("/donate/{NATIONAL}"), &form, None).await;
    assert_eq!(tried.status, 409);
    assert!(tried.body.contains("not set up"));
    assert_eq!(app.count("fund_donations").await, 0);
    assert_eq!(app.get("/donate/nowhere", None).await.status, 404);
}
