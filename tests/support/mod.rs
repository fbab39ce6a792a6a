//! Shared helpers for the browser tests: waiting on conditions, never on
//! fixed sleeps, and finding elements.
#![allow(dead_code)]

use std::cell::Cell;
use std::time::Duration;

use wasm_bindgen::JsCast;
use web_sys::Element;

pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

pub fn local() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage in the test browser")
}

/// Removes every key of the app's from the test browser's storage.
pub fn clear_ours() {
    let storage = local();
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with("alliance-quiz:"))
        .collect();
    for key in keys {
        let _ = storage.remove_item(&key);
    }
}

/// Waits until `condition` holds, checking every few milliseconds; panics
/// with `what` after ten seconds at the most (returns as soon as it holds:
/// the bound is for a debug build sharing the page with other tests, where
/// two seconds once ran out).
pub async fn wait_for(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..2000 {
        if condition() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(5)).await;
    }
    panic!("timed out waiting for {what}");
}

pub fn fresh_root() -> Element {
    let root = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    root
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

pub fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

pub fn one(root: &Element, selector: &str) -> Element {
    find(root, selector).unwrap_or_else(|| panic!("no {selector}"))
}

pub fn text(element: &Element) -> String {
    element
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_string()
}

pub fn location() -> web_sys::Location {
    web_sys::window().expect("window").location()
}

thread_local! {
    static DOCUMENT_TAKEN: Cell<bool> = const { Cell::new(false) };
}

/// Held by a test that uses the page's address or storage: the runner polls
/// async tests side by side, and two apps listening to one address bar would
/// move each other's questions.
pub struct DocumentTaken;

impl Drop for DocumentTaken {
    fn drop(&mut self) {
        DOCUMENT_TAKEN.with(|taken| taken.set(false));
    }
}

/// Waits until no other test holds the address bar and storage, then takes them.
pub async fn take_document() -> DocumentTaken {
    loop {
        if !DOCUMENT_TAKEN.with(|taken| taken.replace(true)) {
            return DocumentTaken;
        }
        yew::platform::time::sleep(Duration::from_millis(5)).await;
    }
}
