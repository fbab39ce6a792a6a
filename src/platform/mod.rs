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

/// `navigator.languages`, the visitor's languages in order of preference.
pub fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|l| l.as_string()).collect())
        .unwrap_or_default()
}
