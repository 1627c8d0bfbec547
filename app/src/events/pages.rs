//! Event pages, one per file.

mod approvals_page;
mod cancel_signup_page;
mod check_in_queue;
mod dashboard_page;
mod dashboard_tools;
mod edit_event_page;
mod event_list_page;
mod event_page;
mod my_events_page;
mod new_event_page;
mod signed_up_page;

pub use approvals_page::ApprovalsPage;
pub use cancel_signup_page::CancelSignupPage;
pub use dashboard_page::DashboardPage;
pub use edit_event_page::EditEventPage;
pub use event_list_page::EventListPage;
pub use event_page::EventPage;
pub use my_events_page::MyEventsPage;
pub use new_event_page::NewEventPage;
pub use signed_up_page::SignedUpPage;
