//! The visit's answers and saved results, behind a handle with verbs. Every
//! change is written to the browser's storage here; the reducer stays pure.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use quiz_core::storage::{
    self, clean_label, export, new_attempt, parse_import, to_stored, Attempt, ImportError,
    MergeReport, Progress,
};
use quiz_core::{Answer, AnswerSheet};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::after_paint::after_next_paint;
use crate::content::QuizRef;
use crate::state::{QuizAction, QuizState};
use crate::store::{StorageNotice, Store};

#[derive(Clone)]
pub struct QuizSessionHandle {
    quiz: QuizRef,
    store: Rc<Store>,
    state: UseReducerHandle<QuizState>,
}

impl PartialEq for QuizSessionHandle {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state && Rc::ptr_eq(&self.store, &other.store)
    }
}

/// What the saved progress is made of: answers, position, when started.
type ProgressKey = (AnswerSheet, usize, Option<f64>);

fn now() -> f64 {
    js_sys::Date::now()
}

impl QuizSessionHandle {
    pub fn answers(&self) -> &AnswerSheet {
        &self.state.answers
    }

    /// One-based number of the question the visitor was last on.
    pub fn position(&self) -> usize {
        self.state.position
    }

    /// Completed attempts, oldest first.
    pub fn attempts(&self) -> &[Attempt] {
        &self.state.attempts
    }

    pub fn notices(&self) -> &[StorageNotice] {
        &self.state.notices
    }

    pub fn is_persistent(&self) -> bool {
        self.store.is_persistent()
    }

    pub fn answer(&self, question_id: String, answer: Answer, position: usize) {
        self.state.dispatch(QuizAction::Answer {
            question_id,
            answer,
            position,
            at: now(),
        });
    }

    pub fn visit(&self, position: usize) {
        self.state.dispatch(QuizAction::Visit { position });
    }

    pub fn restart(&self) {
        self.state.dispatch(QuizAction::Restart);
    }

    pub fn dismiss(&self, notice: StorageNotice) {
        self.state.dispatch(QuizAction::Dismiss(notice));
    }

    /// Records the answers as a completed attempt; returns its id.
    pub fn complete(&self) -> String {
        let completed_at = now();
        let started_at = self.state.started_at.unwrap_or(completed_at);
        let attempt = new_attempt(&self.quiz, &self.state.answers, started_at, completed_at);
        let id = attempt.id.clone();
        let (attempts, _, saved) = self.store.merge_attempts(vec![attempt]);
        self.report(saved);
        self.report(self.store.clear_progress());
        self.state.dispatch(QuizAction::Completed { attempts });
        id
    }

    pub fn set_label(&self, attempt_id: &str, label: &str) {
        let mut attempts = self.current_attempts();
        for attempt in attempts.iter_mut().filter(|a| a.id == attempt_id) {
            attempt.label = clean_label(label);
        }
        self.save_attempts(attempts);
    }

    /// Deletes one attempt and returns it, so it can be restored.
    pub fn delete_attempt(&self, attempt_id: &str) -> Option<Attempt> {
        let mut attempts = self.current_attempts();
        let index = attempts.iter().position(|a| a.id == attempt_id)?;
        let removed = attempts.remove(index);
        self.save_attempts(attempts);
        Some(removed)
    }

    pub fn restore_attempt(&self, attempt: Attempt) {
        let (attempts, _, saved) = self.store.merge_attempts(vec![attempt]);
        self.report(saved);
        self.state
            .dispatch(QuizAction::AttemptsChanged { attempts });
    }

    pub fn delete_all_attempts(&self) {
        self.save_attempts(Vec::new());
    }

    /// Removes everything this app stored in the browser, in-progress answers too.
    pub fn delete_everything(&self) {
        self.report(self.store.delete_everything());
        self.state.dispatch(QuizAction::Restart);
        self.state.dispatch(QuizAction::AttemptsChanged {
            attempts: Vec::new(),
        });
    }

    pub fn export(&self) -> String {
        export(&self.state.attempts, now())
    }

    pub fn import(&self, text: &str) -> Result<MergeReport, ImportError> {
        let incoming = parse_import(text)?;
        let (attempts, report, saved) = self.store.merge_attempts(incoming);
        self.report(saved);
        self.state
            .dispatch(QuizAction::AttemptsChanged { attempts });
        Ok(report)
    }

    /// What is stored, or this visit's list when storage is not kept.
    fn current_attempts(&self) -> Vec<Attempt> {
        if self.store.is_persistent() {
            self.store.current_attempts()
        } else {
            self.state.attempts.clone()
        }
    }

    fn save_attempts(&self, attempts: Vec<Attempt>) {
        self.report(self.store.save_attempts(&attempts));
        self.state
            .dispatch(QuizAction::AttemptsChanged { attempts });
    }

    fn save_progress(&self, (answers, position, started_at): ProgressKey) {
        let result = match started_at {
            Some(started_at) if !answers.is_empty() => self.store.save_progress(&Progress {
                content_version: self.quiz.version,
                answers: to_stored(&self.quiz, &answers),
                position,
                started_at,
            }),
            _ => self.store.clear_progress(),
        };
        self.report(result);
    }

    fn report(&self, result: Result<(), StorageNotice>) {
        if let Err(notice) = result {
            self.state.dispatch(QuizAction::Notice(notice));
        }
    }
}

#[hook]
pub fn use_quiz_session(quiz: QuizRef) -> QuizSessionHandle {
    let opened = use_memo((), |_| {
        let (store, snapshot) = Store::open(now());
        (Rc::new(store), snapshot)
    });
    let state = {
        let quiz = quiz.clone();
        let opened = opened.clone();
        use_reducer(move || QuizState::from_snapshot(&quiz, &opened.1))
    };
    let handle = QuizSessionHandle {
        quiz: quiz.clone(),
        store: opened.0.clone(),
        state: state.clone(),
    };

    // Progress is saved after every change to it, once the change is painted
    // (one write for an answer and the step after it); not on mount, where it
    // is exactly what was just read (opening a shared link writes nothing).
    {
        let handle = handle.clone();
        let mounted = use_mut_ref(|| false);
        let unsaved: Rc<RefCell<Option<ProgressKey>>> = use_mut_ref(|| None);
        let key = (state.answers.clone(), state.position, state.started_at);
        use_effect_with(key, move |key| {
            if !std::mem::replace(&mut *mounted.borrow_mut(), true) {
                return;
            }
            if unsaved.replace(Some(key.clone())).is_some() {
                return; // already queued: it writes the latest
            }
            after_next_paint(move || {
                if let Some(key) = unsaved.take() {
                    handle.save_progress(key);
                }
            });
        });
    }

    // Another tab finished or deleted an attempt: show the same history here.
    {
        let handle = handle.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "storage", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    // A null key means the other tab cleared all of storage.
                    let relevant = event.key().is_none_or(|key| key == storage::ATTEMPTS_KEY);
                    if relevant {
                        let attempts = handle.store.current_attempts();
                        handle
                            .state
                            .dispatch(QuizAction::AttemptsChanged { attempts });
                    }
                })
            });
            move || drop(listener)
        });
    }

    handle
}
