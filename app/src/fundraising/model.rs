//! Fundraising's view types and pure rules (both targets): money in pence, a gift's
//! frequency and state, and UK donation law's thresholds (`model/law.rs`).

use serde::{Deserialize, Serialize};

pub mod books;
pub mod law;
pub mod money;

pub use money::{format_pounds, parse_pounds};

/// How often a gift is given. Monthly is never the default: a donor chooses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Frequency {
    OneOff,
    Monthly,
}

impl Frequency {
    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::OneOff => "one-off",
            Frequency::Monthly => "monthly",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "one-off" => Some(Frequency::OneOff),
            "monthly" => Some(Frequency::Monthly),
            _ => None,
        }
    }
}

/// Where a gift stands with the provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// Sent to the checkout; nothing paid.
    Pending,
    /// Paid by a method that takes days to confirm (Direct Debit); not counted yet.
    Processing,
    /// A one-off gift paid (net of any refund, see its payments).
    Paid,
    /// A monthly gift whose payments are being taken.
    Active,
    /// The last payment failed.
    Failed,
    /// A monthly gift the donor (or the treasurer) stopped.
    Cancelled,
    /// Refunded by the treasurer after a permissibility check.
    Returned,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Pending,
        Status::Processing,
        Status::Paid,
        Status::Active,
        Status::Failed,
        Status::Cancelled,
        Status::Returned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Processing => "processing",
            Status::Paid => "paid",
            Status::Active => "active",
            Status::Failed => "failed",
            Status::Cancelled => "cancelled",
            Status::Returned => "returned",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// As the treasurer reads it.
    pub fn label(self) -> &'static str {
        match self {
            Status::Pending => "At the checkout",
            Status::Processing => "Waiting for the bank",
            Status::Paid => "Paid",
            Status::Active => "Monthly, active",
            Status::Failed => "Payment failed",
            Status::Cancelled => "Cancelled",
            Status::Returned => "Returned",
        }
    }
}

/// Where a gift stands in the permissibility queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckState {
    /// Needs no check (small, and the donor's year total is small).
    NotNeeded,
    Waiting,
    Accepted,
    Returned,
}

impl CheckState {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckState::NotNeeded => "none",
            CheckState::Waiting => "waiting",
            CheckState::Accepted => "accepted",
            CheckState::Returned => "returned",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        [
            CheckState::NotNeeded,
            CheckState::Waiting,
            CheckState::Accepted,
            CheckState::Returned,
        ]
        .into_iter()
        .find(|s| s.as_str() == value)
    }
}

/// The words under every thermometer: what it counts.
pub const THERMOMETER_RULES: &str = "Counts gifts once they are paid, less any refunds; \
    a monthly gift counts each payment as it is made; gifts by cheque or bank transfer \
    count once the treasurer records them.";

/// The words of the fundraising-emails box, kept in the consent ledger as shown.
pub const FUNDRAISING_EMAIL_WORDING: &str =
    "Email me about fundraising appeals. I can stop these emails at any time.";

/// The words of the permissible-donor box.
pub const PERMISSIBLE_WORDING: &str = "I am on a UK electoral register, or am otherwise \
    a permissible donor under the Political Parties, Elections and Referendums Act 2000.";

/// A donation page's thermometer as visitors see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thermometer {
    pub raised_pence: i64,
    pub target_pence: i64,
    pub gifts: i64,
}

impl Thermometer {
    /// How full, in whole per cent (0 to 100).
    pub fn percent(&self) -> i64 {
        if self.target_pence <= 0 {
            return 0;
        }
        (self.raised_pence.max(0) * 100 / self.target_pence).min(100)
    }
}
