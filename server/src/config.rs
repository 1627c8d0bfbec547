//! Settings, from flags or environment variables. Defaults run locally with nothing set.

use clap::{Args, Parser, Subcommand};

/// MembersNet: the grassroots organising platform.
#[derive(Debug, Parser)]
#[command(name = "membersnet", version, about)]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server (the default).
    Serve,
    /// Bring the database schema up to date, then exit.
    Migrate,
    /// Fill an empty database with people, events, sign-ups, groups and friendships: the
    /// demo content by default, or as many as asked for (e.g. --people 200000 --events
    /// 100000 --signups 5000000 --groups 20000 --friends 50).
    Seed(SeedArgs),
    /// Create a staff account, or make an existing account staff.
    CreateStaff(CreateStaff),
    /// Load Ordnance Survey Code-Point Open postcodes (a folder of .csv.gz files, or one file).
    ImportPostcodes {
        /// The folder or file.
        path: std::path::PathBuf,
    },
    /// Measure outreach: a national email to --recipients through a local SMTP server
    /// (messages/s, peak memory), then building and queueing an audience of --audience.
    /// Use an empty database.
    BenchOutreach(crate::outreach_bench::OutreachBenchArgs),
    /// Measure privacy: the download and the erasure of a heavy member (--signups,
    /// --posts). Use an empty database.
    BenchPrivacy(crate::privacy_bench::PrivacyBenchArgs),
    /// Measure phonebanks: simulated callers doing Next call → save outcome on a phonebank
    /// of --contacts contacts, at each of --callers concurrencies. Use an empty database
    /// (or --join another bench's, for two processes on one PostgreSQL).
    BenchPhonebank(crate::phonebank_bench::PhonebankBenchArgs),
    /// Measure Q&A live updates: --watchers live streams on running servers (--url), members
    /// voting --votes-per-second and a politician answering; memory (--pid) and delays.
    /// Point DATABASE_URL at the servers' database.
    BenchQa(crate::qa_bench::QaBenchArgs),
    /// Measure fundraising: signed "paid" webhooks for --gifts gifts against a running
    /// server (--url, --secret: its PAYMENTS_WEBHOOK_SECRET), their replays, and the time
    /// from a webhook to a watcher's thermometer. Point DATABASE_URL at its database.
    BenchFundraising(crate::fundraising_bench::FundraisingBenchArgs),
    /// Print outward-code centres from Code-Point Open as CSV (how app/data/outward_codes.csv is made).
    #[command(hide = true)]
    OutwardCentroids {
        /// The folder or file.
        path: std::path::PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct SeedArgs {
    /// The seed value: the same value (on the same day) gives the same data. Default 2026.
    #[arg(long, env = "SEED_VALUE", default_value_t = 2026)]
    pub seed: u64,
    /// Generated people, besides the 5 demo accounts. Default 60 (the demo content).
    #[arg(long, env = "SEED_PEOPLE")]
    pub people: Option<u64>,
    /// Generated events, besides the demo events. Default 30.
    #[arg(long, env = "SEED_EVENTS")]
    pub events: Option<u64>,
    /// Generated sign-ups, besides the demo events' own. Default 300.
    #[arg(long, env = "SEED_SIGNUPS")]
    pub signups: Option<u64>,
    /// Generated groups (with members and forum threads), besides the demo groups. Default
    /// 10, or one per 10 people (at most 20,000) when --people is given. From 1,000, the
    /// first is the benchmark's group `bench-long-thread`, with a 5,000-reply thread.
    #[arg(long, env = "SEED_GROUPS")]
    pub groups: Option<u64>,
    /// Average friends per generated person (most have tens, one in a thousand has
    /// thousands; 0 makes none). Default 6, or 50 when --people is given. Sam
    /// (sam@membersnet.example) gets up to 50 of them, each going to an upcoming event.
    #[arg(long, env = "SEED_FRIENDS")]
    pub friends: Option<u64>,
    /// The day events are placed around, e.g. 2026-11-26. Default: today in London.
    #[arg(long, env = "SEED_TODAY")]
    pub today: Option<chrono::NaiveDate>,
}

#[derive(Debug, Args)]
pub struct CreateStaff {
    /// Their email address.
    #[arg(long)]
    pub email: String,
    /// Their name (for a new account).
    #[arg(long, default_value = "Staff")]
    pub name: String,
    /// Their password (for a new account); read from STAFF_PASSWORD if not given.
    #[arg(long, env = "STAFF_PASSWORD", hide_env_values = true)]
    pub password: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Database: a SQLite file (created on first run) or postgres://user@host/db.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://membersnet.db?mode=rwc",
        global = true
    )]
    pub database_url: String,

    /// Address and port to listen on.
    #[arg(
        long,
        env = "LEPTOS_SITE_ADDR",
        default_value = "127.0.0.1:3000",
        global = true
    )]
    pub listen: String,

    /// The address people reach the site at; used in emailed links. https:// makes cookies Secure.
    #[arg(
        long,
        env = "PUBLIC_URL",
        default_value = "http://127.0.0.1:3000",
        global = true
    )]
    pub public_url: String,

    /// Folder with the built site (pkg/ and the public files), as cargo-leptos writes it.
    #[arg(
        long,
        env = "LEPTOS_SITE_ROOT",
        default_value = "target/site",
        global = true
    )]
    pub site_root: String,

    /// Folder for images uploaded to group sites (created when missing).
    #[arg(long, env = "UPLOAD_DIR", default_value = "uploads", global = true)]
    pub upload_dir: String,

    /// Load demo content into an empty database at start-up. Turn off in production.
    #[arg(long, env = "DEMO_CONTENT", default_value_t = true, action = clap::ArgAction::Set, global = true)]
    pub demo_content: bool,

    /// SMTP server for outgoing email, e.g. smtps://user:pass@smtp.example.org. Unset: emails
    /// are logged and kept on the staff outbox page instead.
    #[arg(long, env = "SMTP_URL", global = true)]
    pub smtp_url: Option<String>,

    /// The From address of outgoing email.
    #[arg(
        long,
        env = "MAIL_FROM",
        default_value = "MembersNet <no-reply@membersnet.example>",
        global = true
    )]
    pub mail_from: String,

    /// Most emails handed to the SMTP server per second (the provider's limit).
    #[arg(long, env = "EMAIL_PER_SECOND", default_value_t = 5000, global = true)]
    pub email_per_second: u32,

    /// SMTP connections kept open, and emails to audiences sent at once.
    #[arg(long, env = "EMAIL_CONNECTIONS", default_value_t = 64, global = true)]
    pub email_connections: u32,

    /// The SMS provider's API (Twilio-style Messages API). Texts are only sent when the
    /// account, token and From number are set; otherwise they are logged.
    #[arg(
        long,
        env = "SMS_API_URL",
        default_value = "https://api.twilio.com",
        global = true
    )]
    pub sms_api_url: String,

    /// The SMS provider's account id.
    #[arg(long, env = "SMS_ACCOUNT_SID", global = true)]
    pub sms_account_sid: Option<String>,

    /// The SMS provider's auth token: signs API calls and checks its webhook's signature.
    #[arg(long, env = "SMS_AUTH_TOKEN", hide_env_values = true, global = true)]
    pub sms_auth_token: Option<String>,

    /// The number (or sender id) texts come from, e.g. +447700900000.
    #[arg(long, env = "SMS_FROM", global = true)]
    pub sms_from: Option<String>,

    /// A Twilio-style telephony provider's API for bridged phonebank calls (the caller's
    /// phone rings, then the contact's); unset: callers get `tel:` links instead.
    #[arg(long, env = "VOICE_API_URL", global = true)]
    pub voice_api_url: Option<String>,

    /// The telephony provider's account id.
    #[arg(long, env = "VOICE_ACCOUNT_SID", global = true)]
    pub voice_account_sid: Option<String>,

    /// The telephony provider's auth token.
    #[arg(long, env = "VOICE_AUTH_TOKEN", hide_env_values = true, global = true)]
    pub voice_auth_token: Option<String>,

    /// The party's number, shown to both sides of a bridged call, e.g. +441142000000.
    #[arg(long, env = "VOICE_FROM", global = true)]
    pub voice_from: Option<String>,

    /// The payment provider's API (Stripe's: https://api.stripe.com). Unset: donation
    /// pages say donations are not set up, except with demo content on, where the site
    /// starts the fake provider so the whole flow can be tried.
    #[arg(long, env = "PAYMENTS_API_URL", global = true)]
    pub payments_api_url: Option<String>,

    /// The payment provider's secret key.
    #[arg(
        long,
        env = "PAYMENTS_SECRET_KEY",
        hide_env_values = true,
        global = true
    )]
    pub payments_secret_key: Option<String>,

    /// The secret the provider signs its webhooks with (Stripe's "whsec_…").
    #[arg(
        long,
        env = "PAYMENTS_WEBHOOK_SECRET",
        hide_env_values = true,
        global = true
    )]
    pub payments_webhook_secret: Option<String>,

    /// Send event reminders (the day before, two hours before, thank-you). On by default;
    /// the bench turns them off: on a freshly seeded database the first round queues a
    /// reminder for every sign-up in the next day at once, which is not what it measures.
    #[arg(long, env = "EVENT_REMINDERS", default_value_t = true, action = clap::ArgAction::Set, global = true)]
    pub event_reminders: bool,

    /// Most texts sent per second (the provider's limit).
    #[arg(long, env = "TEXTS_PER_SECOND", default_value_t = 10, global = true)]
    pub texts_per_second: u32,

    /// Retention: a guest's sign-up is anonymised this many months after its event.
    #[arg(
        long,
        env = "RETAIN_GUEST_SIGNUP_MONTHS",
        default_value_t = 24,
        global = true
    )]
    pub retain_guest_signup_months: u32,

    /// Retention: a session ends this many days after it began, at the latest.
    #[arg(
        long,
        env = "RETAIN_SESSION_IDLE_DAYS",
        default_value_t = 90,
        global = true
    )]
    pub retain_session_idle_days: i64,

    /// Retention: the words of a delivered email or text are removed after this many days.
    #[arg(
        long,
        env = "RETAIN_OUTBOX_BODY_DAYS",
        default_value_t = 30,
        global = true
    )]
    pub retain_outbox_body_days: i64,

    /// Retention: access log entries are kept this many months.
    #[arg(
        long,
        env = "RETAIN_ACCESS_LOG_MONTHS",
        default_value_t = 24,
        global = true
    )]
    pub retain_access_log_months: u32,

    /// Take the client's address from the right-most X-Forwarded-For entry, the one the
    /// trusted proxy added (only behind a proxy that sets it). Default false.
    #[arg(long, env = "TRUST_FORWARDED_FOR", default_value_t = false, action = clap::ArgAction::Set, global = true)]
    pub trust_forwarded_for: bool,

    /// Log filter, e.g. "info" or "membersnet=debug,info".
    #[arg(long, env = "RUST_LOG", default_value = "info", global = true)]
    pub log: String,

    /// Log as JSON lines (for log collectors) instead of text.
    #[arg(long, env = "LOG_JSON", default_value_t = false, action = clap::ArgAction::Set, global = true)]
    pub log_json: bool,
}

impl Config {
    /// The retention settings, for the worker's daily run.
    pub fn retention(&self) -> app::privacy::service::retention::RetentionPolicy {
        app::privacy::service::retention::RetentionPolicy {
            guest_signup_months: self.retain_guest_signup_months,
            session_idle_days: self.retain_session_idle_days,
            outbox_body_days: self.retain_outbox_body_days,
            access_log_months: self.retain_access_log_months,
        }
    }
}
