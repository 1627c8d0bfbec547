use super::{call_form::CallCard, call_queue::QueueList, offline_calls};
use crate::{
    error::AppError,
    phonebank::{
        api::{call_page, GuideRead, SaveCall, SkipCall},
        model::{CallPageView as Page, NextCall, QueueState},
    },
    ui::{
        device_queue::{is_offline, when_back_online},
        form::{FormError, SubmitButton},
        notice::QueryNotice,
        page_title::PageTitle,
    },
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::{use_params_map, use_query_map};

/// The caller's page: one person to call at a time. With JavaScript it checks in every 15
/// seconds so the lease holds while the caller is on the page; without, each action
/// renews it.
#[component]
pub fn CallPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i32>().ok())
            .unwrap_or_default()
    };
    let save = ServerAction::<SaveCall>::new();
    let skip = ServerAction::<SkipCall>::new();
    let guide = ServerAction::<GuideRead>::new();
    let (kept_offline, sent_later) = keep_calls_made_offline(save);
    let page = Resource::new(
        move || {
            (
                id(),
                save.version().get()
                    + skip.version().get()
                    + guide.version().get()
                    + sent_later.get(),
            )
        },
        |(id, _)| call_page(id),
    );
    let query = use_query_map();
    let saved = move || {
        query.read().get("saved").is_some() || save.value().get().is_some_and(|r| r.is_ok())
    };
    let error = Signal::derive(move || skip.value().get().and_then(Result::err));
    view! {
        <PageTitle text="Phonebank · MembersNet" />
        <section class="container">
            <div class="notices">
                {move || saved().then(|| view! { <p class="notice notice-success" role="status">"Saved. Here is your next call."</p> })}
                <QueryNotice key="ringing" text="Your phone will ring in a moment: answer it to be put through." />
                {move || (kept_offline.get() > 0).then(|| view! {
                    <p class="notice" role="status">{format!("No signal: {} saved on this phone, to be sent when you are back online.", count(kept_offline.get() as i64, "call"))}</p>
                })}
                <FormError error=error />
            </div>
            <Transition fallback=|| view! { <p>"Finding someone to call…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! { <CallFrame page save skip guide /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! { <p class="notice notice-error">"Please " <a href="/sign-in">"sign in"</a> " to make calls."</p> }.into_any(),
                        Err(AppError::Forbidden) => view! { <p class="notice notice-error" role="alert">"This phonebank is for its group's members, or for people the organisers sent its link to."</p> }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn CallFrame(
    page: Page,
    save: ServerAction<SaveCall>,
    skip: ServerAction<SkipCall>,
    guide: ServerAction<GuideRead>,
) -> impl IntoView {
    let phonebank_id = page.phonebank_id;
    let body = if page.first_time {
        view! { <Guide phonebank_id guide /> }.into_any()
    } else {
        match page.next {
            NextCall::Call(call) => {
                keep_lease(phonebank_id, call.contact_id, call.lease);
                view! { <CallCard call phonebank_id save skip /> }.into_any()
            }
            NextCall::Closed { opens: Some(at) } => view! { <p class="notice" role="status">{format!("Calling is closed now. It opens again {at}.")}</p> }.into_any(),
            NextCall::Closed { opens: None } => view! { <p class="notice" role="status">"This phonebank has finished calling. Thank you!"</p> }.into_any(),
            NextCall::Paused => view! { <p class="notice" role="status">"The organisers have paused this phonebank for now."</p> }.into_any(),
            NextCall::Empty(queue) => view! { <EmptyQueue queue /> }.into_any(),
        }
    };
    view! {
        <h1>{page.name}</h1>
        <p class="muted">{format!("Today: {}, {} (only you see this).", count(page.day.calls, "call"), count(page.day.conversations, "conversation"))}</p>
        {body}
    }
}

/// Calls saved with no signal wait on the phone (`offline_calls`) and go when the network
/// is back. Returns how many wait, and a count that moves each time some were sent (so
/// the page reloads).
fn keep_calls_made_offline(save: ServerAction<SaveCall>) -> (RwSignal<usize>, RwSignal<usize>) {
    let kept_offline = RwSignal::new(0usize);
    let sent_later = RwSignal::new(0usize);
    let sending = StoredValue::new(None::<SaveCall>);
    Effect::new(move |_| {
        if let Some(call) = save.input().get() {
            sending.set_value(Some(call));
        }
    });
    Effect::new(move |_| {
        if let Some(Err(_)) = save.value().get() {
            if let (true, Some(call)) = (is_offline(), sending.get_value()) {
                offline_calls::keep(call);
                kept_offline.set(offline_calls::waiting_count());
            }
        }
    });
    let flush = move || {
        leptos::task::spawn_local(async move {
            if offline_calls::send_waiting().await > 0 {
                kept_offline.try_set(offline_calls::waiting_count());
                sent_later.try_update(|n| *n += 1);
            }
        })
    };
    Effect::new(move |_| {
        if !is_offline() {
            flush();
        }
        when_back_online(flush);
    });
    (kept_offline, sent_later)
}

/// "1 call", "3 calls".
pub(super) fn count(n: i64, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

#[component]
fn Guide(phonebank_id: i32, guide: ServerAction<GuideRead>) -> impl IntoView {
    view! {
        <section class="card">
            <h2>"Before your first call"</h2>
            <ul>
                <li>"Do not withhold your number: caller ID is required on these calls."</li>
                <li>"You will see one person at a time: their first name, area and number. Call them, follow the script, and record how it went."</li>
                <li>"If someone asks not to be called again, choose “Do not call again”: nobody will call them again."</li>
                <li>"If it is a wrong number, say sorry and choose “Wrong number”."</li>
                <li>"Keep what you hear to yourself. Never write numbers down or share them."</li>
            </ul>
            <ActionForm action=guide>
                <input type="hidden" name="phonebank_id" value=phonebank_id />
                <SubmitButton label="I understand: start calling" pending=guide.pending() />
            </ActionForm>
        </section>
    }
}

#[component]
fn EmptyQueue(queue: QueueState) -> impl IntoView {
    view! {
        <section class="card" role="status">
            <h2>"Nobody to call right now"</h2>
            <QueueList queue />
            <p><a href="">"Check again"</a></p>
        </section>
    }
}

/// Checks in every 15 seconds while the call is on screen, so the lease (two minutes)
/// holds for as long as the caller is here.
fn keep_lease(phonebank_id: i32, contact_id: i32, lease: i32) {
    #[cfg(feature = "hydrate")]
    {
        use crate::phonebank::api::check_in;
        if let Ok(handle) = set_interval_with_handle(
            move || {
                leptos::task::spawn_local(async move {
                    let _ = check_in(phonebank_id, contact_id, lease).await;
                })
            },
            std::time::Duration::from_secs(15),
        ) {
            on_cleanup(move || handle.clear());
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (phonebank_id, contact_id, lease);
}
