//! The Clipboard and Web Share APIs. Neither is in web-sys's stable set, and
//! both may be missing, refused by the frame's permissions policy or refused
//! by the visitor, so every call is caught and reported.

use quiz_core::session::{Capabilities, ShareOutcome};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

fn has(target: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(target, &name.into()).is_ok_and(|v| !v.is_undefined() && !v.is_null())
}

/// This document's permissions policy object (`permissionsPolicy`, or
/// Chromium's older `featurePolicy`), and a way to call its methods.
struct Policy(JsValue);

impl Policy {
    fn of_document() -> Option<Policy> {
        let document = web_sys::window().and_then(|w| w.document())?;
        ["permissionsPolicy", "featurePolicy"]
            .into_iter()
            .filter_map(|name| js_sys::Reflect::get(&document, &name.into()).ok())
            .find(|p| !p.is_undefined() && !p.is_null())
            .map(Policy)
    }

    fn call(&self, method: &str, argument: Option<&str>) -> Option<JsValue> {
        let function = js_sys::Reflect::get(&self.0, &method.into()).ok()?;
        let function = function.dyn_ref::<js_sys::Function>()?;
        match argument {
            Some(argument) => function.call1(&self.0, &argument.into()).ok(),
            None => function.call0(&self.0).ok(),
        }
    }

    /// Whether the browser lists `feature` among those it knows.
    fn lists(&self, feature: &str) -> bool {
        self.call("features", None)
            .and_then(|list| list.dyn_into::<js_sys::Array>().ok())
            .is_some_and(|list| list.includes(&feature.into(), 0))
    }
}

/// Whether this document's permissions policy allows `feature`. Where the
/// browser cannot tell (no `featurePolicy`, or a feature it does not list,
/// as Chromium on Linux does not list `web-share`), it is assumed allowed,
/// and a refusal is handled when it comes.
fn policy_allows(feature: &str) -> bool {
    if web_sys::window().and_then(|w| w.document()).is_none() {
        return false;
    }
    let Some(policy) = Policy::of_document() else {
        return true;
    };
    !policy.lists(feature)
        || policy
            .call("allowsFeature", Some(feature))
            .is_some_and(|v| v.is_truthy())
}

/// Whether `feature` may be named in a frame's `allow` attribute: Chromium
/// warns on every page about a feature it does not know (`web-share` on
/// Linux). Where the browser cannot tell, it is assumed known.
pub fn knows_feature(feature: &str) -> bool {
    Policy::of_document().is_none_or(|policy| policy.lists(feature))
}

/// What this document can do: a control that cannot work is not offered.
pub fn capabilities() -> Capabilities {
    let Some(navigator) = navigator() else {
        return Capabilities::default();
    };
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| has(&c, "writeText"))
        && policy_allows("clipboard-write");
    Capabilities {
        share: has(&navigator, "share") && policy_allows("web-share"),
        clipboard,
    }
}

/// Copies `text`; false when the browser refuses.
pub async fn copy(text: &str) -> bool {
    let Some(navigator) = navigator() else {
        return false;
    };
    let call = || -> Option<js_sys::Promise> {
        let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
        let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok()?;
        let write = write.dyn_ref::<js_sys::Function>()?;
        write.call1(&clipboard, &text.into()).ok()?.dyn_into().ok()
    };
    match call() {
        Some(promise) => JsFuture::from(promise).await.is_ok(),
        None => false,
    }
}

/// Opens the system share sheet for `url`.
pub async fn share(title: &str, url: &str) -> ShareOutcome {
    let Some(navigator) = navigator() else {
        return ShareOutcome::Refused;
    };
    let call = || -> Option<js_sys::Promise> {
        let share = js_sys::Reflect::get(&navigator, &"share".into()).ok()?;
        let share = share.dyn_ref::<js_sys::Function>()?;
        let data = js_sys::Object::new();
        js_sys::Reflect::set(&data, &"title".into(), &title.into()).ok()?;
        js_sys::Reflect::set(&data, &"url".into(), &url.into()).ok()?;
        share.call1(&navigator, &data).ok()?.dyn_into().ok()
    };
    let Some(promise) = call() else {
        return ShareOutcome::Refused;
    };
    match JsFuture::from(promise).await {
        Ok(_) => ShareOutcome::Shared,
        // The visitor closed the sheet: not a failure to report.
        Err(error) if error_name(&error).as_deref() == Some("AbortError") => {
            ShareOutcome::Cancelled
        }
        Err(_) => ShareOutcome::Refused,
    }
}

fn error_name(error: &JsValue) -> Option<String> {
    js_sys::Reflect::get(error, &"name".into())
        .ok()?
        .as_string()
}

/// Focuses the element with `id` and selects its text, for copying by hand.
pub fn select(id: &str) {
    let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        input.select();
    } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        area.select();
    }
}
