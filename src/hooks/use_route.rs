//! The current hash route. The shell re-renders on every `hashchange` (links,
//! a typed address, Back and Forward: entries differ only in their fragment)
//! and on `push_route` and `replace_route`. Only the fragment changes, so the query (`?embed=1&…`)
//! stays.
//!
//! `push_route` and `replace_route` change the route at once and the address
//! bar after the next paint (`after_paint`): the History API call costs more
//! than rendering the next question on a slow phone.

use std::cell::RefCell;

use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::after_paint::after_next_paint;
use crate::route::Route;

/// The current route. `on_change` hears of every change in the task that
/// made it, before the re-render, so state it changes renders together with
/// the new route instead of in a second render. The first render's
/// `on_change` is the one kept: it must not capture values that change.
#[hook]
pub fn use_route(on_change: Callback<Route>) -> Route {
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
            let listeners: Vec<EventListener> = web_sys::window()
                .map(|window| {
                    ["hashchange", ROUTE_CHANGED]
                        .into_iter()
                        .map(|event| {
                            let (route, on_change) = (route.clone(), on_change.clone());
                            EventListener::new(&window, event, move |event| {
                                if event.type_() == "hashchange" {
                                    // The visitor went elsewhere; the address follows them.
                                    drop_unwritten();
                                }
                                let now = Route::parse(&current_hash());
                                on_change.emit(now.clone());
                                route.set(now);
                            })
                        })
                        .collect()
                })
                .unwrap_or_default();
            // A change between the first render and now had no listener yet.
            route.set(Route::parse(&current_hash()));
            move || drop(listeners)
        });
    }
    (*route).clone()
}

/// What `push_route` and `replace_route` tell the hook: the History API,
/// unlike setting the hash, fires no event of its own.
const ROUTE_CHANGED: &str = "quiz-route";

/// Goes to `route` with a new history entry, so Back returns here.
pub fn push_route(route: &Route) {
    go_to(route, Entry::New);
}

/// Goes to `route` in place of this entry, for pages that only redirect.
pub fn replace_route(route: &Route) {
    go_to(route, Entry::Replace);
}

#[derive(Clone, Copy)]
enum Entry {
    New,
    Replace,
}

/// Routes gone to whose address is not written yet, oldest first, and the
/// fragment the address bar showed when the first of them was queued.
#[derive(Default)]
struct Unwritten {
    shown: String,
    entries: Vec<(String, Entry)>,
}

thread_local! {
    static UNWRITTEN: RefCell<Unwritten> = RefCell::default();
}

fn go_to(route: &Route, entry: Entry) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let first = UNWRITTEN.with(|unwritten| {
        let mut unwritten = unwritten.borrow_mut();
        if unwritten.entries.is_empty() {
            unwritten.shown = address_hash();
        }
        unwritten.entries.push((route.to_hash(), entry));
        unwritten.entries.len() == 1
    });
    if first {
        after_next_paint(write_unwritten);
    }
    if let Ok(event) = web_sys::Event::new(ROUTE_CHANGED) {
        let _ = window.dispatch_event(&event);
    }
}

fn drop_unwritten() {
    UNWRITTEN.with(|unwritten| unwritten.borrow_mut().entries.clear());
}

/// Brings the address bar up to date, unless the visitor navigated in the
/// meantime (a link, Back): then the address is theirs.
fn write_unwritten() {
    let Unwritten { shown, entries } = UNWRITTEN.with(|unwritten| unwritten.take());
    if entries.is_empty() || address_hash() != shown {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    for (hash, entry) in entries {
        // Not `location.hash`: `pushState` is cheaper (no fragment
        // navigation looking for a target to scroll to).
        let written = window.history().and_then(|history| match entry {
            Entry::New => history.push_state_with_url(&JsValue::NULL, "", Some(&hash)),
            Entry::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&hash)),
        });
        if written.is_err() {
            // A document without a usable History API: the fragment (its
            // `hashchange` finds the route already shown). Fails only in a
            // document that cannot navigate; nothing to recover.
            let location = window.location();
            let _ = match entry {
                Entry::New => location.set_hash(&hash),
                Entry::Replace => location.replace(&hash),
            };
        }
    }
}

/// The route's fragment: where the app has gone, written to the address bar or not yet.
fn current_hash() -> String {
    UNWRITTEN
        .with(|unwritten| {
            unwritten
                .borrow()
                .entries
                .last()
                .map(|(hash, _)| hash.clone())
        })
        .unwrap_or_else(address_hash)
}

fn address_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}
