//! The subcommands of the `membersnet` binary.

use crate::{
    app,
    config::{Cli, Command, Config, CreateStaff, SeedArgs},
    demo, leptos_options, outbox_worker,
    seed::{seed_database, SeedPlan},
};
use ::app::{
    auth::{
        model::Role,
        service::{accounts, email_confirmations, roles},
    },
    db::connect_and_migrate,
    mail::{
        mailer::{LogMailer, Mailer, SmtpMailer},
        sms::{HttpTextSender, LogTextSender, TextSender},
    },
    places::service::codepoint::{import_postcodes as import_codepoint, outward_centroids},
    state::{AppState, Settings},
};
use axum::serve::ListenerExt;
use sea_orm::DatabaseConnection;
use std::{net::SocketAddr, sync::Arc};
use tokio::{net::TcpListener, sync::watch};

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Runs the chosen subcommand (serve when none is given).
pub async fn run(cli: Cli) -> Result<(), BoxError> {
    let config = cli.config;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config).await,
        Command::Migrate => {
            connect(&config).await?;
            tracing::info!("database is up to date");
            Ok(())
        }
        Command::Seed(args) => seed(&config, args).await,
        Command::CreateStaff(args) => create_staff(&config, args).await,
        Command::ImportPostcodes { path } => import_postcodes(&config, &path).await,
        Command::BenchOutreach(args) => {
            let db = connect(&config).await?;
            crate::outreach_bench::run(&db, &args).await
        }
        Command::BenchPrivacy(args) => {
            let db = connect(&config).await?;
            crate::privacy_bench::run(&db, &args).await
        }
        Command::BenchPhonebank(args) => {
            let db = connect(&config).await?;
            crate::phonebank_bench::run(&db, &args).await
        }
        Command::BenchQa(args) => {
            let db = connect(&config).await?;
            crate::qa_bench::run(&db, &args).await
        }
        Command::BenchFundraising(args) => {
            let db = connect(&config).await?;
            crate::fundraising_bench::run(&db, &args).await
        }
        Command::OutwardCentroids { path } => {
            for (code, at) in outward_centroids(&path)? {
                println!("{code},{:.5},{:.5}", at.latitude, at.longitude);
            }
            Ok(())
        }
    }
}

async fn connect(config: &Config) -> Result<DatabaseConnection, BoxError> {
    Ok(connect_and_migrate(&config.database_url).await?)
}

/// Serves the site until SIGTERM or Ctrl-C, then finishes in-flight requests and stops.
pub async fn serve(config: Config) -> Result<(), BoxError> {
    let db = connect(&config).await?;
    if config.demo_content {
        demo::load_if_empty(&db).await?;
        demo::log_demo_sign_in();
    }
    let state = AppState {
        db: db.clone(),
        live: ::app::live::LiveBus::new(db.clone()),
        limits: Default::default(),
        settings: Arc::new(
            Settings::new(&config.public_url, config.trust_forwarded_for)
                .with_sms_auth_token(config.sms_auth_token.clone())
                .with_mail_server(config.smtp_url.as_deref().is_some_and(|u| !u.is_empty()))
                .with_voice(voice_settings(&config))
                .with_upload_dir(&config.upload_dir)
                .with_payments(payment_settings(&config).await?),
        ),
    };
    catch_up_on_payments(&state).await;
    let limits = state.limits.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(600));
        loop {
            every.tick().await;
            limits.forget_idle_keys();
        }
    });
    let mailer: Arc<dyn Mailer> = match config.smtp_url.as_deref().filter(|u| !u.is_empty()) {
        Some(url) => Arc::new(SmtpMailer::with_connections(
            url,
            &config.mail_from,
            config.email_connections,
        )?),
        None => {
            tracing::info!("SMTP_URL is unset: emails are logged and kept on /staff/outbox");
            Arc::new(LogMailer)
        }
    };
    let delivery = outbox_worker::Delivery {
        mailer,
        texter: text_sender(&config),
        email_per_second: config.email_per_second,
        concurrency: config.email_connections as usize,
        texts_per_second: config.texts_per_second,
        event_reminders: config.event_reminders,
        retention: config.retention(),
    };
    let (stop_worker, worker_stopped) = watch::channel(false);
    let worker = tokio::spawn(outbox_worker::run(
        db.clone(),
        delivery,
        config.public_url.clone(),
        worker_stopped,
    ));

    let live = state.live.clone();
    let router = app(state, leptos_options(&config.site_root, &config.listen));
    // Leptos streams pages in several writes: without TCP_NODELAY each waits ~40 ms for an ACK.
    let listener = TcpListener::bind(&config.listen).await?.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    tracing::info!("MembersNet is listening on http://{}", config.listen);
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        shutdown_signal().await;
        // Live streams never finish by themselves: end them so shutdown can.
        live.close();
    })
    .await?;
    let _ = stop_worker.send(true);
    let _ = worker.await;
    tracing::info!("MembersNet stopped");
    Ok(())
}

/// The telephony provider for bridged calls when all four of its settings are set.
/// The payment provider when its address and keys are set; with demo content on and
/// none set, the fake provider, started here, so a newcomer can try giving.
async fn payment_settings(
    config: &Config,
) -> Result<Option<app::state::PaymentSettings>, BoxError> {
    let set = |v: &Option<String>| v.clone().filter(|v| !v.is_empty());
    if let (Some(api_url), Some(secret_key), Some(webhook_secret)) = (
        set(&config.payments_api_url),
        set(&config.payments_secret_key),
        set(&config.payments_webhook_secret),
    ) {
        tracing::info!("donations are taken through the payment provider");
        return Ok(Some(app::state::PaymentSettings {
            api_url,
            secret_key,
            webhook_secret,
        }));
    }
    if !config.demo_content {
        tracing::info!("PAYMENTS_API_URL is unset: donation pages say donations are not set up");
        return Ok(None);
    }
    let webhook = format!(
        "{}{}",
        config.public_url.trim_end_matches('/'),
        crate::fundraising_routes::WEBHOOK_PATH
    );
    let fake =
        crate::fake_payments::FakeProvider::start(crate::fake_payments::Deliver::To(webhook))
            .await?;
    tracing::info!(
        address = fake.base(),
        "demo: donations go through the fake payment provider (no real money)"
    );
    Ok(Some(crate::fake_payments::settings_for(&fake)))
}

/// Applies any payment events missed while the site was down (exactly once, as always).
async fn catch_up_on_payments(state: &AppState) {
    use app::fundraising::service::{provider::provider_from, reconcile, totals};
    let Some(provider) = provider_from(state.settings.payments.as_ref()) else {
        return;
    };
    match reconcile::catch_up(&state.db, &provider, &state.settings.public_url).await {
        Ok(done) => {
            for page in &done.pages {
                totals::changed(&state.live, *page).await;
            }
            tracing::info!(
                read = done.read,
                applied = done.applied,
                "caught up on payment events"
            );
        }
        Err(err) => tracing::warn!(?err, "could not catch up on payment events"),
    }
}

fn voice_settings(config: &Config) -> Option<app::state::VoiceSettings> {
    let set = |v: &Option<String>| v.clone().filter(|v| !v.is_empty());
    let voice = Some(app::state::VoiceSettings {
        api_url: set(&config.voice_api_url)?,
        account_sid: set(&config.voice_account_sid)?,
        auth_token: set(&config.voice_auth_token)?,
        from: set(&config.voice_from)?,
    });
    tracing::info!("phonebank calls are bridged through the telephony provider");
    voice
}

/// The SMS provider when its account, token and number are all set; else the log.
fn text_sender(config: &Config) -> Arc<dyn TextSender> {
    let set = |v: &Option<String>| v.clone().filter(|v| !v.is_empty());
    match (
        set(&config.sms_account_sid),
        set(&config.sms_auth_token),
        set(&config.sms_from),
    ) {
        (Some(sid), Some(token), Some(from)) => Arc::new(HttpTextSender::new(
            &config.sms_api_url,
            &sid,
            &token,
            &from,
        )),
        _ => {
            tracing::info!(
                "SMS_ACCOUNT_SID, SMS_AUTH_TOKEN or SMS_FROM is unset: texts are logged"
            );
            Arc::new(LogTextSender)
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

/// Makes an existing account staff, or creates a new staff account.
async fn create_staff(config: &Config, args: CreateStaff) -> Result<(), BoxError> {
    let db = connect(config).await?;
    let person = match accounts::get_person_by_email(&db, &args.email).await? {
        Some(existing) => existing,
        None => {
            let password = args
                .password
                .ok_or("a new account needs --password or STAFF_PASSWORD")?;
            let new = accounts::NewAccount::parse(&args.name, &args.email, &password, "")
                .map_err(|e| format!("{e}"))?;
            let created = accounts::create_person(&db, new)
                .await
                .map_err(|e| format!("{e}"))?;
            // The operator typed the address in themselves: no link to wait for.
            email_confirmations::set_email_confirmed(&db, created.id)
                .await
                .map_err(|e| format!("{e}"))?;
            created
        }
    };
    roles::grant_role(&db, person.id, Role::Staff)
        .await
        .map_err(|e| format!("{e}"))?;
    println!("{} <{}> is staff.", person.name, person.email);
    Ok(())
}

/// Seeds an empty database: the demo plan, with any counts given instead of its own.
async fn seed(config: &Config, args: SeedArgs) -> Result<(), BoxError> {
    let db = connect(config).await?;
    let today = args.today.unwrap_or_else(|| {
        chrono::Utc::now()
            .with_timezone(&chrono_tz::Europe::London)
            .date_naive()
    });
    let demo = SeedPlan::demo(today);
    let plan = SeedPlan {
        seed: args.seed,
        people: args.people.unwrap_or(demo.people),
        events: args.events.unwrap_or(demo.events),
        signups: args.signups.unwrap_or(demo.signups),
        groups: args.groups.unwrap_or_else(|| match args.people {
            Some(people) => SeedPlan::default_groups(people),
            None => demo.groups,
        }),
        today,
        progress: true,
        friends: args.friends.unwrap_or(match args.people {
            Some(_) => SeedPlan::DEFAULT_FRIENDS,
            None => demo.friends,
        }),
    };
    let report = seed_database(&db, &plan).await?;
    let w = report.written;
    println!(
        "Seeded {} people, {} events ({} slots), {} sign-ups, {} groups ({} memberships), {} forum threads, {} posts and {} friendships in {:.1} s.",
        w.people,
        w.events,
        w.slots,
        w.signups,
        w.groups,
        w.members,
        w.threads,
        w.posts,
        w.friendships,
        report.elapsed.as_secs_f64()
    );
    Ok(())
}

/// Loads Code-Point Open postcodes, saying how far it has got after each file.
async fn import_postcodes(config: &Config, path: &std::path::Path) -> Result<(), BoxError> {
    let db = connect(config).await?;
    let started = std::time::Instant::now();
    let total = import_codepoint(&db, path, |file, rows| {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        eprintln!(
            "{name:>12}  {rows:>9} postcodes  {:>5.0} s",
            started.elapsed().as_secs_f64()
        );
    })
    .await
    .map_err(|e| e.to_string())?;
    println!(
        "Imported {total} postcodes in {:.0} s.",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
