//! Landing pages for the sections whose features are still being built, so the main
//! navigation never leads to a dead end. Each is replaced by its domain's own page.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
fn SectionLanding(title: &'static str, text: &'static str) -> impl IntoView {
    view! {
        <Title text=format!("{title} · MembersNet") />
        <section class="card narrow empty-state">
            <h1>{title}</h1>
            <p>{text}</p>
            <p>
                <a class="button" href="/sign-up">"Create an account to be ready"</a>
            </p>
        </section>
    }
}

#[component]
pub fn FriendsLandingPage() -> impl IntoView {
    view! { <SectionLanding title="Friends" text="You have no friends here yet. Soon you can find people you know and see which events they are going to." /> }
}
