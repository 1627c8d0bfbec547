//! The "stay in touch" form of a group's site and its join widget: the details are kept
//! for the group (one row per address; a second form never rewrites it), and each ticked
//! box asks for consent in the group's scope with its exact words, in force only once the
//! address (or number) confirms it, as event sign-ups do. An unticked box records nothing.

use crate::{
    consent::{
        model::scope_of,
        service::{confirm_consent_link, has_consent, request_consent, Channel, ConsentChoice},
    },
    db::begin_write,
    error::AppResult,
    groups::service::lookups::GroupRef,
    mail::{queue_templated, Template},
    sites::{
        entity::join,
        model::{JOIN_EMAIL_WORDING, JOIN_SMS_WORDING},
    },
    validate::{EmailAddress, MobileUk, PersonName, PostcodeUk},
};
use chrono::Utc;
use minijinja::context;
use sea_orm::{
    sea_query::OnConflict, ConnectionTrait, EntityTrait, Set, TransactionSession, TransactionTrait,
};

/// The form, checked.
#[derive(Debug, Clone)]
pub struct JoinDetails {
    pub name: PersonName,
    pub email: EmailAddress,
    pub postcode: PostcodeUk,
    pub phone: Option<MobileUk>,
    pub consent_email: bool,
    pub consent_sms: bool,
}

impl JoinDetails {
    /// Checks the form; each error names its field.
    pub fn parse(
        name: &str,
        email: &str,
        postcode: &str,
        phone: &str,
        consent_email: bool,
        consent_sms: bool,
    ) -> AppResult<Self> {
        let phone = MobileUk::parse_for_texts("phone", phone, consent_sms)?;
        Ok(Self {
            name: PersonName::parse("name", name)?,
            email: EmailAddress::parse("email", email)?,
            postcode: PostcodeUk::parse("postcode", postcode)?,
            phone,
            consent_email,
            consent_sms,
        })
    }
}

/// Keeps `details` for `group` and asks for the consents ticked, in one transaction.
pub async fn join_group_site<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    group: &GroupRef,
    details: &JoinDetails,
    public_url: &str,
) -> AppResult<()> {
    let txn = begin_write(db).await?;
    let email = details.email.as_str();
    join::Entity::insert(join::ActiveModel {
        group_id: Set(group.id),
        name: Set(details.name.as_str().to_string()),
        email: Set(email.to_string()),
        postcode: Set(Some(details.postcode.as_str().to_string())),
        phone: Set(details.phone.as_ref().map(|p| p.as_str().to_string())),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([join::Column::GroupId, join::Column::Email])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    let scope = scope_of(Some(group.id));
    let source = format!("site-join:{}", group.id);
    if details.consent_email && !has_consent(&txn, email, Channel::Email, scope).await? {
        let choice = ConsentChoice {
            email,
            person_id: None,
            channel: Channel::Email,
            scope,
            granted: true,
            wording: JOIN_EMAIL_WORDING,
            source: &source,
            phone: None,
        };
        if let Some(token) = request_consent(&txn, choice).await? {
            let values = context! {
                name => details.name.as_str(),
                sender => &group.name,
                confirm_link => confirm_consent_link(public_url, &token),
            };
            queue_templated(&txn, email, Template::JoinConfirm, values).await?;
        }
    }
    if let (true, Some(phone)) = (details.consent_sms, details.phone.as_ref()) {
        let choice = ConsentChoice {
            email,
            person_id: None,
            channel: Channel::Sms,
            scope,
            granted: true,
            wording: JOIN_SMS_WORDING,
            source: &source,
            phone: Some(phone.as_str()),
        };
        request_consent(&txn, choice).await?;
    }
    txn.commit().await?;
    Ok(())
}
