//! A person's communication preferences: every consent in force for their email, per
//! group and nationally, the ledger's history, and changing any of them.

use super::{record_consent, ConsentChoice};
use crate::db::begin_write;
use crate::{
    auth::model::PersonView,
    consent::{
        entity::{consent_current, consent_record},
        model::{group_scope, Channel, ConsentLine, PreferencesView, Scope, PARTY_SCOPE},
    },
    error::{AppError, AppResult},
    format::format_when,
    groups::service::lookups::{active_group_ids, group_names, group_ref},
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionSession, TransactionTrait,
};
use std::collections::HashMap;

pub const PREFERENCES_WORDING: &str = "Chosen on the communication preferences page.";

/// The answer to an account that has not confirmed its address yet.
pub const CONFIRM_EMAIL_FIRST: &str = "Confirm your email address first: we sent you a link.";

/// The address's consent belongs to whoever owns it: an account that has not proved it
/// does (anyone can open one for any address) neither sees nor changes it.
fn require_confirmed_email(person: &PersonView) -> AppResult<()> {
    if person.email_confirmed {
        Ok(())
    } else {
        Err(AppError::invalid("email", CONFIRM_EMAIL_FIRST))
    }
}

/// Names for scopes: "The whole party" or the group's name.
async fn scope_labels(
    db: &impl ConnectionTrait,
    scopes: impl Iterator<Item = Scope>,
) -> AppResult<HashMap<Scope, String>> {
    let scopes: Vec<Scope> = scopes.collect();
    let names = group_names(db, scopes.iter().filter_map(|s| s.group_id()).collect()).await?;
    Ok(scopes
        .into_iter()
        .map(|scope| {
            let label = match scope.group_id() {
                Some(id) => names
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| "A closed group".into()),
                None => "The whole party".to_string(),
            };
            (scope, label)
        })
        .collect())
}

/// Everything `person` has agreed to or withdrawn, once their address is confirmed.
pub async fn preferences_of(
    db: &impl ConnectionTrait,
    person: &PersonView,
) -> AppResult<PreferencesView> {
    require_confirmed_email(person)?;
    let current = consent_current::Entity::find()
        .filter(consent_current::Column::Email.eq(&person.email))
        .order_by_asc(consent_current::Column::Scope)
        .order_by_asc(consent_current::Column::Channel)
        .all(db)
        .await?;
    let history = consent_record::Entity::find()
        .filter(consent_record::Column::Email.eq(&person.email))
        .order_by_desc(consent_record::Column::Id)
        .limit(50)
        .all(db)
        .await?;
    let labels = scope_labels(
        db,
        current
            .iter()
            .map(|c| c.scope)
            .chain(history.iter().map(|h| h.scope)),
    )
    .await?;
    let label = |scope: &Scope| labels.get(scope).cloned().unwrap_or_default();
    let mut lines: Vec<ConsentLine> = current
        .iter()
        .map(|c| ConsentLine {
            scope: c.scope,
            scope_label: label(&c.scope),
            channel: c.channel,
            granted: c.granted,
            since: format!("Since {}", format_when(c.updated_at)),
        })
        .collect();
    // The party's and each of their groups' email (and texts and phone calls, once they
    // have confirmed a mobile number), even before any choice, so there is always
    // something to allow.
    let member_of = active_group_ids(db, person.id).await?;
    let channels: &[Channel] = if person.mobile.is_some() {
        &[Channel::Email, Channel::Sms, Channel::Phone]
    } else {
        &[Channel::Email]
    };
    let scopes: Vec<Scope> = std::iter::once(PARTY_SCOPE)
        .chain(member_of.into_iter().map(group_scope))
        .collect();
    let unchosen = scope_labels(db, scopes.iter().copied()).await?;
    for (scope, scope_label) in unchosen {
        for channel in channels {
            if lines
                .iter()
                .any(|l| l.scope == scope && l.channel == *channel)
            {
                continue;
            }
            lines.push(ConsentLine {
                scope,
                scope_label: scope_label.clone(),
                channel: *channel,
                granted: false,
                since: "Not chosen yet".to_string(),
            });
        }
    }
    // The party first, then groups by name.
    lines.sort_by_key(|l| {
        (
            l.scope != PARTY_SCOPE,
            l.scope_label.clone(),
            l.channel.as_str(),
        )
    });
    let history = history
        .iter()
        .map(|h| {
            format!(
                "{} · {} · {} · {} ({})",
                format_when(h.created_at),
                h.channel.label(),
                label(&h.scope),
                match (h.granted, h.source.ends_with(super::REQUESTED_UNCONFIRMED)) {
                    (true, true) => "asked for, waiting for the address to confirm",
                    (true, false) => "agreed",
                    (false, _) => "withdrawn",
                },
                h.wording
            )
        })
        .collect();
    Ok(PreferencesView {
        email: person.email.clone(),
        lines,
        history,
    })
}

/// Gives or withdraws one consent, once the person's address is confirmed. Returns
/// "granted" or "withdrawn".
pub async fn set_preference<C>(
    db: &C,
    person: &PersonView,
    scope: &str,
    channel: Channel,
    granted: bool,
) -> AppResult<&'static str>
where
    C: ConnectionTrait + TransactionTrait,
{
    require_confirmed_email(person)?;
    let bad_scope = || AppError::invalid("scope", "Choose the party or one of your groups.");
    let scope: Scope = scope.parse().map_err(|_| bad_scope())?;
    if let Some(id) = scope.group_id() {
        group_ref(db, id).await?.ok_or_else(bad_scope)?;
    }
    let known = consent_current::Entity::find()
        .filter(consent_current::Column::Email.eq(&person.email))
        .filter(consent_current::Column::Channel.eq(channel))
        .filter(consent_current::Column::Scope.eq(scope))
        .one(db)
        .await?;
    // Texts and calls go to the number the person confirmed on their profile, else the
    // one they gave when they agreed.
    let phone = match channel {
        Channel::Sms | Channel::Phone => person
            .mobile
            .clone()
            .or_else(|| known.as_ref().and_then(|k| k.phone.clone())),
        Channel::Email => None,
    };
    if channel != Channel::Email && granted && phone.is_none() {
        return Err(AppError::invalid(
            "channel",
            "We have no mobile number for you: add one on your profile first.",
        ));
    }
    // The ledger row and the choice in force are written together or not at all.
    let txn = begin_write(db).await?;
    record_consent(
        &txn,
        ConsentChoice {
            email: &person.email,
            person_id: Some(person.id),
            channel,
            scope,
            granted,
            wording: PREFERENCES_WORDING,
            source: "preferences",
            phone: phone.as_deref(),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(if granted { "granted" } else { "withdrawn" })
}
