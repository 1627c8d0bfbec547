//! The route table, and nothing else.

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
    ui::not_found_page::NotFoundPage,
};
use leptos::prelude::*;
use leptos_router::{
    components::{Route, Routes},
    path, SsrMode,
};

/// Every page. Async rendering sends each page complete, so it works without JavaScript.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=|| view! { <NotFoundPage /> }>
            <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
            <Route path=path!("/sign-in") view=SignInPage ssr=SsrMode::Async />
            <Route path=path!("/sign-up") view=SignUpPage ssr=SsrMode::Async />
            <Route path=path!("/reset-password") view=ForgotPasswordPage ssr=SsrMode::Async />
            <Route path=path!("/reset-password/:token") view=ResetPasswordPage ssr=SsrMode::Async />
            <Route path=path!("/profile") view=FullProfilePage ssr=SsrMode::Async />
            <Route path=path!("/account/confirm/:token") view=ConfirmEmailPage ssr=SsrMode::Async />
            <Route path=path!("/staff/outbox") view=OutboxPage ssr=SsrMode::Async />
            <Route path=path!("/staff/emails") view=EmailPreviewsPage ssr=SsrMode::Async />
            <Route path=path!("/staff/events") view=ApprovalsPage ssr=SsrMode::Async />
            <Route path=path!("/events") view=EventListPage ssr=SsrMode::Async />
            <Route path=path!("/events/new") view=NewEventPage ssr=SsrMode::Async />
            <Route path=path!("/events/suggested") view=SuggestedPage ssr=SsrMode::Async />
            <Route path=path!("/events/cancel/:token") view=CancelSignupPage ssr=SsrMode::Async />
            <Route path=path!("/events/:id/signed-up") view=SignedUpPage ssr=SsrMode::Async />
            <Route path=path!("/events/:id/dashboard") view=DashboardPage ssr=SsrMode::Async />
            <Route path=path!("/events/:id/edit") view=EditEventPage ssr=SsrMode::Async />
            <Route path=path!("/events/:event") view=EventPage ssr=SsrMode::Async />
            <Route path=path!("/my-events") view=MyEventsPage ssr=SsrMode::Async />
            <Route path=path!("/groups") view=GroupsPage ssr=SsrMode::Async />
            <Route path=path!("/groups/new") view=NewGroupPage ssr=SsrMode::Async />
            <Route path=path!("/groups/invite/:token") view=InvitePage ssr=SsrMode::Async />
            <Route path=path!("/groups/:slug") view=GroupWithEventsPage ssr=SsrMode::Async />
            <Route path=path!("/groups/:slug/threads/:id") view=ThreadPage ssr=SsrMode::Async />
            <Route path=path!("/friends") view=FriendsPage ssr=SsrMode::Async />
            <Route path=path!("/friends/invite/:token") view=FriendInvitePage ssr=SsrMode::Async />
            <Route path=path!("/messages") view=OutreachHomePage ssr=SsrMode::Async />
            <Route path=path!("/messages/:id") view=MessagePage ssr=SsrMode::Async />
            <Route path=path!("/preferences") view=PreferencesPage ssr=SsrMode::Async />
            <Route path=path!("/unsubscribe/:token") view=UnsubscribePage ssr=SsrMode::Async />
            <Route path=path!("/consent/confirm/:token") view=ConfirmConsentPage ssr=SsrMode::Async />
            <Route path=path!("/consent/confirmed") view=ConsentConfirmedPage ssr=SsrMode::Async />
        </Routes>
    }
}
