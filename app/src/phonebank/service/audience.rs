//! Who a phonebank may call: the Creators' audience (a group can never reach beyond its
//! own), each contact weighed under PECR regulation 21 — agreed to calls in the ledger,
//! or screened against the TPS within 28 days and not listed — and never anyone who
//! objected or whose number is blocked. The same weighing counts the audience live and
//! takes the snapshot a new phonebank calls from.

use crate::{
    auth::service::directory::call_details_of,
    consent::{model::Channel, service::calls::phone_standing},
    error::AppResult,
    mail::suppressions::address_hash,
    outreach::{
        model::AudienceKind,
        service::{
            audience::{candidates, AudienceSpec},
            senders::Sender,
        },
    },
    phonebank::{
        entity::{contact, do_not_call},
        model::{AudienceCount, Basis, ContactState, LeftOut},
        service::tps::{listed_among, screening_counts},
    },
    validate::PostcodeUk,
};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use std::collections::{HashMap, HashSet};

/// Someone who may be called, and on what basis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Callable {
    pub email: String,
    pub name: String,
    pub person_id: Option<i32>,
    pub phone: String,
    pub outward: String,
    pub basis: Basis,
}

/// The audience weighed: who may be called, and who is left out and why.
#[derive(Debug, Clone, Default)]
pub struct Weighed {
    pub callable: Vec<Callable>,
    pub left_out: HashMap<LeftOut, i64>,
}

impl Weighed {
    /// For the live count.
    pub fn count(&self) -> AudienceCount {
        AudienceCount {
            callable: self.callable.len() as i64,
            left_out: LeftOut::ALL
                .iter()
                .filter_map(|why| {
                    self.left_out
                        .get(why)
                        .map(|n| (why.label().to_string(), *n))
                })
                .collect(),
        }
    }
}

/// The audience `sender` asks for, ready to weigh on the phone channel.
pub fn spec_for(sender: &Sender, kind: AudienceKind, miles: i32) -> AppResult<AudienceSpec> {
    AudienceSpec::new(sender, kind, miles, Channel::Phone)
}

/// Weighs every contact of `spec` for a call now.
pub async fn weigh(
    db: &impl ConnectionTrait,
    spec: &AudienceSpec,
    now: DateTime<Utc>,
) -> AppResult<Weighed> {
    let people = candidates(db, spec, now).await?;
    let emails: Vec<String> = people.iter().map(|p| p.email.clone()).collect();
    let ids: Vec<i32> = people.iter().filter_map(|p| p.person_id).collect();
    let standing = phone_standing(db, &emails, spec.scope).await?;
    let details = call_details_of(db, &ids).await?;
    let number_of = |p: &crate::outreach::service::audience::Recipient| {
        p.person_id
            .and_then(|id| details.get(&id).and_then(|d| d.mobile.clone()))
            .or_else(|| standing.get(&p.email).and_then(|s| s.number.clone()))
    };
    let numbers: Vec<String> = people.iter().filter_map(number_of).collect();
    let blocked = blocked_among(db, &numbers).await?;
    let screened = screening_counts(db, now.date_naive()).await?;
    let listed = if screened {
        listed_among(db, &numbers).await?
    } else {
        HashSet::new()
    };
    let mut weighed = Weighed::default();
    for person in &people {
        let agreed = standing.get(&person.email);
        let verdict = match number_of(person) {
            None => Err(LeftOut::NoNumber),
            Some(phone) => match blocked.get(&phone) {
                Some(reason) if reason == "wrong_number" => Err(LeftOut::WrongNumber),
                Some(_) => Err(LeftOut::Objected),
                None if agreed.is_some_and(|s| s.objected) => Err(LeftOut::Objected),
                None if agreed.is_some_and(|s| s.agreed) => Ok((phone, Basis::Consent)),
                None if !screened => Err(LeftOut::NotScreened),
                None if listed.contains(&phone) => Err(LeftOut::TpsListed),
                None => Ok((phone, Basis::Tps)),
            },
        };
        match verdict {
            Ok((phone, basis)) => {
                let postcode = person
                    .person_id
                    .and_then(|id| details.get(&id).and_then(|d| d.postcode.clone()));
                weighed.callable.push(Callable {
                    email: person.email.clone(),
                    name: person.name.clone(),
                    person_id: person.person_id,
                    phone,
                    outward: outward_of(postcode.as_deref()),
                    basis,
                });
            }
            Err(why) => *weighed.left_out.entry(why).or_default() += 1,
        }
    }
    Ok(weighed)
}

fn outward_of(postcode: Option<&str>) -> String {
    postcode
        .and_then(|p| PostcodeUk::parse("postcode", p).ok())
        .map_or_else(String::new, |p| p.outward().to_string())
}

/// Of `numbers`, those never to be called again, with why ("wrong_number" or
/// "do_not_call"), matched by their one-way hashes.
pub async fn blocked_among(
    db: &impl ConnectionTrait,
    numbers: &[String],
) -> AppResult<HashMap<String, String>> {
    let hashes: HashMap<String, &String> = numbers
        .iter()
        .map(|n| (address_hash(Channel::Phone, n), n))
        .collect();
    let keys: Vec<String> = hashes.keys().cloned().collect();
    let mut found = HashMap::new();
    for chunk in keys.chunks(500) {
        let rows = do_not_call::Entity::find()
            .filter(do_not_call::Column::PhoneHash.is_in(chunk.iter().cloned()))
            .all(db)
            .await?;
        for row in rows {
            if let Some(number) = hashes.get(&row.phone_hash) {
                found.insert((*number).clone(), row.reason);
            }
        }
    }
    Ok(found)
}

/// Writes the snapshot a new phonebank calls from, everyone up for a call at once.
pub async fn take_snapshot(
    db: &impl ConnectionTrait,
    phonebank_id: i32,
    callable: &[Callable],
    now: DateTime<Utc>,
) -> AppResult<()> {
    for chunk in callable.chunks(500) {
        contact::Entity::insert_many(chunk.iter().map(|c| contact::ActiveModel {
            phonebank_id: Set(phonebank_id),
            person_id: Set(c.person_id),
            email: Set(c.email.clone()),
            name: Set(c.name.chars().take(200).collect()),
            phone: Set(c.phone.clone()),
            outward: Set(c.outward.clone()),
            basis: Set(c.basis),
            state: Set(ContactState::Queued),
            available_at: Set(now),
            leased_by: Set(None),
            lease_seq: Set(0),
            tries: Set(0),
            callback_for: Set(None),
            last_outcome: Set(None),
            created_at: Set(now),
            ..Default::default()
        }))
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}
