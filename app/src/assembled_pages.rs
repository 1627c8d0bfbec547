//! Pages made of more than one domain's parts, put together above the domains so that no
//! domain reaches up into another (ARCHITECTURE.md, "Layers").

use crate::{
    account_erasure::DeleteAccountSection,
    events::components::{brought_count::BroughtCount, group_events::GroupEvents},
    groups::pages::GroupPage,
    people::pages::ProfilePage,
};
use leptos::prelude::*;

/// A group's page, with its events from events.
#[component]
pub fn GroupWithEventsPage() -> impl IntoView {
    view! { <GroupPage events_of_group=|group_id| view! { <GroupEvents group_id /> }.into_any() /> }
}

/// The profile, with the share links' count from events and the account's erasure.
#[component]
pub fn FullProfilePage() -> impl IntoView {
    view! {
        <ProfilePage
            referrals=|| view! { <BroughtCount /> }.into_any()
            erasure=|| view! { <DeleteAccountSection /> }.into_any()
        />
    }
}
