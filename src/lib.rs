//! The alliance readiness quiz: a thin Yew shell around `quiz_core`.
