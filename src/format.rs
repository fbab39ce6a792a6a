//! Dates as the visitor's language writes them, through the browser's Intl.

use wasm_bindgen::JsValue;

/// A day such as "27 Nov 2026" for `ms` since the epoch.
pub fn date(ms: f64, language: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    let options = js_sys::Object::new();
    for (key, value) in [("day", "numeric"), ("month", "short"), ("year", "numeric")] {
        // Setting a plain property on a fresh object cannot fail.
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_date_string(language, &options).into()
}
