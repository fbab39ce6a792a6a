//! Printing: the browser's print dialog, and the stylesheet that turns a
//! result or a comparison into a report on paper (styles/print.css).
//!
//! The stylesheet is text in the parts that show those pages (results,
//! shared result, comparison), adopted into the document as a constructed
//! stylesheet when one of them is first shown: it costs a first visit
//! nothing (in styles/app.css it would be about 390 bytes brotli), and a
//! constructed sheet is built through the CSSOM, which a content security
//! policy without `'unsafe-inline'` styles still allows.

use std::cell::Cell;

use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    static ADOPTED: Cell<bool> = const { Cell::new(false) };
}

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// The browser builds stylesheets from text (`new CSSStyleSheet()`,
/// `replaceSync`, `document.adoptedStyleSheets`): Chromium 99, Firefox 101,
/// Safari 16.4 and later.
pub fn can_style() -> bool {
    let constructor = get(&js_sys::global(), "CSSStyleSheet");
    let prototype = constructor.as_ref().and_then(|c| get(c, "prototype"));
    let document = super::document().map(JsValue::from);
    prototype.is_some_and(|p| get(&p, "replaceSync").is_some())
        && document.is_some_and(|d| get(&d, "adoptedStyleSheets").is_some())
}

/// Adds `css` to the document's styles, once per page; false when the
/// browser cannot (then the page prints as it is shown).
pub fn adopt_once(css: &str) -> bool {
    if ADOPTED.get() {
        return true;
    }
    let adopt = || -> Option<()> {
        let constructor = get(&js_sys::global(), "CSSStyleSheet")?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        let sheet = js_sys::Reflect::construct(&constructor, &js_sys::Array::new()).ok()?;
        super::method(&sheet, "replaceSync", Some(&css.into()))?;
        let document = JsValue::from(super::document()?);
        // A new list rather than a push: older browsers' list is frozen.
        let sheets = super::method(
            &get(&document, "adoptedStyleSheets")?,
            "concat",
            Some(&sheet),
        )?;
        js_sys::Reflect::set(&document, &"adoptedStyleSheets".into(), &sheets)
            .ok()
            .filter(|done| *done)
            .map(|_| ())
    };
    let adopted = adopt().is_some();
    ADOPTED.set(adopted);
    adopted
}

/// Printing works here and the report's stylesheet can be applied: the
/// browser has `print()`, builds stylesheets from text, and the frame's
/// sandbox (where there is one) allows the dialog.
pub fn can_print() -> bool {
    let window = web_sys::window().map(JsValue::from);
    window.is_some_and(|w| get(&w, "print").is_some())
        && can_style()
        && super::framing().allows_print()
}

/// Opens the print dialog (the page's own, with "Save as PDF" in every
/// current browser).
pub fn print() {
    if let Some(window) = web_sys::window() {
        super::method(&window, "print", None);
    }
}
