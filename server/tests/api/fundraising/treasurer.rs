//! The treasurer: the permissibility queue (accept, or return through the provider), the
//! 30-day clock's reminders on a clock the test controls, a donor's year adding up past
//! £500, offline gifts, a group's treasurer seeing only its gifts, and the CSV.

use super::{last_email_to, Fund, LOCAL, NATIONAL};
use app::fundraising::{service::checks::send_reminders, tables::donation};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};

async fn books(fund: &Fund, session: &str) -> serde_json::Value {
    let reply = fund
        .app()
        .call(
            "/api/fundraising/books",
            &[("status", ""), ("donor", ""), ("over", "")],
            Some(session),
        )
        .await;
    assert!(reply.succeeded(), "{}", reply.body);
    reply.json()
}

#[tokio::test]
async fn a_gift_over_500_waits_for_a_check_and_the_treasurer_accepts_it() {
    let fund = Fund::new().await;
    let app = fund.app();
    fund.give_and_pay(LOCAL, "big@example.org", "750", "one-off", "card")
        .await;
    fund.give_and_pay(LOCAL, "small@example.org", "20", "one-off", "card")
        .await;
    fund.deliver().await;
    let staff = app.signed_in_staff().await;
    let seen = books(&fund, &staff).await;
    let queue = seen["queue"].as_array().unwrap();
    assert_eq!(queue.len(), 1, "{seen}");
    assert_eq!(queue[0]["donation"]["donor_email"], "big@example.org");
    assert_eq!(queue[0]["day"], 0);
    let id = queue[0]["donation"]["id"].to_string();
    let missing = app
        .call(
            "/api/fundraising/check",
            &[
                ("donation_id", &id),
                ("register", ""),
                ("reference", "x"),
                ("decision", "accept"),
            ],
            Some(&staff),
        )
        .await;
    assert_eq!(missing.error_field(), "register");
    let form = [
        ("donation_id", id.as_str()),
        ("register", "Sheffield electoral register"),
        ("reference", "ER-2026-118"),
        ("decision", "accept"),
    ];
    let accepted = app
        .call("/api/fundraising/check", &form, Some(&staff))
        .await;
    assert!(accepted.succeeded(), "{}", accepted.body);
    let twice = app
        .call("/api/fundraising/check", &form, Some(&staff))
        .await;
    assert_eq!(twice.error_code(), "conflict");
    let after = books(&fund, &staff).await;
    assert!(after["queue"].as_array().unwrap().is_empty());
    let log = after["audit"].as_array().unwrap();
    assert!(
        log.iter()
            .any(|l| l["action"] == "accepted"
                && l["detail"].as_str().unwrap().contains("ER-2026-118")),
        "{log:?}"
    );
    assert_eq!(fund.raised(&fund.local).await, 77_000);
}

#[tokio::test]
async fn returning_a_gift_refunds_it_through_the_provider() {
    let fund = Fund::new().await;
    let app = fund.app();
    fund.give_and_pay(NATIONAL, "big@example.org", "600", "one-off", "card")
        .await;
    fund.deliver().await;
    let staff = app.signed_in_staff().await;
    let id = books(&fund, &staff).await["queue"][0]["donation"]["id"].to_string();
    let form = [
        ("donation_id", id.as_str()),
        ("register", "No register entry"),
        ("reference", "Not found"),
        ("decision", "return"),
    ];
    assert!(app
        .call("/api/fundraising/check", &form, Some(&staff))
        .await
        .succeeded());
    let said = fund.deliver().await;
    assert_eq!(said, vec!["applied"], "the provider's refund event");
    assert_eq!(fund.raised(&fund.national).await, 0);
    let gift = donation::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (gift.status.as_str(), gift.check_state.as_str()),
        ("returned", "returned")
    );
}

#[tokio::test]
async fn small_gifts_adding_up_past_500_in_a_year_need_the_box_and_a_check() {
    let fund = Fund::new().await;
    fund.give_and_pay(NATIONAL, "steady@example.org", "300", "one-off", "card")
        .await;
    fund.deliver().await;
    let without = fund
        .give(NATIONAL, "steady@example.org", "300", "one-off", &[])
        .await;
    assert_eq!(
        without.status, 422,
        "the second gift takes the year past £500"
    );
    fund.give_and_pay(NATIONAL, "steady@example.org", "300", "one-off", "card")
        .await;
    fund.deliver().await;
    let staff = fund.app().signed_in_staff().await;
    let seen = books(&fund, &staff).await;
    assert_eq!(seen["queue"].as_array().unwrap().len(), 1);
    assert_eq!(
        seen["splits"].as_array().unwrap().len(),
        1,
        "two gifts within 30 days: {seen}"
    );
}

#[tokio::test]
async fn the_treasurer_is_reminded_on_day_20_and_day_27_once_each() {
    let fund = Fund::new().await;
    let app = fund.app();
    fund.give_and_pay(LOCAL, "big@example.org", "900", "one-off", "card")
        .await;
    fund.deliver().await;
    let tina = app.signed_in("Tina Treasurer", "tina@example.org").await;
    let staff = app.signed_in_staff().await;
    let named = app
        .call(
            "/api/fundraising/treasurer",
            &[
                ("group", "sheffield-central-local-party"),
                ("email", "tina@example.org"),
            ],
            Some(&staff),
        )
        .await;
    assert!(named.succeeded(), "{}", named.body);
    let gift = donation::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let started = gift.check_started_at.unwrap();
    let url = crate::support::ORIGIN;
    assert_eq!(
        send_reminders(&app.db, started + Duration::days(19), url)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        send_reminders(&app.db, started + Duration::days(20), url)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        send_reminders(&app.db, started + Duration::days(21), url)
            .await
            .unwrap(),
        0
    );
    let day20 = last_email_to(app, "tina@example.org")
        .await
        .expect("the group's treasurer is told");
    assert!(day20.subject.starts_with("Day 20"), "{}", day20.subject);
    assert_eq!(
        send_reminders(&app.db, started + Duration::days(27), url)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        send_reminders(&app.db, started + Duration::days(28), url)
            .await
            .unwrap(),
        0
    );
    let day27 = last_email_to(app, "tina@example.org").await.unwrap();
    assert!(day27.subject.starts_with("Day 27"), "{}", day27.subject);
    // Tina keeps the group's books and sees the clock.
    let seen = books(&fund, &tina).await;
    assert_eq!(seen["queue"].as_array().unwrap().len(), 1);
    let mut row = gift.into_active_model();
    row.check_started_at = Set(Some(Utc::now() - Duration::days(22)));
    row.update(&app.db).await.unwrap();
    assert_eq!(books(&fund, &tina).await["queue"][0]["day"], 22);
}

#[tokio::test]
async fn a_groups_treasurer_sees_only_its_gifts_and_the_csv_is_formula_safe() {
    let fund = Fund::new().await;
    let app = fund.app();
    let staff = app.signed_in_staff().await;
    let tina = app.signed_in("Tina Treasurer", "tina@example.org").await;
    app.call(
        "/api/fundraising/treasurer",
        &[
            ("group", "sheffield-central-local-party"),
            ("email", "tina@example.org"),
        ],
        Some(&staff),
    )
    .await;
    fund.give_and_pay(NATIONAL, "national@example.org", "10", "one-off", "card")
        .await;
    fund.deliver().await;
    let cheque = [
        ("page_id", fund.local.id.to_string()),
        (
            "donor_name",
            "=HYPERLINK(\"http://evil.example\")".to_string(),
        ),
        ("donor_email", "cheque@example.org".to_string()),
        ("donor_address", "3 Mill Lane, Sheffield".to_string()),
        ("donor_postcode", "S1 2HH".to_string()),
        ("amount", "45".to_string()),
        ("note", "Cheque 000123".to_string()),
    ];
    let form: Vec<(&str, &str)> = cheque.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let recorded = app
        .call("/api/fundraising/offline", &form, Some(&tina))
        .await;
    assert!(recorded.succeeded(), "{}", recorded.body);
    assert_eq!(fund.raised(&fund.local).await, 4_500);
    let seen = books(&fund, &tina).await;
    let emails: Vec<&str> = seen["donations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["donor_email"].as_str().unwrap())
        .collect();
    assert_eq!(
        emails,
        vec!["cheque@example.org"],
        "not the party's national gifts"
    );
    // Tina may not record against the national page, nor name treasurers.
    let national = [("page_id", fund.national.id.to_string())];
    let mut other: Vec<(&str, &str)> = form.clone();
    other[0] = ("page_id", national[0].1.as_str());
    assert_eq!(
        app.call("/api/fundraising/offline", &other, Some(&tina))
            .await
            .error_field(),
        "page_id"
    );
    let csv = app
        .send(
            axum::http::Request::get("/treasurer/donations.csv")
                .header("host", crate::support::HOST)
                .header("cookie", format!("mn_session={tina}"))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(csv.status, 200);
    assert!(csv.body.contains("'=HYPERLINK"), "{}", csv.body);
    assert!(!csv.body.contains("national@example.org"));
    let anonymous = app.get("/treasurer/donations.csv", None).await;
    assert_eq!(anonymous.status, 401);
}

#[tokio::test]
async fn erasure_forgets_a_small_gifts_donor_and_keeps_a_checked_gift_whole() {
    let fund = Fund::new().await;
    let app = fund.app();
    fund.give_and_pay(NATIONAL, "gone@example.org", "20", "one-off", "card")
        .await;
    fund.give_and_pay(LOCAL, "gone@example.org", "600", "one-off", "card")
        .await;
    fund.deliver().await;
    let changed = app::fundraising::service::erasure::forget_donor(&app.db, "Gone@example.org")
        .await
        .unwrap();
    assert_eq!(changed, 1);
    let gifts = donation::Entity::find().all(&app.db).await.unwrap();
    let small = gifts.iter().find(|g| g.amount_pence == 2_000).unwrap();
    assert_eq!(
        (small.donor_email.as_str(), small.donor_address.as_str()),
        ("", "")
    );
    assert_eq!(
        small.donor_name,
        app::fundraising::service::erasure::ERASED_DONOR
    );
    let checked = gifts.iter().find(|g| g.amount_pence == 60_000).unwrap();
    assert_eq!(
        checked.donor_email, "gone@example.org",
        "the law asks for it to be kept"
    );
    assert_eq!(
        fund.raised(&fund.national).await,
        2_000,
        "the amount stays in the accounts"
    );
}
