use crate::{
    error::AppError,
    qa::{
        api::{list_politicians, AddStaffer, MarkPolitician},
        model::PoliticianRow,
    },
    ui::{
        form::{FormError, SubmitButton, TextField},
        notice::QueryNotice,
        page_title::PageTitle,
    },
};
use leptos::{form::ActionForm, prelude::*};

/// Staff: mark accounts as politicians (public name and title), and name their staffers.
#[component]
pub fn PoliticiansPage() -> impl IntoView {
    let mark = ServerAction::<MarkPolitician>::new();
    let staffer = ServerAction::<AddStaffer>::new();
    let list = Resource::new(
        move || mark.version().get() + staffer.version().get(),
        |_| list_politicians(),
    );
    let mark_error = Signal::derive(move || mark.value().get().and_then(Result::err));
    let staffer_error = Signal::derive(move || staffer.value().get().and_then(Result::err));
    view! {
        <PageTitle text="Politicians · MembersNet" />
        <section class="container">
            <h1>"Politicians"</h1>
            <QueryNotice key="saved" text="Saved: they can now take part in Q&As." />
            <QueryNotice key="staffer" text="Staffer added: their answers will say whom they answer for." />
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(rows) => view! { <Rows rows staffer staffer_error /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! { <p class="notice notice-error">"Please " <a href="/sign-in">"sign in"</a> " as staff."</p> }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
            <h2>"Mark an account as a politician"</h2>
            <FormError error=mark_error />
            <ActionForm action=mark>
                <TextField label="Their account's email address" name="email" kind="email" error=mark_error required=true />
                <TextField label="Public name" name="public_name" error=mark_error required=true hint="As the public knows them, such as “Jo Evans MP”." />
                <TextField label="Title" name="title" error=mark_error hint="Such as “Member of Parliament for Sheffield Central”." />
                <SubmitButton label="Save" pending=mark.pending() />
            </ActionForm>
        </section>
    }
}

#[component]
fn Rows(
    rows: Vec<PoliticianRow>,
    staffer: ServerAction<AddStaffer>,
    staffer_error: Signal<Option<AppError>>,
) -> impl IntoView {
    let empty = rows.is_empty();
    let choices: Vec<(i32, String)> = rows.iter().map(|r| (r.id, r.name.clone())).collect();
    view! {
        {empty.then(|| view! { <p class="empty">"No politicians yet."</p> })}
        <ul class="card-list">
            {rows.into_iter().map(|r| view! {
                <li class="card">
                    <h2>{r.name}</h2>
                    <p>{r.title}</p>
                    <p class="muted">{r.email}</p>
                    <p>{if r.staffers.is_empty() { "No staffers.".to_string() } else { format!("Staffers: {}", r.staffers.join(", ")) }}</p>
                </li>
            }).collect_view()}
        </ul>
        {(!empty).then(|| view! {
            <h2>"Add a staffer"</h2>
            <FormError error=staffer_error />
            <ActionForm action=staffer>
                <div class="field">
                    <label for="field-politician">"Politician"</label>
                    <select id="field-politician" name="politician">
                        {choices.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </div>
                <TextField label="The staffer's email address" name="email" kind="email" error=staffer_error required=true />
                <SubmitButton label="Add staffer" pending=staffer.pending() />
            </ActionForm>
        })}
    }
}
