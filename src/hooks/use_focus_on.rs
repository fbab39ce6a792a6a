//! Moves keyboard and screen-reader focus to an element (a page's heading)
//! whenever `key` changes, so a new page or question is announced.
//! Inside a frame that does not have focus (the quiz embedded in a host
//! page), focus stays where the visitor has it: moving it would scroll the
//! host page to the quiz as it loads.

use web_sys::HtmlElement;
use yew::prelude::*;

#[hook]
pub fn use_focus_on<K: PartialEq + 'static>(target: NodeRef, key: K) {
    use_effect_with(key, move |_| focus(&target));
}

/// Moves focus to `target` now, where this frame may take it.
pub fn focus(target: &NodeRef) {
    if !may_take_focus() {
        return;
    }
    if let Some(element) = target.cast::<HtmlElement>() {
        // Focus can fail harmlessly (element detached); nothing to recover.
        let _ = element.focus();
    }
}

/// Focus fell to the page itself: the control that had it was removed
/// (a deleted row's button, an offer that ran out).
pub fn focus_lost() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    match (document.active_element(), document.body()) {
        (None, _) => true,
        (Some(active), Some(body)) => js_sys::Object::is(&active, &body),
        (Some(_), None) => false,
    }
}

/// False in a frame whose document does not have focus.
fn may_take_focus() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let framed = window
        .top()
        .ok()
        .flatten()
        .is_some_and(|top| !js_sys::Object::is(&top, &window));
    !framed
        || window
            .document()
            .and_then(|d| d.has_focus().ok())
            .unwrap_or(false)
}
