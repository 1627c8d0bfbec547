//! Event pages, one per file.

mod cancel_signup_page;
mod dashboard_page;
mod event_list_page;
mod event_page;
mod my_events_page;
mod new_event_page;
mod signed_up_page;

pub use cancel_signup_page::CancelSignupPage;
pub use dashboard_page::DashboardPage;
pub use event_list_page::EventListPage;
pub use event_page::EventPage;
pub use my_events_page::MyEventsPage;
pub use new_event_page::NewEventPage;
pub use signed_up_page::SignedUpPage;
