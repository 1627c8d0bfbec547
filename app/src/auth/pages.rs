//! Auth pages, one per file.

mod forgot_password_page;
mod reset_password_page;
mod sign_in_page;
mod sign_up_page;

pub use forgot_password_page::ForgotPasswordPage;
pub use reset_password_page::ResetPasswordPage;
pub use sign_in_page::SignInPage;
pub use sign_up_page::SignUpPage;
