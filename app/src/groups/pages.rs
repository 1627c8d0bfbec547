//! Group pages, one file each.

mod group_page;
mod groups_page;
mod invite_page;
mod new_group_page;
mod thread_page;

pub use group_page::GroupPage;
pub use groups_page::GroupsPage;
pub use invite_page::InvitePage;
pub use new_group_page::NewGroupPage;
pub use thread_page::ThreadPage;
