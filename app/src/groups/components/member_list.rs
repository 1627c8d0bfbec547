//! The organisers' list of a group's members: searched by name and shown a page at a
//! time, so a big group is not a page as long as a street. A plain GET form and links,
//! so it works without JavaScript.

use super::member_tools::{MemberActions, MemberRow};
use crate::{groups::model::MemberView, groups::policy::Access, ui::escape::query_value};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

/// Members shown at a time.
const PER_PAGE: usize = 20;

/// Which of `members` match `words` (any case, part of a name), and the page of them.
pub fn page_of(members: &[MemberView], words: &str, page: usize) -> (Vec<MemberView>, usize) {
    let words = words.trim().to_lowercase();
    let matching: Vec<&MemberView> = members
        .iter()
        .filter(|m| words.is_empty() || m.name.to_lowercase().contains(&words))
        .collect();
    let total = matching.len();
    let shown = matching
        .into_iter()
        .skip(page.saturating_sub(1) * PER_PAGE)
        .take(PER_PAGE)
        .cloned()
        .collect();
    (shown, total)
}

#[component]
pub fn MemberList(
    group_id: i32,
    access: Access,
    viewer_id: Option<i32>,
    members: Vec<MemberView>,
    actions: MemberActions,
) -> impl IntoView {
    let query = use_query_map();
    let path = use_location().pathname.get_untracked();
    let words = query.read_untracked().get("members_q").unwrap_or_default();
    let page = query
        .read_untracked()
        .get("members_page")
        .and_then(|p| p.parse::<usize>().ok())
        .unwrap_or(1)
        .max(1);
    let (shown, total) = page_of(&members, &words, page);
    let last_page = total.div_ceil(PER_PAGE).max(1);
    let link = {
        let (path, words) = (path.clone(), words.clone());
        move |to: usize| {
            format!(
                "{path}?members_q={}&members_page={to}#members",
                query_value(words.trim())
            )
        }
    };
    let first = (page - 1) * PER_PAGE + 1;
    let summary = match total {
        0 if words.trim().is_empty() => "No members yet.".to_string(),
        0 => format!("Nobody called “{}”.", words.trim()),
        n => format!(
            "{}–{} of {n} {}",
            first.min(n),
            (first + PER_PAGE - 1).min(n),
            if n == 1 { "member" } else { "members" }
        ),
    };
    view! {
        <h3 id="members">"Members"</h3>
        <form method="get" action=format!("{path}#members") class="member-search" role="search" aria-label="Find a member">
            <div class="field">
                <label for="members-q">"Find a member by name"</label>
                <input id="members-q" type="search" name="members_q" value=words.clone() />
            </div>
            <button type="submit" class="button button-small">"Find"</button>
        </form>
        <p class="muted">{summary}</p>
        <ul class="plain-list member-list">
            {shown.into_iter().map(|m| view! { <MemberRow group_id access viewer_id member=m actions /> }).collect_view()}
        </ul>
        <nav class="pager" aria-label="Pages of members">
            {(page > 1).then(|| view! { <a class="button button-small button-ghost" href=link(page - 1)>"Previous"</a> })}
            {(page < last_page).then(|| view! { <a class="button button-small button-ghost" href=link(page + 1)>"Next"</a> })}
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::groups::model::GroupRole;

    fn member(id: i32, name: &str) -> MemberView {
        MemberView {
            person_id: id,
            name: name.into(),
            role: GroupRole::Member,
            banned: false,
        }
    }

    #[test]
    fn members_are_found_by_part_of_a_name_and_paged() {
        let members: Vec<MemberView> = (1..=45)
            .map(|i| member(i, &format!("Person {i}")))
            .collect();
        let (first, total) = page_of(&members, "", 1);
        assert_eq!((first.len(), total), (20, 45));
        let (third, _) = page_of(&members, "", 3);
        assert_eq!(
            third.iter().map(|m| m.person_id).collect::<Vec<_>>(),
            (41..=45).collect::<Vec<_>>()
        );
        let (found, total) = page_of(&members, " person 4", 1);
        assert_eq!(total, 7, "Person 4 and 40–45");
        assert_eq!(found[0].name, "Person 4");
        assert_eq!(page_of(&members, "nobody", 1).1, 0);
    }
}
