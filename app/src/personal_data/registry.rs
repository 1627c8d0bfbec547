//! The shape of a domain's declaration of its personal data.

/// One table's personal data.
pub struct PersonalTable {
    pub table: &'static str,
    /// What it holds, as the privacy notice says it ("Your sign-ups to events: …").
    pub what: &'static str,
    /// Why we hold it.
    pub why: &'static str,
    pub basis: Basis,
    /// How long it is kept.
    pub kept: &'static str,
    /// Columns holding personal data: contact details, names, ids of people, what a person
    /// wrote, network addresses.
    pub personal: &'static [&'static str],
    /// Columns left out of a download: secrets (hashes of tokens and passwords) and ids of
    /// other people.
    pub not_exported: &'static [&'static str],
    /// Columns whose names look personal but are not, and why (the schema test reads it).
    pub not_personal: &'static [(&'static str, &'static str)],
    /// How a person's rows are found, and what erasure does to each kind.
    pub links: &'static [Link],
}

/// One way a row belongs to (or mentions) a person.
pub struct Link {
    pub by: Finder,
    /// Whether these rows go into the person's download (a block of them by someone else,
    /// for example, does not).
    pub export: bool,
    pub erase: Erase,
}

/// The rows of a table of contacts (`person_id`, `email`, `phone`): a person's by their
/// account, their address (a guest's: where no account made the row) or their number;
/// exported, and deleted on erasure.
pub const ROWS_OF_A_CONTACT: &[Link] = &[
    Link {
        by: Finder::Person("person_id"),
        export: true,
        erase: Erase::Delete,
    },
    Link {
        by: Finder::Email {
            column: "email",
            account: Some("person_id"),
        },
        export: true,
        erase: Erase::Delete,
    },
    Link {
        by: Finder::Phone("phone"),
        export: true,
        erase: Erase::Delete,
    },
];

/// How rows are found for a person.
#[derive(Clone, Copy)]
pub enum Finder {
    /// The column holds the person's account id.
    Person(&'static str),
    /// The column holds an email address. `account` names the table's account column,
    /// if it has one: a guest (no account) reaches only rows where it is empty.
    Email {
        column: &'static str,
        account: Option<&'static str>,
    },
    /// The column holds a mobile number (E.164).
    Phone(&'static str),
    /// A sign-in limit's key: `account:{email}` or `pair:{email}|{address}`.
    SignInKey(&'static str),
    /// The column is text someone else was sent or wrote that names the person: their
    /// address, number or full name appears in it (for erasure only).
    Mentions(&'static str),
}

/// What erasure does to the rows a link finds.
#[derive(Clone, Copy)]
pub enum Erase {
    Delete,
    /// Empties these columns and keeps the row (it records something else, such as the
    /// numbers of a group).
    Clear(&'static [&'static str]),
    /// Cuts the person's address, number and name out of these text columns (someone
    /// else's words that mention them), leaving the rest.
    Redact(&'static [&'static str]),
    /// Points these columns at the "a former member" account (for rows that must keep an
    /// author, such as a group someone started).
    FormerMember(&'static [&'static str]),
    /// The owning domain's own erasure step handles it, as said here (for the notice).
    ByDomain(&'static str),
}

/// The lawful basis (UK GDPR article 6, and article 9 for political opinions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Needed to give you the service you asked for.
    Contract,
    /// You agreed, and can withdraw at any time.
    Consent,
    /// A legitimate interest, weighed against yours.
    LegitimateInterests,
    /// The law requires it.
    LegalObligation,
}

impl Basis {
    pub fn label(self) -> &'static str {
        match self {
            Basis::Contract => "to provide the service you asked for (contract)",
            Basis::Consent => "your consent, which you can withdraw at any time",
            Basis::LegitimateInterests => "our legitimate interests, weighed against yours",
            Basis::LegalObligation => "a legal obligation",
        }
    }
}

/// Whose data: an account (its id, and its address and number once proved), or a guest
/// who proved an address by the emailed link.
#[derive(Clone, Debug, Default)]
pub struct Subject {
    pub person_id: Option<i32>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Their full name, to find it in text sent to others (erasure only).
    pub name: Option<String>,
}

impl Subject {
    pub fn guest(email: &str) -> Self {
        Subject {
            person_id: None,
            email: Some(email.trim().to_lowercase()),
            phone: None,
            name: None,
        }
    }

    pub fn is_guest(&self) -> bool {
        self.person_id.is_none()
    }
}
