use crate::ui::page_title::PageTitle;
use crate::{
    error::AppError,
    events::{
        api::{get_approval_queue, DecideEvent, SetApprovalRule},
        model::{ApprovalQueueView, PendingEventView},
    },
    ui::form::FormError,
};
use leptos::{form::ActionForm, prelude::*};

/// Staff: the rule that events from people who are not verified members wait for
/// approval, and the events waiting.
#[component]
pub fn ApprovalsPage() -> impl IntoView {
    let decide = ServerAction::<DecideEvent>::new();
    let rule = ServerAction::<SetApprovalRule>::new();
    let error = Signal::derive(move || {
        decide
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| rule.value().get().and_then(Result::err))
    });
    let queue = Resource::new(
        move || decide.version().get() + rule.version().get(),
        |_| get_approval_queue(),
    );
    view! {
        <PageTitle text="Events to approve · MembersNet" />
        <section class="container">
            <h1>"Events to approve"</h1>
            <FormError error=error />
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match queue.await {
                        Ok(view) => view! { <Queue view decide rule /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! {
                            <p class="notice notice-error">"Please " <a href="/sign-in">"sign in"</a> " as staff."</p>
                        }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Queue(
    view: ApprovalQueueView,
    decide: ServerAction<DecideEvent>,
    rule: ServerAction<SetApprovalRule>,
) -> impl IntoView {
    let (state, button, value) = if view.approval_required {
        (
            "on: events from people who are not verified members wait here",
            "Stop asking for approval",
            None,
        )
    } else {
        (
            "off: every event is listed at once",
            "Ask for approval",
            Some("yes"),
        )
    };
    view! {
        <div class="card">
            <p>"Approval is " <strong>{state}</strong> "."</p>
            <ActionForm action=rule>
                {value.map(|v| view! { <input type="hidden" name="required" value=v /> })}
                <button type="submit" class="button button-ghost">{button}</button>
            </ActionForm>
        </div>
        {if view.events.is_empty() {
            view! { <p class="empty">"No events are waiting."</p> }.into_any()
        } else {
            view! {
                <ul class="approval-queue">
                    {view.events.into_iter().map(|e| view! { <Pending event=e decide /> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
fn Pending(event: PendingEventView, decide: ServerAction<DecideEvent>) -> impl IntoView {
    view! {
        <li class="card">
            <h2><a href=event.path.clone()>{event.title.clone()}</a></h2>
            <p class="muted">{format!("{} · {} · hosted by {}", event.when, event.place, event.host_name)}</p>
            <div class="actions">
                {["approve", "refuse"].into_iter().map(|decision| {
                    let title = event.title.clone();
                    view! {
                    <ActionForm action=decide attr:class="inline-form">
                        <input type="hidden" name="event_id" value=event.id />
                        <input type="hidden" name="decision" value=decision />
                        <button
                            type="submit"
                            class="button button-small"
                            class:button-ghost=decision == "refuse"
                            aria-label=format!("{} {title}", if decision == "approve" { "Approve" } else { "Refuse" })
                        >
                            {if decision == "approve" { "Approve" } else { "Refuse" }}
                        </button>
                    </ActionForm>
                }}).collect_view()}
            </div>
        </li>
    }
}
