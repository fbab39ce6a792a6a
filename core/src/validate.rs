//! Content validation: every rule a content file must meet, with errors that
//! name the file and the item so an editor can fix it without reading code.

use std::collections::HashSet;
use std::fmt;

use crate::content::{Quiz, OPTION_SCORES};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContentError {
    /// The file is not valid TOML or misses a field (a missing `ui` key lands here).
    Parse {
        file: String,
        message: String,
    },
    NoQuestions {
        file: String,
        dimension: String,
    },
    OptionCount {
        file: String,
        question: String,
        found: usize,
    },
    ScoreOutOfRange {
        file: String,
        question: String,
        option: String,
        score: u32,
    },
    UnexpectedScores {
        file: String,
        question: String,
        found: Vec<u8>,
    },
    DuplicateId {
        file: String,
        kind: &'static str,
        id: String,
    },
    EmptyText {
        file: String,
        item: String,
    },
    MissingTranslation {
        file: String,
        key: String,
    },
    UnknownReference {
        file: String,
        item: String,
        reference: String,
    },
    MissingAdvice {
        file: String,
        dimension: String,
        band: String,
    },
    NotHttps {
        file: String,
        offer: String,
        url: String,
    },
    BadLevels {
        file: String,
        reason: String,
    },
    /// `releases.toml` does not describe the current content's question order.
    BadRelease {
        file: String,
        reason: String,
    },
    /// A glossary entry that no question uses (its term appears nowhere).
    UnusedGlossary {
        file: String,
        id: String,
    },
    /// Options not named `a` to `e`, weakest first.
    OptionIds {
        file: String,
        question: String,
    },
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Parse { file, message } => write!(f, "{file}: {message}"),
            Self::NoQuestions { file, dimension } => {
                write!(f, "{file}: dimension `{dimension}` has no questions")
            }
            Self::OptionCount { file, question, found } => write!(
                f,
                "{file}: question `{question}` has {found} options, expected exactly {}",
                OPTION_SCORES.len()
            ),
            Self::ScoreOutOfRange { file, question, option, score } => write!(
                f,
                "{file}: option `{option}` of question `{question}` scores {score}, outside 0 to 100"
            ),
            Self::UnexpectedScores { file, question, found } => write!(
                f,
                "{file}: question `{question}` scores its options {found:?}, expected {OPTION_SCORES:?} from weakest to strongest"
            ),
            Self::DuplicateId { file, kind, id } => write!(f, "{file}: duplicate {kind} id `{id}`"),
            Self::EmptyText { file, item } => write!(f, "{file}: `{item}` is empty"),
            Self::MissingTranslation { file, key } => {
                write!(f, "{file}: missing translation for `{key}`")
            }
            Self::UnknownReference { file, item, reference } => {
                write!(f, "{file}: `{item}` refers to unknown id `{reference}`")
            }
            Self::MissingAdvice { file, dimension, band } => {
                write!(f, "{file}: dimension `{dimension}` has no advice for band `{band}`")
            }
            Self::NotHttps { file, offer, url } => {
                write!(f, "{file}: offer `{offer}` links to `{url}`, which is not an https URL")
            }
            Self::BadLevels { file, reason } => write!(f, "{file}: levels {reason}"),
            Self::BadRelease { file, reason } => write!(f, "{file}: {reason}"),
            Self::UnusedGlossary { file, id } => write!(
                f,
                "{file}: glossary entry `{id}` is used by no question (its term or matches appear in none)"
            ),
            Self::OptionIds { file, question } => write!(
                f,
                "{file}: question `{question}` must name its options a, b, c, d, e from weakest to strongest"
            ),
        }
    }
}

impl std::error::Error for ContentError {}

/// True for an absolute https URL with a host. The browser's URL parser is not
/// available at build time, so this checks the shape an editor could get wrong.
pub fn is_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The source files an assembled quiz came from, so each error names the file to fix.
#[derive(Clone, Copy, Debug)]
pub struct SourceFiles<'a> {
    /// Thresholds, links and UTM parameters.
    pub manifest: &'a str,
    /// Every text of one language.
    pub language: &'a str,
    /// Every released version's question order.
    pub releases: &'a str,
}

/// Checks an assembled quiz. Returns every problem found, not just the first.
pub fn validate(quiz: &Quiz, files: SourceFiles<'_>) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let file = files.language;
    let manifest = files.manifest;
    let file_name = || file.to_string();
    let mut empty = |item: String, text: &str, errors: &mut Vec<ContentError>| {
        if text.trim().is_empty() {
            errors.push(ContentError::EmptyText {
                file: file_name(),
                item,
            });
        }
    };

    if quiz.levels.is_empty() {
        errors.push(ContentError::BadLevels {
            file: manifest.into(),
            reason: "are missing".into(),
        });
    } else if quiz.levels[0].min_score != 0 {
        errors.push(ContentError::BadLevels {
            file: manifest.into(),
            reason: "must start at min_score 0".into(),
        });
    }
    if quiz
        .levels
        .windows(2)
        .any(|pair| pair[0].min_score >= pair[1].min_score)
        || quiz.levels.iter().any(|l| l.min_score > 100)
    {
        errors.push(ContentError::BadLevels {
            file: manifest.into(),
            reason: "must have strictly increasing min_score values from 0 to 100".into(),
        });
    }
    let mut level_ids = HashSet::new();
    for level in &quiz.levels {
        if !level_ids.insert(level.id.as_str()) {
            errors.push(duplicate(manifest, "level", &level.id));
        }
        empty(
            format!("levels.{}.name", level.id),
            &level.name,
            &mut errors,
        );
        empty(
            format!("levels.{}.summary", level.id),
            &level.summary,
            &mut errors,
        );
    }

    let mut dimension_ids = HashSet::new();
    let mut question_ids = HashSet::new();
    for dimension in &quiz.dimensions {
        if !dimension_ids.insert(dimension.id.as_str()) {
            errors.push(duplicate(file, "dimension", &dimension.id));
        }
        empty(
            format!("{}.name", dimension.id),
            &dimension.name,
            &mut errors,
        );
        empty(
            format!("{}.definition", dimension.id),
            &dimension.definition,
            &mut errors,
        );
        empty(
            format!("{}.find_out", dimension.id),
            &dimension.find_out,
            &mut errors,
        );
        if dimension.questions.is_empty() {
            errors.push(ContentError::NoQuestions {
                file: file_name(),
                dimension: dimension.id.clone(),
            });
        }
        for level in &quiz.levels {
            if !dimension.advice.iter().any(|a| a.band == level.id) {
                errors.push(ContentError::MissingAdvice {
                    file: file_name(),
                    dimension: dimension.id.clone(),
                    band: level.id.clone(),
                });
            }
        }
        let mut bands = HashSet::new();
        for advice in &dimension.advice {
            let item = format!("{}.advice.{}", dimension.id, advice.band);
            if !level_ids.contains(advice.band.as_str()) {
                errors.push(unknown(file, &item, &advice.band));
            }
            if !bands.insert(advice.band.as_str()) {
                errors.push(duplicate(file, "advice band", &item));
            }
            empty(format!("{item}.headline"), &advice.headline, &mut errors);
            if advice.actions.is_empty() {
                errors.push(ContentError::EmptyText {
                    file: file_name(),
                    item: format!("{item}.actions"),
                });
            }
            for (i, action) in advice.actions.iter().enumerate() {
                empty(format!("{item}.actions[{i}]"), action, &mut errors);
            }
        }
        for question in &dimension.questions {
            if !question_ids.insert(question.id.as_str()) {
                errors.push(duplicate(file, "question", &question.id));
            }
            empty(
                format!("{}.prompt", question.id),
                &question.prompt,
                &mut errors,
            );
            validate_options(question, file, &mut errors, &mut empty);
            let ids: Vec<&str> = question.options.iter().map(|o| o.id.as_str()).collect();
            if question.options.len() == crate::content::OPTION_IDS.len()
                && ids != crate::content::OPTION_IDS
            {
                errors.push(ContentError::OptionIds {
                    file: file_name(),
                    question: question.id.clone(),
                });
            }
        }
    }

    let mut glossary_ids = HashSet::new();
    for entry in &quiz.glossary {
        if !glossary_ids.insert(entry.id.as_str()) {
            errors.push(duplicate(file, "glossary", &entry.id));
        }
        empty(
            format!("glossary.{}.term", entry.id),
            &entry.term,
            &mut errors,
        );
        empty(
            format!("glossary.{}.definition", entry.id),
            &entry.definition,
            &mut errors,
        );
    }

    errors.extend(validate_releases(quiz, files.releases));

    let mut offer_ids = HashSet::new();
    for offer in &quiz.offers {
        if !offer_ids.insert(offer.id.as_str()) {
            errors.push(duplicate(manifest, "offer", &offer.id));
        }
        for (key, text) in [
            ("title", &offer.title),
            ("description", &offer.description),
            ("cta", &offer.cta),
        ] {
            empty(format!("training.{}.{key}", offer.id), text, &mut errors);
        }
        let item = format!("offers.{}", offer.id);
        for dimension in &offer.dimensions {
            if !dimension_ids.contains(dimension.as_str()) {
                errors.push(unknown(manifest, &item, dimension));
            }
        }
        for band in &offer.bands {
            if !level_ids.contains(band.as_str()) {
                errors.push(unknown(manifest, &item, band));
            }
        }
    }
    errors
}

fn validate_options(
    question: &crate::content::Question,
    file: &str,
    errors: &mut Vec<ContentError>,
    empty: &mut impl FnMut(String, &str, &mut Vec<ContentError>),
) {
    let mut option_ids = HashSet::new();
    for option in &question.options {
        if !option_ids.insert(option.id.as_str()) {
            errors.push(duplicate(
                file,
                "option",
                &format!("{}/{}", question.id, option.id),
            ));
        }
        if option.score > 100 {
            errors.push(ContentError::ScoreOutOfRange {
                file: file.to_string(),
                question: question.id.clone(),
                option: option.id.clone(),
                score: option.score.into(),
            });
        }
        empty(
            format!("{}/{}.text", question.id, option.id),
            &option.text,
            errors,
        );
    }
    if question.options.len() != OPTION_SCORES.len() {
        errors.push(ContentError::OptionCount {
            file: file.to_string(),
            question: question.id.clone(),
            found: question.options.len(),
        });
    } else {
        let scores: Vec<u8> = question.options.iter().map(|o| o.score).collect();
        if scores != OPTION_SCORES && scores.iter().all(|s| *s <= 100) {
            errors.push(ContentError::UnexpectedScores {
                file: file.to_string(),
                question: question.id.clone(),
                found: scores,
            });
        }
    }
}

fn duplicate(file: &str, kind: &'static str, id: &str) -> ContentError {
    ContentError::DuplicateId {
        file: file.to_string(),
        kind,
        id: id.to_string(),
    }
}

fn unknown(file: &str, item: &str, reference: &str) -> ContentError {
    ContentError::UnknownReference {
        file: file.to_string(),
        item: item.to_string(),
        reference: reference.to_string(),
    }
}

/// Releases are append-only and the current version's entry must be the
/// current question order: otherwise old share links would decode wrongly.
fn validate_releases(quiz: &Quiz, file: &str) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let mut bad = |reason: String| {
        errors.push(ContentError::BadRelease {
            file: file.to_string(),
            reason,
        })
    };
    if quiz
        .releases
        .windows(2)
        .any(|pair| pair[0].version >= pair[1].version)
    {
        bad("release versions must increase from one entry to the next".into());
    }
    for release in &quiz.releases {
        let unique: HashSet<&String> = release.questions.iter().collect();
        if unique.len() != release.questions.len() {
            bad(format!(
                "release {} names a question twice",
                release.version
            ));
        }
        if release.version > quiz.version {
            bad(format!(
                "release {} is newer than the content version {}",
                release.version, quiz.version
            ));
        }
    }
    let current: Vec<&String> = quiz.questions().map(|(_, q)| &q.id).collect();
    match quiz.release(quiz.version) {
        None => bad(format!(
            "has no entry for the content version {}: add one listing the questions in order",
            quiz.version
        )),
        Some(release) if release.questions.iter().collect::<Vec<_>>() != current => bad(format!(
            "release {} lists a different question order than the content: bump `version` in the manifest and add a new release",
            quiz.version
        )),
        Some(_) => {}
    }
    errors
}
