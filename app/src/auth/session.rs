//! The signed-in person as the page sees them, refreshed whenever an action that can
//! change it succeeds.

use crate::{
    auth::{
        api::{current_person, SignOut},
        model::PersonView,
    },
    error::AppError,
};
use leptos::{prelude::*, server_fn::ServerFn};

/// Who is signed in, and how to refresh that.
#[derive(Clone, Copy)]
pub struct Session {
    pub person: Resource<Result<Option<PersonView>, AppError>>,
    pub sign_out: ServerAction<SignOut>,
    changed: RwSignal<u32>,
}

impl Session {
    /// Reloads the signed-in person each time `action` succeeds (sign in, profile edit, …).
    /// Pages create their own actions, inside the routes, so an error returned to a form
    /// without JavaScript reaches them.
    pub fn refresh_after<S>(self, action: ServerAction<S>)
    where
        S: ServerFn + Clone + Send + Sync + 'static,
        S::Output: Clone + Send + Sync + 'static,
        S::Error: Clone + Send + Sync + 'static,
    {
        let changed = self.changed;
        Effect::new(move |_| {
            if matches!(action.value().get(), Some(Ok(_))) {
                changed.update(|n| *n += 1);
            }
        });
    }
}

/// Creates the session context. Call once, inside the router.
pub fn provide_session() {
    let sign_out = ServerAction::<SignOut>::new();
    let changed = RwSignal::new(0);
    let person = Resource::new(
        move || (changed.get(), sign_out.version().get()),
        |_| current_person(),
    );
    provide_context(Session {
        person,
        sign_out,
        changed,
    });
}

/// The session context.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
