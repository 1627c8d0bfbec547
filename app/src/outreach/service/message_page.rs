//! What the Creator pages show: a sender's messages and templates, and one message with
//! its audiences counted live and, once sent, its progress.

use super::{
    audience::{self, AudienceSpec},
    drafts::channel_of,
    senders::Sender,
    sending::progress_of,
    templates::list_templates,
};
use crate::{
    error::AppResult,
    events::{
        model::event_path,
        service::lookups::{upcoming_events_of_group, EventRef},
    },
    format::format_when,
    outreach::{
        compose::merge::MergeValues,
        entity::message,
        model::{
            AudienceKind, AudienceOption, Channel, MessageStatus, MessageSummary, MessageView,
            OutreachHome, SendProgress, DEFAULT_AREA_MILES,
        },
    },
};
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

/// The sender's page: their messages, newest first, and the national templates.
pub async fn outreach_home(db: &impl ConnectionTrait, sender: &Sender) -> AppResult<OutreachHome> {
    let mut query = message::Entity::find();
    query = match sender.group_id() {
        Some(id) => query.filter(message::Column::GroupId.eq(id)),
        None => query.filter(message::Column::GroupId.is_null()),
    };
    let rows = query
        .order_by_desc(message::Column::Id)
        .limit(50)
        .all(db)
        .await?;
    let mut messages = Vec::with_capacity(rows.len());
    for row in rows {
        let progress = if row.status == MessageStatus::Queued {
            Some(progress_of(db, row.id).await?)
        } else {
            None
        };
        let title = if row.subject.is_empty() {
            row.body.chars().take(60).collect()
        } else {
            row.subject.clone()
        };
        messages.push(MessageSummary {
            id: row.id,
            channel: channel_of(&row),
            title,
            status: status_text(&row, progress.as_ref()),
            updated: format_when(row.updated_at),
        });
    }
    let back_path = match &sender.group {
        Some(g) => crate::groups::model::group_path(&g.slug),
        None => "/staff/outbox".to_string(),
    };
    Ok(OutreachHome {
        group_id: sender.group_id(),
        sender_name: sender.name(),
        back_path,
        messages,
        templates: list_templates(db).await?,
        staff: sender.staff,
    })
}

/// "Draft", "Scheduled for …", "Sending: 40 of 120", "Sent to 118 · 2 failed".
pub fn status_text(row: &message::Model, progress: Option<&SendProgress>) -> String {
    match (row.status, progress) {
        (MessageStatus::Draft, _) => "Draft".to_string(),
        (MessageStatus::Scheduled, _) => match row.send_at {
            Some(at) => format!("Scheduled for {}", format_when(at)),
            None => "Scheduled".to_string(),
        },
        (MessageStatus::Queued, Some(p)) if !p.finished() => {
            format!("Sending: {} of {}", p.total - p.left, p.total)
        }
        (MessageStatus::Queued, Some(p)) => {
            let mut text = format!("Sent to {}", p.sent);
            if p.failed > 0 {
                text.push_str(&format!(" · {} failed", p.failed));
            }
            if p.skipped > 0 {
                text.push_str(&format!(" · {} skipped", p.skipped));
            }
            text
        }
        (MessageStatus::Queued, None) => "Sent".to_string(),
    }
}

/// One message for its page.
pub async fn message_view(
    db: &impl ConnectionTrait,
    found: &message::Model,
    sender: &Sender,
    site_url: &str,
) -> AppResult<MessageView> {
    let now = Utc::now();
    let channel = channel_of(found);
    let miles = found.audience_miles.unwrap_or(DEFAULT_AREA_MILES);
    let kinds: Vec<AudienceKind> = if sender.group.is_some() {
        AudienceKind::FOR_GROUPS.to_vec()
    } else {
        vec![AudienceKind::National]
    };
    let draft = found.status == MessageStatus::Draft;
    let mut audiences = Vec::new();
    if draft {
        for kind in kinds {
            let spec = AudienceSpec::new(sender, kind, miles, channel)?;
            let mut label = kind.label().to_string();
            if kind == AudienceKind::Area {
                label = format!("Supporters within {miles} miles of the group's area");
            }
            let longest_first_name = if channel == Channel::Sms {
                audience::longest_first_name(db, &spec, now).await?
            } else {
                0
            };
            audiences.push(AudienceOption {
                kind,
                label,
                count: audience::count(db, &spec, now).await?,
                longest_first_name,
            });
        }
    }
    let upcoming = match sender.group_id() {
        Some(id) => upcoming_events_of_group(db, id, now, 50).await?,
        None => Vec::new(),
    };
    let merge_longest = longest_values(sender, &upcoming, site_url);
    let events = upcoming
        .into_iter()
        .map(|e| (e.id, format!("{} · {}", e.title, format_when(e.starts_at))))
        .collect();
    let progress = if found.status == MessageStatus::Queued {
        Some(progress_of(db, found.id).await?)
    } else {
        None
    };
    let send_at_local = found
        .send_at
        .map(|at| {
            at.with_timezone(&chrono_tz::Europe::London)
                .format("%Y-%m-%dT%H:%M")
                .to_string()
        })
        .unwrap_or_default();
    Ok(MessageView {
        id: found.id,
        group_id: found.group_id,
        sender_name: sender.name(),
        home_path: match found.group_id {
            Some(id) => format!("/messages?group={id}"),
            None => "/messages".to_string(),
        },
        channel,
        subject: found.subject.clone(),
        body: found.body.clone(),
        audience: found.audience,
        audience_miles: miles,
        event_id: found.event_id,
        events,
        audiences,
        draft,
        status: status_text(found, progress.as_ref()),
        send_at_local,
        quiet_override: found.quiet_override,
        may_override_quiet: sender.staff,
        progress,
        merge_longest,
    })
}

/// The merge values that make a text longest (the first name aside, which depends on the
/// audience chosen): the composer counts a text's cost with these filled in.
fn longest_values(sender: &Sender, events: &[EventRef], site_url: &str) -> MergeValues {
    let site = site_url.trim_end_matches('/');
    let longest = |texts: Vec<String>| texts.into_iter().max_by_key(|t| t.chars().count());
    MergeValues {
        first_name: String::new(),
        group_name: sender.name(),
        event_link: longest(
            events
                .iter()
                .map(|e| format!("{site}{}", event_path(e.id, &e.slug)))
                .collect(),
        ),
        event_title: longest(events.iter().map(|e| e.title.clone()).collect()),
        // The shape of a real one: "<delivery id>-<24 hex>".
        unsubscribe_link: format!("{site}/unsubscribe/1234567890-{}", "0".repeat(24)),
    }
}
