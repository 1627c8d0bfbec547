//! The route table, and nothing else.

use crate::{lazy_pages::*, ui::not_found_page::NotFoundPage};
use leptos::prelude::*;
use leptos_router::{
    components::{Route, Routes},
    path, Lazy, SsrMode,
};

/// Every page, each loaded lazily. Async rendering sends each page complete, so it works
/// without JavaScript.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=|| view! { <NotFoundPage /> }>
            <Route path=path!("/") view={Lazy::<HomeRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/sign-in") view={Lazy::<SignInRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/sign-up") view={Lazy::<SignUpRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/reset-password") view={Lazy::<ForgotPasswordRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/reset-password/:token") view={Lazy::<ResetPasswordRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/profile") view={Lazy::<ProfileRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/account/confirm/:token") view={Lazy::<ConfirmEmailRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/staff/outbox") view={Lazy::<OutboxRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/staff/emails") view={Lazy::<EmailPreviewsRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/staff/events") view={Lazy::<ApprovalsRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/events") view={Lazy::<EventListRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/events/new") view={Lazy::<NewEventRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/events/suggested") view={Lazy::<SuggestedRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/events/cancel/:token") view={Lazy::<CancelSignupRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/events/:id/signed-up") view={Lazy::<SignedUpRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/events/:id/dashboard") view={Lazy::<DashboardRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/events/:id/edit") view={Lazy::<EditEventRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/events/:event") view={Lazy::<EventRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/my-events") view={Lazy::<MyEventsRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/groups") view={Lazy::<GroupsRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/groups/new") view={Lazy::<NewGroupRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/groups/invite/:token") view={Lazy::<GroupInviteRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/groups/:slug") view={Lazy::<GroupRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/groups/:slug/site") view={Lazy::<SiteEditorRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/groups/:slug/site/:page") view={Lazy::<PageEditorRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/groups/:slug/threads/:id") view={Lazy::<ThreadRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/friends") view={Lazy::<FriendsRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/friends/invite/:token") view={Lazy::<FriendInviteRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/messages") view={Lazy::<MessagesRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/messages/:id") view={Lazy::<MessageRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/preferences") view={Lazy::<PreferencesRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/unsubscribe/:token") view={Lazy::<UnsubscribeRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/consent/confirm/:token") view={Lazy::<ConfirmConsentRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/consent/confirmed") view={Lazy::<ConsentConfirmedRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/treasurer") view={Lazy::<TreasurerRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/fundraising/new") view={Lazy::<NewDonationRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/privacy") view={Lazy::<PrivacyNoticeRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/privacy/guest") view={Lazy::<GuestRequestRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/privacy/guest/:token") view={Lazy::<GuestDataRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/privacy/erased") view={Lazy::<GuestErasedRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/staff/access-log") view={Lazy::<AccessLogRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/staff/phonebanks") view={Lazy::<CallingRulesRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/phonebanks") view={Lazy::<PhonebanksRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/phonebanks/new") view={Lazy::<NewPhonebankRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/phonebanks/join/:token") view={Lazy::<JoinPhonebankRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/phonebanks/:id") view={Lazy::<PhonebankDashboardRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/phonebanks/:id/call") view={Lazy::<CallRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/qa") view={Lazy::<SessionsRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/qa/new") view={Lazy::<NewSessionRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/qa/:id") view={Lazy::<SessionRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/qa/:id/moderate") view={Lazy::<ModerateRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/qa/:id/answer") view={Lazy::<AnswerRoute>::new()} ssr=SsrMode::Async />
            <Route path=path!("/staff/politicians") view={Lazy::<PoliticiansRoute>::new()} ssr=SsrMode::Async />
        </Routes>
    }
}
