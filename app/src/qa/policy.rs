//! Who may do what with a Q&A session: one table. Every Q&A server function asks it
//! through `service::access`, and the role-matrix test calls them all as each standing.

use serde::{Deserialize, Serialize};

/// Where the person asking stands with one session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    Anonymous,
    /// Signed in, but not among those the session lets ask.
    Reader,
    /// May ask and vote: a party member, a member of the group, or anyone signed in,
    /// as the host chose.
    Asker,
    /// Named by the host to work the moderation queue.
    Moderator,
    /// One of the session's politicians, or a staffer who posts for one.
    Answerer,
    /// Staff, or an organiser of the session's official group.
    Host,
    Staff,
}

/// Everything that can be done with a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum QaAction {
    /// Read the session and its record (only if the host limited reading to members).
    ReadSignedIn,
    /// Ask, withdraw one's own question, vote and take a vote back.
    Ask,
    /// Report a question or an answer.
    Report,
    /// Approve, edit, merge, decline, pick; see reports and hidden content.
    Moderate,
    /// Answer approved questions.
    Answer,
    /// Name moderators, set the topic cap, close the session.
    Manage,
}

use QaAction::*;
use Standing::*;

/// The table. Moderators, answerers and hosts may not ask or vote: those who run a
/// session do not weigh on its order.
pub const POLICY: &[(QaAction, &[Standing])] = &[
    (
        ReadSignedIn,
        &[Reader, Asker, Moderator, Answerer, Host, Staff],
    ),
    (Ask, &[Asker]),
    (Report, &[Reader, Asker, Moderator, Answerer, Host, Staff]),
    (Moderate, &[Moderator, Host, Staff]),
    (Answer, &[Answerer]),
    (Manage, &[Host, Staff]),
];

/// Whether `standing` allows `action`.
pub fn allows(standing: Standing, action: QaAction) -> bool {
    POLICY
        .iter()
        .any(|(a, who)| *a == action && who.contains(&standing))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_askers_vote_and_only_answerers_answer() {
        for standing in [Anonymous, Reader, Moderator, Answerer, Host, Staff] {
            assert!(!allows(standing, Ask), "{standing:?} must not ask");
        }
        assert!(allows(Asker, Ask));
        for standing in [Anonymous, Reader, Asker, Moderator, Host, Staff] {
            assert!(!allows(standing, Answer), "{standing:?} must not answer");
        }
        assert!(allows(Moderator, Moderate) && !allows(Moderator, Manage));
        assert!(!allows(Anonymous, Report) && allows(Reader, Report));
    }
}
