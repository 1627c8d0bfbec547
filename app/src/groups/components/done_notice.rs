use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// What the `?done=` a group form returns to means, in words.
pub fn done_text(done: &str) -> Option<&'static str> {
    Some(match done {
        "created" => "Your group is ready. Invite people, or start the first thread.",
        "joined" => "You have joined the group.",
        "requested" => "You have asked to join. An organiser will decide soon.",
        "left" => "You have left the group.",
        "approved" => "Request approved: they are now a member.",
        "refused" => "Request refused.",
        "invited" => "Invitation sent.",
        "role-changed" => "Role changed.",
        "removed" => "Member removed.",
        "banned" => "Member banned. They cannot join again.",
        "notify-saved" => "Email choice saved.",
        "verified" => "Marked as an official local party group.",
        "unverified" => "No longer marked as official.",
        "posted" => "Posted.",
        "edited" => "Post updated.",
        "deleted" => "Post deleted.",
        "reported" => "Thank you. The group's moderators will look at it.",
        "hidden" => "Post hidden. It is kept for the record.",
        "shown" => "Post shown again.",
        "pinned" => "Thread pinned to the top.",
        "unpinned" => "Thread unpinned.",
        "locked" => "Thread locked: no new replies.",
        "unlocked" => "Thread unlocked.",
        _ => return None,
    })
}

/// The confirmation of the form just sent, from the page address.
#[component]
pub fn DoneNotice() -> impl IntoView {
    let query = use_query_map();
    move || {
        query
            .read()
            .get("done")
            .and_then(|done| done_text(&done))
            .map(|text| view! { <p class="notice notice-success" role="status">{text}</p> })
    }
}
