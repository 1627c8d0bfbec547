//! Who may do what with a phonebank: one table. Every phonebank server function asks it
//! through `service::access`, and the role-matrix test calls them all as each standing.

use serde::{Deserialize, Serialize};

/// Where the person asking stands with one phonebank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    Anonymous,
    /// Signed in, with no tie to the phonebank's group.
    Stranger,
    /// A member of the group, when the phonebank takes callers by link only.
    Member,
    /// Let in to call: by the link, or as a member when members may call.
    Caller,
    /// An organiser of the phonebank's official group.
    Organiser,
    Staff,
}

/// Everything that can be done with a phonebank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PhonebankAction {
    /// Take calls: next call, save an outcome, skip, stay on the page.
    Call,
    /// See the dashboard and export the results; correct calls; pause and close.
    Organise,
}

use PhonebankAction::*;
use Standing::*;

/// The table.
pub const POLICY: &[(PhonebankAction, &[Standing])] = &[
    (Call, &[Caller, Organiser, Staff]),
    (Organise, &[Organiser, Staff]),
];

/// Whether `standing` allows `action`.
pub fn allows(standing: Standing, action: PhonebankAction) -> bool {
    POLICY
        .iter()
        .any(|(a, who)| *a == action && who.contains(&standing))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn callers_call_but_only_organisers_and_staff_see_results() {
        assert!(allows(Caller, Call) && !allows(Caller, Organise));
        assert!(allows(Organiser, Organise) && allows(Staff, Organise));
        for standing in [Anonymous, Stranger, Member] {
            assert!(!allows(standing, Call) && !allows(standing, Organise));
        }
    }
}
