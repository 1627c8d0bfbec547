//! Phonebank's pages, loaded with the phonebank section only by people who open them.

mod call_form;
mod call_page;
mod call_queue;
mod calling_rules_page;
mod dashboard_page;
mod join_phonebank_page;
mod new_phonebank_page;
mod offline_calls;
mod phonebanks_page;

pub use call_page::CallPage;
pub use calling_rules_page::CallingRulesPage;
pub use dashboard_page::PhonebankDashboardPage;
pub use join_phonebank_page::JoinPhonebankPage;
pub use new_phonebank_page::NewPhonebankPage;
pub use phonebanks_page::PhonebanksPage;
