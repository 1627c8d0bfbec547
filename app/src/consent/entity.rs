//! Consent tables, one per file, private to consent: other domains ask its services.

pub mod confirmation;
pub mod consent_current;
pub mod consent_record;
