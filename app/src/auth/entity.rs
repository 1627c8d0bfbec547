//! Tables owned by auth, one per file.

pub mod email_confirmation;
pub mod mobile_confirmation;
pub mod password_reset;
pub mod person;
pub mod person_role;
pub mod session;
pub mod sign_in_limit;
