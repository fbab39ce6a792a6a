//! Never a blank page. A panic is a bug of ours (nothing a visitor, a link,
//! stored data or a host page sends may cause one), and the release build
//! aborts on it (`panic = "abort"`): the app is gone. The hook installed here
//! first hands the panic message, the build's version and the crash page's
//! texts (the visitor's language once the content is loaded) to
//! `allianceQuizCrash` in index.html, which puts the page in place of the
//! app: what happened in one sentence, a Reload button, and "Copy details".
//! That page is plain DOM code in the page, not Yew (whose state the panic
//! may have left borrowed) nor this module, so its buttons never call into
//! the stopped wasm; it is also smaller there (docs/security.md).
//!
//! The hook touches no storage, and once it has run the storage adapter
//! refuses every write ([`happened`]): work that was half done when the app
//! stopped is not saved over what is stored.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use quiz_core::Quiz;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The build's version in the crash details: the package's version and the
/// commit it was built from (`build.rs`).
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("QUIZ_BUILD_COMMIT"),
    ")"
);

thread_local! {
    /// The quiz on screen, for its texts.
    static QUIZ: RefCell<Option<Rc<Quiz>>> = const { RefCell::new(None) };
    static CRASHED: Cell<bool> = const { Cell::new(false) };
}

/// Installs the panic hook; called once, before anything else runs.
/// Through Yew, which otherwise puts its own (console_error_panic_hook) in
/// place when the app is rendered.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        // Once: a later panic (a timer running into state the first one
        // left behind) must not build the page again.
        if CRASHED.with(|crashed| crashed.replace(true)) {
            return;
        }
        show(&format!("{info}\n\nVersion {VERSION}"));
    }));
}

/// Remembers the quiz on screen, whose texts a crash page uses.
pub fn remember(quiz: Rc<Quiz>) {
    QUIZ.with(|slot| {
        if let Ok(mut slot) = slot.try_borrow_mut() {
            *slot = Some(quiz);
        }
    });
}

/// True once the app has stopped on a panic.
pub fn happened() -> bool {
    CRASHED.with(Cell::get)
}

/// `allianceQuizCrash(details, texts)`: `texts` is the language and the
/// `crash_*` texts in the order index.html reads them, or empty before the
/// content is loaded (the page then has its fixed English).
fn show(details: &str) {
    let texts: js_sys::Array = QUIZ
        .with(|slot| {
            let quiz = slot.try_borrow().ok()?.clone()?;
            let ui = &quiz.ui;
            Some(
                [
                    &quiz.language,
                    &ui.crash_heading,
                    &ui.crash_text,
                    &ui.crash_reload,
                    &ui.crash_copy,
                    &ui.crash_copied,
                    &ui.crash_copy_failed,
                    &ui.crash_details,
                ]
                .into_iter()
                .map(|text| JsValue::from_str(text))
                .collect(),
            )
        })
        .unwrap_or_default();
    let Some(window) = web_sys::window() else {
        return;
    };
    let page = js_sys::Reflect::get(&window, &"allianceQuizCrash".into());
    if let Some(page) = page
        .ok()
        .as_ref()
        .and_then(|p| p.dyn_ref::<js_sys::Function>())
    {
        let _ = page.call2(&JsValue::NULL, &details.into(), &texts);
    }
}

/// Test builds only (`--features crash-test`, never the release `dist/`):
/// panics when the page's query has `crash-test=<stage>`, so the end-to-end
/// suite can see the crash page (e2e/specs/crash-page.test.mjs).
#[cfg(feature = "crash-test")]
pub fn test_panic(stage: &str) {
    let asked = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("crash-test"));
    if asked.as_deref() == Some(stage) {
        panic!("crash test at {stage}");
    }
}

/// Nothing in the shipped build.
#[cfg(not(feature = "crash-test"))]
pub fn test_panic(_stage: &str) {}
