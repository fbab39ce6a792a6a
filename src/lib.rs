//! The alliance readiness quiz in the browser: a thin Yew shell around
//! `quiz_core`, which makes every decision. `platform/` adapts the browser's
//! APIs, `hooks/` runs the session and offers the route, `components/`
//! render data and report the visitor's actions through `on_*` callbacks.

pub mod app;
pub mod components;
pub mod content;
pub mod crash;
pub mod hooks;
pub mod lazy;
pub mod pages;
pub mod parts;
pub mod performance;
pub mod platform;

/// Mounts the app on `<div id="app">`, in place of the landing page that
/// index.html prerenders there (`make prerender`), or on `<body>` when the
/// page has no such element.
pub fn start() {
    crash::install();
    crash::test_panic("start");
    let Some(document) = platform::document() else {
        return;
    };
    let root = document
        .get_element_by_id("app")
        .or_else(|| document.body().map(Into::into));
    let Some(root) = root else {
        return;
    };
    // A task of its own, not the one that compiled and instantiated the
    // module: two shorter tasks instead of one long one, so the page answers
    // input in between (Lighthouse's total blocking time fell from about 130
    // to about 85 ms with this).
    // `render` first removes the root's children (yew 0.23's
    // `AppHandle::mount_with_props`), then queues the first render as a
    // microtask of the same task: no frame is painted in between, so there
    // is no flash, and the identical markup takes the same place, so
    // nothing shifts. e2e/specs/prerendered-landing.test.mjs checks both.
    gloo::timers::callback::Timeout::new(0, move || {
        platform::prerendered::read_switches();
        yew::Renderer::<app::App>::with_root(root).render();
    })
    .forget();
}
