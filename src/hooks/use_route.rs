//! The current hash route. The shell re-renders on every `hashchange`: links,
//! Back and Forward, a typed address, and `push_route`/`replace_route`.
//! Only the fragment changes, so the query (`?embed=1&…`) stays.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::route::Route;

#[hook]
pub fn use_route() -> Route {
    let route = use_state_eq(|| {
        // As yew-router did: a page opened without a route shows `#/`.
        if !current_hash().starts_with("#/") {
            replace_route(&Route::Landing);
        }
        Route::parse(&current_hash())
    });
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                let route = route.clone();
                EventListener::new(&window, "hashchange", move |_| {
                    route.set(Route::parse(&current_hash()));
                })
            });
            // A change between the first render and now had no listener yet.
            route.set(Route::parse(&current_hash()));
            move || drop(listener)
        });
    }
    (*route).clone()
}

/// Goes to `route` with a new history entry, so Back returns here.
pub fn push_route(route: &Route) {
    if let Some(window) = web_sys::window() {
        // Fails only in a document that cannot navigate; nothing to recover.
        let _ = window.location().set_hash(&route.to_hash());
    }
}

/// Goes to `route` in place of this entry, for pages that only redirect.
pub fn replace_route(route: &Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(&route.to_hash());
    }
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}
