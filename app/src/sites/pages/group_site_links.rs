use crate::sites::api::site_links;
use leptos::prelude::*;

/// On a group's page: a link to its published site, and to the Web Creator for those who
/// may edit it. Nothing while neither applies.
#[component]
pub fn GroupSiteLinks(group_id: i32) -> impl IntoView {
    let links = Resource::new(move || group_id, site_links);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let Ok(links) = links.await else { return ().into_any() };
                if links.site_path.is_none() && links.editor_path.is_none() {
                    return ().into_any();
                }
                view! {
                    <p class="group-site-links">
                        {links.site_path.map(|p| view! { <a href=p rel="external">"Visit the group's web site"</a> " " })}
                        {links.editor_path.map(|p| view! { <a href=p class="button button-ghost">"Build the web site and widgets"</a> })}
                    </p>
                }
                .into_any()
            })}
        </Suspense>
    }
}
