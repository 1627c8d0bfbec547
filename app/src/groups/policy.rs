//! Who may do what in a group: one table. Every group server function asks it through
//! `Access::may`, and the role-matrix test calls them all as each standing.

use serde::{Deserialize, Serialize};

/// Where the person asking stands with a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    Anonymous,
    NonMember,
    /// Asked to join a group that approves its members; not yet let in.
    Pending,
    Banned,
    Member,
    Organiser,
    Owner,
    /// Site staff: moderate every group and mark official ones.
    Staff,
}

/// Everything that can be done in or to a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GroupAction {
    ReadForum,
    Join,
    Leave,
    StartThread,
    Reply,
    /// Edit (for a while) or delete one's own post.
    EditOwnPost,
    ReportPost,
    ChooseNotifications,
    /// Pin and lock threads, hide posts, see reports, remove and ban members.
    Moderate,
    /// Approve or refuse requests, invite by email, promote and demote.
    ManageMembers,
    HostGroupEvent,
    /// Email and text the group's consenting supporters (official groups only).
    SendMessages,
    MarkVerified,
}

use GroupAction::*;
use Standing::*;

const MEMBERS: &[Standing] = &[Member, Organiser, Owner];
const ORGANISERS: &[Standing] = &[Organiser, Owner];

/// The table. A staff member is also checked under their own membership, if any.
pub const POLICY: &[(GroupAction, &[Standing])] = &[
    (ReadForum, &[Member, Organiser, Owner, Staff]),
    (Join, &[NonMember]),
    (Leave, &[Pending, Member, Organiser, Owner]),
    (StartThread, MEMBERS),
    (Reply, MEMBERS),
    (EditOwnPost, MEMBERS),
    (ReportPost, &[Member, Organiser, Owner, Staff]),
    (ChooseNotifications, MEMBERS),
    (Moderate, &[Organiser, Owner, Staff]),
    (ManageMembers, ORGANISERS),
    (HostGroupEvent, ORGANISERS),
    (SendMessages, &[Organiser, Owner, Staff]),
    (MarkVerified, &[Staff]),
];

/// Whether `standing` alone allows `action`.
pub fn allows(standing: Standing, action: GroupAction) -> bool {
    POLICY
        .iter()
        .any(|(a, who)| *a == action && who.contains(&standing))
}

/// A person's standing with one group, and whether they are staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Access {
    pub standing: Standing,
    pub staff: bool,
}

impl Access {
    /// Whether this person may do `action` in the group.
    pub fn may(&self, action: GroupAction) -> bool {
        allows(self.standing, action) || (self.staff && allows(Staff, action))
    }

    /// Whether they are an active member (of any role).
    pub fn is_member(&self) -> bool {
        MEMBERS.contains(&self.standing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_post_but_only_organisers_and_staff_moderate() {
        let member = Access {
            standing: Member,
            staff: false,
        };
        assert!(member.may(Reply));
        assert!(!member.may(Moderate));
        let staff = Access {
            standing: NonMember,
            staff: true,
        };
        assert!(staff.may(Moderate) && staff.may(ReadForum));
        assert!(!staff.may(Reply), "staff post only where they are members");
    }

    #[test]
    fn banned_and_anonymous_people_can_do_nothing() {
        for standing in [Banned, Anonymous] {
            let access = Access {
                standing,
                staff: false,
            };
            assert!(POLICY.iter().all(|(action, _)| !access.may(*action)));
        }
    }
}
