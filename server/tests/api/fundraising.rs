//! Fundraising through the fake provider (a local server speaking Stripe's API, which
//! keeps its signed webhooks for the test to deliver, replay or forge): one-off and
//! monthly gifts, Direct Debit, refunds, failed renewals, exactly-once webhooks, catching
//! up after missed ones, monthly donors' links, the thermometer, the treasurer's queue
//! and books, and who may call each server function.

mod blocks;
mod flows;
mod role_matrix;
mod treasurer;
mod webhooks;

use crate::{
    outreach::Sender,
    support::{Reply, TestApp},
};
use app::{
    fundraising::service::pages::{create_page, DonationPage, NewPage},
    mail::list_outbox_emails,
    state::Settings,
};
use server::fake_payments::{settings_for, Deliver, FakeProvider};

pub const NATIONAL: &str = "fighting-fund";
pub const LOCAL: &str = "sheffield-fund";

/// A site taking donations through a fake provider, with an official group (Olive
/// organises it) and two donation pages: the party's and the group's.
pub struct Fund {
    pub org: Sender,
    pub fake: FakeProvider,
    pub national: DonationPage,
    pub local: DonationPage,
}

impl Fund {
    pub async fn new() -> Fund {
        let fake = FakeProvider::start(Deliver::Keep)
            .await
            .expect("fake provider");
        let settings =
            Settings::new(crate::support::ORIGIN, true).with_payments(Some(settings_for(&fake)));
        let app = TestApp::spawn_with_settings(settings).await;
        let org = crate::outreach::official_group_in(app).await;
        let national = page(&org.app, NATIONAL, None).await;
        let local = page(&org.app, LOCAL, Some(org.group_id)).await;
        Fund {
            org,
            fake,
            national,
            local,
        }
    }

    pub fn app(&self) -> &TestApp {
        &self.org.app
    }

    /// Fills in a page's form as a donor; returns the reply (303 to the checkout).
    pub async fn give(
        &self,
        slug: &str,
        email: &str,
        amount: &str,
        frequency: &str,
        extra: &[(&str, &str)],
    ) -> Reply {
        let mut form = vec![
            ("amount", "other"),
            ("other_amount", amount),
            ("frequency", frequency),
            ("name", "Dana Donor"),
            ("email", email),
            ("address", "1 High Street, Sheffield"),
            ("postcode", "S1 2HH"),
        ];
        form.extend_from_slice(extra);
        self.app()
            .call(&format!("/donate/{slug}"), &form, None)
            .await
    }

    /// Gives and pays at the fake checkout (by "card" or "debit"); returns the checkout
    /// session's id. The provider's events are kept, not yet delivered.
    pub async fn give_and_pay(
        &self,
        slug: &str,
        email: &str,
        amount: &str,
        frequency: &str,
        method: &str,
    ) -> String {
        let reply = self
            .give(slug, email, amount, frequency, &[("permissible", "yes")])
            .await;
        assert_eq!(reply.status, 303, "{}", reply.body);
        let checkout = reply.headers["location"].to_str().unwrap().to_string();
        assert!(checkout.starts_with(self.fake.base()), "{checkout}");
        pay(&checkout, method).await;
        checkout.rsplit('/').next().unwrap().to_string()
    }

    /// Delivers every event the provider kept, as its webhook calls; returns the replies'
    /// bodies ("applied" / "already applied").
    pub async fn deliver(&self) -> Vec<String> {
        let mut said = Vec::new();
        for event in self.fake.take_events() {
            let reply = webhook(self.app(), &event.body, &event.signature).await;
            assert_eq!(reply.status, 200, "{}: {}", event.kind, reply.body);
            said.push(reply.body);
        }
        said
    }

    /// The page's thermometer, as counted now.
    pub async fn raised(&self, page: &DonationPage) -> i64 {
        app::fundraising::service::totals::count(&self.app().db, page.id)
            .await
            .unwrap()
            .unwrap()
            .raised_pence
    }
}

/// Makes a donation page.
pub async fn page(app: &TestApp, slug: &str, group_id: Option<i32>) -> DonationPage {
    create_page(
        &app.db,
        NewPage {
            slug,
            group_id,
            title: "The fund",
            story: "Help us **win**.",
            target_pence: 100_000,
            suggested: &[1_000, 2_500],
            max_pence: 500_000,
            created_by: None,
        },
    )
    .await
    .expect("page")
}

/// Presses a button on the fake's checkout page.
pub async fn pay(checkout: &str, method: &str) {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let paid = client
        .post(checkout)
        .form(&[("method", method)])
        .send()
        .await
        .expect("fake checkout");
    assert_eq!(
        paid.status().as_u16(),
        303,
        "the checkout sends the donor back"
    );
}

/// Posts a webhook call to the site.
pub async fn webhook(app: &TestApp, body: &str, signature: &str) -> Reply {
    use axum::{
        body::Body,
        http::{header, Request},
    };
    let request = Request::post(server::fundraising_routes::WEBHOOK_PATH)
        .header(header::HOST, crate::support::HOST)
        .header(header::CONTENT_TYPE, "application/json")
        .header("Stripe-Signature", signature)
        .body(Body::from(body.to_string()))
        .unwrap();
    app.send(request).await
}

/// The newest email to `to`, if any.
pub async fn last_email_to(app: &TestApp, to: &str) -> Option<app::mail::model::OutboxEmailView> {
    list_outbox_emails(&app.db, 200)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.to_email == to)
}
