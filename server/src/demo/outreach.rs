//! Demo outreach: a national template, and an email from Sheffield Central Local Party
//! to its members, queued at start-up so the worker delivers it to the development
//! outbox and the Email Creator shows a sent message with its figures.

use app::{
    auth::model::Role,
    error::{AppError, AppResult},
    groups::{model::group_slug, service::lookups::group_ref_by_slug},
    outreach::{
        model::{Channel, MessageStatus},
        service::{
            drafts::{self, DraftForm},
            senders::{message_for, Sender},
            sending,
            templates::save_template,
        },
    },
};
use chrono::Utc;
use sea_orm::DatabaseConnection;

use super::{person_view, GROUP_NAME, OWNER_EMAIL};

/// Adds the template and the sent email.
pub async fn load(db: &DatabaseConnection, staff_email: &str) -> AppResult<()> {
    let staff = person_view(db, staff_email, vec![Role::Staff]).await?;
    save_template(
        db,
        staff.id,
        "Invite to a weekend action day",
        Channel::Email,
        "Join us this weekend, {{first_name}}",
        "Hello {{first_name}},\n\nThis weekend {{group_name}} is out talking to voters. \
         Come for an hour or the whole day: no experience needed, we will pair you up.\n\n\
         **Sign up here:** {{event_link}}\n\nThank you,\n{{group_name}}",
    )
    .await?;
    save_template(
        db,
        staff.id,
        "Text reminder for an action day",
        Channel::Sms,
        "",
        "Hi {{first_name}}, {{group_name}} is out this weekend: {{event_link}} Reply STOP to opt out.",
    )
    .await?;
    let owner = person_view(db, OWNER_EMAIL, vec![]).await?;
    let found = group_ref_by_slug(db, &group_slug(GROUP_NAME))
        .await?
        .ok_or(AppError::NotFound)?;
    let sender = Sender {
        person: owner.clone(),
        group: Some(found),
        staff: false,
    };
    let id = drafts::new_draft(db, &sender, Channel::Email, None).await?;
    let (draft, _) = message_for(db, id, Some(&owner)).await?;
    let form = DraftForm {
        subject: "Thank you for a brilliant month, {{first_name}}".to_string(),
        body: "Hello {{first_name}},\n\nThank you to everyone who canvassed, leafleted and ran the \
         stall on Fargate this month: **1,200 doors** knocked.\n\nSee you on Saturday,\n{{group_name}}"
            .to_string(),
        audience: "members".to_string(),
        audience_miles: String::new(),
        event_id: String::new(),
        send_at: String::new(),
        quiet_override: false,
    };
    drafts::save_draft(db, &draft, &sender, &form).await?;
    let (saved, _) = message_for(db, id, Some(&owner)).await?;
    let spec = drafts::spec_of(&saved, &sender)?;
    sending::start_send(db, &saved, &spec, MessageStatus::Draft, Utc::now()).await?;
    Ok(())
}
