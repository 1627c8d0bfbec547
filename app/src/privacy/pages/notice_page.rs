use crate::{privacy::api::privacy_notice, ui::page_title::PageTitle};
use leptos::prelude::*;

/// The privacy notice: written from the same registry that downloads and erasure use, so
/// it says what the code does.
#[component]
pub fn PrivacyNoticePage() -> impl IntoView {
    let entries = Resource::new(|| (), |_| privacy_notice());
    view! {
        <PageTitle text="Privacy notice · MembersNet" />
        <section class="container prose">
            <h1>"Privacy notice"</h1>
            <p class="lede">"What MembersNet holds about you, why, on what basis, for how long, and what happens to it when you ask us to erase it."</p>
            <p>"Taking part in a party's campaigns can reveal your political opinions, which the law treats as special category data. We collect the least we can, show your attendance only to the people you choose, record every time staff, hosts or organisers look at your details, and let you download or erase everything about you."</p>
            <ul>
                <li><a href="/profile#your-data">"Download or erase your account's data"</a>" (members)"</li>
                <li><a href="/privacy/guest">"Download or erase what we hold under your email address"</a>" (if you signed up to an event without an account)"</li>
            </ul>
            <h2>"What we hold"</h2>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match entries.await {
                        Ok(list) => view! {
                            <div class="notice-entries">
                                {list.into_iter().map(|e| view! {
                                    <section class="card" aria-labelledby=format!("held-{}", e.table)>
                                        <h3 id=format!("held-{}", e.table)>{e.what}</h3>
                                        <dl class="facts">
                                            <dt>"Why"</dt><dd>{e.why}</dd>
                                            <dt>"Lawful basis"</dt><dd>{e.basis}</dd>
                                            <dt>"How long"</dt><dd>{e.kept}</dd>
                                            <dt>"When you ask us to erase it"</dt><dd>{e.on_erasure}</dd>
                                        </dl>
                                    </section>
                                }).collect_view()}
                            </div>
                        }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
