//! The one error type that crosses the wire. Codes are stable; the UI turns them into words.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

/// Everything a server function can fail with. Internals are logged, never sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum AppError {
    #[error("Please sign in to do that.")]
    Unauthenticated,
    #[error("You are not allowed to do that.")]
    Forbidden,
    #[error("We could not find that.")]
    NotFound,
    #[error("{message}")]
    Invalid { field: String, message: String },
    #[error("That email or password is not right. Opened an account just now? Confirm your address first with the link we emailed you.")]
    WrongCredentials,
    #[error("Too many attempts. Please wait {retry_after_minutes} minutes and try again.")]
    RateLimited { retry_after_minutes: u32 },
    // Struct variants, not tuples: a tagged enum cannot carry a bare string.
    #[error("{message}")]
    Conflict { message: String },
    #[error("That request was not understood: {message}")]
    BadRequest { message: String },
    #[error("That is more than we can take in one go. Please send less.")]
    TooLarge,
    #[error("Something went wrong on our side. Please try again.")]
    Internal,
}

/// The result type of every service and server function.
pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    /// A field error: shown next to the form field called `field`.
    /// The request clashes with how things stand ("already cancelled", "full").
    pub fn conflict(message: impl Into<String>) -> Self {
        AppError::Conflict {
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        AppError::BadRequest {
            message: message.into(),
        }
    }

    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        AppError::Invalid {
            field: field.to_string(),
            message: message.into(),
        }
    }

    /// The message for `field`, if this error belongs to that field.
    pub fn message_for(&self, field: &str) -> Option<String> {
        match self {
            AppError::Invalid { field: f, message } if f == field => Some(message.clone()),
            _ => None,
        }
    }

    /// Whether the error is about one field (and so is shown beside it, not above the form).
    pub fn is_field_error(&self) -> bool {
        matches!(self, AppError::Invalid { .. })
    }

    /// The HTTP status this error maps to.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Unauthenticated | AppError::WrongCredentials => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Invalid { .. } => 422,
            AppError::BadRequest { .. } => 400,
            AppError::TooLarge => 413,
            AppError::Conflict { .. } => 409,
            AppError::RateLimited { .. } => 429,
            AppError::Internal => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // The body limit surfaces as a failure to read the body.
            ServerFnErrorErr::Deserialization(msg) if msg.contains("length limit exceeded") => {
                AppError::TooLarge
            }
            ServerFnErrorErr::Args(msg) | ServerFnErrorErr::Deserialization(msg) => {
                AppError::bad_request(msg)
            }
            other => {
                tracing::error!(error = %other, "server function transport error");
                AppError::Internal
            }
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        tracing::error!(error = %err, "database error");
        AppError::Internal
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::TransactionError<AppError>> for AppError {
    fn from(err: sea_orm::TransactionError<AppError>) -> Self {
        match err {
            sea_orm::TransactionError::Connection(db) => db.into(),
            sea_orm::TransactionError::Transaction(app) => app,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_errors_belong_only_to_their_field() {
        let err = AppError::invalid("email", "Enter an email address");
        assert_eq!(
            err.message_for("email").as_deref(),
            Some("Enter an email address")
        );
        assert_eq!(err.message_for("password"), None);
    }

    #[test]
    fn errors_round_trip_through_json_with_stable_codes() {
        let err = AppError::RateLimited {
            retry_after_minutes: 15,
        };
        let json = serde_json::to_string(&err).unwrap();
        assert_eq!(json, r#"{"code":"rate_limited","retry_after_minutes":15}"#);
        assert_eq!(serde_json::from_str::<AppError>(&json).unwrap(), err);
        let clash = AppError::conflict("This event is full.");
        let json = serde_json::to_string(&clash).unwrap();
        assert_eq!(
            json,
            r#"{"code":"conflict","message":"This event is full."}"#
        );
        assert_eq!(serde_json::from_str::<AppError>(&json).unwrap(), clash);
    }
}
