use crate::ui::page_title::PageTitle;
use crate::{
    groups::api::members::{get_invite, AcceptInvite},
    ui::form::FormError,
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::use_params_map;

/// An emailed invitation: says which group, and joins it in one click once signed in.
#[component]
pub fn InvitePage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let invite = Resource::new(token, get_invite);
    let accept = ServerAction::<AcceptInvite>::new();
    let error = Signal::derive(move || accept.value().get().and_then(Result::err));
    view! {
        <PageTitle text="Invitation · MembersNet" />
        <section class="card narrow">
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match invite.await {
                        Ok(found) => view! {
                            <h1>{format!("Join {}", found.group_name)}</h1>
                            <FormError error=error />
                            <ActionForm action=accept>
                                <input type="hidden" name="token" value=token() />
                                <button type="submit" class="button">"Accept invitation"</button>
                            </ActionForm>
                            <p class="muted">
                                "You need to be signed in. New here? "
                                <a href="/sign-up">"Create an account"</a>
                                ", then come back to this link."
                            </p>
                            <p><a href=found.group_path>"See the group first"</a></p>
                        }.into_any(),
                        Err(_) => view! {
                            <h1>"Invitation not found"</h1>
                            <p>"This invitation has been used already, or the link is not complete."</p>
                            <p><a href="/groups">"Find a group"</a></p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
