//! People pages.

mod profile_page;

pub use profile_page::ProfilePage;
