//! Choices made on the prerendered landing page before the app started.
//! index.html's copy of the landing page (docs/architecture.md) has the
//! language and theme switches as plain `<select>`s, which do nothing until
//! the wasm has loaded (about a second and a half on a slow phone), and the
//! app's first render puts its own in their place. What a visitor chose in
//! them meanwhile is read just before that render and applied once the
//! session runs, instead of being dropped.

use std::cell::RefCell;

use wasm_bindgen::JsCast;

/// A switch of the page header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Switch {
    Language,
    Theme,
}

thread_local! {
    static CHANGED: RefCell<Vec<(Switch, String)>> = const { RefCell::new(Vec::new()) };
}

/// Notes every prerendered switch whose value is not the one the page was
/// written with (its `<option selected>`). Call just before the first render.
pub fn read_switches() {
    let Some(document) = super::document() else {
        return;
    };
    let changed: Vec<(Switch, String)> = [
        (Switch::Language, "language-switch"),
        (Switch::Theme, "theme-switch"),
    ]
    .into_iter()
    .filter_map(|(switch, id)| {
        let select = document
            .get_element_by_id(id)?
            .dyn_into::<web_sys::HtmlSelectElement>()
            .ok()?;
        let written = select
            .query_selector("option[selected]")
            .ok()
            .flatten()
            .and_then(|option| option.get_attribute("value"));
        let value = select.value();
        (written.is_some_and(|written| written != value)).then_some((switch, value))
    })
    .collect();
    CHANGED.with(|cell| *cell.borrow_mut() = changed);
}

/// The choices [`read_switches`] found, once.
pub fn take_switches() -> Vec<(Switch, String)> {
    CHANGED.with(|cell| std::mem::take(&mut *cell.borrow_mut()))
}
