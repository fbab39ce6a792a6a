//! The alliance readiness quiz: a thin Yew shell around `quiz_core`, which
//! holds the content model and the scoring.

pub mod app;
pub mod browser_storage;
pub mod components;
pub mod content;
pub mod embed;
pub mod format;
pub mod hooks;
pub mod performance;
pub mod route;
pub mod share_link;
pub mod state;
pub mod store;

/// Mounts the app on `<body>`.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
