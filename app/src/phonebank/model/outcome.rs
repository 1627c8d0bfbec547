//! How a call ended, and what that means for the contact: call again later, finished for
//! this phonebank, or never to be called again anywhere.

use chrono::{DateTime, Duration, Utc};
#[cfg(feature = "ssr")]
use sea_orm::entity::prelude::StringLen;
use serde::{Deserialize, Serialize};

/// How a call ended. Stored as its `as_str`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "ssr",
    sea_orm(rs_type = "String", db_type = "String(StringLen::None)")
)]
pub enum Outcome {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "talked"))]
    Talked,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "no_answer"))]
    NoAnswer,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "busy"))]
    Busy,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "left_message"))]
    LeftMessage,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "wrong_number"))]
    WrongNumber,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "call_back"))]
    CallBack,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "not_interested"))]
    NotInterested,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "do_not_call"))]
    DoNotCall,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "needs_organiser"))]
    NeedsOrganiser,
}

/// Every outcome, in the order the call page offers them.
pub const OUTCOMES: [Outcome; 9] = [
    Outcome::Talked,
    Outcome::NoAnswer,
    Outcome::Busy,
    Outcome::LeftMessage,
    Outcome::CallBack,
    Outcome::NotInterested,
    Outcome::WrongNumber,
    Outcome::DoNotCall,
    Outcome::NeedsOrganiser,
];

/// No answer and busy are tried again after this long…
pub const COOL_DOWN: Duration = Duration::hours(4);
/// …at most this many times in all.
pub const MAX_TRIES: i32 = 3;
/// A call-back is kept for the caller who arranged it for this long after its time.
pub const CALLBACK_HELD_FOR: Duration = Duration::minutes(15);

impl Outcome {
    /// The stored value, and the one the call page's buttons post.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Talked => "talked",
            Outcome::NoAnswer => "no_answer",
            Outcome::Busy => "busy",
            Outcome::LeftMessage => "left_message",
            Outcome::WrongNumber => "wrong_number",
            Outcome::CallBack => "call_back",
            Outcome::NotInterested => "not_interested",
            Outcome::DoNotCall => "do_not_call",
            Outcome::NeedsOrganiser => "needs_organiser",
        }
    }

    /// What a button posted, if it is an outcome.
    pub fn parse(value: &str) -> Option<Self> {
        OUTCOMES.into_iter().find(|o| o.as_str() == value)
    }

    /// For people: the button and the dashboard's line.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Talked => "Talked",
            Outcome::NoAnswer => "No answer",
            Outcome::Busy => "Busy",
            Outcome::LeftMessage => "Left a message",
            Outcome::WrongNumber => "Wrong number",
            Outcome::CallBack => "Call back later",
            Outcome::NotInterested => "Not interested",
            Outcome::DoNotCall => "Do not call again",
            Outcome::NeedsOrganiser => "Needs an organiser",
        }
    }

    /// Whether the survey's answers belong with this outcome (only a conversation has them).
    pub fn keeps_answers(self) -> bool {
        self == Outcome::Talked
    }

    /// Whether the number must never be called again, in any phonebank of any group.
    pub fn blocks_number(self) -> bool {
        matches!(self, Outcome::WrongNumber | Outcome::DoNotCall)
    }

    /// Whether this outcome counts as a conversation in a caller's own tally.
    pub fn is_conversation(self) -> bool {
        matches!(
            self,
            Outcome::Talked | Outcome::NotInterested | Outcome::DoNotCall | Outcome::CallBack
        )
    }
}

/// What becomes of a contact after a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterCall {
    /// Up for anyone to call again from `at` (`held_for`: kept for that caller a while).
    Again {
        at: DateTime<Utc>,
        held_for: Option<i32>,
    },
    /// Finished for this phonebank.
    Finished,
    /// Never to be called again, here or anywhere.
    Blocked,
}

/// The retry rules: no answer and busy come back after the cool-down until the third
/// try; a call-back returns at the time asked for, to the same caller if they are calling
/// then; wrong numbers and "do not call again" are never called again; everything else
/// finishes the contact for this phonebank. `tries` counts this call.
pub fn after_call(
    outcome: Outcome,
    tries: i32,
    callback_at: Option<DateTime<Utc>>,
    caller_id: i32,
    now: DateTime<Utc>,
) -> AfterCall {
    match outcome {
        Outcome::NoAnswer | Outcome::Busy if tries < MAX_TRIES => AfterCall::Again {
            at: now + COOL_DOWN,
            held_for: None,
        },
        Outcome::CallBack => AfterCall::Again {
            at: callback_at.unwrap_or(now + COOL_DOWN).max(now),
            held_for: Some(caller_id),
        },
        Outcome::WrongNumber | Outcome::DoNotCall => AfterCall::Blocked,
        _ => AfterCall::Finished,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-12-05T11:00:00Z".parse().unwrap()
    }

    #[test]
    fn every_outcome_reads_back_from_what_its_button_posts() {
        for outcome in OUTCOMES {
            assert_eq!(Outcome::parse(outcome.as_str()), Some(outcome));
        }
        assert_eq!(Outcome::parse("hung_up"), None);
    }

    #[test]
    fn no_answer_and_busy_cool_down_until_the_third_try() {
        for outcome in [Outcome::NoAnswer, Outcome::Busy] {
            assert_eq!(
                after_call(outcome, 1, None, 7, now()),
                AfterCall::Again {
                    at: now() + COOL_DOWN,
                    held_for: None
                }
            );
            assert_eq!(after_call(outcome, 3, None, 7, now()), AfterCall::Finished);
        }
    }

    #[test]
    fn a_call_back_returns_at_the_time_asked_for_to_the_same_caller() {
        let at = now() + Duration::days(1);
        assert_eq!(
            after_call(Outcome::CallBack, 1, Some(at), 7, now()),
            AfterCall::Again {
                at,
                held_for: Some(7)
            }
        );
    }

    #[test]
    fn wrong_numbers_and_refusals_block_the_number_and_the_rest_finish() {
        assert_eq!(
            after_call(Outcome::WrongNumber, 1, None, 7, now()),
            AfterCall::Blocked
        );
        assert_eq!(
            after_call(Outcome::DoNotCall, 1, None, 7, now()),
            AfterCall::Blocked
        );
        for outcome in [
            Outcome::Talked,
            Outcome::NotInterested,
            Outcome::LeftMessage,
            Outcome::NeedsOrganiser,
        ] {
            assert_eq!(after_call(outcome, 1, None, 7, now()), AfterCall::Finished);
        }
    }
}
