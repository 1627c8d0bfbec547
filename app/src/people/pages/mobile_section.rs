//! The profile's mobile number: typed, texted a code, confirmed by typing the code back.

use crate::{
    auth::api::{get_mobile, ConfirmMobile, RemoveMobile, SendMobileCode},
    ui::{
        form::{FormError, SubmitButton, TextField},
        notice::QueryNotice,
    },
};
use leptos::{form::ActionForm, prelude::*};

#[component]
pub fn MobileSection() -> impl IntoView {
    let send = ServerAction::<SendMobileCode>::new();
    let confirm = ServerAction::<ConfirmMobile>::new();
    let remove = ServerAction::<RemoveMobile>::new();
    let state = Resource::new(
        move || {
            (
                send.version().get(),
                confirm.version().get(),
                remove.version().get(),
            )
        },
        |_| get_mobile(),
    );
    let send_error = Signal::derive(move || send.value().get().and_then(Result::err));
    let confirm_error = Signal::derive(move || confirm.value().get().and_then(Result::err));
    view! {
        <section class="card narrow" id="mobile" aria-labelledby="mobile-heading">
            <h2 id="mobile-heading">"Mobile number"</h2>
            <div class="notices">
                <QueryNotice key="code_sent" text="We have texted you a code." />
                <QueryNotice key="mobile_confirmed" text="Your mobile number is confirmed." />
                <QueryNotice key="mobile_removed" text="Your mobile number has been removed." />
                <FormError error=send_error />
                <FormError error=confirm_error />
            </div>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    let Ok(mobile) = state.await else {
                        return ().into_any();
                    };
                    let has_number = mobile.confirmed.is_some();
                    view! {
                        {mobile.confirmed.map(|number| view! {
                            <p>
                                "Texts go to " <strong>{number}</strong> ". Choose who may text you on your "
                                <a href="/preferences">"communication preferences"</a> "."
                            </p>
                            <ActionForm action=remove attr:class="inline-form">
                                <SubmitButton label="Remove my number" class="button button-small button-ghost" pending=remove.pending() />
                            </ActionForm>
                        })}
                        {mobile.waiting.map(|number| view! {
                            <ActionForm action=confirm>
                                <p>"We texted a code to " <strong>{number}</strong> "."</p>
                                <TextField label="Code from the text" name="code" autocomplete="one-time-code" error=confirm_error required=true />
                                <SubmitButton label="Confirm my number" pending=confirm.pending() />
                            </ActionForm>
                        })}
                        <ActionForm action=send>
                            <TextField
                                label=if has_number { "A new mobile number" } else { "Your mobile number" }
                                name="mobile"
                                kind="tel"
                                autocomplete="tel"
                                hint="We text it a code to check it is yours."
                                error=send_error
                                required=true
                            />
                            <SubmitButton label="Text me a code" pending=send.pending() />
                        </ActionForm>
                    }
                    .into_any()
                })}
            </Suspense>
        </section>
    }
}
