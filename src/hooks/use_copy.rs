//! "Copy" buttons: the Clipboard API where the browser allows it, otherwise
//! the text is selected in its field so the visitor can copy it by hand.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::share_link;

#[derive(Clone, PartialEq)]
pub struct CopyHandle {
    field: NodeRef,
    status: UseStateHandle<String>,
    copied: AttrValue,
    failed: AttrValue,
}

impl CopyHandle {
    /// What happened at the last copy, for a `role="status"` line.
    pub fn status(&self) -> String {
        (*self.status).clone()
    }

    pub fn copy(&self, text: String) {
        let handle = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if share_link::copy(&text).await {
                handle.status.set(handle.copied.to_string());
            } else {
                handle.select_field();
                handle.status.set(handle.failed.to_string());
            }
        });
    }

    fn select_field(&self) {
        let Some(element) = self.field.get() else {
            return;
        };
        if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
            let _ = input.focus();
            input.select();
        } else if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
            let _ = area.focus();
            area.select();
        }
    }
}

/// `field` shows the text being copied; `copied` and `failed` are the status texts.
#[hook]
pub fn use_copy(field: NodeRef, copied: AttrValue, failed: AttrValue) -> CopyHandle {
    CopyHandle {
        field,
        status: use_state(String::new),
        copied,
        failed,
    }
}
