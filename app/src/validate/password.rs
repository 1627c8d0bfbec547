//! Rules for new passwords.

use crate::error::{AppError, AppResult};

/// A new password that meets our rules. Never serialised back out.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

/// The shortest password we accept: length beats complexity rules.
pub const PASSWORD_MIN_CHARS: usize = 10;
const PASSWORD_MAX_CHARS: usize = 128;
const COMMON_PASSWORDS: &[&str] = &[
    "password",
    "password1",
    "password123",
    "1234567890",
    "123456789",
    "qwertyuiop",
    "iloveyou123",
    "letmein123",
    "welcome123",
    "passw0rd123",
    "abcdefghij",
];

impl NewPassword {
    /// Checks a new password: 10 to 128 characters, not a well-known one, not one
    /// character repeated, and not the person's email.
    pub fn parse(field: &str, raw: &str, email: Option<&str>) -> AppResult<Self> {
        let chars = raw.chars().count();
        if chars < PASSWORD_MIN_CHARS {
            return Err(AppError::invalid(
                field,
                format!(
                    "Use at least {PASSWORD_MIN_CHARS} characters. A few words together work well."
                ),
            ));
        }
        if chars > PASSWORD_MAX_CHARS {
            return Err(AppError::invalid(field, "Use at most 128 characters."));
        }
        let lower = raw.to_lowercase();
        let first = lower.chars().next();
        if COMMON_PASSWORDS.contains(&lower.as_str()) || lower.chars().all(|c| Some(c) == first) {
            return Err(AppError::invalid(
                field,
                "That password is too easy to guess.",
            ));
        }
        if email.is_some_and(|e| e.eq_ignore_ascii_case(raw.trim())) {
            return Err(AppError::invalid(
                field,
                "Your password cannot be your email address.",
            ));
        }
        Ok(Self(raw.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_common_repeated_and_email_passwords_are_refused() {
        assert!(NewPassword::parse("password", "short", None).is_err());
        assert!(NewPassword::parse("password", "Password123", None).is_err());
        assert!(NewPassword::parse("password", "aaaaaaaaaaaa", None).is_err());
        assert!(
            NewPassword::parse("password", "sam@example.org", Some("sam@example.org")).is_err()
        );
        assert!(NewPassword::parse("password", &"x".repeat(129), None).is_err());
    }

    #[test]
    fn a_long_passphrase_is_accepted() {
        assert!(
            NewPassword::parse("password", "correct horse battery", Some("sam@example.org"))
                .is_ok()
        );
    }
}
