//! The browser, behind small adapters: everything the shell needs from the
//! platform and nothing it decides. Each function is safe to call in any
//! document (a sandboxed frame, storage blocked, an API missing): it reports
//! failure instead of panicking.

pub mod after_paint;
pub mod clipboard;
pub mod dates;
pub mod embed_frame;
pub mod files;
pub mod history;
pub mod json;
pub mod local_storage;
pub mod prerendered;
pub mod print;
pub mod service_worker;
pub mod text;

/// The page's window and document, when there are any.
pub fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Shows `theme`: forces its palette with a class on `<html>`, or leaves
/// it to `prefers-color-scheme` (styles/app.css). index.html's first script
/// has set the same class before the first paint.
pub fn apply_theme(theme: quiz_core::theme::Theme) {
    let Some(root) = document().and_then(|d| d.document_element()) else {
        return;
    };
    let classes = root.class_list();
    let _ = classes.remove_2("theme-light", "theme-dark");
    if let Some(class) = theme.class() {
        let _ = classes.add_1(class);
    }
}

/// Milliseconds since the Unix epoch, and the visitor's UTC offset now.
pub fn now() -> quiz_core::session::Now {
    let date = js_sys::Date::new_0();
    quiz_core::session::Now {
        ms: date.get_time(),
        // `getTimezoneOffset` is minutes west of UTC; the core counts east.
        offset_minutes: -(date.get_timezone_offset() as i32),
    }
}

/// Where this document is: a page of its own, a frame whose element the
/// parent (of the same origin) shows, or a frame on another origin's page.
/// Through `Reflect` and bindings the first download already has: only
/// the parts that print or save files ask.
pub fn framing() -> quiz_core::framing::Framing {
    use quiz_core::framing::Framing;
    let Some(window) = web_sys::window() else {
        return Framing::CrossOrigin;
    };
    let top = js_sys::Reflect::get(&window, &"top".into())
        .ok()
        .filter(|top| top.is_object())
        .is_none_or(|top| js_sys::Object::is(&top, &window));
    if top {
        return Framing::Top;
    }
    // `null` in another origin's frame.
    let frame = js_sys::Reflect::get(&window, &"frameElement".into())
        .ok()
        .filter(|f| f.is_object());
    match frame {
        Some(frame) => Framing::Frame {
            sandbox: method(&frame, "getAttribute", Some(&"sandbox".into()))
                .and_then(|v| v.as_string()),
        },
        None => Framing::CrossOrigin,
    }
}

/// `target[name]()` or `target[name](argument)`; `None` when there is no
/// such method or it throws.
pub fn method(
    target: &wasm_bindgen::JsValue,
    name: &str,
    argument: Option<&wasm_bindgen::JsValue>,
) -> Option<wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let function = js_sys::Reflect::get(target, &name.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    match argument {
        Some(argument) => function.call1(target, argument).ok(),
        None => function.call0(target).ok(),
    }
}

/// `navigator.languages`, the visitor's languages in order of preference.
pub fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|l| l.as_string()).collect())
        .unwrap_or_default()
}

/// Sets the `<select>` with `id` to `value`, if it is on the page and shows
/// something else.
pub fn show_choice(id: &str, value: &str) {
    let select = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(e).ok());
    if let Some(select) = select.filter(|s| s.value() != value) {
        select.set_value(value);
    }
}
