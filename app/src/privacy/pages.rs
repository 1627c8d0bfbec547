//! Privacy's pages.

mod access_log_page;
mod guest_pages;
mod notice_page;
mod your_data_section;

pub use access_log_page::AccessLogPage;
pub use guest_pages::{GuestDataPage, GuestErasedPage, GuestRequestPage};
pub use notice_page::PrivacyNoticePage;
pub use your_data_section::YourDataSection;
