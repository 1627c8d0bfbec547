//! What phonebanks ask of consent: whether each contact agreed to calls (in a group's
//! scope or the party's), objected to them anywhere, and the number they gave; and "do
//! not call again", which withdraws phone consent in every scope.

use super::{record_consent, ConsentChoice};
use crate::{
    consent::{
        entity::consent_current,
        model::{consent_in_force, Channel, Scope, PARTY_SCOPE},
    },
    error::AppResult,
};
use sea_orm::{
    sea_query::{Expr, ExprTrait, Query, SimpleExpr},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use std::collections::HashMap;

/// Where one contact stands on phone calls.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PhoneStanding {
    /// Agreed to calls in the scope asked about (or the party's, without a group choice).
    pub agreed: bool,
    /// Withdrew or refused phone calls in any scope.
    pub objected: bool,
    /// The number given with a phone (else a text) consent.
    pub number: Option<String>,
}

/// For each of `emails`, where they stand on calls from `scope`.
pub async fn phone_standing(
    db: &impl ConnectionTrait,
    emails: &[String],
    scope: Scope,
) -> AppResult<HashMap<String, PhoneStanding>> {
    #[derive(Default)]
    struct Seen {
        group: Option<bool>,
        party: Option<bool>,
        objected: bool,
        phone_number: Option<String>,
        sms_number: Option<String>,
    }
    let mut seen: HashMap<String, Seen> = HashMap::new();
    for chunk in emails.chunks(500) {
        let rows = consent_current::Entity::find()
            .filter(consent_current::Column::Email.is_in(chunk.iter().cloned()))
            .filter(consent_current::Column::Channel.is_in([Channel::Phone, Channel::Sms]))
            .all(db)
            .await?;
        for row in rows {
            let entry = seen.entry(row.email).or_default();
            if row.channel == Channel::Sms {
                entry.sms_number = entry.sms_number.take().or(row.phone);
                continue;
            }
            entry.objected |= !row.granted;
            if row.scope == PARTY_SCOPE {
                entry.party = Some(row.granted);
            } else if row.scope == scope {
                entry.group = Some(row.granted);
            }
            // The number stays known after a withdrawal, so the objection is matched to it.
            entry.phone_number = entry.phone_number.take().or(row.phone);
        }
    }
    Ok(seen
        .into_iter()
        .map(|(email, s)| {
            let agreed = if scope == PARTY_SCOPE {
                s.party.unwrap_or(false)
            } else {
                consent_in_force(s.group, s.party)
            };
            let standing = PhoneStanding {
                agreed: agreed && !s.objected,
                objected: s.objected,
                number: s.phone_number.or(s.sms_number),
            };
            (email, standing)
        })
        .collect())
}

/// True where the address in `email` (a column of the caller's query) has not withdrawn
/// or refused phone calls in any scope: checked by each hand-out of a call, at that
/// moment, through the ledger's (email, channel, scope) index.
pub fn not_objecting_to_calls(email: SimpleExpr) -> SimpleExpr {
    let objection = Query::select()
        .expr(Expr::val(1))
        .from(consent_current::Entity)
        .and_where(Expr::col((consent_current::Entity, consent_current::Column::Email)).eq(email))
        .and_where(
            Expr::col((consent_current::Entity, consent_current::Column::Channel))
                .eq(Channel::Phone),
        )
        .and_where(Expr::col((consent_current::Entity, consent_current::Column::Granted)).eq(false))
        .to_owned();
    Expr::exists(objection).not()
}

/// The ledger's words when a call ends in "do not call again".
pub const DO_NOT_CALL_WORDING: &str = "Asked a caller not to be called again.";

/// Withdraws phone consent for `email` in every scope it had one, and the party's (so an
/// objection stands even where they never agreed). Call inside the call's transaction.
pub async fn withdraw_phone_everywhere(
    db: &impl ConnectionTrait,
    email: &str,
    person_id: Option<i32>,
    phone: &str,
) -> AppResult<()> {
    let mut scopes: Vec<Scope> = consent_current::Entity::find()
        .filter(consent_current::Column::Email.eq(email))
        .filter(consent_current::Column::Channel.eq(Channel::Phone))
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.scope)
        .collect();
    if !scopes.contains(&PARTY_SCOPE) {
        scopes.push(PARTY_SCOPE);
    }
    for scope in scopes {
        record_consent(
            db,
            ConsentChoice {
                email,
                person_id,
                channel: Channel::Phone,
                scope,
                granted: false,
                wording: DO_NOT_CALL_WORDING,
                source: "phonebank",
                phone: Some(phone),
            },
        )
        .await?;
    }
    Ok(())
}
