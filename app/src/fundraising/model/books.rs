//! What the treasurer sees (both targets: the treasurer's page is a Leptos page).

use serde::{Deserialize, Serialize};

/// One gift in the treasurer's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DonationRow {
    pub id: i32,
    pub page_title: String,
    pub recipient: String,
    pub donor_name: String,
    pub donor_email: String,
    pub donor_address: String,
    pub donor_postcode: String,
    pub frequency: String,
    pub amount_pence: i64,
    /// Paid so far, net of refunds.
    pub received_pence: i64,
    pub status: String,
    pub check_state: String,
    pub offline_note: Option<String>,
    /// "Thu 7 Nov, 7pm".
    pub given: String,
    pub given_iso: String,
}

/// The list's filters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DonationFilter {
    /// A status name (`Status::as_str`), or empty for all.
    pub status: String,
    /// Part of a donor's name or email.
    pub donor: String,
    /// Only gifts over this many pence.
    pub over_pence: Option<i64>,
}

/// A gift waiting for its permissibility check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueRow {
    pub donation: DonationRow,
    /// Day of the 30-day clock, and the date it runs out.
    pub day: i64,
    pub deadline: String,
    pub donor_confirmed: bool,
}

/// Gifts from one donor to one recipient to report for a quarter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportLine {
    pub year: i32,
    pub quarter: u32,
    pub recipient: String,
    pub donor_name: String,
    pub donor_address: String,
    pub donor_postcode: String,
    pub total_pence: i64,
    pub gifts: usize,
}

/// Gifts that look like one split up to stay under £500.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SplitAlert {
    pub donor: String,
    pub by: String,
    pub total_pence: i64,
    pub donation_ids: Vec<i32>,
}

/// One thing a treasurer did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub when: String,
    pub who: String,
    pub action: String,
    pub detail: String,
}

/// A donation page a treasurer may record an offline gift against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageChoice {
    pub id: i32,
    pub title: String,
}

/// The treasurer's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Books {
    /// "All donations" for staff; the groups' names for a group's treasurer.
    pub scope: String,
    pub donations: Vec<DonationRow>,
    pub queue: Vec<QueueRow>,
    pub reports: Vec<ReportLine>,
    pub splits: Vec<SplitAlert>,
    pub audit: Vec<AuditRow>,
    pub pages: Vec<PageChoice>,
}
