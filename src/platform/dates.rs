//! Dates as the visitor's language and region write them, through the
//! browser's `Intl`, in the visitor's own time zone.

use wasm_bindgen::{JsCast, JsValue};

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

/// `ms` written as a day, or `None` when it is no date at all (not finite,
/// beyond what `Date` holds): never "Invalid Date". The core keeps stored
/// times in range (`storage::is_valid_time`); this guards the rest.
fn written(ms: f64, locale: &str, time_zone: Option<&str>) -> Option<String> {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    if date.get_time().is_nan() {
        return None;
    }
    Some(
        date.to_locale_date_string(locale, &options(time_zone))
            .into(),
    )
}

/// The calendar day of an instant (`ms` since the epoch) in the visitor's
/// time zone, such as "30 November 2026" for `en-GB`; `None` for no date.
pub fn instant(ms: f64, locale: &str) -> Option<String> {
    written(ms, locale, None)
}

/// A calendar day (days since 1970-01-01, as a share code carries it),
/// written as that same day wherever the reader is; `None` for no date.
pub fn day(day: u32, locale: &str) -> Option<String> {
    written(f64::from(day) * MS_PER_DAY, locale, Some("UTC"))
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

/// How long ago, in the visitor's language (`Intl.RelativeTimeFormat`):
/// "today", "yesterday", "3 days ago", "2 weeks ago", "3 months ago",
/// "1 year ago". `None` where the browser has no `RelativeTimeFormat` or
/// refuses the locale.
pub fn ago(ago: quiz_core::calendar::Ago, locale: &str) -> Option<String> {
    use quiz_core::calendar::Ago;
    let (amount, unit) = match ago {
        Ago::Today => (0, "day"),
        Ago::Yesterday => (1, "day"),
        Ago::Days(n) => (n, "day"),
        Ago::Weeks(n) => (n, "week"),
        Ago::Months(n) => (n, "month"),
        Ago::Years(n) => (n, "year"),
    };
    // "today" and "yesterday" in words; "last month" would read as the
    // calendar month before this one, so counts stay numbers: "1 month ago".
    let numeric = if matches!(ago, Ago::Today | Ago::Yesterday) {
        "auto"
    } else {
        "always"
    };
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor = js_sys::Reflect::get(&intl, &"RelativeTimeFormat".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"numeric".into(), &numeric.into());
    let arguments = js_sys::Array::of2(&js_sys::Array::of1(&locale.into()), &options);
    // Through Reflect, so a locale the browser refuses is an error, not a trap.
    let format = js_sys::Reflect::construct(&constructor, &arguments).ok()?;
    let method = js_sys::Reflect::get(&format, &"format".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    method
        .call2(&format, &(-f64::from(amount)).into(), &unit.into())
        .ok()?
        .as_string()
}
