//! The answer keys on the question page, wherever focus is: one listener on
//! the document while the page is shown, so a click on plain text (which
//! moves focus to `<main>`) or a frame that has focus does not lose them.
//! Which key does what is decided by `quiz_core::keys`.

use gloo::events::{EventListener, EventListenerOptions};
use quiz_core::keys::{self, KeyAction, KeyPress, KeyTarget};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

/// Calls `on_key` for every key press that means something on a question
/// page, and keeps the browser from also acting on it.
#[hook]
pub fn use_answer_keys(on_key: Callback<KeyAction>) {
    use_effect_with(on_key, |on_key| {
        let on_key = on_key.clone();
        let listener = crate::platform::document().map(|document| {
            EventListener::new_with_options(
                &document,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    let (key, code) = (event.key(), event.code());
                    let press = KeyPress {
                        key: &key,
                        code: &code,
                        repeat: event.repeat(),
                        command_modifier: event.ctrl_key() || event.alt_key() || event.meta_key(),
                        target: target_kind(event),
                    };
                    if let Some(action) = keys::action(press) {
                        event.prevent_default();
                        on_key.emit(action);
                    }
                },
            )
        });
        move || drop(listener)
    });
}

fn target_kind(event: &KeyboardEvent) -> KeyTarget {
    let Some(element) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return KeyTarget::Other;
    };
    if element.has_attribute("contenteditable") {
        return KeyTarget::TextEntry;
    }
    match element.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => KeyTarget::TextEntry,
        "INPUT" => {
            let kind = element.get_attribute("type").unwrap_or_default();
            match kind.as_str() {
                "radio" | "checkbox" => KeyTarget::Other,
                "button" | "submit" | "reset" => KeyTarget::Activates,
                _ => KeyTarget::TextEntry,
            }
        }
        "BUTTON" | "A" | "SUMMARY" => KeyTarget::Activates,
        _ => KeyTarget::Other,
    }
}
