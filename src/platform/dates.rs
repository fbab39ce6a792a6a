//! Dates as the visitor's language and region write them, through the
//! browser's `Intl`, in the visitor's own time zone.

use wasm_bindgen::JsValue;

use quiz_core::session::MS_PER_DAY;

fn options(time_zone: Option<&str>) -> js_sys::Object {
    let options = js_sys::Object::new();
    for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        // Setting a plain property on a fresh object cannot fail.
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    if let Some(zone) = time_zone {
        let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &zone.into());
    }
    options
}

/// The calendar day of an instant (`ms` since the epoch) in the visitor's
/// time zone, such as "30 November 2026" for `en-GB`.
pub fn instant(ms: f64, locale: &str) -> String {
    js_sys::Date::new(&JsValue::from_f64(ms))
        .to_locale_date_string(locale, &options(None))
        .into()
}

/// A calendar day (days since 1970-01-01, as a share code carries it),
/// written as that same day wherever the reader is.
pub fn day(day: u32, locale: &str) -> String {
    js_sys::Date::new(&JsValue::from_f64(f64::from(day) * MS_PER_DAY))
        .to_locale_date_string(locale, &options(Some("UTC")))
        .into()
}

/// The visitor's offset from UTC at `ms`, in minutes east (summer time included).
pub fn offset_minutes_at(ms: f64) -> i32 {
    -(js_sys::Date::new(&JsValue::from_f64(ms)).get_timezone_offset() as i32)
}

/// Today in the visitor's time zone as `YYYY-MM-DD`, for file names.
pub fn local_iso_date() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}
