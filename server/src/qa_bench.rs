//! `membersnet bench-qa`: the Q&A figures in BENCHMARKS.md. Against running servers (one
//! or several on one database, `--url` each) and that database (the usual DATABASE_URL),
//! it schedules a live webchat with approved questions and members with sessions, opens
//! `--watchers` live streams spread over the servers, then for `--seconds` has members
//! vote `--votes-per-second` through the server functions (over the servers in turn) and
//! the politician answer every two seconds. It prints each server's memory (`--pid`)
//! before and with the watchers, and the time from a vote to its count reaching the timed
//! watchers and from an answer to them (p50, p95, max).

mod setup;

use crate::commands::BoxError;
use app::qa::model::LiveUpdate;
use sea_orm::DatabaseConnection;
use setup::{setup, QUESTIONS};
use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicU64, AtomicUsize, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

#[derive(Debug, clap::Args)]
pub struct QaBenchArgs {
    /// The servers (comma-separated): watchers and votes are spread over them.
    #[arg(long, default_value = "http://127.0.0.1:3000", value_delimiter = ',')]
    pub url: Vec<String>,
    /// Live streams to open.
    #[arg(long, default_value_t = 5_000)]
    pub watchers: usize,
    /// Of those, how many time every update they receive.
    #[arg(long, default_value_t = 200)]
    pub timed: usize,
    #[arg(long, default_value_t = 500)]
    pub votes_per_second: u64,
    #[arg(long, default_value_t = 20)]
    pub seconds: u64,
    /// The servers' process ids, for their memory.
    #[arg(long, value_delimiter = ',')]
    pub pid: Vec<u32>,
}

/// What the timed watchers saw: (question, count) and answers' bodies, when.
#[derive(Default)]
struct Seen {
    /// (watcher, question, count, when).
    counts: Vec<(usize, i32, i32, Instant)>,
    answers: Vec<(String, Instant)>,
}

pub async fn run(db: &DatabaseConnection, args: &QaBenchArgs) -> Result<(), BoxError> {
    let urls = args.url.clone();
    let members_needed = (args.votes_per_second * args.seconds) as usize / QUESTIONS + 2;
    println!(
        "Q&A bench: {} watchers over {}, {} votes/s for {} s, an answer every 2 s",
        args.watchers,
        urls.join(" and "),
        args.votes_per_second,
        args.seconds
    );
    let setup = setup(db, members_needed, args.seconds as usize / 2 + 2).await?;
    println!(
        "set up: session {}, {} members, {} questions",
        setup.session,
        setup.members.len(),
        setup.to_vote.len()
    );
    memory("before watchers", &args.pid, 0);

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(256)
        .build()?;
    let seen = Arc::new(Mutex::new(Seen::default()));
    let connected = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    for i in 0..args.watchers {
        let url = format!("{}/qa/{}/live", urls[i % urls.len()], setup.session);
        let (client, seen, connected) = (client.clone(), seen.clone(), connected.clone());
        let timed = (i < args.timed).then_some(i);
        tokio::spawn(async move { watch(client, url, timed, seen, connected).await });
        if i % 250 == 249 {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    while connected.load(Ordering::Relaxed) < args.watchers {
        if started.elapsed() > Duration::from_secs(120) {
            println!(
                "only {} of {} watchers connected",
                connected.load(Ordering::Relaxed),
                args.watchers
            );
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    println!(
        "connected: {} watchers in {:.1} s",
        connected.load(Ordering::Relaxed),
        started.elapsed().as_secs_f64()
    );
    tokio::time::sleep(Duration::from_secs(2)).await;
    memory(
        "with watchers",
        &args.pid,
        args.watchers / args.pid.len().max(1),
    );

    // Votes at the rate asked, each recorded when its request completes.
    let done: Arc<Mutex<HashMap<i32, Vec<Instant>>>> = Default::default();
    let errors = Arc::new(AtomicU64::new(0));
    let total = (args.votes_per_second * args.seconds) as usize;
    let interval = Duration::from_secs_f64(1.0 / args.votes_per_second as f64);
    let answers_sent: Arc<Mutex<Vec<(String, Instant)>>> = Default::default();
    let answering = {
        let (client, base, setup, sent) = (
            client.clone(),
            urls[0].clone(),
            setup.clone(),
            answers_sent.clone(),
        );
        let seconds = args.seconds;
        tokio::spawn(async move {
            for (n, question) in setup
                .to_answer
                .iter()
                .enumerate()
                .take(seconds as usize / 2)
            {
                tokio::time::sleep(Duration::from_secs(2)).await;
                let body = format!("Bench answer {n}.");
                let at = Instant::now();
                let form = [
                    ("id", setup.session.to_string()),
                    ("question_id", question.to_string()),
                    ("politician_id", setup.politician.to_string()),
                    ("body", body.clone()),
                ];
                if post(
                    &client,
                    &base,
                    "/api/qa/answer",
                    &form,
                    &setup.politician_session,
                )
                .await
                {
                    sent.lock().unwrap().push((body, at));
                }
            }
        })
    };
    let voting_started = Instant::now();
    let mut handles = Vec::with_capacity(total);
    for k in 0..total {
        let due = voting_started + interval * k as u32;
        tokio::time::sleep_until(due.into()).await;
        let member = &setup.members[k / QUESTIONS];
        let question = setup.to_vote[k % QUESTIONS];
        let (client, base, done, errors) = (
            client.clone(),
            urls[k % urls.len()].clone(),
            done.clone(),
            errors.clone(),
        );
        let form = [
            ("id", setup.session.to_string()),
            ("question_id", question.to_string()),
            ("direction", "up".to_string()),
        ];
        let session = member.clone();
        handles.push(tokio::spawn(async move {
            if post(&client, &base, "/api/qa/vote", &form, &session).await {
                done.lock()
                    .unwrap()
                    .entry(question)
                    .or_default()
                    .push(Instant::now());
            } else {
                errors.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    for handle in handles {
        let _ = handle.await;
    }
    let voting = voting_started.elapsed().as_secs_f64();
    let _ = answering.await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    memory(
        "at the end",
        &args.pid,
        args.watchers / args.pid.len().max(1),
    );

    let seen = seen.lock().unwrap();
    // The k-th vote on a question (by when its request completed) has reached a watcher
    // when that watcher first sees the question's count at k or more.
    let mut vote_delays = Vec::new();
    let done = done.lock().unwrap();
    let mut streams: HashMap<(i32, usize), Vec<(i32, Instant)>> = HashMap::new();
    for (watcher, q, c, at) in &seen.counts {
        streams.entry((*q, *watcher)).or_default().push((*c, *at));
    }
    for (q, times) in done.iter() {
        let mut times = times.clone();
        times.sort();
        for ((question, _), arrivals) in streams.iter().filter(|((question, _), _)| question == q) {
            debug_assert_eq!(question, q);
            for (k, voted_at) in times.iter().enumerate() {
                if let Some((_, at)) = arrivals.iter().find(|(c, _)| *c > k as i32) {
                    vote_delays.push(at.saturating_duration_since(*voted_at));
                }
            }
        }
    }
    let mut answer_delays = Vec::new();
    for (body, sent_at) in answers_sent.lock().unwrap().iter() {
        for (seen_body, at) in &seen.answers {
            if seen_body == body {
                answer_delays.push(at.saturating_duration_since(*sent_at));
            }
        }
    }
    let sent_votes: usize = done.values().map(Vec::len).sum();
    println!(
        "votes: {sent_votes} counted ({} failed) at {:.0}/s; vote → timed watchers: {} ({} samples)",
        errors.load(Ordering::Relaxed),
        sent_votes as f64 / voting,
        percentiles(&mut vote_delays),
        vote_delays.len()
    );
    println!(
        "answers: {}; answer → timed watchers: {} ({} samples)",
        answers_sent.lock().unwrap().len(),
        percentiles(&mut answer_delays),
        answer_delays.len()
    );
    Ok(())
}

/// One watcher: reads the stream for ever; a timed one notes what arrived when.
async fn watch(
    client: reqwest::Client,
    url: String,
    timed: Option<usize>,
    seen: Arc<Mutex<Seen>>,
    connected: Arc<AtomicUsize>,
) {
    let Ok(mut response) = client
        .get(&url)
        .header("accept", "text/event-stream")
        .send()
        .await
    else {
        return;
    };
    let mut first = true;
    let mut pending = String::new();
    while let Ok(Some(chunk)) = response.chunk().await {
        if first {
            connected.fetch_add(1, Ordering::Relaxed);
            first = false;
        }
        let Some(watcher) = timed else { continue };
        let now = Instant::now();
        pending.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = pending.find("\n\n") {
            let event: String = pending.drain(..end + 2).collect();
            let Some(data) = event.lines().find_map(|l| l.strip_prefix("data:")) else {
                continue;
            };
            match serde_json::from_str::<LiveUpdate>(data.trim()) {
                Ok(LiveUpdate::Counts { votes, .. }) => {
                    let mut seen = seen.lock().unwrap();
                    seen.counts
                        .extend(votes.into_iter().map(|(q, c)| (watcher, q, c, now)));
                }
                Ok(LiveUpdate::Answer { answer }) => {
                    seen.lock().unwrap().answers.push((answer.body, now))
                }
                _ => {}
            }
        }
    }
}

async fn post(
    client: &reqwest::Client,
    base: &str,
    path: &str,
    form: &[(&str, String)],
    session: &str,
) -> bool {
    let body: String = form
        .iter()
        .map(|(k, v)| format!("{k}={}", app::ui::escape::query_value(v)))
        .collect::<Vec<_>>()
        .join("&");
    let sent = client
        .post(format!("{base}{path}"))
        .header("origin", base)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .header("cookie", format!("mn_session={session}"))
        .body(body)
        .send()
        .await;
    matches!(sent, Ok(r) if r.status().is_success())
}

/// "p50 12 ms, p95 40 ms, max 90 ms".
fn percentiles(delays: &mut [Duration]) -> String {
    if delays.is_empty() {
        return "no samples".to_string();
    }
    delays.sort();
    let at =
        |p: f64| delays[((delays.len() as f64 * p) as usize).min(delays.len() - 1)].as_millis();
    format!(
        "p50 {} ms, p95 {} ms, max {} ms",
        at(0.5),
        at(0.95),
        delays[delays.len() - 1].as_millis()
    )
}

/// Prints each server's resident memory (and its peak), and per watcher when given.
fn memory(when: &str, pids: &[u32], watchers_each: usize) {
    for pid in pids {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
                .unwrap_or(0)
        };
        let (rss, peak) = (field("VmRSS:"), field("VmHWM:"));
        let each = if watchers_each > 0 {
            format!(
                ", {:.1} KB a watcher in all",
                rss as f64 / watchers_each as f64
            )
        } else {
            String::new()
        };
        println!(
            "memory {when}: pid {pid}: {:.1} MB resident (peak {:.1} MB){each}",
            rss as f64 / 1024.0,
            peak as f64 / 1024.0
        );
    }
}
