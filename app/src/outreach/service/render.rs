//! One message as one recipient gets it: merge fields filled, Markdown made into the
//! plain and HTML parts of an email, the unsubscribe link added.

use crate::{
    events::{model::event_path, service::lookups::event_ref},
    outreach::{
        compose::{
            email_body::render_email,
            merge::{merge, MergeValues},
        },
        entity::message,
        model::Channel,
    },
};
use sea_orm::ConnectionTrait;

/// What stays the same for every recipient of a message.
#[derive(Debug, Clone)]
pub struct MessageContext {
    pub sender_name: String,
    pub site_url: String,
    /// The event's address and title, when the message is about one.
    pub event: Option<(String, String)>,
}

impl MessageContext {
    /// Looks up what `message` needs: its sender's name and its event, if any.
    pub async fn load(
        db: &impl ConnectionTrait,
        message: &message::Model,
        sender_name: &str,
        site_url: &str,
    ) -> Result<Self, sea_orm::DbErr> {
        let event = match message.event_id {
            Some(id) => event_ref(db, id)
                .await?
                .map(|e| (format!("{site_url}{}", event_path(e.id, &e.slug)), e.title)),
            None => None,
        };
        Ok(Self {
            sender_name: sender_name.to_string(),
            site_url: site_url.to_string(),
            event,
        })
    }
}

/// One recipient's copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    /// Emails only.
    pub html: Option<String>,
}

/// The first word of a name, or "friend" when there is none.
pub fn first_name_of(name: &str) -> String {
    name.split_whitespace()
        .next()
        .unwrap_or("friend")
        .to_string()
}

/// Renders `message` for a recipient called `name`, whose unsubscribe link is
/// `unsubscribe_url`.
pub fn render_for(
    message: &message::Model,
    context: &MessageContext,
    name: &str,
    unsubscribe_url: &str,
) -> Rendered {
    let values = MergeValues {
        first_name: first_name_of(name),
        group_name: context.sender_name.clone(),
        event_link: context.event.as_ref().map(|(link, _)| link.clone()),
        event_title: context.event.as_ref().map(|(_, title)| title.clone()),
        unsubscribe_link: unsubscribe_url.to_string(),
    };
    let body = merge(&message.body, &values);
    match message.channel {
        Channel::Sms | Channel::Phone => Rendered {
            subject: String::new(),
            text: body,
            html: None,
        },
        Channel::Email => {
            let subject = merge(&message.subject, &values);
            let parts = render_email(&subject, &body, &context.sender_name, unsubscribe_url);
            Rendered {
                subject,
                text: parts.text,
                html: Some(parts.html),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_names_fall_back_to_friend() {
        assert_eq!(first_name_of("Sam Organiser"), "Sam");
        assert_eq!(first_name_of("  "), "friend");
    }
}
