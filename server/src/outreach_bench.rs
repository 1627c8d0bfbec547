//! `membersnet bench-outreach`: the outreach figures in BENCHMARKS.md. On the database
//! it is given (use an empty one), it adds contacts who agreed to party email, then
//! 1. queues a national email to `--recipients` of them and delivers it through the
//!    real SMTP client to a local SMTP server in this process, printing messages/s and
//!    the process's peak memory;
//! 2. grows the list to `--audience` and times building and queueing that audience.

mod contacts;
mod smtp_sink;

use crate::commands::BoxError;
use app::{
    auth::model::{PersonView, Role},
    mail::{mailer::SmtpMailer, sms::LogTextSender},
    outreach::{
        model::{Channel, MessageStatus},
        service::{
            delivery::{deliver_due_messages, Outlets, RateLimit},
            drafts,
            senders::{message_for, Sender},
            sending::{drop_pending_deliveries, progress_of, start_send},
        },
    },
};
use chrono::Utc;
use sea_orm::DatabaseConnection;
use std::time::Instant;

/// What to measure.
#[derive(Debug, clap::Args)]
pub struct OutreachBenchArgs {
    /// Recipients of the email that is sent to the local SMTP server.
    #[arg(long, default_value_t = 100_000)]
    pub recipients: u64,
    /// Size of the audience that is built and queued (not sent).
    #[arg(long, default_value_t = 1_000_000)]
    pub audience: u64,
    /// Sends in flight at once (and SMTP connections open). lettre writes a message's
    /// final "." on its own, so every message waits out the sink's delayed ACK (about
    /// 40 ms): the rate is roughly connections / 40 ms until the CPU is the limit.
    #[arg(long, default_value_t = 256)]
    pub concurrency: usize,
}

/// Runs both measurements and prints their figures.
pub async fn run(db: &DatabaseConnection, args: &OutreachBenchArgs) -> Result<(), BoxError> {
    let backend = format!("{:?}", db.get_database_backend());
    let sender = Sender {
        person: bench_staff(),
        group: None,
        staff: true,
    };
    let started = Instant::now();
    let added = contacts::ensure(db, args.recipients).await?;
    println!(
        "contacts: {added} added ({} in all) in {:.1} s",
        args.recipients,
        started.elapsed().as_secs_f64()
    );

    // 1. Send to `recipients` through SMTP.
    let id = national_message(db, &sender).await?;
    let (found, _) = message_for(db, id, Some(&sender.person)).await?;
    let spec = drafts::spec_of(&found, &sender)?;
    let started = Instant::now();
    start_send(db, &found, &spec, MessageStatus::Draft, Utc::now()).await?;
    let queued = started.elapsed();
    let sink = smtp_sink::start().await?;
    let mailer = SmtpMailer::with_connections(
        &sink.url,
        "MembersNet <no-reply@membersnet.example>",
        args.concurrency as u32,
    )?;
    let (email_limit, text_limit) = (RateLimit::new(1_000_000), RateLimit::new(10));
    let texter = LogTextSender;
    let outlets = Outlets {
        mailer: &mailer,
        texter: &texter,
        email_limit: &email_limit,
        text_limit: &text_limit,
        concurrency: args.concurrency,
    };
    let started = Instant::now();
    loop {
        let claimed =
            deliver_due_messages(db, &outlets, "https://membersnet.example", 500, Utc::now())
                .await?;
        if claimed == 0 {
            break;
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    let progress = progress_of(db, id).await?;
    let received = sink.received();
    println!(
        "send ({backend}): {} queued in {:.2} s; {} sent, {} received by the SMTP server in {:.1} s = {:.0} messages/s; peak memory {} MB",
        progress.total,
        queued.as_secs_f64(),
        progress.sent,
        received,
        elapsed,
        progress.sent as f64 / elapsed,
        peak_memory_mb()
    );

    // 2. Build and queue an audience of `audience`.
    let started = Instant::now();
    let added = contacts::ensure(db, args.audience).await?;
    println!(
        "contacts: {added} added ({} in all) in {:.1} s",
        args.audience,
        started.elapsed().as_secs_f64()
    );
    let id = national_message(db, &sender).await?;
    let (found, _) = message_for(db, id, Some(&sender.person)).await?;
    let started = Instant::now();
    start_send(db, &found, &spec, MessageStatus::Draft, Utc::now()).await?;
    let took = started.elapsed().as_secs_f64();
    let total = progress_of(db, id).await?.total;
    println!("enqueue ({backend}): an audience of {total} built and queued in {took:.1} s");
    // Leave nothing for a server on this database to send.
    drop_pending_deliveries(db, id).await?;
    println!("peak memory of the whole run: {} MB", peak_memory_mb());
    Ok(())
}

/// A national email draft, ready to send.
async fn national_message(db: &DatabaseConnection, sender: &Sender) -> Result<i32, BoxError> {
    let id = drafts::new_draft(db, sender, Channel::Email, None).await?;
    let (found, _) = message_for(db, id, Some(&sender.person)).await?;
    let form = drafts::DraftForm {
        subject: "Polling day is Thursday, {{first_name}}".to_string(),
        body: "Hello {{first_name}},\n\nPolling day is **Thursday**. Can you give an hour?\n\n\
         - Knock on doors near you\n- Phone voters from home\n\nThank you,\n{{group_name}}"
            .to_string(),
        audience: "national".to_string(),
        audience_miles: String::new(),
        event_id: String::new(),
        send_at: String::new(),
        quiet_override: false,
    };
    drafts::save_draft(db, &found, sender, &form).await?;
    Ok(id)
}

/// Staff, for national messages (the bench checks nobody's session).
fn bench_staff() -> PersonView {
    PersonView {
        id: 0,
        name: "Bench Staff".into(),
        email: "bench@membersnet.example".into(),
        postcode: None,
        roles: vec![Role::Staff],
        email_confirmed: true,
        mobile: None,
    }
}

/// The process's peak resident memory (VmHWM), in MB.
fn peak_memory_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}
