//! Choices made on the prerendered landing page before the app started.
//! index.html's copy of the landing page (docs/architecture.md) has the
//! language and theme switches as plain `<select>`s, which do nothing until
//! the wasm has loaded (about a second and a half on a slow phone), and the
//! app's first render puts its own in their place. What a visitor chose in
//! them meanwhile is read just before that render and applied once the
//! session runs, instead of being dropped.

use std::cell::RefCell;

thread_local! {
    /// The language and the theme chosen, each when it was changed.
    static CHOSEN: RefCell<[Option<String>; 2]> = const { RefCell::new([None, None]) };
}

/// The value of the prerendered `<select>` with `id` when it is not the one
/// the page was written with (its `<option selected>`).
fn changed(document: &web_sys::Document, id: &str) -> Option<String> {
    let select = document.get_element_by_id(id)?;
    let value = js_sys::Reflect::get(&select, &"value".into())
        .ok()?
        .as_string()?;
    let written = select
        .query_selector("[selected]")
        .ok()??
        .get_attribute("value")?;
    (value != written).then_some(value)
}

/// Notes what the visitor changed in the prerendered switches. Call just
/// before the first render.
pub fn read_switches() {
    if let Some(document) = super::document() {
        let chosen = [
            changed(&document, "language-switch"),
            changed(&document, "theme-switch"),
        ];
        CHOSEN.with(|cell| *cell.borrow_mut() = chosen);
    }
}

/// The language and the theme [`read_switches`] found changed, once.
pub fn take_switches() -> [Option<String>; 2] {
    CHOSEN.with(|cell| std::mem::take(&mut *cell.borrow_mut()))
}
