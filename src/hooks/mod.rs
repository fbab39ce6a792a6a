mod use_copy;
mod use_focus_on;
mod use_quiz_session;

pub use use_copy::{use_copy, CopyHandle};
pub use use_focus_on::use_focus_on;
pub use use_quiz_session::{use_quiz_session, QuizSessionHandle};
