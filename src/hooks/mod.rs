mod use_copy;
mod use_focus_on;
mod use_quiz_session;
mod use_route;

pub use use_copy::{use_copy, CopyHandle};
pub use use_focus_on::use_focus_on;
pub use use_quiz_session::{use_quiz_session, QuizSessionHandle};
pub use use_route::{push_route, replace_route, use_route};
