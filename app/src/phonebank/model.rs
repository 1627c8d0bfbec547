//! Phonebank view types and pure rules: outcomes and retries, the survey, the script.

pub mod outcome;
pub mod script;
pub mod survey;

use crate::validate::stored_enum;
pub use outcome::{Outcome, OUTCOMES};
use serde::{Deserialize, Serialize};
pub use survey::{Question, QuestionKind};

stored_enum! {
    /// Whether a phonebank is taking calls.
    PhonebankStatus { Open = "open", Paused = "paused", Closed = "closed" }
}

stored_enum! {
    /// Who may call: the group's members, or anyone signed in who has the link.
    CallersAllowed { Members = "members", LinkHolders = "link" }
}

stored_enum! {
    /// Where a contact is: waiting (perhaps leased, cooling down or held for a call-back),
    /// finished for this phonebank, or never to be called (a blocked number).
    ContactState { Queued = "queued", Finished = "finished", Excluded = "excluded" }
}

stored_enum! {
    /// Why a contact may be called under PECR regulation 21: they agreed to calls, or
    /// their number was screened against the TPS (and must stay screened and unlisted).
    Basis { Consent = "consent", Tps = "tps" }
}

/// Why someone in the audience cannot be called, for the live count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LeftOut {
    NoNumber,
    TpsListed,
    NotScreened,
    Objected,
    WrongNumber,
}

impl LeftOut {
    pub const ALL: [LeftOut; 5] = [
        LeftOut::NoNumber,
        LeftOut::TpsListed,
        LeftOut::NotScreened,
        LeftOut::Objected,
        LeftOut::WrongNumber,
    ];

    /// For people.
    pub fn label(self) -> &'static str {
        match self {
            LeftOut::NoNumber => "no phone number",
            LeftOut::TpsListed => "listed with the Telephone Preference Service",
            LeftOut::NotScreened => "not screened against the TPS in the last 28 days",
            LeftOut::Objected => "asked not to be called",
            LeftOut::WrongNumber => "a wrong number",
        }
    }
}

/// Who can be called from an audience, and how many are left out for each reason.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AudienceCount {
    pub callable: i64,
    pub left_out: Vec<(String, i64)>,
}

/// The form for a new phonebank: who each audience could call, and the default dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPhonebankView {
    /// (audience kind, its label, its count).
    pub audiences: Vec<(String, String, AudienceCount)>,
    /// The group's name, or "National".
    pub whose: String,
    pub today: String,
    pub in_two_weeks: String,
}

/// A phonebank in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhonebankSummary {
    pub id: i32,
    pub name: String,
    pub purpose: String,
    pub whose: String,
    pub status: PhonebankStatus,
    pub contacts_left: i64,
    /// The signed-in person may see its dashboard.
    pub organiser: bool,
}

/// The phonebanks a person may call for or run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhonebankList {
    pub phonebanks: Vec<PhonebankSummary>,
    /// Groups (id, name) the person may start a phonebank for; `national`: staff.
    pub can_start_for: Vec<(i32, String)>,
    pub national: bool,
}

/// One script section, rendered and filled for this call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScriptSection {
    pub heading: String,
    pub html: String,
}

/// What a caller sees for one call, and nothing more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallView {
    pub contact_id: i32,
    pub lease: i32,
    /// "Ann B."
    pub name: String,
    /// "S1"
    pub area: String,
    /// `tel:+44…` (None when the call is bridged: the number never reaches the page).
    pub tel: Option<String>,
    pub script: Vec<ScriptSection>,
    pub questions: Vec<Question>,
    /// A fresh key for this call, so a repeated submission is the same call.
    pub call_key: String,
}

/// A caller's own tally for today.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallerDay {
    pub calls: i64,
    pub conversations: i64,
}

/// Why a queue has no one to call right now.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueState {
    pub ready: i64,
    pub leased: i64,
    pub cooling_down: i64,
    pub waiting_for_call_back: i64,
    pub finished: i64,
    pub excluded: i64,
}

/// The call page: a call, or why there is none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum NextCall {
    Call(CallView),
    /// Calling is closed now; it opens at this time ("Mon 8 Dec, 10am"), or never again.
    Closed {
        opens: Option<String>,
    },
    Paused,
    Empty(QueueState),
}

/// The call page's frame: the phonebank and the caller's day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallPageView {
    pub phonebank_id: i32,
    pub name: String,
    pub first_time: bool,
    pub day: CallerDay,
    pub next: NextCall,
}

/// One survey question's tally on the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionTally {
    pub label: String,
    pub counts: Vec<(String, i64)>,
    /// Free-text questions: how many answered.
    pub answered: i64,
}

/// The organiser's dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    pub id: i32,
    pub name: String,
    pub status: PhonebankStatus,
    pub calls: i64,
    pub callers_now: i64,
    pub outcomes: Vec<(String, i64)>,
    pub questions: Vec<QuestionTally>,
    /// The survey itself, for correcting a call's answers.
    pub survey: Vec<Question>,
    pub queue: QueueState,
    pub join_link: Option<String>,
    pub recent: Vec<CallLine>,
}

/// A call in the dashboard's recent list, which a reviewer may correct.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallLine {
    pub id: i32,
    pub when: String,
    pub caller: String,
    pub contact: String,
    pub outcome: Outcome,
    /// "Q1: yes · Q2: By post".
    pub answers: String,
    /// The answers by question number, to fill the correction form with.
    pub given: std::collections::BTreeMap<usize, String>,
    pub corrected: Option<String>,
}

/// The rules staff keep for every phonebank: the TPS screening and the calling window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallingRulesView {
    /// "1,234 numbers, screened on 1 December 2026".
    pub screening: Option<String>,
    pub screening_counts: bool,
    /// "10:00-20:00"
    pub weekdays: String,
    pub sunday: String,
}
