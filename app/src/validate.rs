//! Validated input types. Each parses once at the edge and is trusted after;
//! they compile for the browser too, so forms can check before sending.

use crate::error::{AppError, AppResult};
use serde::{Deserialize, Serialize};

/// An email address, trimmed and lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailAddress(String);

impl EmailAddress {
    /// Parses an email address for the form field `field`.
    pub fn parse(field: &str, raw: &str) -> AppResult<Self> {
        let value = raw.trim().to_lowercase();
        if value.is_empty() {
            return Err(AppError::invalid(field, "Enter your email address."));
        }
        if value.len() > 254 {
            return Err(AppError::invalid(field, "That email address is too long."));
        }
        let Some((local, domain)) = value.split_once('@') else {
            return Err(AppError::invalid(
                field,
                "Enter an email address like name@example.org.",
            ));
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && local
                .chars()
                .all(|c| !c.is_whitespace() && !c.is_control() && c != '@');
        if !domain_ok || !local_ok {
            return Err(AppError::invalid(
                field,
                "Enter an email address like name@example.org.",
            ));
        }
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A UK postcode in its standard form, e.g. "SW1A 1AA".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostcodeUk(String);

impl PostcodeUk {
    /// Parses a full UK postcode, any case, with or without the space.
    pub fn parse(field: &str, raw: &str) -> AppResult<Self> {
        let compact: String = raw
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase();
        if compact.is_empty() {
            return Err(AppError::invalid(field, "Enter a postcode."));
        }
        if compact.len() < 5 || compact.len() > 7 {
            return Err(AppError::invalid(
                field,
                "Enter a full UK postcode, like SW1A 1AA.",
            ));
        }
        let (outward, inward) = compact.split_at(compact.len() - 3);
        if !(is_outward_code(outward) && is_inward_code(inward)) && compact != "GIR0AA" {
            return Err(AppError::invalid(
                field,
                "Enter a full UK postcode, like SW1A 1AA.",
            ));
        }
        Ok(Self(format!("{outward} {inward}")))
    }

    /// Parses an optional postcode: blank means none.
    pub fn parse_optional(field: &str, raw: &str) -> AppResult<Option<Self>> {
        parse_if_given(raw, || Self::parse(field, raw))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The outward code ("SW1A" of "SW1A 1AA").
    pub fn outward(&self) -> &str {
        self.0.split(' ').next().unwrap_or_default()
    }
}

/// Outward codes: A9, A99, AA9, AA99, A9A, AA9A (A a letter, 9 a digit).
pub fn is_outward_code(s: &str) -> bool {
    let shape: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '9'
            } else if c.is_ascii_uppercase() {
                'A'
            } else {
                '?'
            }
        })
        .collect();
    matches!(
        shape.as_str(),
        "A9" | "A99" | "AA9" | "AA99" | "A9A" | "AA9A"
    )
}

/// Inward codes: a digit then two letters.
fn is_inward_code(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 3 && b[0].is_ascii_digit() && b[1].is_ascii_uppercase() && b[2].is_ascii_uppercase()
}

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

/// A person's display name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonName(String);

impl PersonName {
    /// A name of 1 to 100 characters, trimmed, without control characters.
    pub fn parse(field: &str, raw: &str) -> AppResult<Self> {
        let value = raw.trim();
        if value.is_empty() {
            return Err(AppError::invalid(field, "Enter your name."));
        }
        if value.chars().count() > 100 {
            return Err(AppError::invalid(field, "Use at most 100 characters."));
        }
        if value.chars().any(char::is_control) {
            return Err(AppError::invalid(
                field,
                "Use letters, spaces and punctuation only.",
            ));
        }
        Ok(Self(value.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A UK mobile number, stored as +447…
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MobileUk(String);

impl MobileUk {
    /// Accepts 07… (11 digits) or +447… with spaces, dashes or brackets anywhere.
    pub fn parse(field: &str, raw: &str) -> AppResult<Self> {
        let digits: String = raw
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        let national = if let Some(rest) = digits.strip_prefix("+44") {
            format!("0{rest}")
        } else if let Some(rest) = digits.strip_prefix("0044") {
            format!("0{rest}")
        } else {
            digits
        };
        if national.len() != 11 || !national.starts_with("07") || national.contains('+') {
            return Err(AppError::invalid(
                field,
                "Enter a UK mobile number, like 07700 900123.",
            ));
        }
        Ok(Self(format!("+44{}", &national[1..])))
    }

    /// Parses an optional number: blank means none.
    pub fn parse_optional(field: &str, raw: &str) -> AppResult<Option<Self>> {
        parse_if_given(raw, || Self::parse(field, raw))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Parses `raw` unless it is blank: optional fields.
fn parse_if_given<T>(raw: &str, parse: impl FnOnce() -> AppResult<T>) -> AppResult<Option<T>> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        parse().map(Some)
    }
}

/// Free text with a length limit, trimmed; `required` refuses blank.
pub fn bounded_text(field: &str, raw: &str, max_chars: usize, required: bool) -> AppResult<String> {
    let value = raw.trim();
    if required && value.is_empty() {
        return Err(AppError::invalid(field, "This cannot be blank."));
    }
    if value.chars().count() > max_chars {
        return Err(AppError::invalid(
            field,
            format!("Use at most {max_chars} characters."),
        ));
    }
    Ok(value.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn mobiles_in_any_common_shape_are_accepted() {
        for raw in [
            "07700 900123",
            "+44 7700 900123",
            "(07700) 900-123",
            "0044 7700900123",
        ] {
            assert_eq!(
                MobileUk::parse("phone", raw).unwrap().as_str(),
                "+447700900123"
            );
        }
        for bad in ["01632 960123", "0770090012", "077009001234", "+1 555 0100"] {
            assert!(
                MobileUk::parse("phone", bad).is_err(),
                "{bad:?} should be rejected"
            );
        }
    }

    #[test]
    fn bounded_text_enforces_blank_and_length() {
        assert_eq!(bounded_text("title", "  Hi ", 10, true).unwrap(), "Hi");
        assert!(bounded_text("title", " ", 10, true).is_err());
        assert_eq!(bounded_text("venue", "", 10, false).unwrap(), "");
        assert!(bounded_text("title", &"x".repeat(11), 10, true).is_err());
    }

    use super::*;

    #[test]
    fn email_is_trimmed_and_lowercased() {
        let email = EmailAddress::parse("email", "  Sam@Example.ORG ").unwrap();
        assert_eq!(email.as_str(), "sam@example.org");
    }

    #[test]
    fn malformed_emails_are_field_errors() {
        for bad in [
            "",
            "sam",
            "sam@",
            "@example.org",
            "sam@example",
            "sam@@example.org",
            "s m@example.org",
            "sam@exa mple.org",
            "sam@.org",
        ] {
            let err = EmailAddress::parse("email", bad).unwrap_err();
            assert!(
                err.message_for("email").is_some(),
                "{bad:?} should be rejected"
            );
        }
    }

    #[test]
    fn postcodes_of_every_shape_are_normalised() {
        for (raw, want) in [
            ("sw1a1aa", "SW1A 1AA"),
            ("M1 1AE", "M1 1AE"),
            ("b338th", "B33 8TH"),
            ("CR2 6XH", "CR2 6XH"),
            ("dn55 1pt", "DN55 1PT"),
            ("W1A 0AX", "W1A 0AX"),
            ("EC1A 1BB", "EC1A 1BB"),
        ] {
            assert_eq!(PostcodeUk::parse("postcode", raw).unwrap().as_str(), want);
        }
    }

    #[test]
    fn malformed_postcodes_are_rejected() {
        for bad in [
            "", "SW1A", "12345", "SW1A 1A", "SWA1 1AA", "SW1A 11A", "ABCDEFGH", "M1 1A!",
        ] {
            assert!(
                PostcodeUk::parse("postcode", bad).is_err(),
                "{bad:?} should be rejected"
            );
        }
    }

    #[test]
    fn blank_optional_postcode_is_none() {
        assert_eq!(PostcodeUk::parse_optional("postcode", "  ").unwrap(), None);
        assert_eq!(
            PostcodeUk::parse("postcode", "SW1A 1AA").unwrap().outward(),
            "SW1A"
        );
    }

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

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            PersonName::parse("name", "  Sam Patel ").unwrap().as_str(),
            "Sam Patel"
        );
        assert!(PersonName::parse("name", "   ").is_err());
        assert!(PersonName::parse("name", &"a".repeat(101)).is_err());
    }
}
