//! Drafts: starting one (blank or from a national template), checking and saving the
//! composer's fields, and previewing it as one recipient would get it.

use super::{
    audience::{self, AudienceSpec},
    render::{render_for, MessageContext},
    senders::Sender,
    templates,
};
use crate::{
    error::{AppError, AppResult},
    events::service::lookups::event_ref,
    outreach::{
        compose::{
            merge::{fields_used, MergeField},
            segments::count_sms,
        },
        entity::message,
        model::{AudienceKind, Channel, MessageStatus, PreviewView, DEFAULT_AREA_MILES},
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// The longest text we send: ten texts' worth.
pub(super) const MAX_TEXT_SEGMENTS: usize = 10;

const NEW_TEXT: &str = "Hi {{first_name}}, \n\nReply STOP to opt out.";
const NEW_EMAIL: &str = "Hello {{first_name}},\n\n\n\nThank you,\n{{group_name}}";

/// The composer's fields as posted.
#[derive(Debug, Clone, Default)]
pub struct DraftForm {
    pub subject: String,
    pub body: String,
    pub audience: String,
    pub audience_miles: String,
    pub event_id: String,
    /// London time, "2026-11-27T19:00"; empty to send when asked.
    pub send_at: String,
    pub quiet_override: bool,
}

/// Starts a draft for `sender`, copying `template_id` when given. Returns its id.
pub async fn new_draft(
    db: &impl ConnectionTrait,
    sender: &Sender,
    channel: Channel,
    template_id: Option<i32>,
) -> AppResult<i32> {
    let (subject, body) = match template_id {
        Some(id) => {
            let template = templates::find_template(db, id).await?;
            if template.channel != channel {
                return Err(AppError::invalid(
                    "template_id",
                    "That template is for the other channel.",
                ));
            }
            (template.subject, template.body)
        }
        None => (
            String::new(),
            match channel {
                Channel::Email => NEW_EMAIL,
                Channel::Sms | Channel::Phone => NEW_TEXT,
            }
            .to_string(),
        ),
    };
    let audience = if sender.group.is_some() {
        AudienceKind::Members
    } else {
        AudienceKind::National
    };
    let now = Utc::now();
    let saved = message::ActiveModel {
        group_id: Set(sender.group_id()),
        channel: Set(channel),
        subject: Set(subject),
        body: Set(body),
        audience: Set(audience),
        audience_miles: Set(Some(DEFAULT_AREA_MILES)),
        event_id: Set(None),
        status: Set(MessageStatus::Draft),
        send_at: Set(None),
        quiet_override: Set(false),
        recipient_count: Set(0),
        created_by: Set(sender.person.id),
        created_at: Set(now),
        updated_at: Set(now),
        queued_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(saved.id)
}

/// Deletes a draft nobody has been sent (test sends go to the sender alone and leave no
/// delivery). A sent or scheduled message stays: its deliveries are the record.
pub async fn delete_draft(db: &impl ConnectionTrait, found: &message::Model) -> AppResult<()> {
    if found.status != MessageStatus::Draft {
        return Err(AppError::conflict(
            "Only a draft can be deleted: this one has been sent or scheduled.",
        ));
    }
    message::Entity::delete_by_id(found.id)
        .filter(message::Column::Status.eq(MessageStatus::Draft))
        .exec(db)
        .await?;
    Ok(())
}

/// Checks the composer's fields and saves them; the first bad field is an error beside
/// it and nothing is saved.
pub async fn save_draft(
    db: &impl ConnectionTrait,
    found: &message::Model,
    sender: &Sender,
    form: &DraftForm,
) -> AppResult<()> {
    if found.status != MessageStatus::Draft {
        return Err(AppError::conflict(
            "This message has been sent: it can no longer change.",
        ));
    }
    let channel = channel_of(found);
    let kind = AudienceKind::parse(&form.audience)
        .ok_or_else(|| AppError::invalid("audience", "Choose who it goes to."))?;
    let miles = match form.audience_miles.trim() {
        "" => DEFAULT_AREA_MILES,
        raw => raw
            .parse()
            .map_err(|_| AppError::invalid("audience_miles", "Give a whole number of miles."))?,
    };
    AudienceSpec::new(sender, kind, miles, channel)?;
    let event_id = match form.event_id.trim() {
        "" => None,
        raw => Some(check_event(db, sender, raw).await?),
    };
    let candidate = message::Model {
        subject: form.subject.trim().to_string(),
        body: form.body.replace("\r\n", "\n").trim().to_string(),
        event_id,
        ..found.clone()
    };
    check_content(&candidate)?;
    let send_at = parse_send_at(&form.send_at, Utc::now())?;
    let mut row: message::ActiveModel = found.clone().into();
    row.subject = Set(candidate.subject);
    row.body = Set(candidate.body);
    row.audience = Set(kind);
    row.audience_miles = Set(Some(miles));
    row.event_id = Set(event_id);
    row.send_at = Set(send_at);
    row.quiet_override = Set(form.quiet_override && sender.staff);
    row.updated_at = Set(Utc::now());
    row.update(db).await?;
    Ok(())
}

/// The message's channel.
pub fn channel_of(found: &message::Model) -> Channel {
    found.channel
}

/// Checks what is written: a subject for emails, a body, only known merge fields, an
/// event for the event fields, and texts that say how to stop them.
pub fn check_content(found: &message::Model) -> AppResult<()> {
    let channel = channel_of(found);
    if channel == Channel::Email {
        if found.subject.trim().is_empty() {
            return Err(AppError::invalid("subject", "Give the email a subject."));
        }
        if found.subject.chars().count() > 200 {
            return Err(AppError::invalid(
                "subject",
                "Keep the subject under 200 characters.",
            ));
        }
    }
    if found.body.trim().is_empty() {
        return Err(AppError::invalid("body", "Write the message."));
    }
    let mut used = fields_used(&found.body).map_err(|e| AppError::invalid("body", e.message()))?;
    used.extend(
        fields_used(&found.subject).map_err(|e| AppError::invalid("subject", e.message()))?,
    );
    let needs_event = used
        .iter()
        .any(|f| matches!(f, MergeField::EventLink | MergeField::EventTitle));
    if needs_event && found.event_id.is_none() {
        return Err(AppError::invalid(
            "event_id",
            "Choose the event that {{event_link}} and {{event_title}} are about.",
        ));
    }
    if channel == Channel::Sms {
        if !found.body.to_uppercase().contains("STOP") {
            return Err(AppError::invalid(
                "body",
                "Say how to opt out, e.g. \"Reply STOP to opt out.\"",
            ));
        }
        if count_sms(&found.body).segments > MAX_TEXT_SEGMENTS {
            return Err(AppError::invalid(
                "body",
                "That is more than ten texts long: shorten it.",
            ));
        }
    }
    Ok(())
}

/// The event id if it is one the sender may point to: their group's (any, for staff).
async fn check_event(db: &impl ConnectionTrait, sender: &Sender, raw: &str) -> AppResult<i32> {
    let not_ours = || AppError::invalid("event_id", "Choose one of the group's events.");
    let id: i32 = raw.parse().map_err(|_| not_ours())?;
    let found = event_ref(db, id).await?.ok_or_else(not_ours)?;
    if sender.staff || (sender.group_id().is_some() && found.group_id == sender.group_id()) {
        Ok(id)
    } else {
        Err(not_ours())
    }
}

/// A London date and time from the form, which must be in the future.
pub fn parse_send_at(raw: &str, now: DateTime<Utc>) -> AppResult<Option<DateTime<Utc>>> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let bad = || AppError::invalid("send_at", "Give a date and time, e.g. 2026-11-27 19:00.");
    let at = crate::format::parse_london_input(raw).ok_or_else(bad)?;
    if at <= now {
        return Err(AppError::invalid(
            "send_at",
            "That time has passed: choose a later one.",
        ));
    }
    Ok(Some(at))
}

/// The audience a saved message is for.
pub fn spec_of(found: &message::Model, sender: &Sender) -> AppResult<AudienceSpec> {
    AudienceSpec::new(
        sender,
        found.audience,
        found.audience_miles.unwrap_or(DEFAULT_AREA_MILES),
        channel_of(found),
    )
}

/// How many people a name search in "preview as" offers.
const PREVIEW_MATCHES: u64 = 8;

/// Subject and body as typed but not yet saved, so the preview follows the composer.
#[derive(Debug, Clone, Default)]
pub struct Unsaved {
    pub subject: Option<String>,
    pub body: Option<String>,
}

/// What `recipient` (an address in the audience, or part of a name; the first one when
/// None, or the sender when the audience is empty) would get, with `unsaved` words in
/// place of the saved ones.
pub async fn preview(
    db: &impl ConnectionTrait,
    found: &message::Model,
    sender: &Sender,
    recipient: Option<&str>,
    unsaved: Unsaved,
    site_url: &str,
) -> AppResult<PreviewView> {
    let spec = spec_of(found, sender)?;
    let wanted = recipient.map(str::trim).filter(|r| !r.is_empty());
    let mut people = audience::sample(db, &spec, Utc::now(), PREVIEW_MATCHES, wanted).await?;
    log_preview(db, sender, &people).await?;
    let also_matching = match wanted {
        Some(_) => people
            .iter()
            .skip(1)
            .map(|r| (format!("{} <{}>", r.name, r.email), r.email.clone()))
            .collect(),
        None => Vec::new(),
    };
    people.truncate(1);
    let (name, address) = match (people.into_iter().next(), wanted) {
        (Some(r), _) => {
            let address = match channel_of(found) {
                Channel::Sms | Channel::Phone => r.phone.clone().unwrap_or_default(),
                Channel::Email => r.email.clone(),
            };
            (r.name, address)
        }
        (None, Some(_)) => {
            return Err(AppError::invalid(
                "as",
                "Nobody in this audience has that name or address.",
            ));
        }
        (None, None) => (sender.person.name.clone(), sender.person.email.clone()),
    };
    // Only a draft's words can still change.
    let typed = match (found.status, unsaved) {
        (MessageStatus::Draft, Unsaved { subject, body }) => message::Model {
            subject: subject.map_or_else(|| found.subject.clone(), |s| s.trim().to_string()),
            body: body.map_or_else(
                || found.body.clone(),
                |b| b.replace("\r\n", "\n").trim().to_string(),
            ),
            ..found.clone()
        },
        _ => found.clone(),
    };
    let context = MessageContext::load(db, &typed, &sender.name(), site_url).await?;
    let unsubscribe = format!("{site_url}/unsubscribe/preview");
    let rendered = render_for(&typed, &context, &name, &unsubscribe);
    Ok(PreviewView {
        recipient: format!("{name} <{address}>"),
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        also_matching,
    })
}

/// Records in the access log that the sender saw these audience members' details.
async fn log_preview(
    db: &impl ConnectionTrait,
    sender: &Sender,
    people: &[audience::Recipient],
) -> AppResult<()> {
    use crate::personal_data::access_log::{record, Viewed, Viewing};
    let role = match (&sender.group, sender.staff) {
        (_, true) | (None, _) => "staff".to_string(),
        (Some(group), false) => format!("organiser of “{}”", group.name),
    };
    let viewing = Viewing {
        viewer_id: sender.person.id,
        viewer_role: &role,
        what: crate::personal_data::viewed_things::CREATOR_PREVIEW,
    };
    let seen = people.iter().map(|r| match r.person_id {
        Some(id) => Viewed::Account(id),
        None => Viewed::Guest(r.email.clone()),
    });
    record(db, viewing, seen).await
}
