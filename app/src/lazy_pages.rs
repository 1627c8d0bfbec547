//! Every page as a lazily loaded route: the browser fetches a page's code (its own WASM
//! chunk, split out by `cargo leptos build --split`) when the page is first opened, so the
//! home page's first visit carries only the frame and the home page.

use crate::{
    assembled_pages::{FullProfilePage, GroupWithEventsPage},
    auth::pages::{
        ConfirmEmailPage, ForgotPasswordPage, ResetPasswordPage, SignInPage, SignUpPage,
    },
    events::pages::{
        ApprovalsPage, CancelSignupPage, DashboardPage, EditEventPage, EventListPage, EventPage,
        MyEventsPage, NewEventPage, SignedUpPage,
    },
    groups::pages::{GroupsPage, InvitePage, NewGroupPage, ThreadPage},
    home_page::HomePage,
    outreach::pages::{
        ConfirmConsentPage, ConsentConfirmedPage, EmailPreviewsPage, MessagePage, OutboxPage,
        OutreachHomePage, PreferencesPage, UnsubscribePage,
    },
    people::pages::{FriendInvitePage, FriendsPage},
    suggest::pages::SuggestedPage,
};
use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

/// Declares, for each page, a route type whose view is split into its own chunk. Pages
/// load their own data (resources in the page), so there is nothing to fetch up front.
macro_rules! lazy_pages {
    ($($route:ident => $page:ident),* $(,)?) => {$(
        #[doc = concat!("[`", stringify!($page), "`], loaded when first opened.")]
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(_this: Self) -> AnyView {
                $page().into_any()
            }
        }
    )*};
}

lazy_pages! {
    HomeRoute => HomePage,
    SignInRoute => SignInPage,
    SignUpRoute => SignUpPage,
    ForgotPasswordRoute => ForgotPasswordPage,
    ResetPasswordRoute => ResetPasswordPage,
    ProfileRoute => FullProfilePage,
    ConfirmEmailRoute => ConfirmEmailPage,
    OutboxRoute => OutboxPage,
    EmailPreviewsRoute => EmailPreviewsPage,
    ApprovalsRoute => ApprovalsPage,
    EventListRoute => EventListPage,
    NewEventRoute => NewEventPage,
    SuggestedRoute => SuggestedPage,
    CancelSignupRoute => CancelSignupPage,
    SignedUpRoute => SignedUpPage,
    DashboardRoute => DashboardPage,
    EditEventRoute => EditEventPage,
    EventRoute => EventPage,
    MyEventsRoute => MyEventsPage,
    GroupsRoute => GroupsPage,
    NewGroupRoute => NewGroupPage,
    GroupInviteRoute => InvitePage,
    GroupRoute => GroupWithEventsPage,
    ThreadRoute => ThreadPage,
    FriendsRoute => FriendsPage,
    FriendInviteRoute => FriendInvitePage,
    MessagesRoute => OutreachHomePage,
    MessageRoute => MessagePage,
    PreferencesRoute => PreferencesPage,
    UnsubscribeRoute => UnsubscribePage,
    ConfirmConsentRoute => ConfirmConsentPage,
    ConsentConfirmedRoute => ConsentConfirmedPage,
}
