//! The visit's answers, behind a handle with verbs.

use quiz_core::{Answer, AnswerSheet};
use yew::prelude::*;

use crate::state::{QuizAction, QuizState};

#[derive(Clone, PartialEq)]
pub struct QuizSessionHandle {
    state: UseReducerHandle<QuizState>,
}

impl QuizSessionHandle {
    pub fn answers(&self) -> &AnswerSheet {
        &self.state.answers
    }

    pub fn answer(&self, question_id: String, answer: Answer) {
        self.state.dispatch(QuizAction::Answer {
            question_id,
            answer,
        });
    }

    pub fn restart(&self) {
        self.state.dispatch(QuizAction::Restart);
    }
}

#[hook]
pub fn use_quiz_session() -> QuizSessionHandle {
    QuizSessionHandle {
        state: use_reducer(QuizState::default),
    }
}
