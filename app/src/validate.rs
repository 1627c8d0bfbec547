//! Validated input types. Each parses once at the edge and is trusted after;
//! they compile for the browser too, so forms can check before sending.

use crate::error::{AppError, AppResult};
use serde::{Deserialize, Serialize};

mod password;
mod postcode;
mod stored_enum;

pub use password::{NewPassword, PASSWORD_MIN_CHARS};
pub use postcode::{is_outward_code, PostcodeUk};
pub(crate) use stored_enum::stored_enum;

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

    /// A form's optional number, required when its box asks for texts.
    pub fn parse_for_texts(field: &str, raw: &str, wants_texts: bool) -> AppResult<Option<Self>> {
        let number = Self::parse_optional(field, raw)?;
        if wants_texts && number.is_none() {
            return Err(AppError::invalid(
                field,
                "Give a mobile number to get texts, or untick the box.",
            ));
        }
        Ok(number)
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

/// Search words, trimmed; blank means no words. Capped so a stranger's megabyte of text
/// never reaches the database.
pub fn search_text(field: &str, raw: Option<&str>) -> AppResult<Option<String>> {
    const MAX_SEARCH_CHARS: usize = 200;
    let text = bounded_text(field, raw.unwrap_or_default(), MAX_SEARCH_CHARS, false)?;
    Ok(Some(text).filter(|t| !t.is_empty()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn search_text_over_the_cap_is_a_field_error_and_blank_is_none() {
        assert_eq!(search_text("q", Some("  ")).unwrap(), None);
        assert_eq!(
            search_text("q", Some(" buses ")).unwrap().as_deref(),
            Some("buses")
        );
        let long = "a".repeat(50_001);
        assert!(search_text("q", Some(&long))
            .unwrap_err()
            .message_for("q")
            .is_some());
    }

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
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            PersonName::parse("name", "  Sam Patel ").unwrap().as_str(),
            "Sam Patel"
        );
        assert!(PersonName::parse("name", "   ").is_err());
        assert!(PersonName::parse("name", &"a".repeat(101)).is_err());
    }
}
