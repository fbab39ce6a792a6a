//! Browser glue for sharing: links to this page's address, the Clipboard API
//! and the Web Share API (neither is in web-sys's stable set, and both may be
//! missing or refused, so every call is caught).

use quiz_core::share::encode;
use quiz_core::storage::{from_stored, Attempt};
use quiz_core::Quiz;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn clipboard_write_text(text: &str) -> Result<js_sys::Promise, JsValue>;
}

pub const MS_PER_DAY: f64 = 86_400_000.0;

/// The share code for an attempt: its answers, completion day and label.
pub fn code_for(quiz: &Quiz, attempt: &Attempt) -> Option<String> {
    let release = quiz.release(quiz.version)?;
    let answers = from_stored(quiz, &attempt.answers);
    let day = (attempt.completed_at / MS_PER_DAY).floor();
    let day = (day.is_finite() && day >= 0.0 && day <= f64::from(u32::MAX)).then_some(day as u32);
    Some(encode(release, &answers, attempt.label.as_deref(), day))
}

/// This page's address without its fragment, so links work wherever the app is hosted.
pub fn app_base() -> String {
    let location = web_sys::window().map(|w| w.location());
    let origin = location
        .as_ref()
        .and_then(|l| l.origin().ok())
        .unwrap_or_default();
    let path = location
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_else(|| "/".into());
    format!("{origin}{path}")
}

/// A result's link, on `base` (an embedding site owner's `data-share-base`)
/// or on this page's address.
pub fn result_link(base: Option<&str>, code: &str) -> String {
    format!("{}#/r/{code}", base.map_or_else(app_base, str::to_string))
}

pub fn compare_link(base: Option<&str>, first: &str, second: &str) -> String {
    format!(
        "{}#/compare/{first}/{second}",
        base.map_or_else(app_base, str::to_string)
    )
}

/// Copies `text`; false when the browser refuses or has no Clipboard API.
pub async fn copy(text: &str) -> bool {
    match clipboard_write_text(text) {
        Ok(promise) => JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    }
}

/// True when the browser offers the system share sheet.
pub fn can_share() -> bool {
    web_sys::window()
        .map(|w| w.navigator())
        .is_some_and(|navigator| js_sys::Reflect::has(&navigator, &"share".into()).unwrap_or(false))
}

/// Opens the system share sheet; false when it is missing or the visitor cancels.
pub async fn share(title: &str, url: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let Ok(share) = js_sys::Reflect::get(&navigator, &"share".into()) else {
        return false;
    };
    let Some(share) = share.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    match share.call1(&navigator, &data) {
        Ok(promise) => match promise.dyn_into::<js_sys::Promise>() {
            Ok(promise) => JsFuture::from(promise).await.is_ok(),
            Err(_) => false,
        },
        Err(_) => false,
    }
}
