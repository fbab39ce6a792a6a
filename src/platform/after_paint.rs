//! Work the visitor does not see, kept out of the way of the frame they do
//! see: the address bar and the saved progress are brought up to date after
//! the next question is painted, not before it.
//!
//! Why: in Chromium a `history.pushState` costs about 0.7 ms, and 5 to 15 ms
//! on a phone-speed CPU (4x slowdown), more than rendering the next question;
//! `localStorage.setItem` up to 3.5 ms. Done in the click's task, both delay
//! the paint; done after it, nobody waits for them.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Where frames are not drawn (a hidden tab, an iframe scrolled out of
/// view), `requestAnimationFrame` waits; the queue runs after this anyway.
const LATEST_MS: u32 = 200;

/// A queue of work for after the next paint, owned by whoever made it (the
/// session hook): no global state, and dropping it drops its listeners.
#[derive(Clone)]
pub struct Deferred {
    inner: Rc<RefCell<Inner>>,
}

#[derive(Default)]
struct Inner {
    queue: Vec<Box<dyn FnOnce()>>,
    /// Which batch the pending triggers are for: a trigger left over from an
    /// earlier batch must not run a later one before its frame.
    batch: u32,
    /// Run the queue when the page goes away (reload, close, another site) or
    /// is hidden (a phone switching apps may then discard it) before the
    /// next frame, so nothing the visitor did is lost.
    on_leaving: Vec<EventListener>,
}

impl Default for Deferred {
    fn default() -> Self {
        Self::new()
    }
}

impl Deferred {
    pub fn new() -> Self {
        let inner = Rc::new(RefCell::new(Inner::default()));
        if let Some(window) = web_sys::window() {
            let weak = Rc::downgrade(&inner);
            let mut listeners = vec![EventListener::new(&window, "pagehide", move |_| {
                run_queued(&weak)
            })];
            if let Some(document) = window.document() {
                let weak = Rc::downgrade(&inner);
                let hidden = document.clone();
                listeners.push(EventListener::new(
                    &document,
                    "visibilitychange",
                    move |_| {
                        if hidden.hidden() {
                            run_queued(&weak);
                        }
                    },
                ));
            }
            inner.borrow_mut().on_leaving = listeners;
        }
        Self { inner }
    }

    /// Runs `work` once the browser has painted the next frame and is idle
    /// (`requestIdleCallback` after `requestAnimationFrame`; a task after it
    /// where there is no `requestIdleCallback`), after 200 ms at the latest,
    /// or when the page is hidden or goes away, whichever comes first.
    /// Queued work runs in order, each item once.
    pub fn after_next_paint(&self, work: impl FnOnce() + 'static) {
        let (first, batch) = {
            let mut inner = self.inner.borrow_mut();
            inner.queue.push(Box::new(work));
            (inner.queue.len() == 1, inner.batch)
        };
        if !first {
            return;
        }
        let weak = Rc::downgrade(&self.inner);
        let run_batch = move || {
            if weak
                .upgrade()
                .is_some_and(|inner| inner.borrow().batch == batch)
            {
                run_queued(&weak);
            }
        };
        let Some(window) = web_sys::window() else {
            self.run_now();
            return;
        };
        let late = run_batch.clone();
        let after_frame = Closure::once_into_js(move || when_idle(run_batch));
        if window
            .request_animation_frame(after_frame.unchecked_ref())
            .is_err()
        {
            self.run_now();
            return;
        }
        Timeout::new(LATEST_MS, late).forget();
    }

    /// Runs what is queued now.
    pub fn run_now(&self) {
        run_queued(&Rc::downgrade(&self.inner));
    }
}

pub(crate) fn when_idle(work: impl FnOnce() + 'static) {
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
fn run_queued(inner: &Weak<RefCell<Inner>>) {
    let Some(inner) = inner.upgrade() else {
        return;
    };
    // Taken out first: queued work may queue more, for the next frame.
    let queued = {
        let mut inner = inner.borrow_mut();
        inner.batch = inner.batch.wrapping_add(1);
        std::mem::take(&mut inner.queue)
    };
    for work in queued {
        work();
    }
}
