//! Scoring: plain integer arithmetic so every number on the results page can be
//! recomputed by hand from the explanation shown beside it.

use crate::content::{Quiz, OPTION_SCORES};

/// One answer to one question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    /// Index of the chosen option, 0 (weakest) to 4 (strongest).
    Choice(u8),
    /// "Not sure": kept out of the score and reported as a finding.
    NotSure,
}

impl Answer {
    /// The points this answer scores, or `None` for "Not sure" or an index
    /// that does not name an option.
    pub fn points(self) -> Option<u8> {
        match self {
            Answer::Choice(index) => OPTION_SCORES.get(usize::from(index)).copied(),
            Answer::NotSure => None,
        }
    }
}

/// A visitor's answers keyed by question id. Order of answering does not matter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnswerSheet {
    /// Sorted by question id, like a map, so equal sheets compare equal and
    /// iterate alike. A sorted vector of thirty entries needs far less wasm
    /// than a `BTreeMap`.
    answers: Vec<(String, Answer)>,
}

impl AnswerSheet {
    pub fn new() -> Self {
        Self::default()
    }

    fn position(&self, question_id: &str) -> Result<usize, usize> {
        self.answers
            .binary_search_by(|(id, _)| id.as_str().cmp(question_id))
    }

    pub fn set(&mut self, question_id: &str, answer: Answer) {
        match self.position(question_id) {
            Ok(at) => self.answers[at].1 = answer,
            Err(at) => self.answers.insert(at, (question_id.to_string(), answer)),
        }
    }

    pub fn get(&self, question_id: &str) -> Option<Answer> {
        self.position(question_id).ok().map(|at| self.answers[at].1)
    }

    pub fn len(&self) -> usize {
        self.answers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, Answer)> {
        self.answers
            .iter()
            .map(|(id, answer)| (id.as_str(), *answer))
    }

    /// How many of the quiz's questions have an answer ("Not sure" counts as one).
    pub fn answered_in(&self, quiz: &Quiz) -> usize {
        quiz.questions()
            .filter(|(_, q)| self.position(&q.id).is_ok())
            .count()
    }

    /// Positions (zero-based, quiz order) of the questions without an answer.
    pub fn unanswered_positions(&self, quiz: &Quiz) -> Vec<usize> {
        quiz.questions()
            .enumerate()
            .filter(|(_, (_, q))| self.position(&q.id).is_err())
            .map(|(position, _)| position)
            .collect()
    }
}

impl<S: Into<String>> FromIterator<(S, Answer)> for AnswerSheet {
    fn from_iter<I: IntoIterator<Item = (S, Answer)>>(iter: I) -> Self {
        // Through `set`: keeps the order, and a later answer replaces an earlier one.
        let mut sheet = Self::new();
        for (id, answer) in iter {
            sheet.set(&id.into(), answer);
        }
        sheet
    }
}

/// One dimension's result, with everything needed to explain it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DimensionResult {
    /// Index into `Quiz::dimensions`.
    pub dimension: usize,
    /// Points of the scored answers, in question order.
    pub points: Vec<u8>,
    pub not_sure: usize,
    pub unanswered: usize,
    pub questions: usize,
    /// Rounded mean of `points`; `None` when nothing was scored ("not assessed").
    pub score: Option<u8>,
    /// Index into `Quiz::levels` for `score`.
    pub level: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub dimensions: Vec<DimensionResult>,
    /// Rounded mean of the assessed dimensions' scores.
    pub overall: Option<u8>,
    pub level: Option<usize>,
    /// Up to two dimension indices, strongest first.
    pub strengths: Vec<usize>,
    /// Up to three dimension indices, weakest first.
    pub priorities: Vec<usize>,
}

pub const STRENGTH_COUNT: usize = 2;
pub const PRIORITY_COUNT: usize = 3;

/// Mean of whole numbers, rounded half up, in integers so it is exact.
pub fn rounded_mean(values: &[u8]) -> Option<u8> {
    if values.is_empty() {
        return None;
    }
    let sum: u32 = values.iter().map(|v| u32::from(*v)).sum();
    let count = values.len() as u32;
    // Every value is at most 100, so the mean is too and fits a u8.
    u8::try_from((2 * sum + count) / (2 * count)).ok()
}

pub fn score(quiz: &Quiz, answers: &AnswerSheet) -> Report {
    let dimensions: Vec<DimensionResult> = quiz
        .dimensions
        .iter()
        .enumerate()
        .map(|(index, dimension)| {
            let mut points = Vec::new();
            let (mut not_sure, mut unanswered) = (0, 0);
            for question in &dimension.questions {
                match answers.get(&question.id) {
                    Some(Answer::NotSure) => not_sure += 1,
                    Some(answer @ Answer::Choice(_)) => match answer.points() {
                        Some(p) => points.push(p),
                        None => unanswered += 1,
                    },
                    None => unanswered += 1,
                }
            }
            let score = rounded_mean(&points);
            DimensionResult {
                dimension: index,
                questions: dimension.questions.len(),
                level: score.and_then(|s| quiz.level_for(s)),
                points,
                not_sure,
                unanswered,
                score,
            }
        })
        .collect();

    let assessed: Vec<(usize, u8)> = dimensions
        .iter()
        .filter_map(|d| d.score.map(|s| (d.dimension, s)))
        .collect();
    let overall = rounded_mean(&assessed.iter().map(|(_, s)| *s).collect::<Vec<_>>());

    // Stable sorts keep content order among equal scores.
    let mut weakest_first = assessed.clone();
    tiny_sort::stable::sort_by_key(&mut weakest_first, |(_, s)| *s);
    let priorities: Vec<usize> = weakest_first
        .iter()
        .take(PRIORITY_COUNT)
        .map(|(d, _)| *d)
        .collect();
    let mut strongest_first = assessed;
    tiny_sort::stable::sort_by_key(&mut strongest_first, |(_, s)| std::cmp::Reverse(*s));
    let strengths = strongest_first
        .iter()
        .map(|(d, _)| *d)
        .filter(|d| !priorities.contains(d))
        .take(STRENGTH_COUNT)
        .collect();

    Report {
        dimensions,
        level: overall.and_then(|s| quiz.level_for(s)),
        overall,
        strengths,
        priorities,
    }
}

/// A training offer recommended for the visitor's priorities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    /// Index into `Quiz::offers`.
    pub offer: usize,
    /// The priority dimensions (indices) that made it match.
    pub because: Vec<usize>,
}

/// Offers that serve one of the priority dimensions at the band it scored,
/// in content order.
pub fn recommend(quiz: &Quiz, report: &Report) -> Vec<Recommendation> {
    quiz.offers
        .iter()
        .enumerate()
        .filter_map(|(offer_index, offer)| {
            let because: Vec<usize> = report
                .priorities
                .iter()
                .copied()
                .filter(|&d| {
                    let result = &report.dimensions[d];
                    let band = result.level.and_then(|l| quiz.levels.get(l)).map(|l| &l.id);
                    offer.dimensions.contains(&quiz.dimensions[d].id)
                        && band.is_some_and(|b| offer.bands.contains(b))
                })
                .collect();
            (!because.is_empty()).then_some(Recommendation {
                offer: offer_index,
                because,
            })
        })
        .collect()
}
