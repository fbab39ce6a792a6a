//! The visit's state and the only ways it changes. Pure: storage is written by
//! the session hook, around this reducer.

use std::rc::Rc;

use quiz_core::storage::{from_stored, Attempt};
use quiz_core::{Answer, AnswerSheet, Quiz};
use yew::Reducible;

use crate::store::{Snapshot, StorageNotice};

#[derive(Clone, Debug, PartialEq)]
pub struct QuizState {
    pub answers: AnswerSheet,
    /// When the first answer was given (ms since the epoch).
    pub started_at: Option<f64>,
    /// One-based number of the question last shown.
    pub position: usize,
    /// Completed attempts, oldest first.
    pub attempts: Vec<Attempt>,
    /// Shown to the visitor until dismissed.
    pub notices: Vec<StorageNotice>,
    /// Dismissed notices are not shown again during this visit.
    pub dismissed: Vec<StorageNotice>,
}

impl Default for QuizState {
    fn default() -> Self {
        Self {
            answers: AnswerSheet::new(),
            started_at: None,
            position: 1,
            attempts: Vec::new(),
            notices: Vec::new(),
            dismissed: Vec::new(),
        }
    }
}

impl QuizState {
    pub fn from_snapshot(quiz: &Quiz, snapshot: &Snapshot) -> Self {
        let mut state = Self {
            attempts: snapshot.attempts.clone(),
            notices: snapshot.notices.clone(),
            ..Self::default()
        };
        if let Some(progress) = &snapshot.progress {
            state.answers = from_stored(quiz, &progress.answers);
            state.started_at = Some(progress.started_at);
            state.position = progress.position.clamp(1, quiz.question_count().max(1));
        }
        state
    }
}

pub enum QuizAction {
    Answer {
        question_id: String,
        answer: Answer,
        position: usize,
        at: f64,
    },
    Visit {
        position: usize,
    },
    Restart,
    /// The quiz was completed and the attempts are now these.
    Completed {
        attempts: Vec<Attempt>,
    },
    AttemptsChanged {
        attempts: Vec<Attempt>,
    },
    Notice(StorageNotice),
    Dismiss(StorageNotice),
}

impl Reducible for QuizState {
    type Action = QuizAction;

    fn reduce(self: Rc<Self>, action: QuizAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            QuizAction::Answer {
                question_id,
                answer,
                position,
                at,
            } => {
                if self.answers.get(&question_id) == Some(answer) && self.position == position {
                    return self;
                }
                next.answers.set(&question_id, answer);
                next.position = position;
                next.started_at.get_or_insert(at);
            }
            QuizAction::Visit { position } => {
                if self.position == position {
                    return self;
                }
                next.position = position;
            }
            QuizAction::Restart => {
                next.answers = AnswerSheet::new();
                next.started_at = None;
                next.position = 1;
            }
            QuizAction::Completed { attempts } => {
                next.attempts = attempts;
                next.answers = AnswerSheet::new();
                next.started_at = None;
                next.position = 1;
            }
            QuizAction::AttemptsChanged { attempts } => {
                if self.attempts == attempts {
                    return self;
                }
                next.attempts = attempts;
            }
            QuizAction::Notice(notice) => {
                if self.notices.contains(&notice) || self.dismissed.contains(&notice) {
                    return self;
                }
                next.notices.push(notice);
            }
            QuizAction::Dismiss(notice) => {
                next.notices.retain(|n| *n != notice);
                next.dismissed.push(notice);
            }
        }
        Rc::new(next)
    }
}
