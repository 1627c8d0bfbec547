//! The host's tools under the attendee list: edit and copy, email everyone, add a walk-in,
//! co-hosts, and cancelling the event. Each is a plain form, so all work without JavaScript.

use crate::{
    events::{
        api::{AddCohost, AddWalkIn, CancelEvent, EmailAttendees, RemoveCohost},
        model::{DashboardView, EventStatus},
    },
    ui::form::{CheckboxField, FormError, SubmitButton, TextArea, TextField},
};
use leptos::{form::ActionForm, prelude::*};

/// The dashboard's forms, made once by the page so it can reload after any of them.
#[derive(Clone, Copy)]
pub struct HostActions {
    walk_in: ServerAction<AddWalkIn>,
    add_cohost: ServerAction<AddCohost>,
    remove_cohost: ServerAction<RemoveCohost>,
    email: ServerAction<EmailAttendees>,
    cancel: ServerAction<CancelEvent>,
}

impl HostActions {
    pub fn new() -> Self {
        Self {
            walk_in: ServerAction::new(),
            add_cohost: ServerAction::new(),
            remove_cohost: ServerAction::new(),
            email: ServerAction::new(),
            cancel: ServerAction::new(),
        }
    }

    /// Changes whenever any of the forms has been sent.
    pub fn version(&self) -> usize {
        self.walk_in.version().get()
            + self.add_cohost.version().get()
            + self.remove_cohost.version().get()
            + self.email.version().get()
            + self.cancel.version().get()
    }
}

/// What the `?done=` a host form returns to means, in words.
pub fn done_notice(done: &str) -> Option<String> {
    let (what, count) = done.rsplit_once('-').unwrap_or((done, ""));
    let people = |n: &str| match n {
        "1" => "1 person".to_string(),
        n => format!("{n} people"),
    };
    Some(match (what, done) {
        (_, "walk-in") => "Walk-in added and checked in.".to_string(),
        (_, "cohost-added") => {
            "We have asked them by email. Once they accept, they can use this dashboard."
                .to_string()
        }
        (_, "cohost-accepted") => "You are now a co-host of this event.".to_string(),
        (_, "cohost-removed") => "Co-host removed.".to_string(),
        ("emailed", _) => format!("Email sent to {}.", people(count)),
        ("cancelled", _) => format!("Event cancelled. {} told by email.", people(count)),
        _ => return None,
    })
}

#[component]
pub fn HostTools(view: DashboardView, actions: HostActions) -> impl IntoView {
    let id = view.event_id;
    let live = view.status != EventStatus::Cancelled;
    view! {
        <section class="host-tools" aria-labelledby="host-tools-heading">
            <h2 id="host-tools-heading">"Host tools"</h2>
            <p class="actions">
                {live.then(|| view! { <a class="button button-ghost" href=format!("/events/{id}/edit")>"Edit event"</a> })}
                <a class="button button-ghost" href=format!("/events/new?from={id}")>"Copy to a new date"</a>
            </p>
            {live.then(|| view! {
                <EmailForm id action=actions.email />
                <WalkInForm view=view.clone() action=actions.walk_in />
            })}
            <Cohosts view=view.clone() add=actions.add_cohost remove=actions.remove_cohost />
            {live.then(|| view! { <CancelForm id action=actions.cancel /> })}
        </section>
    }
}

#[component]
fn EmailForm(id: i32, action: ServerAction<EmailAttendees>) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <details class="card">
            <summary>"Email everyone going"</summary>
            <FormError error=error />
            <ActionForm action=action>
                <input type="hidden" name="id" value=id />
                <TextField label="Subject" name="subject" error=error required=true />
                <TextArea label="Message" name="body" error=error />
                <CheckboxField label="Include people on the waitlist" name="include_waitlist" />
                <SubmitButton label="Send email" pending=action.pending() />
            </ActionForm>
        </details>
    }
}

#[component]
fn WalkInForm(view: DashboardView, action: ServerAction<AddWalkIn>) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let slots = view.slots.clone();
    view! {
        <details class="card">
            <summary>"Add a walk-in"</summary>
            <FormError error=error />
            <ActionForm action=action>
                <input type="hidden" name="event_id" value=view.event_id />
                {match slots.as_slice() {
                    [only] => view! { <input type="hidden" name="slot_id" value=only.id /> }.into_any(),
                    _ => view! {
                        <div class="field">
                            <label for="walk-in-slot">"Date or shift"</label>
                            <select id="walk-in-slot" name="slot_id">
                                {slots.iter().map(|s| view! { <option value=s.id>{s.describe()}</option> }).collect_view()}
                            </select>
                        </div>
                    }.into_any(),
                }}
                <TextField label="Walk-in's name" name="name" error=error required=true />
                <TextField label="Walk-in's email" name="email" kind="email" error=error required=true />
                <SubmitButton label="Add and check in" pending=action.pending() />
            </ActionForm>
        </details>
    }
}

#[component]
fn Cohosts(
    view: DashboardView,
    add: ServerAction<AddCohost>,
    remove: ServerAction<RemoveCohost>,
) -> impl IntoView {
    let error = Signal::derive(move || {
        add.value()
            .get()
            .and_then(Result::err)
            .or_else(|| remove.value().get().and_then(Result::err))
    });
    let id = view.event_id;
    let is_main_host = view.is_main_host;
    let cohosts = view.cohosts;
    let has_cohosts = !cohosts.is_empty();
    view! {
        <details class="card" open=has_cohosts>
            <summary>"Co-hosts"</summary>
            <FormError error=error />
            {if !has_cohosts {
                view! { <p class="empty">"No co-hosts yet. Co-hosts can check people in, email them and edit the event."</p> }.into_any()
            } else {
                view! {
                    <ul class="cohosts">
                        {cohosts.into_iter().map(|c| view! {
                            <li>
                                {c.name.clone()}
                                {c.invited.then_some(" (asked; not accepted yet)")}
                                {is_main_host.then(|| view! {
                                    <ActionForm action=remove attr:class="inline-form">
                                        <input type="hidden" name="event_id" value=id />
                                        <input type="hidden" name="person_id" value=c.person_id />
                                        <button type="submit" class="button button-small button-ghost" aria-label=format!("Remove {} as co-host", c.name)>"Remove"</button>
                                    </ActionForm>
                                })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <ActionForm action=add>
                <input type="hidden" name="event_id" value=id />
                <TextField label="Co-host's email" name="cohost_email" kind="email" hint="They need a MembersNet account." error=error required=true />
                <SubmitButton label="Ask to co-host" pending=add.pending() />
            </ActionForm>
        </details>
    }
}

#[component]
fn CancelForm(id: i32, action: ServerAction<CancelEvent>) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <details class="card danger">
            <summary>"Cancel this event"</summary>
            <p>"Everyone signed up and on the waitlist gets an email. This cannot be undone."</p>
            <FormError error=error />
            <ActionForm action=action>
                <input type="hidden" name="id" value=id />
                <TextArea label="Reason (optional, included in the email)" name="reason" error=error />
                <SubmitButton label="Cancel event and email everyone" class="button button-danger" pending=action.pending() />
            </ActionForm>
        </details>
    }
}
