//! Group services. Server only.

pub mod access;
pub mod directory;
pub mod erasure;
pub mod forum;
pub mod group_page;
pub mod invites;
pub mod lookups;
pub mod markdown;
pub mod membership;
pub mod moderation;
pub mod new_group;
pub mod notifications;
pub mod posts;
