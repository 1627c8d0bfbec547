//! The frame around every page: skip link, header with navigation, footer.

use crate::auth::{model::Role, session::use_session};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_location};

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
///
/// These links are drawn once the session is known, which on the server can be after the
/// visitor has gone (a closed connection ends the request and its context while the
/// render finishes). `<A/>` looks for the router as it is drawn and panicked then (seen
/// under `./bench.sh`); `AccountLink` takes the current path, read up front, instead.
#[component]
fn AccountLinks() -> impl IntoView {
    let session = use_session();
    let path = use_location().pathname;
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match session.person.await.ok().flatten() {
                    Some(person) => {
                        let is_staff = person.has_role(Role::Staff);
                        view! {
                            <li>
                                <AccountLink href="/my-events" path>"My events"</AccountLink>
                            </li>
                            <li>
                                <AccountLink href="/profile" path>{person.name}</AccountLink>
                            </li>
                            {is_staff.then(|| view! {
                                <li>
                                    <AccountLink href="/staff/events" path>"Approvals"</AccountLink>
                                </li>
                                <li>
                                    <AccountLink href="/staff/outbox" path>"Outbox"</AccountLink>
                                </li>
                                <li>
                                    <AccountLink href="/treasurer" path>"Donations"</AccountLink>
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
                                <AccountLink href="/sign-in" path class="nav-cta">"Sign in"</AccountLink>
                            </li>
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// A header link marked as the current page (as `<A/>` marks it) when the path is it or
/// lies under it; never panics once the request's context is gone.
#[component]
fn AccountLink(
    href: &'static str,
    path: Memo<String>,
    #[prop(optional)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let current = move || {
        path.try_with(|path| is_under(path, href))
            .unwrap_or(false)
            .then_some("page")
    };
    view! {
        <a href=href class=class aria-current=current>
            {children()}
        </a>
    }
}

/// Whether `path` is `href` or a page under it.
fn is_under(path: &str, href: &str) -> bool {
    path.strip_prefix(href)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
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

#[cfg(test)]
mod tests {
    use super::is_under;

    #[test]
    fn a_link_is_current_on_its_page_and_the_pages_under_it() {
        assert!(is_under("/profile", "/profile"));
        assert!(is_under("/staff/events/3", "/staff/events"));
        assert!(!is_under("/profiles", "/profile"));
        assert!(!is_under("/", "/profile"));
        assert!(!is_under("/my-events-old", "/my-events"));
    }
}
