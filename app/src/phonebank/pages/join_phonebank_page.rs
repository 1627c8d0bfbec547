use crate::{
    phonebank::api::JoinPhonebank,
    ui::{
        form::{FormError, SubmitButton},
        page_title::PageTitle,
    },
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::use_params_map;

/// Where a phonebank's link leads: joining takes a click (a link alone changes nothing).
#[component]
pub fn JoinPhonebankPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let action = ServerAction::<JoinPhonebank>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <PageTitle text="Join a phonebank · MembersNet" />
        <section class="card narrow">
            <h1>"Call for a phonebank"</h1>
            <p class="lede">"An organiser has asked you to make calls from home. You will see one person at a time, with a script and a short survey."</p>
            <FormError error=error />
            <ActionForm action=action>
                <input type="hidden" name="token" value=token />
                <SubmitButton label="Join and start calling" pending=action.pending() />
            </ActionForm>
            <p class="muted">"You need to be signed in: " <a href="/sign-in">"sign in"</a> " first if you are not."</p>
        </section>
    }
}
