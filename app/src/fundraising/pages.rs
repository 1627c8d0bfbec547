//! The treasurer's screens (donors' pages are drawn on the server: `render`).

mod books_tables;
mod new_page;
mod treasurer_page;

pub use new_page::NewDonationPage;
pub use treasurer_page::TreasurerPage;
