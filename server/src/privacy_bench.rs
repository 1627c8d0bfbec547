//! `membersnet bench-privacy`: the privacy figures in BENCHMARKS.md. On the database it
//! is given (use an empty one) it makes a heavy member (`--signups` sign-ups, 5,000 by
//! default, and `--posts` forum posts, 1,000, in threads others replied to), then times
//! building their download (and the process's memory for it) and erasing them.

use crate::commands::BoxError;
use app::{
    auth::service::{accounts, email_confirmations::set_email_confirmed},
    events::{
        model::EventForm,
        service::{
            event_form::NewEvent,
            new_event::{create_event, Publication},
        },
    },
    groups::{
        model::GroupForm,
        service::new_group::{create_group, NewGroup},
    },
    privacy::service::{
        download::build_download,
        erasure::{account_subject, erase_subject},
    },
};
use chrono::{Duration, Utc};
use sea_orm::{
    sea_query::{Alias, Query, SimpleExpr},
    ConnectionTrait, DatabaseConnection, TransactionTrait, Value,
};
use std::time::Instant;

/// How heavy the member is.
#[derive(Debug, clap::Args)]
pub struct PrivacyBenchArgs {
    /// Their sign-ups (one per time slot of one event).
    #[arg(long, default_value_t = 5000)]
    pub signups: usize,
    /// Their forum posts, spread over 50 threads.
    #[arg(long, default_value_t = 1000)]
    pub posts: usize,
}

pub async fn run(db: &DatabaseConnection, args: &PrivacyBenchArgs) -> Result<(), BoxError> {
    let me = account(db, "Heavy Member", "heavy@bench.example").await?;
    let host = account(db, "Busy Host", "host@bench.example").await?;
    let started = Instant::now();
    seed(db, me, host, args).await?;
    println!(
        "seeded a member with {} sign-ups and {} forum posts in {:.1} s",
        args.signups,
        args.posts,
        started.elapsed().as_secs_f64()
    );

    let account = accounts::stored_account(db, me)
        .await?
        .ok_or("no account")?;
    let subject = account_subject(&account);
    let rss_before = memory_kib("VmRSS");
    // Resets the peak so that VmHWM below is this download's.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let started = Instant::now();
    let zip = build_download(db, &subject, &account.name).await?;
    let took = started.elapsed();
    let peak = memory_kib("VmHWM");
    println!(
        "download: {:.0} ms, {} KiB ZIP; process memory {} MiB before, {} MiB at peak (+{} MiB)",
        took.as_secs_f64() * 1000.0,
        zip.len() / 1024,
        rss_before / 1024,
        peak / 1024,
        peak.saturating_sub(rss_before) / 1024
    );
    drop(zip);

    let started = Instant::now();
    let txn = db.begin().await?;
    erase_subject(&txn, &subject, "http://bench.example").await?;
    txn.commit().await?;
    println!(
        "erasure: {:.0} ms, in one transaction (each sign-up cancelled in turn, so places pass on)",
        started.elapsed().as_secs_f64() * 1000.0
    );
    Ok(())
}

async fn account(db: &DatabaseConnection, name: &str, email: &str) -> Result<i32, BoxError> {
    let new = accounts::NewAccount::parse(name, email, "correct horse battery", "M1 1AE")?;
    let id = accounts::create_person(db, new).await?.id;
    set_email_confirmed(db, id).await?;
    Ok(id)
}

async fn seed(
    db: &DatabaseConnection,
    me: i32,
    host: i32,
    args: &PrivacyBenchArgs,
) -> Result<(), BoxError> {
    let date = (Utc::now() + Duration::days(7))
        .format("%Y-%m-%d")
        .to_string();
    let form = EventForm {
        title: "Weekly phone bank".into(),
        description: "Every slot of the campaign.".into(),
        kind: "canvassing".into(),
        date,
        start_time: "10:00".into(),
        end_time: "12:00".into(),
        venue: "Town hall".into(),
        postcode: "M1 1AE".into(),
        capacity: String::new(),
        ..Default::default()
    };
    let event = create_event(
        db,
        host,
        NewEvent::parse(&form, Utc::now())?,
        Publication::Published,
        None,
    )
    .await?
    .id;
    let now = Utc::now();
    let slots: Vec<Vec<Value>> = (0..args.signups)
        .map(|i| {
            let starts = now + Duration::hours(i as i64 + 1);
            vec![
                event.into(),
                format!("Slot {i}").into(),
                starts.into(),
                (starts + Duration::hours(1)).into(),
                Value::Int(None),
                1.into(),
                now.into(),
            ]
        })
        .collect();
    insert_rows(
        db,
        "event_slots",
        &[
            "event_id",
            "label",
            "starts_at",
            "ends_at",
            "capacity",
            "confirmed_count",
            "created_at",
        ],
        slots,
    )
    .await?;
    let first_slot = scalar(
        db,
        &format!("SELECT MIN(id) FROM event_slots WHERE event_id = {event} AND label = 'Slot 0'"),
    )
    .await?;
    let signups: Vec<Vec<Value>> = (0..args.signups)
        .map(|i| {
            let starts = now + Duration::hours(i as i64 + 1);
            vec![
                (first_slot + i as i32).into(),
                me.into(),
                "Heavy Member".into(),
                "heavy@bench.example".into(),
                "confirmed".into(),
                format!("cancel-{i}").into(),
                now.into(),
                now.into(),
                event.into(),
                starts.into(),
                false.into(),
            ]
        })
        .collect();
    insert_rows(
        db,
        "signups",
        &[
            "slot_id",
            "person_id",
            "name",
            "email",
            "status",
            "cancel_token_hash",
            "created_at",
            "updated_at",
            "event_id",
            "starts_at",
            "added_by_host",
        ],
        signups,
    )
    .await?;

    let group_form = GroupForm {
        name: "Bench Campaigners".into(),
        description: "A busy forum.".into(),
        topic: "local".into(),
        postcode: "M1 1AE".into(),
        joining: "open".into(),
    };
    let group = create_group(db, host, NewGroup::parse(&group_form)?)
        .await?
        .id;
    let threads: Vec<Vec<Value>> = (0..50)
        .map(|i| {
            vec![
                group.into(),
                host.into(),
                format!("Thread {i}").into(),
                false.into(),
                false.into(),
                0.into(),
                now.into(),
                now.into(),
            ]
        })
        .collect();
    insert_rows(
        db,
        "forum_threads",
        &[
            "group_id",
            "author_id",
            "title",
            "pinned",
            "locked",
            "post_count",
            "last_post_at",
            "created_at",
        ],
        threads,
    )
    .await?;
    let first_thread = scalar(
        db,
        &format!("SELECT MIN(id) FROM forum_threads WHERE group_id = {group}"),
    )
    .await?;
    // Their posts, then a reply by the host in each thread, so every thread keeps its shape.
    let mut posts: Vec<Vec<Value>> = (0..args.posts)
        .map(|i| {
            let body = format!("Post {i}: I can do Saturday morning on the estate.");
            vec![
                (first_thread + (i % 50) as i32).into(),
                me.into(),
                body.clone().into(),
                format!("<p>{body}</p>").into(),
                now.into(),
            ]
        })
        .collect();
    posts.extend((0..50).map(|t| {
        vec![
            (first_thread + t).into(),
            host.into(),
            "Thanks!".into(),
            "<p>Thanks!</p>".into(),
            now.into(),
        ]
    }));
    insert_rows(
        db,
        "forum_posts",
        &["thread_id", "author_id", "body", "body_html", "created_at"],
        posts,
    )
    .await?;
    Ok(())
}

async fn insert_rows(
    db: &DatabaseConnection,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Value>>,
) -> Result<(), BoxError> {
    for chunk in rows.chunks(500) {
        let mut query = Query::insert();
        query
            .into_table(Alias::new(table))
            .columns(columns.iter().map(|c| Alias::new(*c)));
        for row in chunk {
            query.values_panic(row.iter().cloned().map(SimpleExpr::from));
        }
        db.execute(&query).await?;
    }
    Ok(())
}

async fn scalar(db: &DatabaseConnection, sql: &str) -> Result<i32, BoxError> {
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            sql.replace("MIN(id)", "MIN(id) AS n"),
        ))
        .await?
        .ok_or("no row")?;
    Ok(row.try_get::<i32>("", "n")?)
}

/// A memory figure of this process from /proc (KiB), or 0 where there is none.
fn memory_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}
