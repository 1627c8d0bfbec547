//! Auth pages, one per file.

mod confirm_email_page;
mod forgot_password_page;
mod reset_password_page;
mod sign_in_page;
mod sign_up_page;

pub use confirm_email_page::ConfirmEmailPage;
pub use forgot_password_page::ForgotPasswordPage;
pub use reset_password_page::ResetPasswordPage;
pub use sign_in_page::SignInPage;
pub use sign_up_page::SignUpPage;
