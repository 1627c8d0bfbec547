//! What the access log says was viewed, one name each, shared by the domains that record
//! views and the staff page that filters by them.

pub const ATTENDEE_LIST: &str = "attendee list";
pub const ATTENDEE_CSV: &str = "attendee list (CSV)";
pub const MEMBER_LIST: &str = "group member list";
pub const CREATOR_PREVIEW: &str = "a message preview in the Creators";
pub const OUTBOX: &str = "the outbox";
pub const PHONEBANK_CALL: &str = "a phonebank call";
pub const PHONEBANK_RESULTS: &str = "phonebank results (CSV)";

/// Every one, in the order the staff page offers them.
pub const ALL: &[&str] = &[
    ATTENDEE_LIST,
    ATTENDEE_CSV,
    MEMBER_LIST,
    CREATOR_PREVIEW,
    OUTBOX,
    PHONEBANK_CALL,
    PHONEBANK_RESULTS,
];
