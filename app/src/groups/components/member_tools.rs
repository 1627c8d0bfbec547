//! The organisers' and moderators' panel on a group page: requests, invitations, reports
//! and the member list. Plain forms, so all work without JavaScript.

use super::member_list::MemberList;
use crate::{
    error::AppError,
    groups::{
        api::members::{BanMember, DecideJoinRequest, InviteToGroup, RemoveMember, SetMemberRole},
        model::{GroupRole, MemberView, ModerationView, ReportView},
        policy::{Access, GroupAction, Standing},
    },
    ui::form::{FormError, SubmitButton, TextField},
};
use leptos::{form::ActionForm, prelude::*};

/// The panel's forms, made once by the page so it can reload after any of them.
#[derive(Clone, Copy)]
pub struct MemberActions {
    pub decide: ServerAction<DecideJoinRequest>,
    pub invite: ServerAction<InviteToGroup>,
    pub role: ServerAction<SetMemberRole>,
    pub remove: ServerAction<RemoveMember>,
    pub ban: ServerAction<BanMember>,
}

impl MemberActions {
    pub fn new() -> Self {
        Self {
            decide: ServerAction::new(),
            invite: ServerAction::new(),
            role: ServerAction::new(),
            remove: ServerAction::new(),
            ban: ServerAction::new(),
        }
    }

    /// Changes whenever any of the forms has been sent.
    pub fn version(&self) -> usize {
        self.decide.version().get()
            + self.invite.version().get()
            + self.role.version().get()
            + self.remove.version().get()
            + self.ban.version().get()
    }

    /// The latest error of any of the forms.
    pub fn error(&self) -> Option<AppError> {
        [
            self.decide.value().get(),
            self.role.value().get(),
            self.remove.value().get(),
            self.ban.value().get(),
        ]
        .into_iter()
        .flatten()
        .find_map(Result::err)
    }
}

impl Default for MemberActions {
    fn default() -> Self {
        Self::new()
    }
}

#[component]
pub fn MemberTools(
    group_id: i32,
    access: Access,
    viewer_id: Option<i32>,
    moderation: ModerationView,
    actions: MemberActions,
) -> impl IntoView {
    let manage = access.may(GroupAction::ManageMembers);
    let error = Signal::derive(move || actions.error());
    let invite_error = Signal::derive(move || actions.invite.value().get().and_then(Result::err));
    view! {
        <section class="card member-tools" aria-labelledby="organisers-heading">
            <h2 id="organisers-heading">"For organisers"</h2>
            <FormError error=error />
            <Reports reports=moderation.reports />
            {manage.then(|| view! {
                <h3>"Requests to join"</h3>
                {if moderation.requests.is_empty() {
                    view! { <p class="empty">"No one is waiting."</p> }.into_any()
                } else {
                    view! {
                        <ul class="plain-list">
                            {moderation.requests.into_iter().map(|m| view! { <RequestRow group_id member=m action=actions.decide /> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <h3>"Invite someone"</h3>
                <FormError error=invite_error />
                <ActionForm action=actions.invite>
                    <input type="hidden" name="group_id" value=group_id />
                    <TextField label="Their email address" name="invite_email" kind="email" error=invite_error />
                    <SubmitButton label="Send invitation" pending=actions.invite.pending() />
                </ActionForm>
            })}
            <MemberList group_id access viewer_id members=moderation.members actions />
        </section>
    }
    .into_any()
}

#[component]
fn Reports(reports: Vec<ReportView>) -> impl IntoView {
    view! {
        <h3>"Reported posts"</h3>
        {if reports.is_empty() {
            view! { <p class="empty">"Nothing reported."</p> }.into_any()
        } else {
            view! {
                <ul class="plain-list">
                    {reports.into_iter().map(|r| view! {
                        <li>
                            <a href=format!("{}#post-{}", r.thread_path, r.post_id)>{format!("{}'s post in \"{}\"", r.author_name, r.thread_title)}</a>
                            {r.post_hidden.then_some(" (hidden)")}
                            <p class="muted">{format!("Reported by {}: {}", r.reporter_name, r.reason)}</p>
                            <blockquote>{r.excerpt}</blockquote>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
    .into_any()
}

#[component]
fn RequestRow(
    group_id: i32,
    member: MemberView,
    action: ServerAction<DecideJoinRequest>,
) -> impl IntoView {
    let name = member.name.clone();
    view! {
        <li>
            {member.name.clone()}
            {[("approve", "Approve"), ("refuse", "Refuse")].into_iter().map(|(decision, label)| {
                let aria = format!("{label} {name}");
                view! {
                <ActionForm action=action attr:class="inline-form">
                    <input type="hidden" name="group_id" value=group_id />
                    <input type="hidden" name="person_id" value=member.person_id />
                    <input type="hidden" name="decision" value=decision />
                    <button type="submit" class="button button-small" class:button-ghost={decision == "refuse"} aria-label=aria>{label}</button>
                </ActionForm>
            }}).collect_view()}
        </li>
    }
    .into_any()
}

#[component]
pub fn MemberRow(
    group_id: i32,
    access: Access,
    viewer_id: Option<i32>,
    member: MemberView,
    actions: MemberActions,
) -> impl IntoView {
    let name = member.name.clone();
    let person_id = member.person_id;
    // Only owners (and staff) act on owners; only owners make owners.
    let actor_is_owner = access.standing == Standing::Owner || access.staff;
    // Nobody acts on themselves here: they leave with the button at the top of the page.
    let can_act = !member.banned
        && Some(person_id) != viewer_id
        && (member.role != GroupRole::Owner || actor_is_owner);
    let roles: Vec<GroupRole> = GroupRole::ALL
        .into_iter()
        .filter(|r| *r != GroupRole::Owner || access.standing == Standing::Owner)
        .collect();
    let (role_label, save_label) = (format!("Role of {name}"), format!("Save role of {name}"));
    let (remove_label, ban_label) = (format!("Remove {name}"), format!("Ban {name}"));
    let status = if member.banned {
        "Banned".to_string()
    } else {
        member.role.label().to_string()
    };
    view! {
        <li>
            <span>{member.name.clone()}</span> " · " <span class="muted">{status}</span>
            {(can_act && access.may(GroupAction::ManageMembers)).then(|| view! {
                <ActionForm action=actions.role attr:class="inline-form">
                    <input type="hidden" name="group_id" value=group_id />
                    <input type="hidden" name="person_id" value=person_id />
                    <label for=format!("role-{person_id}") class="visually-hidden">{role_label}</label>
                    <select id=format!("role-{person_id}") name="role">
                        {roles.iter().map(|r| view! { <option value=r.as_str() selected={*r == member.role}>{r.label()}</option> }).collect_view()}
                    </select>
                    <button type="submit" class="button button-ghost" aria-label=save_label>"Save role"</button>
                </ActionForm>
            })}
            {can_act.then(|| view! {
                <ActionForm action=actions.remove attr:class="inline-form">
                    <input type="hidden" name="group_id" value=group_id />
                    <input type="hidden" name="person_id" value=person_id />
                    <button type="submit" class="button button-ghost" aria-label=remove_label>"Remove"</button>
                </ActionForm>
                <ActionForm action=actions.ban attr:class="inline-form">
                    <input type="hidden" name="group_id" value=group_id />
                    <input type="hidden" name="person_id" value=person_id />
                    <button type="submit" class="button button-ghost" aria-label=ban_label>"Ban"</button>
                </ActionForm>
            })}
        </li>
    }
    .into_any()
}
