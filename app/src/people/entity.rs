//! Tables owned by people.

pub mod block;
pub mod friend_invite;
pub mod friendship;
