use crate::ui::page_title::PageTitle;
use crate::{
    people::api::friends::{get_friend_invite, AcceptFriendInvite},
    ui::form::FormError,
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::use_params_map;

/// An emailed friend invitation: accept it once signed in.
#[component]
pub fn FriendInvitePage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let inviter = Resource::new(token, get_friend_invite);
    let accept = ServerAction::<AcceptFriendInvite>::new();
    let error = Signal::derive(move || accept.value().get().and_then(Result::err));
    view! {
        <PageTitle text="Friend invitation · MembersNet" />
        <section class="card narrow">
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match inviter.await {
                        Ok(name) => view! {
                            <h1>{format!("{name} would like to be your friend")}</h1>
                            <FormError error=error />
                            <ActionForm action=accept>
                                <input type="hidden" name="token" value=token() />
                                <button type="submit" class="button">"Accept"</button>
                            </ActionForm>
                            <p class="muted">"You need to be signed in. New here? " <a href="/sign-up">"Create an account"</a>", then open this link again."</p>
                        }.into_any(),
                        Err(_) => view! {
                            <h1>"Invitation not found"</h1>
                            <p>"This invitation has been used already, or the link is not complete."</p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
