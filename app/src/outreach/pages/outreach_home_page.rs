use crate::outreach::{
    api::{get_outreach_home, NewMessage, SaveTemplate},
    components::{
        action_error::ActionError, done_notice::DoneNotice, load_error::LoadError,
        template_form::TemplateForm,
    },
    model::{Channel, MessageSummary, OutreachHome, TemplateView},
};
use crate::ui::page_title::PageTitle;
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::use_query_map;

fn done_text(done: &str) -> Option<&'static str> {
    match done {
        "template" => Some("Template saved."),
        "deleted" => Some("Draft deleted."),
        _ => None,
    }
}

/// A group's email and texts (`?group=ID`), or without it the national ones, for staff:
/// start a message, from scratch or a template, and find the ones written so far.
#[component]
pub fn OutreachHomePage() -> impl IntoView {
    let query = use_query_map();
    let new_message = ServerAction::<NewMessage>::new();
    let save_template = ServerAction::<SaveTemplate>::new();
    let group = move || {
        query
            .read()
            .get("group")
            .and_then(|id| id.parse::<i32>().ok())
    };
    let home = Resource::new(
        move || (group(), save_template.version().get()),
        |(group, _)| get_outreach_home(group),
    );
    // Starting a message opens it; all that can go wrong shows here (a field error
    // included: its fields are hidden).
    let error = Signal::derive(move || new_message.value().get().and_then(Result::err));
    view! {
        <section class="container outreach">
            <div class="notices">
                <DoneNotice text=done_text />
                <ActionError error=error />
            </div>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match home.await {
                        Ok(home) => view! { <HomeBody home new_message save_template /> }.into_any(),
                        Err(err) => view! { <LoadError error=err /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
    .into_any()
}

#[component]
fn HomeBody(
    home: OutreachHome,
    new_message: ServerAction<NewMessage>,
    save_template: ServerAction<SaveTemplate>,
) -> impl IntoView {
    let title = format!("Email and texts · {} · MembersNet", home.sender_name);
    let heading = format!("Email and texts · {}", home.sender_name);
    let back = format!("Back to {}", home.sender_name);
    let group_id = home.group_id;
    view! {
        <PageTitle text=title />
        <p><a href=home.back_path.clone()>{back}</a></p>
        <h1>{heading}</h1>
        <p class="lede">"Messages go only to people who agreed to hear from you that way."</p>
        <div class="actions new-message">
            <NewMessageForm group_id channel=Channel::Email action=new_message />
            <NewMessageForm group_id channel=Channel::Sms action=new_message />
        </div>
        <Templates templates=home.templates.clone() group_id action=new_message />
        <MessageList messages=home.messages.clone() />
        {home.staff.then(|| view! { <TemplateForm action=save_template /> })}
    }
    .into_any()
}

/// "New email" or "New text": makes a draft and opens it.
#[component]
fn NewMessageForm(
    group_id: Option<i32>,
    channel: Channel,
    action: ServerAction<NewMessage>,
) -> impl IntoView {
    let label = match channel {
        Channel::Email => "New email",
        Channel::Sms | Channel::Phone => "New text",
    };
    view! {
        <ActionForm action=action attr:class="inline-form">
            {group_id.map(|id| view! { <input type="hidden" name="group_id" value=id /> })}
            <input type="hidden" name="channel" value=channel.as_str() />
            <button type="submit" class="button">{label}</button>
        </ActionForm>
    }
    .into_any()
}

#[component]
fn Templates(
    templates: Vec<TemplateView>,
    group_id: Option<i32>,
    action: ServerAction<NewMessage>,
) -> impl IntoView {
    if templates.is_empty() {
        return ().into_any();
    }
    view! {
        <section aria-labelledby="templates-heading">
            <h2 id="templates-heading">"Templates"</h2>
            <ul class="plain-list template-list">
                {templates
                    .into_iter()
                    .map(|template| view! { <TemplateRow template group_id action /> })
                    .collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

#[component]
fn TemplateRow(
    template: TemplateView,
    group_id: Option<i32>,
    action: ServerAction<NewMessage>,
) -> impl IntoView {
    let aria = format!("Use this template: {}", template.name);
    let about = match template.subject.trim() {
        "" => template.channel.label().to_string(),
        subject => format!("{} · {subject}", template.channel.label()),
    };
    view! {
        <li>
            <span class="template-name">{template.name.clone()}</span>
            <span class="muted">{about}</span>
            <ActionForm action=action attr:class="inline-form">
                {group_id.map(|id| view! { <input type="hidden" name="group_id" value=id /> })}
                <input type="hidden" name="channel" value=template.channel.as_str() />
                <input type="hidden" name="template_id" value=template.id />
                <button type="submit" class="button button-small button-ghost" aria-label=aria>"Use this template"</button>
            </ActionForm>
        </li>
    }
    .into_any()
}

#[component]
fn MessageList(messages: Vec<MessageSummary>) -> impl IntoView {
    view! {
        <section aria-labelledby="messages-heading">
            <h2 id="messages-heading">"Messages"</h2>
            {if messages.is_empty() {
                view! { <p class="empty">"No messages yet. Start with a new email or text."</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list message-list">
                        {messages.into_iter().map(|message| view! { <MessageRow message /> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
    .into_any()
}

#[component]
fn MessageRow(message: MessageSummary) -> impl IntoView {
    let href = format!("/messages/{}", message.id);
    let about = format!(
        "{} · {} · updated {}",
        message.channel.label(),
        message.status,
        message.updated
    );
    let title = if message.title.trim().is_empty() {
        "(nothing written yet)".to_string()
    } else {
        message.title
    };
    view! {
        <li>
            <a href=href>{title}</a>
            <span class="muted">{about}</span>
        </li>
    }
    .into_any()
}
