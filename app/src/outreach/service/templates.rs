//! National templates: staff write them, groups copy them into drafts.

use crate::{
    error::{AppError, AppResult},
    outreach::{
        compose::merge::fields_used,
        entity::message_template,
        model::{Channel, TemplateView},
    },
};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

/// Saves a new template after checking its fields.
pub async fn save_template(
    db: &impl ConnectionTrait,
    staff_id: i32,
    name: &str,
    channel: Channel,
    subject: &str,
    body: &str,
) -> AppResult<i32> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 120 {
        return Err(AppError::invalid(
            "name",
            "Give the template a name (up to 120 characters).",
        ));
    }
    if channel == Channel::Email && subject.trim().is_empty() {
        return Err(AppError::invalid("subject", "Give the email a subject."));
    }
    if body.trim().is_empty() {
        return Err(AppError::invalid("body", "Write the template."));
    }
    fields_used(subject).map_err(|e| AppError::invalid("subject", e.message()))?;
    fields_used(body).map_err(|e| AppError::invalid("body", e.message()))?;
    let saved = message_template::ActiveModel {
        name: Set(name.to_string()),
        channel: Set(channel),
        subject: Set(subject.trim().to_string()),
        body: Set(body.replace("\r\n", "\n").trim().to_string()),
        created_by: Set(staff_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(saved.id)
}

/// One template.
pub async fn find_template(
    db: &impl ConnectionTrait,
    id: i32,
) -> AppResult<message_template::Model> {
    message_template::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::invalid("template_id", "That template no longer exists."))
}

/// Every template, by name.
pub async fn list_templates(db: &impl ConnectionTrait) -> AppResult<Vec<TemplateView>> {
    let rows = message_template::Entity::find()
        .filter(message_template::Column::Channel.is_in([Channel::Email, Channel::Sms]))
        .order_by_asc(message_template::Column::Name)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|t| TemplateView {
            id: t.id,
            channel: t.channel,
            name: t.name,
            subject: t.subject,
            body: t.body,
        })
        .collect())
}
