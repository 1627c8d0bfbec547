//! People pages.

mod friend_invite_page;
mod friends_page;
mod mobile_section;
mod profile_page;

pub use friend_invite_page::FriendInvitePage;
pub use friends_page::FriendsPage;
pub use profile_page::ProfilePage;
