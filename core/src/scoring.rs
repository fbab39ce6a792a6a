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

    /// Keeps only the answers to questions `quiz` asks; returns how many went.
    pub fn retain_asked(&mut self, quiz: &Quiz) -> usize {
        let before = self.answers.len();
        self.answers
            .retain(|(id, _)| quiz.questions().any(|(_, q)| &q.id == id));
        before - self.answers.len()
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
    /// Fewer than half of its questions were scored: the score rests on
    /// little evidence and is shown as provisional.
    pub provisional: bool,
    /// The visitor's weakest scored answer here, as (question index within
    /// the dimension, option index 0–4): the first step starts from it.
    /// Ties go to the first such question.
    pub weakest: Option<(usize, u8)>,
}

impl DimensionResult {
    /// Not assessed because every answer it has is "Not sure": not knowing
    /// is itself a finding (nobody owns it), unlike questions left open.
    pub fn unknown(&self) -> bool {
        self.score.is_none() && self.not_sure > 0
    }
}

/// One of the visitor's priorities.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Priority {
    /// A scored dimension below the top level: its first step and advice.
    Improve(usize),
    /// A dimension answered only with "Not sure": find out who owns it.
    FindOut(usize),
}

impl Priority {
    /// Index into `Quiz::dimensions`.
    pub fn dimension(self) -> usize {
        match self {
            Priority::Improve(d) | Priority::FindOut(d) => d,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub dimensions: Vec<DimensionResult>,
    /// Rounded mean of the assessed dimensions' scores.
    pub overall: Option<u8>,
    /// The overall level: the overall score's, but at most one level above
    /// the weakest assessed dimension's (see [`LevelCap`]).
    pub level: Option<usize>,
    /// Set when the weakest dimension held the level below the overall score's.
    pub cap: Option<LevelCap>,
    /// Up to [`STRENGTH_COUNT`] dimension indices, strongest first: only
    /// dimensions at the level below the top or higher, and not provisional.
    pub strengths: Vec<usize>,
    /// Up to [`PRIORITY_COUNT`], weakest first: dimensions below the top
    /// level, and dimensions answered only with "Not sure".
    pub priorities: Vec<Priority>,
    /// With no priorities (every assessed dimension at the top level): the
    /// two weakest, whose top-level advice says what keeps the level.
    pub keep: Vec<usize>,
    /// Answers to questions this content no longer asks (a result made with
    /// an earlier version of the questions); not scored.
    pub earlier_answers: usize,
}

/// Why the overall level is lower than the overall score alone would give:
/// an alliance capability is only as strong as its weakest essential, so the
/// level is at most one level above the weakest assessed dimension's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LevelCap {
    /// Index into `Quiz::levels` the overall score alone reaches.
    pub uncapped: usize,
    /// The weakest assessed dimension (ties: the first in content order).
    pub dimension: usize,
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

/// Scores `answers` against `quiz`. Rules (docs/content.md, and the results'
/// "how computed"): a dimension's score is the rounded mean of its scored
/// answers; "Not sure" and open questions are left out; overall is the mean
/// of the assessed dimensions; ties anywhere are broken by content order.
pub fn score(quiz: &Quiz, answers: &AnswerSheet) -> Report {
    let dimensions: Vec<DimensionResult> = quiz
        .dimensions
        .iter()
        .enumerate()
        .map(|(index, dimension)| {
            let mut points = Vec::new();
            let (mut not_sure, mut unanswered) = (0, 0);
            let mut weakest: Option<(usize, u8)> = None;
            for (position, question) in dimension.questions.iter().enumerate() {
                match answers.get(&question.id) {
                    Some(Answer::NotSure) => not_sure += 1,
                    Some(answer @ Answer::Choice(rung)) => match answer.points() {
                        Some(p) => {
                            points.push(p);
                            if weakest.is_none_or(|(_, lowest)| rung < lowest) {
                                weakest = Some((position, rung));
                            }
                        }
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
                provisional: score.is_some() && points.len() * 2 < dimension.questions.len(),
                weakest,
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
    let top = quiz.levels.len().saturating_sub(1);

    // Priorities: below the top level, weakest first. A dimension answered
    // only "Not sure" ranks as if it scored just under the second level's
    // threshold: after the weakest scored ones, before the rest.
    let unknown_rank = quiz
        .levels
        .get(1)
        .map_or(0, |l| u16::from(l.min_score) * 2)
        .saturating_sub(1);
    let mut candidates: Vec<(Priority, u16)> = dimensions
        .iter()
        .filter_map(|d| match (d.score, d.level) {
            (Some(s), Some(level)) if level < top => {
                Some((Priority::Improve(d.dimension), u16::from(s) * 2))
            }
            _ if d.unknown() => Some((Priority::FindOut(d.dimension), unknown_rank)),
            _ => None,
        })
        .collect();
    // Stable sorts keep content order among equal ranks.
    tiny_sort::stable::sort_by_key(&mut candidates, |(_, rank)| *rank);
    let priorities: Vec<Priority> = candidates
        .into_iter()
        .take(PRIORITY_COUNT)
        .map(|(p, _)| p)
        .collect();

    let strength_floor = quiz.levels.len().saturating_sub(2);
    let mut strongest_first: Vec<(usize, u8)> = dimensions
        .iter()
        .filter(|d| !d.provisional && d.level.is_some_and(|l| l >= strength_floor))
        .filter_map(|d| d.score.map(|s| (d.dimension, s)))
        .filter(|(d, _)| !priorities.iter().any(|p| p.dimension() == *d))
        .collect();
    tiny_sort::stable::sort_by_key(&mut strongest_first, |(_, s)| std::cmp::Reverse(*s));
    let strengths = strongest_first
        .iter()
        .map(|(d, _)| *d)
        .take(STRENGTH_COUNT)
        .collect();

    // The level cap: at most one level above the weakest assessed dimension.
    let by_score = overall.and_then(|s| quiz.level_for(s));
    let weakest = assessed
        .iter()
        .copied()
        .reduce(|low, next| if next.1 < low.1 { next } else { low });
    let (level, cap) = match (by_score, weakest) {
        (Some(level), Some((dimension, lowest))) => {
            let floor = quiz.level_for(lowest).unwrap_or(0);
            if level > floor + 1 {
                (
                    Some(floor + 1),
                    Some(LevelCap {
                        uncapped: level,
                        dimension,
                    }),
                )
            } else {
                (Some(level), None)
            }
        }
        (level, _) => (level, None),
    };

    let keep = if priorities.is_empty() {
        let mut weakest_first = assessed.clone();
        tiny_sort::stable::sort_by_key(&mut weakest_first, |(_, s)| *s);
        weakest_first.iter().take(2).map(|(d, _)| *d).collect()
    } else {
        Vec::new()
    };
    let earlier_answers = answers
        .iter()
        .filter(|(id, _)| !quiz.questions().any(|(_, q)| q.id == *id))
        .count();

    Report {
        dimensions,
        overall,
        level,
        cap,
        strengths,
        priorities,
        keep,
        earlier_answers,
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

/// Offers that serve one of the scored priority dimensions at the band it
/// scored, in content order. An offer that fits none is not recommended.
pub fn recommend(quiz: &Quiz, report: &Report) -> Vec<Recommendation> {
    quiz.offers
        .iter()
        .enumerate()
        .filter_map(|(offer_index, offer)| {
            let because: Vec<usize> = report
                .priorities
                .iter()
                .filter_map(|p| match p {
                    Priority::Improve(d) => Some(*d),
                    Priority::FindOut(_) => None,
                })
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
