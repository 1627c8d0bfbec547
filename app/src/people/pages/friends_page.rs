use crate::ui::page_title::PageTitle;
use crate::{
    error::AppError,
    people::{
        api::friends::{
            find_people, get_friends, AnswerFriendRequest, BlockPerson, InviteFriend, RemoveFriend,
            RequestFriend, SetSharing, UnblockPerson,
        },
        model::{FriendsView, PersonLink, PersonMatch, Relation, Sharing},
    },
    ui::form::{FilterInput, FormError, SubmitButton, TextField},
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::use_query_map;

/// The page's forms, made once so it reloads after any of them.
#[derive(Clone, Copy)]
struct FriendActions {
    request: ServerAction<RequestFriend>,
    answer: ServerAction<AnswerFriendRequest>,
    remove: ServerAction<RemoveFriend>,
    block: ServerAction<BlockPerson>,
    unblock: ServerAction<UnblockPerson>,
    sharing: ServerAction<SetSharing>,
    invite: ServerAction<InviteFriend>,
}

impl FriendActions {
    fn version(&self) -> usize {
        self.request.version().get()
            + self.answer.version().get()
            + self.remove.version().get()
            + self.block.version().get()
            + self.unblock.version().get()
            + self.sharing.version().get()
            + self.invite.version().get()
    }

    fn error(&self) -> Option<AppError> {
        [
            self.request.value().get(),
            self.answer.value().get(),
            self.remove.value().get(),
            self.block.value().get(),
            self.unblock.value().get(),
        ]
        .into_iter()
        .flatten()
        .find_map(Result::err)
    }
}

fn done_text(done: &str) -> Option<&'static str> {
    Some(match done {
        "requested" => "Friend request sent.",
        "accepted" => "You are now friends.",
        "declined" => "Request declined.",
        "removed" => "Removed.",
        "blocked" => "Blocked. They cannot ask again or see anything of yours.",
        "unblocked" => "Unblocked.",
        "sharing-saved" => "Your choice is saved.",
        "invited" => "Invitation sent.",
        _ => return None,
    })
}

/// Friends: find people, requests in and out, friends, blocks, invitations, and who may
/// see the events you go to.
#[component]
pub fn FriendsPage() -> impl IntoView {
    let query = use_query_map();
    let actions = FriendActions {
        request: ServerAction::new(),
        answer: ServerAction::new(),
        remove: ServerAction::new(),
        block: ServerAction::new(),
        unblock: ServerAction::new(),
        sharing: ServerAction::new(),
        invite: ServerAction::new(),
    };
    let friends = Resource::new(move || actions.version(), |_| get_friends());
    let search = Resource::new(
        move || (query.read().get("q"), actions.version()),
        |(q, _)| async move {
            match q.filter(|q| !q.trim().is_empty()) {
                Some(q) => find_people(q).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let error = Signal::derive(move || actions.error());
    let done = move || query.read().get("done").and_then(|d| done_text(&d));
    view! {
        <PageTitle text="Friends · MembersNet" />
        <section class="container">
            <h1>"Friends"</h1>
            <div class="notices">
                {move || done().map(|text| view! { <p class="notice notice-success" role="status">{text}</p> })}
                <FormError error=error />
            </div>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match friends.await {
                        Ok(view) => view! {
                            <Sharing view=view.clone() action=actions.sharing />
                            <FindPeople search actions />
                            <Lists view actions />
                            <Invite action=actions.invite />
                        }.into_any(),
                        Err(AppError::Unauthenticated) => view! {
                            <p class="empty"><a href="/sign-in">"Sign in"</a>" to find friends and see which events they are going to."</p>
                        }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// Who sees the events you sign up to: asked with no answer chosen.
#[component]
fn Sharing(view: FriendsView, action: ServerAction<SetSharing>) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let asking = view.must_choose_sharing();
    let current = view.sharing;
    view! {
        <section class="card sharing" class:notice-attention=asking aria-labelledby="sharing-heading">
            <h2 id="sharing-heading">"Who can see the events you go to?"</h2>
            <p class="muted">"Going to a party event says something about your politics, so you choose. Until you do, nobody sees."</p>
            <FormError error=error />
            <ActionForm action=action>
                <fieldset>
                    <legend class="visually-hidden">"Who can see the events you go to?"</legend>
                    <div class="field field-checkbox">
                        <input type="radio" id="sharing-friends" name="sharing" value="friends" checked={current == Some(Sharing::Friends)} />
                        <label for="sharing-friends">"My friends"</label>
                    </div>
                    <div class="field field-checkbox">
                        <input type="radio" id="sharing-nobody" name="sharing" value="nobody" checked={current == Some(Sharing::Nobody)} />
                        <label for="sharing-nobody">"Nobody"</label>
                    </div>
                </fieldset>
                <SubmitButton label="Save choice" pending=action.pending() />
            </ActionForm>
        </section>
    }
    .into_any()
}

#[component]
fn FindPeople(
    search: Resource<Result<Option<Vec<PersonMatch>>, AppError>>,
    actions: FriendActions,
) -> impl IntoView {
    let query = use_query_map();
    view! {
        <section aria-labelledby="find-heading">
            <h2 id="find-heading">"Find people you know"</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let result = search.await;
                    let q = query.read_untracked().get("q").unwrap_or_default();
                    let field_error = result.as_ref().err().and_then(|e| e.message_for("q"));
                    view! {
                        <form class="filters" method="get" action="/friends" role="search" aria-label="Find people">
                            <FilterInput label="Name or email address" name="q" kind="search" value=q error=field_error />
                            <button type="submit" class="button">"Find"</button>
                        </form>
                        {match result {
                            Ok(Some(found)) if found.is_empty() => view! { <p class="empty">"Nobody found. Names are searched among the members of your groups; anyone else, by their exact email address."</p> }.into_any(),
                            Ok(Some(found)) => view! {
                                <ul class="plain-list">
                                    {found.into_iter().map(|m| view! { <FoundRow found=m actions /> }).collect_view()}
                                </ul>
                            }.into_any(),
                            _ => ().into_any(),
                        }}
                    }
                })}
            </Suspense>
        </section>
    }
    .into_any()
}

#[component]
fn FoundRow(found: PersonMatch, actions: FriendActions) -> impl IntoView {
    let id = found.person.id;
    let label = format!("Add {} as a friend", found.person.name);
    let state = match found.relation {
        Relation::Stranger => view! {
            <ActionForm action=actions.request attr:class="inline-form">
                <input type="hidden" name="person_id" value=id />
                <button type="submit" class="button button-small" aria-label=label>"Add friend"</button>
            </ActionForm>
        }
        .into_any(),
        Relation::Friend => view! { <span class="muted">"Friends"</span> }.into_any(),
        Relation::RequestSent => view! { <span class="muted">"Request sent"</span> }.into_any(),
        Relation::RequestReceived => view! { <span class="muted">"Asked you: answer below"</span> }.into_any(),
    };
    view! { <li>{found.person.name.clone()} " " {state}</li> }.into_any()
}

/// Requests, friends, sent requests and blocks, each person with their buttons.
#[component]
fn Lists(view: FriendsView, actions: FriendActions) -> impl IntoView {
    let row = move |p: PersonLink, buttons: Vec<(&'static str, &'static str)>| {
        let name = p.name.clone();
        view! {
            <li class="person-row">
                <span class="person-name">{p.name.clone()}</span>
                <span class="row-actions">
                {buttons.into_iter().map(|(kind, label)| {
                    let aria = format!("{label} {name}");
                    let id = p.id;
                    let button = view! {
                        <input type="hidden" name="person_id" value=id />
                        <button type="submit" class="button button-small button-ghost" aria-label=aria>{label}</button>
                    }.into_any();
                    let warning = format!("{name} will not be able to ask you again or see anything of yours.");
                    let confirm_label = format!("Yes, block {name}");
                    match kind {
                        // Blocking cannot be undone by the other person: it asks first.
                        "block" => view! {
                            <details class="confirm-block">
                                <summary class="button button-small button-ghost">"Block…"</summary>
                                <p class="small">{warning}</p>
                                <ActionForm action=actions.block attr:class="inline-form">
                                    <input type="hidden" name="person_id" value=id />
                                    <button type="submit" class="button button-small" aria-label=confirm_label>"Yes, block"</button>
                                </ActionForm>
                            </details>
                        }.into_any(),
                        "accept" | "decline" => view! {
                            <ActionForm action=actions.answer attr:class="inline-form">
                                <input type="hidden" name="answer" value=kind />
                                {button}
                            </ActionForm>
                        }.into_any(),
                        "remove" => view! { <ActionForm action=actions.remove attr:class="inline-form">{button}</ActionForm> }.into_any(),
                        _ => view! { <ActionForm action=actions.unblock attr:class="inline-form">{button}</ActionForm> }.into_any(),
                    }
                }).collect_view()}
                </span>
            </li>
        }
    };
    let section = move |title: &'static str,
                        empty: &'static str,
                        people: Vec<PersonLink>,
                        buttons: Vec<(&'static str, &'static str)>| {
        view! {
            <section>
                <h2>{title}</h2>
                {if people.is_empty() {
                    view! { <p class="empty">{empty}</p> }.into_any()
                } else {
                    view! { <ul class="plain-list">{people.into_iter().map(|p| row(p, buttons.clone())).collect_view()}</ul> }.into_any()
                }}
            </section>
        }
    };
    view! {
        {section("Friend requests", "No requests waiting.", view.incoming, vec![("accept", "Accept"), ("decline", "Decline")])}
        {section("Your friends", "No friends yet. Find people you know above, or invite them by email below.", view.friends, vec![("remove", "Remove"), ("block", "Block")])}
        {section("Requests you sent", "None waiting.", view.outgoing, vec![("remove", "Withdraw")])}
        {(!view.blocked.is_empty()).then(|| section("Blocked", "", view.blocked, vec![("unblock", "Unblock")]))}
    }
    .into_any()
}

#[component]
fn Invite(action: ServerAction<InviteFriend>) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <section class="card" aria-labelledby="invite-heading">
            <h2 id="invite-heading">"Invite someone by email"</h2>
            <p class="muted">"They get a link to join MembersNet; you become friends when they accept."</p>
            <ActionForm action=action>
                <TextField label="Their email address" name="invite_email" kind="email" error=error />
                <SubmitButton label="Send invitation" pending=action.pending() />
            </ActionForm>
        </section>
    }
    .into_any()
}
