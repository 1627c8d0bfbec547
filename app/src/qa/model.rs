//! Q&A view types, the values forms post, and pure rules: a session's phase, the order of
//! the top questions under a topic cap, and the live updates' wire format.

pub mod ranking;

use crate::validate::stored_enum;
pub use ranking::{rank_by_votes, Ranked, TOP_SLOTS};
use serde::{Deserialize, Serialize};

/// The longest question a member may ask.
pub const QUESTION_MAX_CHARS: usize = 500;
/// The longest answer.
pub const ANSWER_MAX_CHARS: usize = 5_000;
/// How many questions one member may have in a session (withdrawn ones do not count).
pub const QUESTIONS_PER_MEMBER: usize = 3;

stored_enum! {
    /// A live webchat (an hour or two) or a forum Q&A (open for days, answered in writing).
    SessionKind { Webchat = "webchat", Forum = "forum" }
}

impl SessionKind {
    pub fn label(self) -> &'static str {
        match self {
            SessionKind::Webchat => "Live webchat",
            SessionKind::Forum => "Forum Q&A",
        }
    }
}

stored_enum! {
    /// Who may ask and vote.
    Askers { Party = "party", Group = "group", Anyone = "anyone" }
}

impl Askers {
    pub fn label(self) -> &'static str {
        match self {
            Askers::Party => "Party members",
            Askers::Group => "Members of the group",
            Askers::Anyone => "Anyone signed in",
        }
    }
}

stored_enum! {
    /// Who may read the session and its record.
    Readers { Anyone = "anyone", SignedIn = "signed_in" }
}

stored_enum! {
    /// Where a question is. Only approved and answered questions are shown to others.
    QuestionStatus {
        Pending = "pending",
        Approved = "approved",
        Answered = "answered",
        Merged = "merged",
        Declined = "declined",
        Withdrawn = "withdrawn",
    }
}

impl QuestionStatus {
    /// Whether members other than the asker may see it.
    pub fn is_public(self) -> bool {
        matches!(self, QuestionStatus::Approved | QuestionStatus::Answered)
    }
}

stored_enum! {
    /// Why a moderator declined a question: a short list, so a refusal is never silent
    /// and never arbitrary. Shown on the record.
    DeclineReason {
        AlreadyAnswered = "answered",
        OffTopic = "off_topic",
        Personal = "personal",
        Abusive = "abusive",
        Unclear = "unclear",
        Legal = "legal",
    }
}

impl DeclineReason {
    pub const ALL: [DeclineReason; 6] = [
        DeclineReason::AlreadyAnswered,
        DeclineReason::OffTopic,
        DeclineReason::Personal,
        DeclineReason::Abusive,
        DeclineReason::Unclear,
        DeclineReason::Legal,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DeclineReason::AlreadyAnswered => "Already answered in this session",
            DeclineReason::OffTopic => "Not about this session's subject",
            DeclineReason::Personal => "About a private individual",
            DeclineReason::Abusive => "Abusive or discriminatory",
            DeclineReason::Unclear => "Not a question we could put",
            DeclineReason::Legal => "Could prejudice legal proceedings",
        }
    }
}

/// Where a session is in its life, from its times (and whether the host closed it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    /// Questions not open yet.
    Upcoming,
    /// Questions open, the live part not started.
    Asking,
    /// Answering now.
    Live,
    /// Over: the record is published.
    Closed,
}

impl Phase {
    /// The phase at `now` (all times as Unix seconds, so both targets agree).
    pub fn at(now: i64, questions_open: i64, starts: i64, ends: i64, closed: bool) -> Phase {
        if closed || now >= ends {
            Phase::Closed
        } else if now >= starts {
            Phase::Live
        } else if now >= questions_open {
            Phase::Asking
        } else {
            Phase::Upcoming
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Phase::Upcoming => "Upcoming",
            Phase::Asking => "Taking questions",
            Phase::Live => "Live now",
            Phase::Closed => "Record",
        }
    }

    /// Whether members may still ask and vote.
    pub fn takes_questions(self) -> bool {
        matches!(self, Phase::Asking | Phase::Live)
    }
}

/// A politician as the public sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoliticianView {
    pub id: i32,
    pub name: String,
    pub title: String,
}

/// One session in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionSummary {
    pub id: i32,
    pub title: String,
    pub kind: SessionKind,
    pub phase: Phase,
    pub whose: String,
    pub with: String,
    /// "Thu 7 Nov, 7pm to 8pm", or the days a forum Q&A runs.
    pub when: String,
}

/// The public list: live now, upcoming, past records; and where the viewer may host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SessionList {
    pub live: Vec<SessionSummary>,
    pub upcoming: Vec<SessionSummary>,
    pub past: Vec<SessionSummary>,
    pub can_host_for: Vec<(i32, String)>,
    pub national: bool,
}

/// An answer as everyone sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerView {
    pub id: i32,
    pub question_id: i32,
    /// "Jo Evans MP", or "Answered by Sam for Jo Evans MP".
    pub by: String,
    pub body: String,
    /// Written after the live part, for a top question it did not reach.
    pub afterwards: bool,
    pub at: String,
    pub hidden: bool,
}

/// A question as a viewer may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionView {
    pub id: i32,
    pub body: String,
    pub topic: Option<String>,
    /// "A member in Yorkshire and the Humber", or the name they chose to show.
    pub asker: String,
    pub votes: i32,
    pub status: QuestionStatus,
    pub edited: bool,
    /// Questions merged into this one (their askers now share it).
    pub merged_in: i32,
    pub merged_into: Option<i32>,
    pub declined: Option<String>,
    pub pick: bool,
    pub hidden: bool,
    pub mine: bool,
    pub voted: bool,
    pub asked_at: String,
    pub answers: Vec<AnswerView>,
}

/// A session's page: the live view while it runs, the record once it closes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: i32,
    pub title: String,
    pub description: String,
    pub kind: SessionKind,
    pub phase: Phase,
    pub whose: String,
    pub group_slug: Option<String>,
    pub politicians: Vec<PoliticianView>,
    pub askers: Askers,
    pub questions_open: String,
    pub when: String,
    pub topics: Vec<String>,
    pub topic_cap: i32,
    pub signed_in: bool,
    /// Why the viewer cannot ask (None: they can).
    pub cannot_ask: Option<String>,
    pub can_moderate: bool,
    pub can_answer: bool,
    pub can_host: bool,
    pub mine: Vec<QuestionView>,
    pub top: Vec<QuestionView>,
    pub picks: Vec<QuestionView>,
    pub answered: Vec<QuestionView>,
    /// Closed sessions: every question in the order asked.
    pub record: Vec<QuestionView>,
    pub watching: i64,
    pub imprint: String,
    /// schema.org QAPage, already escaped for a script element (closed sessions).
    pub json_ld: Option<String>,
}

/// One report for the moderators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportView {
    pub id: i32,
    pub what: String,
    pub text: String,
    pub reason: String,
    pub question_id: Option<i32>,
    pub answer_id: Option<i32>,
    pub hidden: bool,
}

/// The moderation queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModerationView {
    pub id: i32,
    pub title: String,
    pub phase: Phase,
    pub pending: Vec<QuestionView>,
    pub approved: Vec<QuestionView>,
    pub reports: Vec<ReportView>,
    pub moderators: Vec<String>,
    pub can_host: bool,
    pub topic_cap: i32,
}

/// The politician's desk: approved questions in the chosen order, and who they answer as.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerDesk {
    pub id: i32,
    pub title: String,
    pub phase: Phase,
    pub queue: Vec<QuestionView>,
    pub answered: Vec<QuestionView>,
    pub as_whom: Vec<PoliticianView>,
    pub watching: i64,
}

/// Staff's page of politicians and their staffers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoliticianRow {
    pub id: i32,
    pub name: String,
    pub title: String,
    pub email: String,
    pub staffers: Vec<String>,
}

/// What the new-session form needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSessionView {
    pub whose: String,
    pub group_id: Option<i32>,
    pub politicians: Vec<PoliticianView>,
    pub today: String,
}

/// What a watcher's page receives over Server-Sent Events. Externally tagged (serde's
/// default): an internally tagged enum needs serde's buffering code in the browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LiveUpdate {
    /// Vote counts that changed in the last second, and how many are watching.
    Counts {
        watching: i64,
        votes: Vec<(i32, i32)>,
    },
    /// An answer, whole.
    Answer { answer: AnswerView },
    /// Something else changed (a question approved, merged, edited, hidden; the session
    /// closed): read the page again.
    Changed,
}
