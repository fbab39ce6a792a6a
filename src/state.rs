//! The visit's state and the only ways it changes.

use std::rc::Rc;

use quiz_core::{Answer, AnswerSheet};
use yew::Reducible;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuizState {
    pub answers: AnswerSheet,
}

pub enum QuizAction {
    Answer { question_id: String, answer: Answer },
    Restart,
}

impl Reducible for QuizState {
    type Action = QuizAction;

    fn reduce(self: Rc<Self>, action: QuizAction) -> Rc<Self> {
        match action {
            QuizAction::Answer {
                question_id,
                answer,
            } => {
                if self.answers.get(&question_id) == Some(answer) {
                    return self;
                }
                let mut answers = self.answers.clone();
                answers.set(&question_id, answer);
                Rc::new(QuizState { answers })
            }
            QuizAction::Restart => Rc::new(QuizState::default()),
        }
    }
}
