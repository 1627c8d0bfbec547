//! The line under a message box that lists the merge fields.

use crate::outreach::compose::merge::MergeField;
use leptos::prelude::*;

/// "Merge fields: {{first_name}}, {{group_name}}, …", with `id` so a text box can point
/// to it with `aria-describedby`.
#[component]
pub fn MergeFieldsHelp(id: &'static str) -> impl IntoView {
    let count = MergeField::ALL.len();
    view! {
        <p class="field-hint merge-help" id=id>
            "Merge fields put each person's own details in: "
            {MergeField::ALL
                .into_iter()
                .enumerate()
                .map(|(i, field)| {
                    let braced = format!("{{{{{}}}}}", field.name());
                    let after = if i + 1 < count { ", " } else { "." };
                    view! { <code>{braced}</code> {after} }
                })
                .collect_view()}
        </p>
    }
    .into_any()
}
