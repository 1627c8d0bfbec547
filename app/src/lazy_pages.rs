//! Every page as a lazily loaded route. The browser fetches a page's code when the page is
//! first opened: pages are grouped into a few sections (one WASM chunk each, split out by
//! `cargo leptos build --split`), so the home page's first visit carries only the frame
//! and the home page, and no visit needs more than a handful of files. One split point per
//! page instead gave every combination of pages its own shared chunk: 520 files, 129 of
//! them for the home page alone.

use crate::{
    assembled_pages::{FullProfilePage, GroupWithEventsPage},
    auth::pages::{
        ConfirmEmailPage, ForgotPasswordPage, ResetPasswordPage, SignInPage, SignUpPage,
    },
    events::pages::{
        ApprovalsPage, CancelSignupPage, DashboardPage, EditEventPage, EventListPage, EventPage,
        MyEventsPage, NewEventPage, SignedUpPage,
    },
    fundraising::pages::{NewDonationPage, TreasurerPage},
    groups::pages::{GroupsPage, InvitePage, NewGroupPage, ThreadPage},
    home_page::HomePage,
    outreach::pages::{
        ConfirmConsentPage, ConsentConfirmedPage, EmailPreviewsPage, MessagePage, OutboxPage,
        OutreachHomePage, PreferencesPage, UnsubscribePage,
    },
    people::pages::{FriendInvitePage, FriendsPage},
    phonebank::pages::{
        CallPage, CallingRulesPage, JoinPhonebankPage, NewPhonebankPage, PhonebankDashboardPage,
        PhonebanksPage,
    },
    privacy::pages::{
        AccessLogPage, GuestDataPage, GuestErasedPage, GuestRequestPage, PrivacyNoticePage,
    },
    qa::pages::{
        AnswerPage, ModeratePage, NewSessionPage, PoliticiansPage, SessionPage, SessionsPage,
    },
    sites::pages::{PageEditorPage, SiteEditorPage},
    suggest::pages::SuggestedPage,
};
use leptos::prelude::*;
use leptos_router::LazyRoute;

/// Declares the sections: for each, one lazily loaded function that draws any of its
/// pages (`#[lazy]` also makes its loader, named `__preload_` and the function's name), and
/// for each page a route type whose view waits for that function. Hydration needs the
/// loader: the router loads a route's code first, so that drawing it does not wait.
macro_rules! sections {
    ($($section:ident / $preload:ident { $($route:ident => $page:ident),* $(,)? })*) => {
        /// Every page, by the route that shows it (hence every name ends in `Route`).
        #[derive(Clone, Copy)]
        #[allow(clippy::enum_variant_names)]
        enum Page { $($($route,)*)* }

        $(
            #[lazy]
            fn $section(page: Page) -> AnyView {
                match page {
                    $(Page::$route => $page().into_any(),)*
                    #[allow(unreachable_patterns)]
                    _ => ().into_any(),
                }
            }

            $(
                #[doc = concat!("[`", stringify!($page), "`], loaded with the ", stringify!($section), " section.")]
                pub struct $route;

                impl LazyRoute for $route {
                    fn data() -> Self {
                        Self
                    }

                    async fn view(_this: Self) -> AnyView {
                        #[cfg(feature = "ssr")]
                        crate::page_slot::PageSection::fill(stringify!($section));
                        $section(Page::$route).await
                    }

                    async fn preload() {
                        #[cfg(target_arch = "wasm32")]
                        $preload().await;
                    }
                }
            )*
        )*
    };
}

sections! {
    home_section / __preload_home_section { HomeRoute => HomePage }
    finding_section / __preload_finding_section { EventListRoute => EventListPage, SuggestedRoute => SuggestedPage }
    event_section / __preload_event_section {
        EventRoute => EventPage,
        SignedUpRoute => SignedUpPage,
        CancelSignupRoute => CancelSignupPage,
    }
    account_section / __preload_account_section {
        SignInRoute => SignInPage,
        SignUpRoute => SignUpPage,
        ForgotPasswordRoute => ForgotPasswordPage,
        ResetPasswordRoute => ResetPasswordPage,
        ConfirmEmailRoute => ConfirmEmailPage,
    }
    groups_section / __preload_groups_section {
        GroupsRoute => GroupsPage,
        GroupRoute => GroupWithEventsPage,
        ThreadRoute => ThreadPage,
        NewGroupRoute => NewGroupPage,
        GroupInviteRoute => InvitePage,
    }
    member_section / __preload_member_section {
        ProfileRoute => FullProfilePage,
        FriendsRoute => FriendsPage,
        FriendInviteRoute => FriendInvitePage,
        MyEventsRoute => MyEventsPage,
        PreferencesRoute => PreferencesPage,
        UnsubscribeRoute => UnsubscribePage,
        ConfirmConsentRoute => ConfirmConsentPage,
        ConsentConfirmedRoute => ConsentConfirmedPage,
    }
    hosting_section / __preload_hosting_section {
        NewEventRoute => NewEventPage,
        EditEventRoute => EditEventPage,
        DashboardRoute => DashboardPage,
        ApprovalsRoute => ApprovalsPage,
    }
    outreach_section / __preload_outreach_section {
        MessagesRoute => OutreachHomePage,
        MessageRoute => MessagePage,
        OutboxRoute => OutboxPage,
        EmailPreviewsRoute => EmailPreviewsPage,
    }
    privacy_section / __preload_privacy_section {
        PrivacyNoticeRoute => PrivacyNoticePage,
        GuestRequestRoute => GuestRequestPage,
        GuestDataRoute => GuestDataPage,
        GuestErasedRoute => GuestErasedPage,
        AccessLogRoute => AccessLogPage,
    }
    // Callers' pages, and organisers' and staff's: two sections, as one passed the
    // 160 KB a section may weigh.
    phonebank_section / __preload_phonebank_section {
        PhonebanksRoute => PhonebanksPage,
        CallRoute => CallPage,
        JoinPhonebankRoute => JoinPhonebankPage,
    }
    phonebank_admin_section / __preload_phonebank_admin_section {
        NewPhonebankRoute => NewPhonebankPage,
        PhonebankDashboardRoute => PhonebankDashboardPage,
        CallingRulesRoute => CallingRulesPage,
    }
    // Watchers and askers load one section; hosts, moderators and politicians another.
    qa_section / __preload_qa_section {
        SessionsRoute => SessionsPage,
        SessionRoute => SessionPage,
    }
    qa_admin_section / __preload_qa_admin_section {
        NewSessionRoute => NewSessionPage,
        ModerateRoute => ModeratePage,
        AnswerRoute => AnswerPage,
        PoliticiansRoute => PoliticiansPage,
    }
    // Only organisers open the Web Creator; visitors' site pages carry no WASM at all.
    sites_section / __preload_sites_section {
        SiteEditorRoute => SiteEditorPage,
        PageEditorRoute => PageEditorPage,
    }
    // Only treasurers open the books; donors' pages carry no WASM at all.
    fundraising_section / __preload_fundraising_section {
        TreasurerRoute => TreasurerPage,
        NewDonationRoute => NewDonationPage,
    }
}
