//! Work the visitor does not see, kept out of the way of the frame they do
//! see: the address bar and the saved progress are brought up to date after
//! the next question is painted, not before it.
//!
//! Why: in Chromium a `history.pushState` costs about 0.7 ms, and 5 to 15 ms
//! on a phone-speed CPU (4x slowdown), more than rendering the next question;
//! `localStorage.setItem` up to 3.5 ms. Done in the click's task, both delay
//! the paint; done after it, nobody waits for them.

use std::cell::{Cell, RefCell};

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Where frames are not drawn (a hidden tab, an iframe scrolled out of
/// view), `requestAnimationFrame` waits; the queue runs after this anyway.
const LATEST_MS: u32 = 200;

thread_local! {
    static QUEUE: RefCell<Vec<Box<dyn FnOnce()>>> = RefCell::new(Vec::new());
    /// Which batch the pending triggers are for: a trigger left over from an
    /// earlier batch must not run a later one before its frame.
    static BATCH: Cell<u32> = const { Cell::new(0) };
    /// Run the queue when the page goes away (reload, close, another site) or
    /// is hidden (a phone switching apps may then discard it) before the next
    /// frame, so nothing the visitor did is lost.
    static ON_LEAVING: RefCell<Vec<EventListener>> = const { RefCell::new(Vec::new()) };
}

/// Runs `work` once the browser has painted the next frame and is idle
/// (`requestIdleCallback` after `requestAnimationFrame`; a task after it
/// where there is no `requestIdleCallback`), after 200 ms at the latest, or
/// when the page is hidden or goes away, whichever comes first. Queued work
/// runs in order.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    let first = QUEUE.with(|queue| {
        let mut queue = queue.borrow_mut();
        queue.push(Box::new(work));
        queue.len() == 1
    });
    if !first {
        return;
    }
    let Some(window) = web_sys::window() else {
        run_queued();
        return;
    };
    ON_LEAVING.with(|listeners| {
        let mut listeners = listeners.borrow_mut();
        if !listeners.is_empty() {
            return;
        }
        listeners.push(EventListener::new(&window, "pagehide", |_| run_queued()));
        if let Some(document) = window.document() {
            let hidden = document.clone();
            listeners.push(EventListener::new(
                &document,
                "visibilitychange",
                move |_| {
                    if hidden.hidden() {
                        run_queued();
                    }
                },
            ));
        }
    });
    let batch = BATCH.get();
    let run_batch = move || {
        if BATCH.get() == batch {
            run_queued();
        }
    };
    let after_frame = Closure::once_into_js(move || when_idle(run_batch));
    if window
        .request_animation_frame(after_frame.unchecked_ref())
        .is_err()
    {
        run_queued();
        return;
    }
    Timeout::new(LATEST_MS, run_batch).forget();
}

fn when_idle(work: impl FnOnce() + 'static) {
    let window = web_sys::window();
    // Not in every browser (Safari); calling it where it is missing would throw.
    let idle_callbacks = window.as_ref().is_some_and(|window| {
        js_sys::Reflect::has(window, &"requestIdleCallback".into()).unwrap_or(false)
    });
    match window {
        Some(window) if idle_callbacks => {
            let callback = Closure::once_into_js(work);
            let _ = window.request_idle_callback(callback.unchecked_ref());
        }
        _ => {
            Timeout::new(0, work).forget();
        }
    }
}

/// Runs what is queued and retires the pending triggers.
fn run_queued() {
    BATCH.set(BATCH.get().wrapping_add(1));
    // Taken out first: queued work may queue more, for the next frame.
    let queued = QUEUE.with(|queue| std::mem::take(&mut *queue.borrow_mut()));
    for work in queued {
        work();
    }
}
