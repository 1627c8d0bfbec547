//! The frame around every page: skip link, header with navigation, footer.

use crate::auth::{model::Role, session::use_session};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;

/// Header, main content and footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">
            "Skip to content"
        </a>
        <SiteHeader />
        <main id="main" class="site-main" tabindex="-1">
            {children()}
        </main>
        <SiteFooter />
    }
}

#[component]
fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="container header-inner">
                <a class="brand" href="/">
                    <span class="brand-mark" aria-hidden="true">
                        "M"
                    </span>
                    "MembersNet"
                </a>
                <nav aria-label="Main">
                    <ul class="nav-list">
                        <li>
                            <A href="/events">"Events"</A>
                        </li>
                        <li>
                            <A href="/groups">"Groups"</A>
                        </li>
                        <li>
                            <A href="/qa">"Q&A"</A>
                        </li>
                        <li>
                            <A href="/friends">"Friends"</A>
                        </li>
                        <AccountLinks />
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// "Sign in" for visitors; name, outbox (staff) and "Sign out" for people signed in.
#[component]
fn AccountLinks() -> impl IntoView {
    let session = use_session();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match session.person.await.ok().flatten() {
                    Some(person) => {
                        let is_staff = person.has_role(Role::Staff);
                        view! {
                            <li>
                                <A href="/my-events">"My events"</A>
                            </li>
                            <li>
                                <A href="/profile">{person.name}</A>
                            </li>
                            {is_staff.then(|| view! {
                                <li>
                                    <A href="/staff/events">"Approvals"</A>
                                </li>
                                <li>
                                    <A href="/staff/outbox">"Outbox"</A>
                                </li>
                                <li>
                                    <A href="/treasurer">"Donations"</A>
                                </li>
                            })}
                            <li>
                                <ActionForm action=session.sign_out attr:class="inline-form">
                                    <button type="submit" class="link-button">
                                        "Sign out"
                                    </button>
                                </ActionForm>
                            </li>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <li>
                                <A href="/sign-in" attr:class="nav-cta">"Sign in"</A>
                            </li>
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="container footer-inner">
                <p>
                    <strong>"MembersNet"</strong>
                    " — organise where you live. Built by and for party members and supporters."
                </p>
                <ul class="footer-links">
                    <li>
                        <a href="/events">"Find an event"</a>
                    </li>
                    <li>
                        <a href="/groups">"Groups"</a>
                    </li>
                    <li>
                        <a href="/sign-up">"Join"</a>
                    </li>
                    <li>
                        <a href="/donate" rel="external">"Donate"</a>
                    </li>
                    <li>
                        <a href="/privacy">"Privacy"</a>
                    </li>
                </ul>
                <p class="footer-small">
                    "Contains OS data © Crown copyright and database right 2026. Your data is handled under UK GDPR and PECR."
                </p>
            </div>
        </footer>
    }
}
