//! Pages made of more than one domain's parts, put together above the domains so that no
//! domain reaches up into another (ARCHITECTURE.md, "Layers").

use crate::{
    events::components::{brought_count::BroughtCount, group_events::GroupEvents},
    groups::pages::GroupPage,
    people::pages::ProfilePage,
    privacy::pages::YourDataSection,
    qa::pages::GroupSessions,
    sites::pages::GroupSiteLinks,
};
use leptos::prelude::*;

/// A group's page, with its events from events and its Q&As from qa.
#[component]
pub fn GroupWithEventsPage() -> impl IntoView {
    view! {
        <GroupPage events_of_group=|group_id| view! { <GroupSiteLinks group_id /> <GroupEvents group_id /> <GroupSessions group_id /> }.into_any() />
    }
}

/// The profile, with the share links' count from events, and the download and erasure
/// of the account's data from privacy.
#[component]
pub fn FullProfilePage() -> impl IntoView {
    view! {
        <ProfilePage
            referrals=|| view! { <BroughtCount /> }.into_any()
            erasure=|| view! { <YourDataSection /> }.into_any()
        />
    }
}
