//! The treasurer's screens (donors' pages are drawn on the server: `render`).

mod books_tables;
mod treasurer_page;

pub use treasurer_page::TreasurerPage;
