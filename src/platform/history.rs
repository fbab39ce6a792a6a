//! The address bar. The route itself lives in the session's model; this
//! module reads the fragment, hears when the visitor changes it, and writes
//! the app's own navigations back after the next paint.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsValue;

use crate::platform::after_paint::Deferred;

/// `location.hash`, `#` included (empty when there is none).
pub fn address_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Loads the page again from the server, at the same address (the route is
/// in its fragment). Nothing to do where a document cannot reload.
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Calls `on_change` with the new fragment whenever the visitor changes it:
/// a link, a typed address, Back or Forward (entries that differ only in
/// their fragment fire `hashchange`). Stops when dropped.
pub fn listen(on_change: impl Fn(String) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "hashchange", move |_| {
        on_change(address_hash())
    }))
}

/// Routes gone to whose address is not written yet, oldest first, and the
/// fragment the address bar showed when the first of them was queued.
#[derive(Default)]
struct Unwritten {
    shown: String,
    entries: Vec<(String, bool)>,
}

/// Writes the app's navigations to the address bar after the next paint.
#[derive(Clone, Default)]
pub struct AddressBar {
    unwritten: Rc<RefCell<Unwritten>>,
}

impl AddressBar {
    /// Queues `hash` as a new entry (or in place of the current one).
    pub fn write(&self, deferred: &Deferred, hash: String, replace: bool) {
        let first = {
            let mut unwritten = self.unwritten.borrow_mut();
            if unwritten.entries.is_empty() {
                unwritten.shown = address_hash();
            }
            unwritten.entries.push((hash, replace));
            unwritten.entries.len() == 1
        };
        if first {
            let unwritten = self.unwritten.clone();
            deferred.after_next_paint(move || write_unwritten(&unwritten));
        }
    }

    /// The visitor navigated: the address is theirs, drop what was queued.
    pub fn drop_unwritten(&self) {
        self.unwritten.borrow_mut().entries.clear();
    }
}

/// Brings the address bar up to date, unless the visitor navigated in the
/// meantime (a link, Back): then the address is theirs.
fn write_unwritten(unwritten: &RefCell<Unwritten>) {
    let Unwritten { shown, entries } = unwritten.take();
    if entries.is_empty() || address_hash() != shown {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    for (hash, replace) in entries {
        // Not `location.hash`: `pushState` is cheaper (no fragment
        // navigation looking for a target to scroll to).
        let written = window.history().and_then(|history| {
            if replace {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&hash))
            } else {
                history.push_state_with_url(&JsValue::NULL, "", Some(&hash))
            }
        });
        if written.is_err() {
            // A document without a usable History API: the fragment (its
            // `hashchange` finds the route already shown). Fails only in a
            // document that cannot navigate; nothing to recover.
            let location = window.location();
            let _ = if replace {
                location.replace(&hash)
            } else {
                location.set_hash(&hash)
            };
        }
    }
}
