//! Moves keyboard and screen-reader focus to an element (a page's heading)
//! whenever `key` changes, so a new page or question is announced.

use web_sys::HtmlElement;
use yew::prelude::*;

#[hook]
pub fn use_focus_on<K: PartialEq + 'static>(target: NodeRef, key: K) {
    use_effect_with(key, move |_| {
        if let Some(element) = target.cast::<HtmlElement>() {
            // Focus can fail harmlessly (element detached); nothing to recover.
            let _ = element.focus();
        }
    });
}
