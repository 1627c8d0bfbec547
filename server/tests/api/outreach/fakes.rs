//! Stand-ins for the outside world of outreach: an SMTP server and a Twilio-like SMS provider,
//! each on a local port, keeping what they were sent so tests can read it back.
// Each test uses only some of these helpers; naming the unused ones per test would churn.
#![allow(dead_code)]

mod sms_provider;
mod smtp_sink;

// Re-exported for the tests, each of which imports only some.
#[allow(unused_imports)]
pub use sms_provider::{FakeSmsProvider, SentText};
#[allow(unused_imports)]
pub use smtp_sink::{ReceivedEmail, SmtpSink};

use std::time::Duration;

/// How often `wait_for` looks again.
const POLL: Duration = Duration::from_millis(20);
