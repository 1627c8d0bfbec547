//! `membersnet bench-fundraising`: the fundraising figures in BENCHMARKS.md, against a
//! running server (`--url`) taking donations with the webhook secret `--secret`, on its
//! database (the usual DATABASE_URL). It keeps `--gifts` pending gifts on a donation
//! page, then posts the provider's signed "paid" webhooks for them at `--concurrency`
//! (webhooks/s), posts every one again (replays: nothing may change) and checks the
//! thermometer counted each gift once; then, with a watcher on the page's live stream,
//! times a payment's webhook to the watcher's new total (p50, p95, max).

use crate::commands::BoxError;
use app::fundraising::{
    model::Frequency,
    service::{
        donating::{attach_checkout, keep_pending, DonorDetails},
        pages::page_by_slug,
        signature::sign,
        totals::count,
    },
};
use app::validate::{EmailAddress, PersonName, PostcodeUk};
use futures::{stream, StreamExt};
use sea_orm::DatabaseConnection;
use std::time::{Duration, Instant};

#[derive(Debug, clap::Args)]
pub struct FundraisingBenchArgs {
    #[arg(long, default_value = "http://127.0.0.1:3000")]
    pub url: String,
    /// The server's PAYMENTS_WEBHOOK_SECRET.
    #[arg(long)]
    pub secret: String,
    /// The donation page (the demo's national fund by default).
    #[arg(long, default_value = "fighting-fund")]
    pub page: String,
    #[arg(long, default_value_t = 5_000)]
    pub gifts: usize,
    #[arg(long, default_value_t = 32)]
    pub concurrency: usize,
    /// Payments timed from webhook to a watcher's thermometer.
    #[arg(long, default_value_t = 50)]
    pub timed: usize,
}

fn paid_event(n: usize, donation_id: i32, pence: i64) -> String {
    serde_json::json!({
        "id": format!("evt_bench_{donation_id}_{n}"), "object": "event",
        "type": "checkout.session.completed",
        "data": {"object": {"id": format!("cs_bench_{donation_id}"), "mode": "payment",
            "payment_status": "paid", "payment_intent": format!("pi_bench_{donation_id}"),
            "amount_total": pence, "metadata": {"donation_id": donation_id.to_string()}}}
    })
    .to_string()
}

async fn post(
    client: &reqwest::Client,
    url: &str,
    secret: &str,
    body: String,
) -> Result<String, BoxError> {
    let signature = sign(secret, chrono::Utc::now().timestamp(), body.as_bytes());
    let reply = client
        .post(url)
        .header("Stripe-Signature", signature)
        .header("Content-Type", "application/json")
        .body(body)
        .send()
        .await?;
    if !reply.status().is_success() {
        return Err(format!("webhook answered {}", reply.status()).into());
    }
    Ok(reply.text().await?)
}

async fn pending_gifts(
    db: &DatabaseConnection,
    args: &FundraisingBenchArgs,
    how_many: usize,
    tag: &str,
) -> Result<Vec<i32>, BoxError> {
    let page = page_by_slug(db, &args.page).await?;
    let mut ids = Vec::with_capacity(how_many);
    for i in 0..how_many {
        let details = DonorDetails {
            amount_pence: 1_000,
            frequency: Frequency::OneOff,
            name: PersonName::parse("name", "Bench Donor")?,
            email: EmailAddress::parse("email", &format!("bench-{tag}-{i}@example.org"))?,
            address: "1 Bench Street, Sheffield".into(),
            postcode: PostcodeUk::parse("postcode", "S1 2HH")?,
            permissible: true,
            fundraising_emails: false,
        };
        let id = keep_pending(db, &page, &details, &args.url).await?.id;
        // As the provider's checkout would have been opened for it.
        attach_checkout(db, id, &format!("cs_bench_{id}")).await?;
        ids.push(id);
    }
    Ok(ids)
}

pub async fn run(db: &DatabaseConnection, args: &FundraisingBenchArgs) -> Result<(), BoxError> {
    let page = page_by_slug(db, &args.page).await?;
    let hook = format!(
        "{}{}",
        args.url.trim_end_matches('/'),
        crate::fundraising_routes::WEBHOOK_PATH
    );
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(args.concurrency)
        .build()?;
    println!(
        "fundraising bench: {} gifts on /donate/{}, {} at once",
        args.gifts, args.page, args.concurrency
    );
    let ids = pending_gifts(db, args, args.gifts, "load").await?;
    let before = count(db, page.id).await?.map_or(0, |t| t.raised_pence);
    for round in ["first delivery", "every one replayed"] {
        let started = Instant::now();
        let answers: Vec<Result<String, BoxError>> = stream::iter(ids.iter().map(|id| {
            let (client, hook, secret) = (&client, &hook, &args.secret);
            async move { post(client, hook, secret, paid_event(0, *id, 1_000)).await }
        }))
        .buffer_unordered(args.concurrency)
        .collect()
        .await;
        let seconds = started.elapsed().as_secs_f64();
        let applied = answers
            .iter()
            .filter(|a| matches!(a, Ok(body) if body == "applied"))
            .count();
        let failed = answers.iter().filter(|a| a.is_err()).count();
        println!(
            "  {round:<22} {:>6} webhooks in {seconds:.2} s = {:>6.0}/s; applied {applied}, failed {failed}",
            ids.len(),
            ids.len() as f64 / seconds
        );
    }
    let after = count(db, page.id).await?.map_or(0, |t| t.raised_pence);
    let expected = ids.len() as i64 * 1_000;
    println!(
        "  thermometer moved by {} pence (expected {expected}): {}",
        after - before,
        if after - before == expected {
            "exactly once each"
        } else {
            "WRONG"
        }
    );
    // A watcher on the page's live stream; each payment timed to its new total.
    let live = format!(
        "{}/donate/{}/live",
        args.url.trim_end_matches('/'),
        args.page
    );
    let mut watcher = client.get(&live).send().await?;
    let _hello = watcher.chunk().await?;
    let timed = pending_gifts(db, args, args.timed, "timed").await?;
    let mut delays = Vec::new();
    for id in timed {
        let sent = Instant::now();
        post(&client, &hook, &args.secret, paid_event(1, id, 1_000)).await?;
        match tokio::time::timeout(Duration::from_secs(10), watcher.chunk()).await {
            Ok(Ok(Some(_))) => delays.push(sent.elapsed()),
            _ => return Err("the watcher heard nothing within 10 s".into()),
        }
    }
    delays.sort();
    let at =
        |q: f64| delays[((delays.len() as f64 - 1.0) * q).round() as usize].as_secs_f64() * 1000.0;
    println!(
        "  webhook -> watcher's thermometer over {} payments: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        delays.len(),
        at(0.5),
        at(0.95),
        at(1.0)
    );
    Ok(())
}
