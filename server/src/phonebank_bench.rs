//! `membersnet bench-phonebank`: the phonebank figures in BENCHMARKS.md. On the database
//! it is given it makes (or, with `--join`, reuses) a phonebank of `--contacts` contacts
//! (100,000 by default) and callers who are members of its group, then runs simulated
//! callers, each doing Next call → save outcome through the same service calls as the
//! server functions (access check, the call page with its calling window, lease, access
//! log and script; the call saved with its answers and, as the page's "Save and next
//! call" does, the next call leased in the same write unless `--unfolded`; the dashboard
//! told), for `--seconds` at each of `--callers` concurrencies. It prints cycles per
//! second, the p50 and p99 of Next call and of a whole cycle, and the double leases it
//! saw (a contact handed to a caller while another held it), which must be 0. Run two at
//! once with `--join` on one PostgreSQL to measure two server processes.

use crate::commands::BoxError;
use app::{
    auth::{
        model::{PersonView, Role},
        service::{accounts, email_confirmations::set_email_confirmed, roles::grant_role},
    },
    error::AppError,
    groups::{
        model::GroupForm,
        service::{
            membership::{join_group, set_verified},
            new_group::{create_group, NewGroup},
        },
    },
    live::LiveBus,
    outreach::{model::AudienceKind, service::senders::sender_for},
    personal_data::{access_log::Viewing, viewed_things::PHONEBANK_CALL},
    phonebank::{
        hours::{CallingWindow, Hours},
        model::{Basis, CallersAllowed, NextCall, Outcome},
        policy::PhonebankAction,
        service::{
            access::phonebank_for,
            audience::Callable,
            call_page::{call_page, caller_role, calling_now, CallSettings},
            calls::{save_call, CallResult},
            campaigns::{save_phonebank, NewPhonebank},
            kept::calling_window,
            leasing::{Lessee, NextLease},
            live, set_calling_window,
        },
    },
};
use chrono::{Duration, Utc};
use sea_orm::DatabaseConnection;
use std::{
    collections::{BTreeMap, HashMap},
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, Mutex,
    },
    time::Instant,
};

const GROUP: &str = "Bench Phonebank Party";

/// The bench's size and load.
#[derive(Debug, clap::Args)]
pub struct PhonebankBenchArgs {
    /// Contacts in the phonebank.
    #[arg(long, default_value_t = 100_000)]
    pub contacts: usize,
    /// Concurrent callers, one run each (comma-separated).
    #[arg(long, default_value = "16,64", value_delimiter = ',')]
    pub callers: Vec<usize>,
    /// Seconds each run lasts.
    #[arg(long, default_value_t = 10)]
    pub seconds: u64,
    /// Use the phonebank another bench process made (two processes on one PostgreSQL).
    #[arg(long)]
    pub join: bool,
    /// Save a call without leasing the next in the same transaction (as before the two
    /// were folded together), to compare.
    #[arg(long)]
    pub unfolded: bool,
    /// Pace the callers to this many cycles a second in all (each caller starting a call
    /// on a steady schedule, as people who spend time on each call do), instead of
    /// running flat out. Times are then taken from when each call was due to start, so a
    /// server falling behind shows in them.
    #[arg(long)]
    pub rate: Option<f64>,
}

pub async fn run(db: &DatabaseConnection, args: &PhonebankBenchArgs) -> Result<(), BoxError> {
    let most = args.callers.iter().copied().max().unwrap_or(16);
    let (phonebank_id, callers) = if args.join {
        existing(db, most).await?
    } else {
        make(db, args.contacts, most).await?
    };
    for &n in &args.callers {
        let figures = load(
            db,
            phonebank_id,
            &callers[..n.min(callers.len())],
            args.seconds,
            !args.unfolded,
            args.rate,
        )
        .await?;
        println!("{n} callers: {figures}");
    }
    Ok(())
}

/// Makes the group, its callers and the phonebank; returns the phonebank and callers.
async fn make(
    db: &DatabaseConnection,
    contacts: usize,
    callers: usize,
) -> Result<(i32, Vec<PersonView>), BoxError> {
    let started = Instant::now();
    set_calling_window(
        db,
        CallingWindow::parse("00:00-24:00,00:00-24:00").ok_or("window")?,
    )
    .await?;
    let owner = account(db, "Bench Owner", "owner@bench-phonebank.example").await?;
    grant_role(db, owner.id, Role::Staff).await?;
    let owner = view(db, owner.id).await?;
    let form = GroupForm {
        name: GROUP.into(),
        description: "Calls.".into(),
        topic: "local".into(),
        postcode: "S1 2HH".into(),
        joining: "open".into(),
    };
    let group = create_group(db, owner.id, NewGroup::parse(&form)?)
        .await?
        .id;
    set_verified(db, group, &owner, true).await?;
    let callers = callers_of(db, group, callers).await?;
    let callable: Vec<Callable> = (0..contacts)
        .map(|i| Callable {
            email: format!("contact{i}@bench-phonebank.example"),
            name: format!("Contact {i} Person"),
            person_id: None,
            phone: format!("+4479{i:08}"),
            outward: "S1".into(),
            basis: Basis::Consent,
        })
        .collect();
    let sender = sender_for(db, Some(group), Some(&owner)).await?;
    let today = Utc::now().date_naive();
    let new = NewPhonebank {
        name: "Bench phonebank".into(),
        purpose: "Measuring".into(),
        script: "Hello {{first_name}}, I'm {{caller_first_name}} from {{group_name}}.\n## Ask\nCan we count on you?".into(),
        survey: "* yes/no: Can we count on your vote?\nchoice: How? | In person | By post | if 1 = yes".into(),
        audience: AudienceKind::Members,
        miles: 5,
        callers: CallersAllowed::Members,
        opens_on: today - Duration::days(1),
        closes_on: today + Duration::days(30),
        daily: Hours { from: 0, until: 24 * 60 },
    };
    let id = save_phonebank(db, &sender, new, &callable, Utc::now() - Duration::hours(1)).await?;
    println!(
        "made a phonebank of {contacts} contacts and {} callers in {:.1} s",
        callers.len(),
        started.elapsed().as_secs_f64()
    );
    Ok((id, callers))
}

/// The phonebank and callers another bench process made, plus callers of our own.
async fn existing(
    db: &DatabaseConnection,
    callers: usize,
) -> Result<(i32, Vec<PersonView>), BoxError> {
    let owner = accounts::get_person_by_email(db, "owner@bench-phonebank.example")
        .await?
        .ok_or("run the bench once without --join first")?;
    let owner = view(db, owner.id).await?;
    let list = app::phonebank::service::campaigns::list_for(db, &owner).await?;
    let found = list
        .phonebanks
        .into_iter()
        .find(|p| p.name == "Bench phonebank")
        .ok_or("no bench phonebank")?;
    let group = app::groups::service::lookups::group_ref_by_slug(
        db,
        &app::groups::model::group_slug(GROUP),
    )
    .await?
    .ok_or("no bench group")?;
    let suffix = std::process::id();
    let mut made = Vec::new();
    for i in 0..callers {
        let person = account(
            db,
            "Second Caller",
            &format!("caller{i}-{suffix}@bench-phonebank.example"),
        )
        .await?;
        join_group(db, group.id, &person).await?;
        made.push(person);
    }
    Ok((found.id, made))
}

async fn callers_of(
    db: &DatabaseConnection,
    group: i32,
    n: usize,
) -> Result<Vec<PersonView>, BoxError> {
    let mut callers = Vec::new();
    for i in 0..n {
        let person = account(
            db,
            "Bench Caller",
            &format!("caller{i}@bench-phonebank.example"),
        )
        .await?;
        join_group(db, group, &person).await?;
        callers.push(person);
    }
    Ok(callers)
}

pub(crate) async fn account(
    db: &DatabaseConnection,
    name: &str,
    email: &str,
) -> Result<PersonView, BoxError> {
    let new = accounts::NewAccount::parse(name, email, "correct horse battery", "S1 2HH")?;
    let id = accounts::create_person(db, new).await?.id;
    set_email_confirmed(db, id).await?;
    view(db, id).await
}

async fn view(db: &DatabaseConnection, id: i32) -> Result<PersonView, BoxError> {
    let stored = accounts::stored_account(db, id)
        .await?
        .ok_or("no account")?;
    Ok(accounts::get_person_view(db, &stored).await?)
}

/// Runs `callers` at once for `seconds`; returns the figures as a line.
async fn load(
    db: &DatabaseConnection,
    phonebank_id: i32,
    callers: &[PersonView],
    seconds: u64,
    fold: bool,
    rate: Option<f64>,
) -> Result<String, BoxError> {
    // Each caller's time between calls when paced.
    let every = rate.map(|r| std::time::Duration::from_secs_f64(callers.len() as f64 / r));
    let bus = LiveBus::new(db.clone());
    let held: Arc<Mutex<HashMap<i32, i32>>> = Arc::default();
    let doubles = Arc::new(AtomicU64::new(0));
    let conflicts = Arc::new(AtomicU64::new(0));
    let until = Instant::now() + std::time::Duration::from_secs(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (n, person) in callers.iter().cloned().enumerate() {
        // Paced callers start spread over one interval, not all at once.
        let mut due = every.map(|e| started + e.mul_f64(n as f64 / callers.len() as f64));
        let (db, held, doubles, conflicts, bus) = (
            db.clone(),
            held.clone(),
            doubles.clone(),
            conflicts.clone(),
            bus.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut times: Vec<(f64, f64)> = Vec::new();
            while Instant::now() < until {
                let t0 = match (due, every) {
                    (Some(at), Some(every)) => {
                        tokio::time::sleep_until(at.into()).await;
                        due = Some(at + every);
                        at
                    }
                    _ => Instant::now(),
                };
                let access =
                    phonebank_for(&db, phonebank_id, Some(&person), PhonebankAction::Call).await?;
                let settings = CallSettings {
                    window: calling_window(&bus).await?,
                    bridged: false,
                    public_url: "http://bench.example",
                    live: &bus,
                };
                let page = call_page(&db, &access, &settings, Utc::now()).await?;
                let next = t0.elapsed().as_secs_f64() * 1000.0;
                let NextCall::Call(call) = page.next else {
                    break;
                };
                if let Some(other) = held
                    .lock()
                    .map_err(|_| AppError::Internal)?
                    .insert(call.contact_id, person.id)
                {
                    if other != person.id {
                        doubles.fetch_add(1, Ordering::Relaxed);
                    }
                }
                let who = Lessee {
                    phonebank_id,
                    caller_id: person.id,
                };
                let result = CallResult {
                    outcome: Outcome::Talked,
                    answers: BTreeMap::from([(1, "yes".to_string()), (2, "By post".to_string())]),
                    note: None,
                    callback_at: None,
                };
                held.lock()
                    .map_err(|_| AppError::Internal)?
                    .remove(&call.contact_id);
                // As the save server function: the next call leased in the same write.
                let access =
                    phonebank_for(&db, phonebank_id, Some(&person), PhonebankAction::Call).await?;
                let now = Utc::now();
                let window = calling_window(&bus).await?;
                let role = caller_role(&access.phonebank);
                let next_lease = if fold {
                    calling_now(&access, &window, now)
                        .ok()
                        .map(|who| NextLease {
                            who,
                            seen: Some(Viewing {
                                viewer_id: person.id,
                                viewer_role: &role,
                                what: PHONEBANK_CALL,
                            }),
                        })
                } else {
                    None
                };
                match save_call(
                    &db,
                    who,
                    call.contact_id,
                    call.lease,
                    &call.call_key,
                    &result,
                    next_lease,
                    now,
                )
                .await
                {
                    Err(AppError::Conflict { .. }) => {
                        conflicts.fetch_add(1, Ordering::Relaxed);
                    }
                    Err(err) => return Err(err),
                    Ok(_) => live::changed(&bus, phonebank_id).await,
                }
                times.push((next, t0.elapsed().as_secs_f64() * 1000.0));
            }
            Ok::<_, AppError>(times)
        }));
    }
    let mut times = Vec::new();
    for task in tasks {
        times.extend(task.await??);
    }
    let elapsed = started.elapsed().as_secs_f64();
    let pct = |mut v: Vec<f64>, p: f64| {
        v.sort_by(|a, b| a.total_cmp(b));
        v.get(((v.len() as f64 * p) as usize).min(v.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0.0)
    };
    let next: Vec<f64> = times.iter().map(|t| t.0).collect();
    let cycle: Vec<f64> = times.iter().map(|t| t.1).collect();
    let paced = rate.map_or_else(String::new, |r| format!("offered {r:.0}/s: "));
    Ok(format!(
        "{paced}{} cycles in {elapsed:.1} s = {:.0} cycles/s; Next call p50 {:.1} ms, p99 {:.1} ms; whole cycle p99 {:.1} ms; double leases {}, saves refused {}",
        times.len(),
        times.len() as f64 / elapsed,
        pct(next.clone(), 0.5),
        pct(next, 0.99),
        pct(cycle, 0.99),
        doubles.load(Ordering::Relaxed),
        conflicts.load(Ordering::Relaxed)
    ))
}
