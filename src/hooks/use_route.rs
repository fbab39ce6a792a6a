//! The current route and a navigator, for any component below the root, in
//! the manner of yew-router: the root provides a [`RouterContext`] built from
//! the session's model; `use_route` reads it and `use_navigator` goes places.
//! Navigating sends an event to the core, which decides and updates the
//! model; nothing navigates during render and nothing is queued globally.

use quiz_core::route::Route;
use yew::prelude::*;

/// Goes to routes from code (buttons); links use `href={route.to_hash()}`.
#[derive(Clone, Default, PartialEq)]
pub struct Navigator {
    go: Callback<Route>,
}

impl Navigator {
    pub fn new(go: Callback<Route>) -> Self {
        Self { go }
    }

    /// Goes to `route` with a new history entry, so Back returns here.
    pub fn push(&self, route: Route) {
        self.go.emit(route);
    }
}

/// What the root provides.
#[derive(Clone, PartialEq)]
pub struct RouterContext {
    pub route: Route,
    pub navigator: Navigator,
}

/// The route shown now (`NotFound` outside a provider).
#[hook]
pub fn use_route() -> Route {
    use_context::<RouterContext>().map_or(Route::NotFound, |c| c.route)
}

/// The navigator (one that goes nowhere outside a provider).
#[hook]
pub fn use_navigator() -> Navigator {
    use_context::<RouterContext>()
        .map(|c| c.navigator)
        .unwrap_or_default()
}
