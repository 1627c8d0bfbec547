use crate::ui::page_title::PageTitle;
use crate::{
    outreach::{
        api::{get_message, DeleteMessage},
        components::{
            action_error::ActionError,
            compose_form::ComposeForm,
            compose_state::{count_in, ComposeState},
            done_notice::DoneNotice,
            load_error::LoadError,
            message_actions::MessageActions,
            preview::PreviewSection,
            send_controls::SendControls,
            send_progress::SendProgressView,
        },
        model::{Channel, MessageView},
    },
    ui::form::SubmitButton,
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::use_params_map;

fn done_text(done: &str) -> Option<&'static str> {
    Some(match done {
        "saved" => "Draft saved.",
        "test" => "A test has been sent to you.",
        "sent" => "Sending now. Progress shows below.",
        "scheduled" => "Scheduled.",
        "unscheduled" => "Back to a draft.",
        "quiet" => "It is quiet hours (9pm–9am): the texts will go at 9am.",
        _ => return None,
    })
}

/// One email or text: its composer, preview and send buttons while a draft; its progress
/// once sent or scheduled.
#[component]
pub fn MessagePage() -> impl IntoView {
    let params = use_params_map();
    let actions = MessageActions::new();
    // Bumped when a watched send finishes, to show its final status.
    let refresh = RwSignal::new(0_usize);
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i32>().ok())
            .unwrap_or_default()
    };
    let message = Resource::new(
        move || (id(), actions.version() + refresh.get()),
        |(id, _)| get_message(id),
    );
    view! {
        <section class="container outreach">
            <div class="notices">
                <DoneNotice text=done_text />
            </div>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match message.await {
                        Ok(view) => view! { <MessageBody view actions refresh /> }.into_any(),
                        Err(err) => view! { <LoadError error=err /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
    .into_any()
}

#[component]
fn MessageBody(
    view: MessageView,
    actions: MessageActions,
    refresh: RwSignal<usize>,
) -> impl IntoView {
    let title = format!(
        "{} · {} · MembersNet",
        view.channel.label(),
        view.sender_name
    );
    let heading = match view.channel {
        Channel::Email => format!("Email from {}", view.sender_name),
        Channel::Sms | Channel::Phone => format!("Text from {}", view.sender_name),
    };
    let back = format!("Back to email and texts for {}", view.sender_name);
    let status = view.status.clone();
    let home_path = view.home_path.clone();
    let draft = view.draft;
    view! {
        <PageTitle text=title />
        <p><a href=home_path>{back}</a></p>
        <h1>{heading}</h1>
        <p class="message-status">"Status: " <strong>{status}</strong></p>
        {if draft {
            view! { <Draft view actions /> }.into_any()
        } else {
            view! { <NotDraft view actions refresh /> }.into_any()
        }}
    }
    .into_any()
}

/// The composer, then the preview and the buttons that test and send what was saved.
#[component]
fn Draft(view: MessageView, actions: MessageActions) -> impl IntoView {
    let state = ComposeState::new(&view);
    let id = view.id;
    let count = count_in(&view.audiences, view.audience);
    let scheduled = !view.send_at_local.trim().is_empty();
    let delete = ServerAction::<DeleteMessage>::new();
    let delete_error = Signal::derive(move || delete.value().get().and_then(Result::err));
    view! {
        <ComposeForm view state action=actions.save />
        <PreviewSection id state />
        <SendControls id count scheduled actions />
        <ActionError error=delete_error />
        <details class="confirm-block">
            <summary class="button button-small button-ghost">"Delete this draft…"</summary>
            <p class="small">"It goes for good; nobody has been sent it."</p>
            <ActionForm action=delete attr:class="inline-form">
                <input type="hidden" name="id" value=id />
                <SubmitButton label="Yes, delete this draft" class="button button-small" pending=delete.pending() />
            </ActionForm>
        </details>
    }
    .into_any()
}

/// What went (or will go): to whom, the subject and the words, beside the progress.
#[component]
fn WhatWasSent(view: MessageView) -> impl IntoView {
    let audience = view
        .audiences
        .iter()
        .find(|a| a.kind == view.audience)
        .map(|a| a.label.clone())
        .unwrap_or_default();
    let heading = if view.status.starts_with("Scheduled") {
        "What will be sent"
    } else {
        "What was sent"
    };
    view! {
        <section class="card sent-message" aria-labelledby="sent-heading">
            <h2 id="sent-heading">{heading}</h2>
            <dl class="event-facts">
                <dt>"To"</dt>
                <dd>{audience}</dd>
                {(view.channel == Channel::Email).then(|| view! {
                    <dt>"Subject"</dt>
                    <dd>{view.subject.clone()}</dd>
                })}
            </dl>
            <pre class="sent-body">{view.body.clone()}</pre>
        </section>
    }
}

/// A message on its way: scheduled (and so can go back to a draft), sending or sent.
#[component]
fn NotDraft(view: MessageView, actions: MessageActions, refresh: RwSignal<usize>) -> impl IntoView {
    // The status is the server's words: "Scheduled for …", "Sending: 40 of 120", "Sent to …".
    let scheduled = view.status.starts_with("Scheduled");
    let error = Signal::derive(move || actions.unschedule.value().get().and_then(Result::err));
    let id = view.id;
    view! {
        {scheduled.then(|| view! {
            <ActionError error=error />
            <ActionForm action=actions.unschedule>
                <input type="hidden" name="id" value=id />
                <SubmitButton label="Back to draft" class="button button-ghost" pending=actions.unschedule.pending() />
            </ActionForm>
        })}
        {view.progress.map(|initial| {
            let live = !initial.finished();
            view! { <SendProgressView id initial live refresh /> }
        })}
        <WhatWasSent view />
    }
    .into_any()
}
