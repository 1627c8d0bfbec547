//! "Near me": the browser's location instead of a typed postcode. It needs JavaScript,
//! so it appears only once the page is live; without it people type a postcode.

use leptos::prelude::*;

/// A button that asks the browser where it is, then searches near there: on the events
/// page, or on the page given as `to` (the home page shows its own nearby events).
#[component]
pub fn NearMeButton(#[prop(default = "/events")] to: &'static str) -> impl IntoView {
    let (live, set_live) = signal(false);
    let (state, set_state) = signal(None::<&'static str>);
    Effect::new(move |_| set_live.set(true));
    let navigate = leptos_router::hooks::use_navigate();
    let on_click = move |_| {
        set_state.set(Some("Finding where you are…"));
        let navigate = navigate.clone();
        locate(move |found| match found {
            Some((latitude, longitude)) => {
                navigate(
                    &format!("{to}?near={latitude:.4},{longitude:.4}"),
                    Default::default(),
                );
                set_state.set(None);
            }
            None => set_state.set(Some(
                "We couldn't get your location. Type a postcode instead.",
            )),
        });
    };
    move || {
        let on_click = on_click.clone();
        live.get().then(move || {
            view! {
                <div class="field near-me">
                    <button type="button" class="button button-ghost" on:click=on_click>"Near me"</button>
                    {move || state.get().map(|text| view! { <p class="field-hint" role="status">{text}</p> })}
                </div>
            }
        })
    }
}

#[cfg(feature = "hydrate")]
fn locate(done: impl FnOnce(Option<(f64, f64)>) + 'static) {
    use std::{cell::RefCell, rc::Rc};
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};

    let done = Rc::new(RefCell::new(Some(done)));
    let finish = {
        let done = done.clone();
        move |found: Option<(f64, f64)>| {
            if let Some(done) = done.borrow_mut().take() {
                done(found);
            }
        }
    };
    let Some(geolocation) = web_sys::window().and_then(|w| w.navigator().geolocation().ok()) else {
        finish(None);
        return;
    };
    let on_found = {
        let finish = finish.clone();
        Closure::once_into_js(move |position: web_sys::Position| {
            let coords = position.coords();
            finish(Some((coords.latitude(), coords.longitude())));
        })
    };
    let on_error = {
        let finish = finish.clone();
        Closure::once_into_js(move |_: JsValue| finish(None))
    };
    if geolocation
        .get_current_position_with_error_callback(
            on_found.unchecked_ref(),
            Some(on_error.unchecked_ref()),
        )
        .is_err()
    {
        finish(None);
    }
}

#[cfg(not(feature = "hydrate"))]
fn locate(done: impl FnOnce(Option<(f64, f64)>) + 'static) {
    done(None);
}
