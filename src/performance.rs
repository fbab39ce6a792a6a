//! What `make bench` reads from the page (docs/benchmark.md): a performance
//! mark when question 1 first accepts input, and (in builds with the `bench`
//! feature only, never in the release `dist/`) share-link opening callable
//! from the page so it can be timed without rendering.

use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::prelude::*;

/// The mark's name; the benchmark looks it up by this name.
pub const FIRST_QUESTION_INTERACTIVE: &str = "quiz:first-question-interactive";

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = mark)]
    fn performance_mark(name: &str);
}

/// Marks the first time question 1's options accept input in this page load
/// (after Start, or on a deep link); later visits to question 1 do not move it.
pub fn mark_first_question_interactive() {
    static MARKED: AtomicBool = AtomicBool::new(false);
    if !MARKED.swap(true, Ordering::Relaxed) {
        performance_mark(FIRST_QUESTION_INTERACTIVE);
    }
}

/// Decodes a share code and scores it, as opening `#/r/<code>` does: the
/// overall score (0 to 100), or -1 when the code is invalid or nothing in it
/// was assessed.
#[cfg(feature = "bench")]
#[wasm_bindgen]
pub fn bench_open_share_link(code: &str) -> i32 {
    use std::cell::OnceCell;

    thread_local! {
        static QUIZ: OnceCell<Option<crate::content::QuizRef>> = const { OnceCell::new() };
    }
    QUIZ.with(|cell| {
        let Some(quiz) = cell.get_or_init(|| crate::content::load(None).ok()) else {
            return -1;
        };
        quiz_core::share::decode(code, &quiz.releases)
            .ok()
            .and_then(|shared| quiz_core::score(quiz, &shared.answers).overall)
            .map_or(-1, i32::from)
    })
}
