use crate::ui::page_title::PageTitle;
use crate::{
    error::AppError,
    groups::{
        api::{
            forum::StartThread,
            get_group,
            members::{JoinGroup, LeaveGroup, SetGroupNotify},
            SetGroupVerified,
        },
        components::{
            done_notice::DoneNotice,
            group_card::VerifiedBadge,
            member_tools::{MemberActions, MemberTools},
        },
        model::{GroupView, Notify, ThreadSummary},
        policy::{GroupAction, Standing},
    },
    ui::{
        form::{FormError, SubmitButton, TextArea, TextField},
        not_found_page::NotFoundPage,
    },
};
use leptos::{form::ActionForm, prelude::*};
use leptos_meta::Meta;
use leptos_router::hooks::use_params_map;

/// The page's own forms, made once so it reloads after any of them.
#[derive(Clone, Copy)]
struct PageActions {
    join: ServerAction<JoinGroup>,
    leave: ServerAction<LeaveGroup>,
    notify: ServerAction<SetGroupNotify>,
    verify: ServerAction<SetGroupVerified>,
    start: ServerAction<StartThread>,
    members: MemberActions,
}

impl PageActions {
    fn version(&self) -> usize {
        self.join.version().get()
            + self.leave.version().get()
            + self.notify.version().get()
            + self.verify.version().get()
            + self.start.version().get()
            + self.members.version()
    }
}

/// A group: what it is, joining and leaving, its events (drawn by `events_of_group`, as
/// events owns them), its forum for members, and the organisers' tools.
#[component]
pub fn GroupPage(events_of_group: fn(i32) -> AnyView) -> impl IntoView {
    let params = use_params_map();
    let actions = PageActions {
        join: ServerAction::new(),
        leave: ServerAction::new(),
        notify: ServerAction::new(),
        verify: ServerAction::new(),
        start: ServerAction::new(),
        members: MemberActions::new(),
    };
    let group = Resource::new(
        move || {
            (
                params.read().get("slug").unwrap_or_default(),
                actions.version(),
            )
        },
        |(slug, _)| get_group(slug),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match group.await {
                    Ok(view) => view! { <GroupBody view actions events_of_group /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn GroupBody(
    view: GroupView,
    actions: PageActions,
    events_of_group: fn(i32) -> AnyView,
) -> impl IntoView {
    let card = view.card.clone();
    let id = card.id;
    let summary: String = view.description.chars().take(160).collect();
    let members = match card.member_count {
        1 => "1 member".to_string(),
        n => format!("{n} members"),
    };
    let error = Signal::derive(move || {
        [
            actions.join.value().get(),
            actions.leave.value().get(),
            actions.notify.value().get(),
            actions.verify.value().get(),
        ]
        .into_iter()
        .flatten()
        .find_map(Result::err)
    });
    let host_events = view.may(GroupAction::HostGroupEvent);
    // Only official groups send email and texts.
    let outreach = card.verified && view.may(GroupAction::SendMessages);
    let outreach_path = format!("/messages?group={id}");
    view! {
        <PageTitle text=format!("{} · MembersNet", card.name) />
        <Meta name="description" content=summary />
        <article class="container group-page">
            <p class="event-kind">{card.topic.clone()}</p>
            <h1>{card.name.clone()}</h1>
            {card.verified.then(|| view! { <VerifiedBadge /> })}
            <p class="muted">{format!("{} · {members}", card.area)}</p>
            <div class="notices">
                <DoneNotice />
                <FormError error=error />
            </div>
            <Membership view=view.clone() actions />
            {outreach.then(|| view! { <p><a class="button button-ghost" href=outreach_path>"Email and texts"</a></p> })}
            <div class="event-description">{view.description.clone()}</div>
            <section aria-labelledby="events-heading">
                <h2 id="events-heading">"Events"</h2>
                {host_events.then(|| view! { <p><a class="button button-ghost" href=format!("/events/new?group={id}")>"Create an event for this group"</a></p> })}
                {events_of_group(id)}
            </section>
            <Forum view=view.clone() start=actions.start />
            {view.notify.map(|current| view! { <NotifyForm id current action=actions.notify /> })}
            {view.access.staff.then(|| view! {
                <ActionForm action=actions.verify>
                    <input type="hidden" name="group_id" value=id />
                    <input type="hidden" name="verified" value={if card.verified { "no" } else { "yes" }} />
                    <button type="submit" class="button button-ghost">
                        {if card.verified { "Remove official badge" } else { "Mark as official local party group" }}
                    </button>
                </ActionForm>
            })}
            {view.moderation.clone().map(|moderation| view! {
                <MemberTools group_id=id access=view.access viewer_id=view.viewer_id moderation actions=actions.members />
            })}
        </article>
    }
    .into_any()
}

/// Join, ask to join, withdraw or leave, by where the viewer stands.
#[component]
fn Membership(view: GroupView, actions: PageActions) -> impl IntoView {
    let id = view.card.id;
    let leave = |label: &'static str| {
        view! {
            <ActionForm action=actions.leave attr:class="inline-form">
                <input type="hidden" name="group_id" value=id />
                <button type="submit" class="button button-ghost">{label}</button>
            </ActionForm>
        }
    };
    let (text, form) = match view.access.standing {
        Standing::Anonymous => (
            "Sign in to join this group and read its forum.",
            view! { <a class="button" href="/sign-in">"Sign in"</a> }.into_any(),
        ),
        Standing::NonMember => (
            "",
            view! {
                <ActionForm action=actions.join attr:class="inline-form">
                    <input type="hidden" name="group_id" value=id />
                    <button type="submit" class="button">{if view.card.approval_needed { "Ask to join" } else { "Join this group" }}</button>
                </ActionForm>
            }.into_any(),
        ),
        Standing::Pending => ("You have asked to join. An organiser will decide.", leave("Withdraw request").into_any()),
        Standing::Banned => ("You cannot join this group.", ().into_any()),
        Standing::Member => ("You are a member.", leave("Leave this group").into_any()),
        Standing::Organiser => ("You are an organiser.", leave("Leave this group").into_any()),
        Standing::Owner | Standing::Staff => ("You are an owner.", leave("Leave this group").into_any()),
    };
    view! {
        <div class="membership actions">
            {(!text.is_empty()).then(|| view! { <p>{text}</p> })}
            {form}
        </div>
    }
    .into_any()
}

#[component]
fn Forum(view: GroupView, start: ServerAction<StartThread>) -> impl IntoView {
    let error = Signal::derive(move || start.value().get().and_then(Result::err));
    let can_start = view.may(GroupAction::StartThread);
    let id = view.card.id;
    view! {
        <section aria-labelledby="forum-heading">
            <h2 id="forum-heading">"Forum"</h2>
            {match view.threads {
                None => view! { <p class="empty">"Only members can read the forum. Join the group to take part."</p> }.into_any(),
                Some(threads) if threads.is_empty() => view! { <p class="empty">"No threads yet. Start the first one."</p> }.into_any(),
                Some(threads) => view! {
                    <ul class="plain-list thread-list">
                        {threads.into_iter().map(|t| view! { <ThreadRow thread=t /> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            {can_start.then(|| view! {
                <details class="card" open=error.get_untracked().is_some()>
                    <summary>"Start a thread"</summary>
                    <FormError error=error />
                    <ActionForm action=start>
                        <input type="hidden" name="group_id" value=id />
                        <TextField label="Thread title" name="title" error=error required=true />
                        <TextArea label="Message" name="body" error=error hint="Markdown works: **bold**, *italic*, [links](https://example.org), lists." />
                        <SubmitButton label="Start thread" pending=start.pending() />
                    </ActionForm>
                </details>
            })}
        </section>
    }
    .into_any()
}

#[component]
fn ThreadRow(thread: ThreadSummary) -> impl IntoView {
    let replies = match thread.replies {
        0 => "no replies".to_string(),
        1 => "1 reply".to_string(),
        n => format!("{n} replies"),
    };
    view! {
        <li>
            {thread.pinned.then(|| view! { <span class="badge">"Pinned"</span> " " })}
            <a href=thread.path>{thread.title}</a>
            {thread.locked.then_some(" (locked)")}
            <span class="muted">{format!(" · {} · {replies} · latest {}", thread.author_name, thread.last_post)}</span>
        </li>
    }
    .into_any()
}

#[component]
fn NotifyForm(id: i32, current: Notify, action: ServerAction<SetGroupNotify>) -> impl IntoView {
    view! {
        <ActionForm action=action attr:class="card notify-form">
            <input type="hidden" name="group_id" value=id />
            <label for="field-notify">"Emails from this group"</label>
            <select id="field-notify" name="notify">
                {Notify::ALL.into_iter().map(|n| view! { <option value=n.as_str() selected={n == current}>{n.label()}</option> }).collect_view()}
            </select>
            <button type="submit" class="button button-ghost">"Save email choice"</button>
        </ActionForm>
    }
    .into_any()
}
