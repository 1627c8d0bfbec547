//! Tables owned by groups.

pub mod forum_post;
pub mod forum_report;
pub mod forum_thread;
pub mod group;
pub mod group_invite;
pub mod group_member;
