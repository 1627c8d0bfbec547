use crate::{
    error::AppError,
    phonebank::{
        api::list_phonebanks,
        model::{PhonebankList, PhonebankStatus},
    },
    ui::page_title::PageTitle,
};
use leptos::prelude::*;

/// The phonebanks someone may call for or run, and where to start a new one.
#[component]
pub fn PhonebanksPage() -> impl IntoView {
    let list = Resource::new(|| (), |_| list_phonebanks());
    view! {
        <PageTitle text="Phonebanks · MembersNet" />
        <section class="container">
            <h1>"Phonebanks"</h1>
            <p class="lede">"Call supporters from home, one at a time, with a script and a short survey."</p>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(list) => view! { <Lists list /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! { <p class="notice notice-error">"Please " <a href="/sign-in">"sign in"</a> " to call for a phonebank."</p> }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Lists(list: PhonebankList) -> impl IntoView {
    let starts = list.can_start_for.into_iter().map(|(id, name)| {
        view! { <li><a class="button" href=format!("/phonebanks/new?group={id}")>{format!("Start a phonebank for {name}")}</a></li> }
    }).collect_view();
    let national = list.national.then(|| {
        view! {
            <li><a class="button" href="/phonebanks/new">"Start a national phonebank"</a></li>
            <li><a href="/staff/phonebanks">"TPS screening and calling hours"</a></li>
        }
    });
    let empty = list.phonebanks.is_empty();
    view! {
        <ul class="actions">{starts}{national}</ul>
        {empty.then(|| view! { <p class="empty">"No phonebanks for you yet. When a group you belong to starts one, or an organiser sends you its link, it appears here."</p> })}
        <ul class="card-list">
            {list.phonebanks.into_iter().map(|p| {
                let status = match p.status {
                    PhonebankStatus::Open => "",
                    PhonebankStatus::Paused => " · paused",
                    PhonebankStatus::Closed => " · closed",
                };
                view! {
                    <li class="card">
                        <h2>{p.name}</h2>
                        <p class="muted">{format!("{} · {} left to call{status}", p.whose, p.contacts_left)}</p>
                        <p>{p.purpose}</p>
                        <p class="actions">
                            {(p.status == PhonebankStatus::Open).then(|| view! { <a class="button" href=format!("/phonebanks/{}/call", p.id)>"Start calling"</a> })}
                            {p.organiser.then(|| view! { <a href=format!("/phonebanks/{}", p.id)>"Dashboard"</a> })}
                        </p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
