//! Group view types and their fixed vocabularies. Pure; compiles for server and browser.

mod joining;
pub use joining::Joining;

use super::policy::{Access, GroupAction};
#[cfg(feature = "ssr")]
use sea_orm::entity::prelude::StringLen;
use serde::{Deserialize, Serialize};

/// A member's role in a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "ssr",
    sea_orm(rs_type = "String", db_type = "String(StringLen::None)")
)]
pub enum GroupRole {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "owner"))]
    Owner,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "organiser"))]
    Organiser,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "member"))]
    Member,
}

impl GroupRole {
    pub const ALL: [GroupRole; 3] = [GroupRole::Owner, GroupRole::Organiser, GroupRole::Member];

    pub fn as_str(self) -> &'static str {
        match self {
            GroupRole::Owner => "owner",
            GroupRole::Organiser => "organiser",
            GroupRole::Member => "member",
        }
    }

    /// The role a form names (stored values are read as the enum itself).
    pub fn parse(raw: &str) -> Option<GroupRole> {
        GroupRole::ALL.into_iter().find(|r| r.as_str() == raw)
    }

    pub fn label(self) -> &'static str {
        match self {
            GroupRole::Owner => "Owner",
            GroupRole::Organiser => "Organiser",
            GroupRole::Member => "Member",
        }
    }
}

/// How often a member hears about new threads and replies by email.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "ssr",
    sea_orm(rs_type = "String", db_type = "String(StringLen::None)")
)]
pub enum Notify {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "each"))]
    Each,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "digest"))]
    Digest,
    /// Stored as "none".
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "none"))]
    Never,
}

impl Notify {
    pub const ALL: [Notify; 3] = [Notify::Each, Notify::Digest, Notify::Never];

    pub fn as_str(self) -> &'static str {
        match self {
            Notify::Each => "each",
            Notify::Digest => "digest",
            Notify::Never => "none",
        }
    }

    /// The choice a form names (stored values are read as the enum itself).
    pub fn parse(raw: &str) -> Option<Notify> {
        Notify::ALL.into_iter().find(|n| n.as_str() == raw)
    }

    pub fn label(self) -> &'static str {
        match self {
            Notify::Each => "An email for each new post",
            Notify::Digest => "A daily digest",
            Notify::Never => "No emails",
        }
    }
}

/// Where a membership stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "ssr",
    sea_orm(rs_type = "String", db_type = "String(StringLen::None)")
)]
pub enum MemberState {
    /// A member in good standing.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "active"))]
    Active,
    /// Asked to join a group that approves its members, and not yet let in.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "pending"))]
    Pending,
    /// Kept out of the group by its moderators.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "banned"))]
    Banned,
}

impl MemberState {
    pub const ALL: [MemberState; 3] = [
        MemberState::Active,
        MemberState::Pending,
        MemberState::Banned,
    ];

    /// The stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            MemberState::Active => "active",
            MemberState::Pending => "pending",
            MemberState::Banned => "banned",
        }
    }
}

/// The topics a group can be about: (stored value, label).
pub const TOPICS: &[(&str, &str)] = &[
    ("local", "Local campaigning"),
    ("environment", "Environment"),
    ("health", "Health and care"),
    ("housing", "Housing"),
    ("transport", "Transport"),
    ("education", "Education"),
    ("economy", "Jobs and the economy"),
    ("equality", "Equality"),
    ("international", "International"),
    ("other", "Other"),
];

/// The label of a stored topic.
pub fn topic_label(topic: &str) -> &'static str {
    TOPICS
        .iter()
        .find(|(value, _)| *value == topic)
        .map(|(_, label)| *label)
        .unwrap_or("Other")
}

/// What the group-creation form holds, as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupForm {
    pub name: String,
    pub description: String,
    pub topic: String,
    pub postcode: String,
    pub joining: String,
}

/// A group in the directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupCard {
    pub id: i32,
    pub path: String,
    pub name: String,
    pub topic: String,
    /// The first half of its postcode, e.g. "S1".
    pub area: String,
    pub member_count: i32,
    /// An official local party group.
    pub verified: bool,
    pub approval_needed: bool,
    /// "1.2 miles away", when the directory was searched near a place.
    pub distance: Option<String>,
}

/// One page of the directory, with the viewer's own groups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupDirectoryView {
    pub groups: Vec<GroupCard>,
    pub yours: Vec<GroupCard>,
    pub page: u32,
    pub has_more: bool,
}

/// A thread in a group's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThreadSummary {
    pub id: i32,
    pub path: String,
    pub title: String,
    pub author_name: String,
    pub pinned: bool,
    pub locked: bool,
    pub replies: i32,
    /// "Thu 7 Nov, 7pm": the latest post.
    pub last_post: String,
}

/// A person in a group, for its organisers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberView {
    pub person_id: i32,
    pub name: String,
    pub role: GroupRole,
    pub banned: bool,
}

/// A report of a post, for the group's moderators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportView {
    pub id: i32,
    pub post_id: i32,
    pub thread_path: String,
    pub thread_title: String,
    pub author_name: String,
    pub excerpt: String,
    pub reporter_name: String,
    pub reason: String,
    pub post_hidden: bool,
}

/// What organisers and moderators see on the group page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModerationView {
    pub requests: Vec<MemberView>,
    pub members: Vec<MemberView>,
    pub reports: Vec<ReportView>,
}

/// A group's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupView {
    pub card: GroupCard,
    pub slug: String,
    pub description: String,
    pub access: Access,
    /// The signed-in viewer, so lists can leave their own row alone.
    pub viewer_id: Option<i32>,
    /// The viewer's email choice, when they are a member.
    pub notify: Option<Notify>,
    /// The forum, for those who may read it.
    pub threads: Option<Vec<ThreadSummary>>,
    pub moderation: Option<ModerationView>,
}

impl GroupView {
    pub fn may(&self, action: GroupAction) -> bool {
        self.access.may(action)
    }
}

/// A post as the viewer may see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostView {
    pub id: i32,
    pub author_name: String,
    pub when: String,
    /// Sanitised HTML; None when hidden from this viewer or deleted.
    pub html: Option<String>,
    pub hidden: bool,
    pub deleted: bool,
    pub edited: bool,
    pub mine: bool,
    /// The Markdown, for the author while they may still edit it.
    pub editable_body: Option<String>,
}

/// A thread page: one page of its posts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThreadView {
    pub id: i32,
    pub title: String,
    pub group_name: String,
    pub group_path: String,
    pub pinned: bool,
    pub locked: bool,
    pub access: Access,
    pub posts: Vec<PostView>,
    pub page: u32,
    pub pages: u32,
}

impl ThreadView {
    pub fn path(&self) -> String {
        thread_path(&self.group_path, self.id)
    }

    /// Whether the viewer can write a reply now (locked threads take moderators' only).
    pub fn can_reply(&self) -> bool {
        self.access.may(GroupAction::Reply)
            && (!self.locked || self.access.may(GroupAction::Moderate))
    }
}

/// The page of a group.
pub fn group_path(slug: &str) -> String {
    format!("/groups/{slug}")
}

/// The page of a thread in the group at `group_path`.
pub fn thread_path(group_path: &str, thread_id: i32) -> String {
    format!("{group_path}/threads/{thread_id}")
}

/// `path` with `?done=what` (or `&done=what`) added before any `#anchor`, so the page
/// can say what just happened, with or without JavaScript.
pub fn with_done(path: &str, what: &str) -> String {
    let (base, anchor) = match path.split_once('#') {
        Some((base, anchor)) => (base, format!("#{anchor}")),
        None => (path, String::new()),
    };
    let joiner = if base.contains('?') { '&' } else { '?' };
    format!("{base}{joiner}done={what}{anchor}")
}

/// An invitation, as its page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InviteView {
    pub group_name: String,
    pub group_path: String,
}

/// Turns a group name into the address part: "Sheffield Greens!" → "sheffield-greens".
pub fn group_slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(60).collect();
    if slug.is_empty() {
        "group".to_string()
    } else {
        slug.trim_end_matches('-').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_letters_and_digits_joined_by_single_dashes() {
        assert_eq!(group_slug("Sheffield Greens!"), "sheffield-greens");
        assert_eq!(group_slug("  NHS -- Save it  "), "nhs-save-it");
        assert_eq!(group_slug("!!!"), "group");
    }

    #[test]
    fn done_notes_go_before_the_anchor() {
        assert_eq!(with_done("/groups/a", "joined"), "/groups/a?done=joined");
        assert_eq!(
            with_done("/groups/a/threads/1?page=2#post-9", "edited"),
            "/groups/a/threads/1?page=2&done=edited#post-9"
        );
    }

    #[test]
    fn stored_words_round_trip() {
        for role in GroupRole::ALL {
            assert_eq!(GroupRole::parse(role.as_str()), Some(role));
        }
        for notify in Notify::ALL {
            assert_eq!(Notify::parse(notify.as_str()), Some(notify));
        }
        assert_eq!(topic_label("housing"), "Housing");
    }

    #[test]
    fn member_states_are_stored_under_distinct_words() {
        let words: Vec<&str> = MemberState::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(words, ["active", "pending", "banned"]);
    }

    /// The stored words are the words the forms and the seed use, so the enums' stored
    /// values must be exactly `as_str`.
    #[cfg(feature = "ssr")]
    #[test]
    fn stored_values_are_the_as_str_words() {
        use sea_orm::ActiveEnum;
        for role in GroupRole::ALL {
            assert_eq!(role.to_value(), role.as_str());
        }
        for notify in Notify::ALL {
            assert_eq!(notify.to_value(), notify.as_str());
        }
        for state in MemberState::ALL {
            assert_eq!(state.to_value(), state.as_str());
        }
    }
}
