//! Offline use and repeat visits: registers `service-worker.js` (written by
//! the build, scripts/service-worker.mjs) and tells the app when a new
//! release waits to take over. What to do about it is the core's
//! ([`quiz_core::session::Notice::UpdateReady`]); the protocol with the
//! worker is two strings (docs/offline.md):
//! - the worker posts [`UPDATE_READY`] to every window once it has cached a
//!   new release while an older one runs;
//! - the page posts [`SKIP_WAITING`] to its worker when the visitor asks for
//!   the new release; the new worker takes over, deletes the older cache and
//!   reloads every window of the older release, so none keeps running on
//!   files that are gone.

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's address, next to index.html.
pub const WORKER: &str = "./service-worker.js";
pub const UPDATE_READY: &str = "update-ready";
pub const SKIP_WAITING: &str = "skip-waiting";

#[wasm_bindgen]
extern "C" {
    /// `navigator.serviceWorker`.
    #[wasm_bindgen(extends = web_sys::EventTarget)]
    type Container;
    #[wasm_bindgen(method)]
    fn register(this: &Container, url: &str) -> js_sys::Promise;
    /// The worker this page's requests go through, if any.
    #[wasm_bindgen(method, getter)]
    fn controller(this: &Container) -> Option<Worker>;

    /// A `ServiceWorkerRegistration`.
    type Registration;
    #[wasm_bindgen(method, getter)]
    fn waiting(this: &Registration) -> Option<Worker>;

    /// A `ServiceWorker`.
    type Worker;
    #[wasm_bindgen(method, js_name = postMessage)]
    fn post_message(this: &Worker, message: &str);
}

/// `navigator.serviceWorker` where the browser offers it to this page (not
/// in every private mode, nor on plain http other than localhost).
fn container() -> Option<Container> {
    let navigator = web_sys::window()?.navigator();
    let container = js_sys::Reflect::get(&navigator, &"serviceWorker".into()).ok()?;
    container.is_object().then(|| container.unchecked_into())
}

/// Registers the worker; `on_update` runs whenever a new release is ready.
/// Does nothing where service workers are not available.
pub fn register(on_update: impl Fn() + Clone + 'static) {
    let Some(container) = container() else {
        return;
    };
    let ready = on_update.clone();
    EventListener::new(&container, "message", move |event| {
        let data = event
            .dyn_ref::<web_sys::MessageEvent>()
            .and_then(|event| event.data().as_string());
        if data.as_deref() == Some(UPDATE_READY) {
            ready();
        }
    })
    .forget();
    let promise = container.register(WORKER);
    wasm_bindgen_futures::spawn_local(async move {
        // Refused (private mode, storage blocked, the file missing): the
        // app works as before, from the network.
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            return;
        };
        // A release that waits since an earlier visit.
        if registration
            .unchecked_into::<Registration>()
            .waiting()
            .is_some()
        {
            on_update();
        }
    });
}

/// Asks the waiting release to take over (through this page's worker, which
/// hands it on); the worker then reloads the page. A page no worker
/// controls (the visit that registered the first one) just reloads: its
/// worker serves it, and offers the new release again.
pub fn apply_update() {
    match container().and_then(|container| container.controller()) {
        Some(worker) => worker.post_message(SKIP_WAITING),
        None => {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    }
}
