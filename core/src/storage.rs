//! What the app keeps in the browser, as plain data: the versioned schema,
//! reading with migration, quarantine and newer-version detection, and
//! export, import and merge. The browser's `localStorage` itself is touched
//! only by the app's thin adapter; everything here is host-tested.
//!
//! Every value is an envelope `{"schema": N, "data": …}` under a key that
//! starts with [`KEY_PREFIX`]. See `docs/storage.md`.

use std::collections::BTreeMap;
use std::fmt;

use crate::content::Quiz;
use crate::json::{self, FromJson, Object, ToJson, Value};
use crate::order::{map_of, stable_sort_by};
use crate::scoring::{score, Answer, AnswerSheet};

pub const KEY_PREFIX: &str = "alliance-quiz:";
pub const PROGRESS_KEY: &str = "alliance-quiz:progress";
pub const ATTEMPTS_KEY: &str = "alliance-quiz:attempts";
pub const SETTINGS_KEY: &str = "alliance-quiz:settings";
/// Bad values are moved here (with the original key and a timestamp), never deleted.
pub const QUARANTINE_PREFIX: &str = "alliance-quiz:quarantine:";

/// The schema this build writes. Every earlier one must still load (see `migrate`).
pub const SCHEMA_VERSION: u32 = 1;
pub const MAX_LABEL_CHARS: usize = 80;
/// An import larger than this is not a file this app wrote.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
pub const EXPORT_FORMAT: &str = "alliance-readiness-quiz-export";
/// Stored in place of an option id for a "Not sure" answer.
pub const NOT_SURE: &str = "not-sure";

/// Answers by question id: an option id ("a" to "e") or [`NOT_SURE`]. Ids, not
/// positions, so stored answers survive content edits that keep the ids.
pub type StoredAnswers = BTreeMap<String, String>;

/// The quiz in progress.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub content_version: u32,
    pub answers: StoredAnswers,
    /// One-based number of the question the visitor was on.
    pub position: usize,
    /// Milliseconds since the Unix epoch.
    pub started_at: f64,
}

/// A completed attempt, kept until the visitor deletes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Attempt {
    /// Derived from the completion time and the answers, so the same attempt
    /// imported twice is recognised.
    pub id: String,
    pub content_version: u32,
    pub answers: StoredAnswers,
    pub started_at: f64,
    pub completed_at: f64,
    /// Left out of the JSON when `None`.
    pub label: Option<String>,
    pub scores: StoredScores,
}

/// The scores as computed when the attempt was completed.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredScores {
    pub overall: Option<u8>,
    /// Level id.
    pub level: Option<String>,
    /// Dimension id to score; `None` for "not assessed".
    pub dimensions: BTreeMap<String, Option<u8>>,
}

/// Both left out of the JSON when `None`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    pub language: Option<String>,
    pub theme: Option<String>,
}

// The JSON forms, member for member what serde's derive wrote before (same
// names, same order, `label`, `language` and `theme` left out when `None`),
// so data written by either version reads in the other.

impl ToJson for Progress {
    fn to_json(&self) -> Value {
        let mut object = Object::new();
        object.push("content_version", &self.content_version);
        object.push("answers", &self.answers);
        object.push("position", &self.position);
        object.push("started_at", &self.started_at);
        object.into()
    }
}

impl FromJson for Progress {
    fn from_json(value: &Value) -> Result<Self, String> {
        let object = json::object(value)?;
        Ok(Progress {
            content_version: object.field("content_version")?,
            answers: object.field("answers")?,
            position: object.field("position")?,
            started_at: object.field("started_at")?,
        })
    }
}

impl ToJson for Attempt {
    fn to_json(&self) -> Value {
        let mut object = Object::new();
        object.push("id", &self.id);
        object.push("content_version", &self.content_version);
        object.push("answers", &self.answers);
        object.push("started_at", &self.started_at);
        object.push("completed_at", &self.completed_at);
        if let Some(label) = &self.label {
            object.push("label", label);
        }
        object.push("scores", &self.scores);
        object.into()
    }
}

impl FromJson for Attempt {
    fn from_json(value: &Value) -> Result<Self, String> {
        let object = json::object(value)?;
        Ok(Attempt {
            id: object.field("id")?,
            content_version: object.field("content_version")?,
            answers: object.field("answers")?,
            started_at: object.field("started_at")?,
            completed_at: object.field("completed_at")?,
            label: object.field("label")?,
            scores: object.field("scores")?,
        })
    }
}

impl ToJson for StoredScores {
    fn to_json(&self) -> Value {
        let mut object = Object::new();
        object.push("overall", &self.overall);
        object.push("level", &self.level);
        object.push("dimensions", &self.dimensions);
        object.into()
    }
}

impl FromJson for StoredScores {
    fn from_json(value: &Value) -> Result<Self, String> {
        let object = json::object(value)?;
        Ok(StoredScores {
            overall: object.field("overall")?,
            level: object.field("level")?,
            dimensions: object.field("dimensions")?,
        })
    }
}

impl ToJson for Settings {
    fn to_json(&self) -> Value {
        let mut object = Object::new();
        if let Some(language) = &self.language {
            object.push("language", language);
        }
        if let Some(theme) = &self.theme {
            object.push("theme", theme);
        }
        object.into()
    }
}

impl FromJson for Settings {
    fn from_json(value: &Value) -> Result<Self, String> {
        let object = json::object(value)?;
        Ok(Settings {
            language: object.field("language")?,
            theme: object.field("theme")?,
        })
    }
}

/// What reading one key found.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded<T> {
    Missing,
    Found {
        value: T,
        migrated_from: Option<u32>,
    },
    /// Not JSON, not an envelope, or not the expected shape: quarantine it.
    Corrupt {
        reason: String,
    },
    /// Written by a newer version of the app: leave it untouched.
    Newer {
        schema: u32,
    },
}

/// Serialises a value in the current schema's envelope.
pub fn write<T: ToJson + ?Sized>(value: &T) -> String {
    let mut envelope = Object::new();
    envelope.push("schema", &SCHEMA_VERSION);
    envelope.push("data", value);
    json::to_string(&envelope.into())
}

pub fn read_progress(raw: Option<&str>) -> Loaded<Progress> {
    read(raw, PROGRESS_KEY)
}

pub fn read_attempts(raw: Option<&str>) -> Loaded<Vec<Attempt>> {
    match read::<Vec<Attempt>>(raw, ATTEMPTS_KEY) {
        Loaded::Found {
            value,
            migrated_from,
        } => match value.iter().find_map(attempt_problem) {
            Some(reason) => Loaded::Corrupt { reason },
            None => Loaded::Found {
                value,
                migrated_from,
            },
        },
        other => other,
    }
}

pub fn read_settings(raw: Option<&str>) -> Loaded<Settings> {
    read(raw, SETTINGS_KEY)
}

fn read<T: FromJson>(raw: Option<&str>, key: &str) -> Loaded<T> {
    let Some(raw) = raw else {
        return Loaded::Missing;
    };
    let envelope = match json::parse(raw) {
        Ok(value) => value,
        Err(_) => {
            return Loaded::Corrupt {
                reason: "not JSON".into(),
            }
        }
    };
    let schema = match envelope.get("schema").and_then(Value::as_u64) {
        Some(schema) => u32::try_from(schema).unwrap_or(u32::MAX),
        None => {
            return Loaded::Corrupt {
                reason: "no schema version".into(),
            }
        }
    };
    if schema > SCHEMA_VERSION {
        return Loaded::Newer { schema };
    }
    let Some(data) = envelope.take("data") else {
        return Loaded::Corrupt {
            reason: "no data".into(),
        };
    };
    let data = match migrate(key, schema, data) {
        Ok(data) => data,
        Err(reason) => return Loaded::Corrupt { reason },
    };
    match T::from_json(&data) {
        Ok(value) => Loaded::Found {
            value,
            migrated_from: (schema != SCHEMA_VERSION).then_some(schema),
        },
        Err(reason) => Loaded::Corrupt { reason },
    }
}

/// Brings data written under `schema` up to [`SCHEMA_VERSION`], one step at a
/// time. Schema 1 is the first released one, so there is no step yet; the next
/// schema adds `2 => step_1_to_2(key, data)` here and a fixture in
/// `core/tests/fixtures/storage/`.
fn migrate(key: &str, schema: u32, data: Value) -> Result<Value, String> {
    let _ = key;
    match schema {
        SCHEMA_VERSION => Ok(data),
        other => Err(format!("unknown schema version {other}")),
    }
}

/// The key a bad value is moved to: the original key's name and when.
pub fn quarantine_key(key: &str, now_ms: f64) -> String {
    let name = key.strip_prefix(KEY_PREFIX).unwrap_or(key);
    format!("{QUARANTINE_PREFIX}{name}:{}", now_ms.max(0.0) as u64)
}

pub fn to_stored(quiz: &Quiz, answers: &AnswerSheet) -> StoredAnswers {
    map_of(quiz.questions().filter_map(|(_, question)| {
        let option = match answers.get(&question.id)? {
            Answer::NotSure => NOT_SURE.to_string(),
            Answer::Choice(index) => question.options.get(usize::from(index))?.id.clone(),
        };
        Some((question.id.clone(), option))
    }))
}

/// Answers for the questions and options this content still has; others are dropped.
pub fn from_stored(quiz: &Quiz, stored: &StoredAnswers) -> AnswerSheet {
    quiz.questions()
        .filter_map(|(_, question)| {
            let option = stored.get(&question.id)?;
            let answer = if option == NOT_SURE {
                Answer::NotSure
            } else {
                let index = question.options.iter().position(|o| &o.id == option)?;
                Answer::Choice(u8::try_from(index).ok()?)
            };
            Some((question.id.clone(), answer))
        })
        .collect()
}

/// Records a completed quiz with its scores.
pub fn new_attempt(
    quiz: &Quiz,
    answers: &AnswerSheet,
    started_at: f64,
    completed_at: f64,
) -> Attempt {
    let report = score(quiz, answers);
    let stored = to_stored(quiz, answers);
    Attempt {
        id: attempt_id(completed_at, &stored),
        content_version: quiz.version,
        started_at,
        completed_at,
        label: None,
        scores: StoredScores {
            overall: report.overall,
            level: report
                .level
                .and_then(|l| quiz.levels.get(l))
                .map(|l| l.id.clone()),
            dimensions: map_of(
                report
                    .dimensions
                    .iter()
                    .filter_map(|d| Some((quiz.dimensions.get(d.dimension)?.id.clone(), d.score))),
            ),
        },
        answers: stored,
    }
}

fn attempt_id(completed_at: f64, answers: &StoredAnswers) -> String {
    // FNV-1a: a stable, dependency-free fingerprint of the answers.
    let mut hash: u32 = 0x811c_9dc5;
    for (question, option) in answers {
        for byte in question
            .bytes()
            .chain([b'='])
            .chain(option.bytes())
            .chain([b';'])
        {
            hash ^= u32::from(byte);
            hash = hash.wrapping_mul(0x0100_0193);
        }
    }
    format!("{}-{hash:08x}", completed_at.max(0.0) as u64)
}

/// A visitor's label: control characters removed, spaces collapsed, at most
/// [`MAX_LABEL_CHARS`]; `None` when nothing is left.
pub fn clean_label(label: &str) -> Option<String> {
    let cleaned: String = label
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_LABEL_CHARS)
        .collect();
    (!cleaned.is_empty()).then_some(cleaned)
}

/// Why an attempt cannot be trusted, if it cannot.
fn attempt_problem(attempt: &Attempt) -> Option<String> {
    if attempt.id.is_empty() || attempt.id.len() > 64 {
        return Some("an attempt has no usable id".into());
    }
    if !attempt.completed_at.is_finite() || !attempt.started_at.is_finite() {
        return Some(format!("attempt {} has an invalid date", attempt.id));
    }
    if attempt
        .label
        .as_ref()
        .is_some_and(|l| clean_label(l).as_deref() != Some(l.as_str()))
    {
        return Some(format!("attempt {} has an invalid label", attempt.id));
    }
    let scores = &attempt.scores;
    if scores.overall.is_some_and(|s| s > 100)
        || scores.dimensions.values().flatten().any(|s| *s > 100)
    {
        return Some(format!("attempt {} has a score over 100", attempt.id));
    }
    None
}

/// Sorted oldest first; duplicates (same id) are kept once.
pub fn merge_attempts(existing: &mut Vec<Attempt>, incoming: Vec<Attempt>) -> MergeReport {
    let mut report = MergeReport::default();
    for attempt in incoming {
        if existing.iter().any(|a| a.id == attempt.id) {
            report.already_present += 1;
        } else {
            existing.push(attempt);
            report.added += 1;
        }
    }
    stable_sort_by(existing, |a, b| {
        a.completed_at
            .total_cmp(&b.completed_at)
            .then_with(|| a.id.cmp(&b.id))
    });
    report
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: usize,
    pub already_present: usize,
}

/// Everything worth keeping, as a JSON file the visitor downloads: indented,
/// so that it can be read.
pub fn export(attempts: &[Attempt], exported_at: f64) -> String {
    let mut file = Object::new();
    file.push("format", EXPORT_FORMAT);
    file.push("schema", &SCHEMA_VERSION);
    file.push("exported_at", &exported_at);
    file.push("attempts", attempts);
    json::to_string_pretty(&file.into())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge,
    NotJson,
    /// Valid JSON, but not a file this app exported.
    NotAnExport,
    NewerSchema {
        schema: u32,
    },
    Invalid {
        reason: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLarge => write!(f, "the file is too large to be an export of this quiz"),
            Self::NotJson => write!(f, "the file is not a JSON file"),
            Self::NotAnExport => write!(f, "the file is not an export of this quiz"),
            Self::NewerSchema { schema } => {
                write!(
                    f,
                    "the file was exported by a newer version of the quiz (data version {schema})"
                )
            }
            Self::Invalid { reason } => write!(f, "the file is damaged: {reason}"),
        }
    }
}

/// Reads an exported file's attempts, migrating older schemas.
pub fn parse_import(text: &str) -> Result<Vec<Attempt>, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge);
    }
    let value = json::parse(text).map_err(|_| ImportError::NotJson)?;
    if value.get("format").and_then(Value::as_str) != Some(EXPORT_FORMAT) {
        return Err(ImportError::NotAnExport);
    }
    let schema = value
        .get("schema")
        .and_then(Value::as_u64)
        .map(|s| u32::try_from(s).unwrap_or(u32::MAX))
        .ok_or(ImportError::NotAnExport)?;
    if schema > SCHEMA_VERSION {
        return Err(ImportError::NewerSchema { schema });
    }
    let attempts = value.take("attempts").ok_or(ImportError::NotAnExport)?;
    let attempts = migrate(ATTEMPTS_KEY, schema, attempts)
        .map_err(|reason| ImportError::Invalid { reason })?;
    let attempts =
        Vec::<Attempt>::from_json(&attempts).map_err(|reason| ImportError::Invalid { reason })?;
    if let Some(reason) = attempts.iter().find_map(attempt_problem) {
        return Err(ImportError::Invalid { reason });
    }
    Ok(attempts)
}
