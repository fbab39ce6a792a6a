//! The app inside a site owner's iframe: reads the options once from the
//! page's query, styles the document, reports the content height and posts
//! messages to the host page. What is decided (which options are valid, who
//! may receive what, what each message says) is in `quiz_core::embed`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use quiz_core::embed::{self, message, EmbedEvent, EmbedOptions, Targets};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::platform::json::to_js;

/// Height reports wait this long after the last resize, so a re-render
/// that resizes many times sends one message.
const HEIGHT_DEBOUNCE_MS: u32 = 50;

/// The app is framed by a host page: its options and where messages may go.
#[derive(Debug, PartialEq)]
pub struct Embed {
    pub options: EmbedOptions,
    targets: Targets,
}

impl Embed {
    /// Embed mode when the page's query says `embed=1`; read once at start.
    pub fn from_location() -> Option<Rc<Embed>> {
        let window = web_sys::window()?;
        let search = window.location().search().ok()?;
        // The whole query is bounded before it is parsed.
        if search.len() > 8 * embed::MAX_PARAM_BYTES {
            return None;
        }
        let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
        let options = embed::parse_options(|name| params.get(name))?;
        let referrer = window.document().map(|d| d.referrer());
        // Not in web-sys's stable set, and missing in some browsers.
        let ancestor = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into())
            .ok()
            .and_then(|list| list.dyn_into::<web_sys::DomStringList>().ok())
            .and_then(|list| list.item(0));
        let targets = embed::targets(
            options.host.as_deref(),
            referrer.as_deref(),
            ancestor.as_deref(),
        );
        Some(Rc::new(Embed { options, targets }))
    }

    /// Embed and compact classes on `<html>`, and the accent colour.
    pub fn style_document(&self) {
        let Some(root) = super::document().and_then(|d| d.document_element()) else {
            return;
        };
        // The theme is the session's (the host's wins, `quiz_core::theme`).
        let classes = root.class_list();
        let _ = classes.add_1("embed");
        // Only a frame whose height reaches the host may hide its scrollbar;
        // a plain fixed-height iframe (no `host=`) must still scroll.
        if self.targets.height.is_some() {
            let _ = classes.add_1("embed-sized");
        }
        if self.options.compact {
            let _ = classes.add_1("compact");
        }
        // Only a value core accepted as #rgb/#rrggbb reaches the style.
        if let (Some(accent), Some(root)) =
            (&self.options.accent, root.dyn_ref::<web_sys::HtmlElement>())
        {
            let style = root.style();
            let _ = style.set_property("--color-accent", accent);
            let _ = style.set_property("--color-accent-text", embed::text_on(accent));
        }
    }

    /// Posts `event` to the host page, if the protocol allows it to go there.
    pub fn post(&self, event: &EmbedEvent) {
        let target = if event.carries_results() {
            &self.targets.results
        } else {
            &self.targets.height
        };
        let Some(target) = target else {
            return;
        };
        let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
            return;
        };
        // A plain object, so the host's loader reads fields without parsing.
        let Some(message) = to_js(&message(&self.options.id, event)) else {
            return;
        };
        let _ = parent.post_message(&message, target);
    }
}

#[wasm_bindgen]
extern "C" {
    /// `ResizeObserver` with a plain callback, as only "something resized" matters.
    type Observer;
    #[wasm_bindgen(constructor, js_class = "ResizeObserver", catch)]
    fn new(callback: &js_sys::Function) -> Result<Observer, JsValue>;
    #[wasm_bindgen(method)]
    fn observe(this: &Observer, target: &web_sys::Element);
    #[wasm_bindgen(method)]
    fn disconnect(this: &Observer);
}

/// Reports the document's height to the host whenever it changes; stops
/// when dropped.
pub struct HeightReporter {
    observer: Option<Observer>,
    _callback: Closure<dyn FnMut()>,
}

impl HeightReporter {
    pub fn start(embed: Rc<Embed>) -> HeightReporter {
        let pending: Rc<RefCell<Option<Timeout>>> = Rc::new(RefCell::new(None));
        let last = Rc::new(Cell::new(0u32));
        let callback = Closure::<dyn FnMut()>::new(move || {
            let (embed, last) = (embed.clone(), last.clone());
            // Replacing the timeout cancels the one before it: a debounce.
            *pending.borrow_mut() = Some(Timeout::new(HEIGHT_DEBOUNCE_MS, move || {
                let Some(height) = content_height() else {
                    return;
                };
                if height != last.replace(height) {
                    embed.post(&EmbedEvent::Height { height });
                }
            }));
        });
        let root = super::document().and_then(|d| d.document_element());
        let observer = root.and_then(|root| {
            let observer = Observer::new(callback.as_ref().unchecked_ref()).ok()?;
            // Observing fires once at once, which sends the first height.
            observer.observe(&root);
            Some(observer)
        });
        HeightReporter {
            observer,
            _callback: callback,
        }
    }
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
    }
}

/// The root element's own height: unlike `scrollHeight`, it shrinks below
/// the frame's current height when the content does.
fn content_height() -> Option<u32> {
    let root = super::document()?.document_element()?;
    let height = root.get_bounding_client_rect().height().ceil();
    (height.is_finite() && height >= 1.0 && height <= f64::from(embed::MAX_HEIGHT))
        .then_some(height as u32)
}
