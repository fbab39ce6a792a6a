//! What the app keeps in the browser, as plain data: the versioned schema,
//! reading with migration, corrupt and newer-version detection, the import
//! and export files, and merging. The rules for when to read, write or move
//! a value aside are in [`crate::store`]; the browser's `localStorage` itself
//! is touched only by the shell's adapter. See `docs/storage.md`.
//!
//! Every value is an envelope `{"schema": N, "data": …}` under a key that
//! starts with [`KEY_PREFIX`].

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

use crate::content::{Quiz, OPTION_IDS};
use crate::json::{self, Json, JsonError};
use crate::scoring::{score, Answer, AnswerSheet};
use crate::text::{self, Graphemes};

pub const KEY_PREFIX: &str = "alliance-quiz:";
pub const PROGRESS_KEY: &str = "alliance-quiz:progress";
pub const ATTEMPTS_KEY: &str = "alliance-quiz:attempts";
pub const SETTINGS_KEY: &str = "alliance-quiz:settings";
/// Written and removed at start-up to learn whether writes work at all.
pub const PROBE_KEY: &str = "alliance-quiz:probe";
/// Bad values are moved here (with the original key and a timestamp), never deleted.
pub const QUARANTINE_PREFIX: &str = "alliance-quiz:quarantine:";

/// The schema this build writes. Every earlier one must still load (see `migrate`).
pub const SCHEMA_VERSION: u32 = 1;
/// Longest attempt label, in characters (Unicode scalar values), cut between
/// grapheme clusters by [`crate::text::clean_label`].
pub const MAX_LABEL_CHARS: usize = 80;
/// An import file larger than this, in bytes, is refused from its size alone
/// (`File.size`), before a byte is read: a thousand attempts take about 700 KB.
pub const MAX_IMPORT_BYTES: u64 = 5 * 1024 * 1024;
/// Most attempts an import file may hold, and most this browser keeps.
pub const MAX_ATTEMPTS: usize = 1000;
/// Longest stored value read for each key, in bytes; a longer one is corrupt.
/// The attempts key holds at most [`MAX_ATTEMPTS`], well under this.
pub const MAX_PROGRESS_BYTES: usize = 64 * 1024;
pub const MAX_ATTEMPTS_BYTES: usize = MAX_IMPORT_BYTES as usize;
pub const MAX_SETTINGS_BYTES: usize = 4 * 1024;
pub const EXPORT_FORMAT: &str = "alliance-readiness-quiz-export";
/// Earliest time kept, ms since the epoch: 2020-01-01T00:00Z. The quiz did
/// not exist before, and share codes date results from this day
/// ([`crate::share::DAY_ZERO`]).
pub const EARLIEST_TIME_MS: f64 = 1_577_836_800_000.0;
/// Latest time kept, ms since the epoch: 2200-01-01T00:00Z, the end of the
/// range a share code can date. A fixed bound, not one relative to the
/// visitor's clock: a clock set wrong (a year ahead, then corrected) must
/// not make results saved meanwhile unreadable.
pub const LATEST_TIME_MS: f64 = 7_258_118_400_000.0;

/// True for a time (ms since the epoch) this app stores and reads: finite
/// and from [`EARLIEST_TIME_MS`] to [`LATEST_TIME_MS`]. Every stored or
/// imported time (`started_at`, `completed_at`, `exported_at`) is held to it.
pub fn is_valid_time(ms: f64) -> bool {
    (EARLIEST_TIME_MS..=LATEST_TIME_MS).contains(&ms)
}

/// `ms` brought into the range [`is_valid_time`] accepts: a visitor's
/// clock set to 1970 or 2300 still saves a result that can be read back.
pub fn clamp_time(ms: f64) -> f64 {
    if ms.is_nan() {
        EARLIEST_TIME_MS
    } else {
        ms.clamp(EARLIEST_TIME_MS, LATEST_TIME_MS)
    }
}

/// Stored in place of an option id for a "Not sure" answer.
pub const NOT_SURE: &str = "not-sure";

/// Answers by question id: an option id ("a" to "e") or [`NOT_SURE`]. Ids, not
/// positions, so stored answers survive content edits that keep the ids.
pub type StoredAnswers = BTreeMap<String, String>;

/// The quiz in progress.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub content_version: u32,
    pub answers: StoredAnswers,
    /// One-based number of the question the visitor was on.
    pub position: usize,
    /// Milliseconds since the Unix epoch.
    pub started_at: f64,
}

/// A completed attempt, kept until the visitor deletes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    /// Derived from the completion time and the answers, so the same attempt
    /// imported twice is recognised. At most 64 bytes.
    pub id: String,
    pub content_version: u32,
    pub answers: StoredAnswers,
    /// Milliseconds since the Unix epoch.
    pub started_at: f64,
    pub completed_at: f64,
    /// Left out of the JSON when `None`; at most [`MAX_LABEL_CHARS`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub scores: StoredScores,
}

/// The scores as computed when the attempt was completed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredScores {
    /// 0 to 100; `None` when nothing was assessed. Read from any number (see
    /// [`lenient_score`]), so one attempt's bad score sets aside only it.
    #[serde(deserialize_with = "lenient_score")]
    pub overall: Option<u8>,
    /// Level id.
    #[serde(default)]
    pub level: Option<String>,
    /// Dimension id to score; `None` for "not assessed".
    #[serde(deserialize_with = "lenient_scores")]
    pub dimensions: BTreeMap<String, Option<u8>>,
}

/// What stands for a stored number that is no score (not a whole number
/// from 0 to 100): over 100, so the attempt's check refuses it.
const NOT_A_SCORE: u8 = u8::MAX;

fn to_score(number: f64) -> u8 {
    if number.fract() == 0.0 && (0.0..=100.0).contains(&number) {
        number as u8
    } else {
        NOT_A_SCORE
    }
}

/// A score read from any JSON number: a score of 9999 or -5 in one stored
/// attempt must not make the whole list unreadable, only that attempt.
fn lenient_score<'de, D: Deserializer<'de>>(input: D) -> Result<Option<u8>, D::Error> {
    Ok(Option::<f64>::deserialize(input)?.map(to_score))
}

/// Dimension id to score, each read as [`lenient_score`] reads one. Built
/// by inserting as they come: collecting would sort first and put another
/// copy of std's sort into the wasm.
fn lenient_scores<'de, D: Deserializer<'de>>(
    input: D,
) -> Result<BTreeMap<String, Option<u8>>, D::Error> {
    struct Scores;
    impl<'de> serde::de::Visitor<'de> for Scores {
        type Value = BTreeMap<String, Option<u8>>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("dimension scores")
        }
        fn visit_map<M: serde::de::MapAccess<'de>>(
            self,
            mut entries: M,
        ) -> Result<Self::Value, M::Error> {
            let mut scores = BTreeMap::new();
            while let Some((id, score)) = entries.next_entry::<String, Option<f64>>()? {
                scores.insert(id, score.map(to_score));
            }
            Ok(scores)
        }
    }
    input.deserialize_map(Scores)
}

/// The visitor's choices that outlive a visit. Both left out of the JSON when
/// `None`; values a later build does not know are kept as they are.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// A language code the visitor chose (`en`, `nl`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// `system`, `light` or `dark`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    schema: u32,
    data: T,
}

/// Only the schema, read before the data: newer data is never parsed.
#[derive(Deserialize)]
struct EnvelopeHead {
    /// A number, but any number: a huge one is a newer schema, not corruption.
    schema: f64,
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
    Corrupt(Corruption),
    /// Written by a newer version of the app: leave it untouched.
    Newer {
        schema: u32,
    },
    /// Attempts only: some broke a rule (see [`read_attempts`]). `value`
    /// holds every readable one; `left_out` were not kept. The raw value is
    /// set aside whole, so nothing is lost.
    Partial {
        value: T,
        left_out: usize,
    },
}

/// Why a stored value cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Corruption {
    /// Longer than the key's limit, in bytes.
    TooLarge {
        bytes: usize,
    },
    /// Arrays and objects nested deeper than [`crate::json::MAX_DEPTH`].
    TooDeep,
    NotJson,
    /// JSON without a usable `schema` number.
    NoEnvelope,
    /// The envelope's data is not the expected shape (the parser's words).
    Shape(String),
    /// Parsed, but a value breaks a rule (an id, a date, a label, a score).
    Invalid(String),
}

impl fmt::Display for Corruption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLarge { bytes } => write!(f, "{bytes} bytes, over the limit"),
            Self::TooDeep => f.write_str("nested too deeply"),
            Self::NotJson => f.write_str("not JSON"),
            Self::NoEnvelope => f.write_str("no schema version"),
            Self::Shape(reason) | Self::Invalid(reason) => f.write_str(reason),
        }
    }
}

/// Serialises a value in the current schema's envelope.
pub fn write<T: Serialize>(json: &impl Json, value: &T) -> String {
    json.write(&Envelope {
        schema: SCHEMA_VERSION,
        data: value,
    })
}

pub fn read_progress(json: &impl Json, raw: Option<&str>) -> Loaded<Progress> {
    match read::<Progress>(json, raw, MAX_PROGRESS_BYTES) {
        Loaded::Found { value, .. } if !is_valid_time(value.started_at) => Loaded::Corrupt(
            Corruption::Invalid("the progress has an invalid start time".into()),
        ),
        other => other,
    }
}

/// The stored attempts. A value that is not an envelope of attempts is
/// `Corrupt`; within it, an attempt that breaks a rule (an id, a time out of
/// range, a label, a score) is left out and the rest kept (`Partial`), and
/// beyond [`MAX_ATTEMPTS`] only the newest are kept. An id met again is the
/// same attempt (ids are derived from the answers and time): kept once.
pub fn read_attempts(json: &impl Json, raw: Option<&str>) -> Loaded<Vec<Attempt>> {
    match read::<Vec<Attempt>>(json, raw, MAX_ATTEMPTS_BYTES) {
        Loaded::Found {
            value,
            migrated_from,
        } => {
            let mut ids = BTreeSet::new();
            let total = value.len();
            let mut kept: Vec<Attempt> = Vec::with_capacity(total);
            let mut left_out = 0;
            for attempt in value {
                if attempt_problem(&attempt).is_some() {
                    left_out += 1;
                } else if ids.insert(attempt.id.clone()) {
                    kept.push(attempt);
                }
            }
            // Oldest first: beyond the limit, the oldest go.
            let excess = kept.len().saturating_sub(MAX_ATTEMPTS);
            kept.drain(..excess);
            left_out += excess;
            if left_out == 0 {
                Loaded::Found {
                    value: kept,
                    migrated_from,
                }
            } else {
                Loaded::Partial {
                    value: kept,
                    left_out,
                }
            }
        }
        other => other,
    }
}

pub fn read_settings(json: &impl Json, raw: Option<&str>) -> Loaded<Settings> {
    read(json, raw, MAX_SETTINGS_BYTES)
}

/// True when `raw` is an envelope of a newer schema than this build writes:
/// another tab of a newer release wrote it, and it must not be written over.
pub fn is_newer_schema(parser: &impl Json, raw: &str) -> bool {
    json::nesting_within(raw, json::MAX_DEPTH)
        && parser
            .parse::<EnvelopeHead>(raw)
            .is_ok_and(|head| head.schema > f64::from(SCHEMA_VERSION))
}

fn read<T: for<'de> Deserialize<'de>>(
    parser: &impl Json,
    raw: Option<&str>,
    max_bytes: usize,
) -> Loaded<T> {
    let Some(raw) = raw else {
        return Loaded::Missing;
    };
    if raw.len() > max_bytes {
        return Loaded::Corrupt(Corruption::TooLarge { bytes: raw.len() });
    }
    if !json::nesting_within(raw, json::MAX_DEPTH) {
        return Loaded::Corrupt(Corruption::TooDeep);
    }
    let schema = match parser.parse::<EnvelopeHead>(raw) {
        Ok(head) if head.schema.fract() == 0.0 && head.schema >= 1.0 => head.schema,
        Ok(_) | Err(JsonError::Shape(_)) => return Loaded::Corrupt(Corruption::NoEnvelope),
        Err(JsonError::Syntax) => return Loaded::Corrupt(Corruption::NotJson),
    };
    if schema > f64::from(SCHEMA_VERSION) {
        // `as` saturates: a schema past u32::MAX is still simply newer.
        return Loaded::Newer {
            schema: schema as u32,
        };
    }
    // Schema 1 is the first released one, so there is no migration step yet:
    // the next schema reads `Envelope<V1>` here and converts it, with a
    // fixture in `core/tests/fixtures/storage/`.
    match parser.parse::<Envelope<T>>(raw) {
        Ok(envelope) => Loaded::Found {
            value: envelope.data,
            migrated_from: None,
        },
        Err(JsonError::Shape(reason)) => Loaded::Corrupt(Corruption::Shape(reason)),
        Err(JsonError::Syntax) => Loaded::Corrupt(Corruption::NotJson),
    }
}

/// The key a bad value is moved to: the original key's name and when.
pub fn quarantine_key(key: &str, now_ms: f64) -> String {
    let name = key.strip_prefix(KEY_PREFIX).unwrap_or(key);
    format!("{QUARANTINE_PREFIX}{name}:{}", now_ms.max(0.0) as u64)
}

/// A map of `pairs`, the last value kept for a repeated key, built by
/// inserting: collecting into a `BTreeMap` sorts the pairs first, which puts
/// another copy of std's sort into the wasm for every pair type.
fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (key, value) in pairs {
        map.insert(key, value);
    }
    map
}

/// Answers as stored: question id to option id (`a` to `e`, the same rung in
/// every content version) or [`NOT_SURE`]. Every answer is kept, also to
/// questions the current content no longer asks.
pub fn to_stored(answers: &AnswerSheet) -> StoredAnswers {
    map_of(answers.iter().filter_map(|(id, answer)| {
        let option = match answer {
            Answer::NotSure => NOT_SURE,
            Answer::Choice(index) => *OPTION_IDS.get(usize::from(index))?,
        };
        Some((id.to_string(), option.to_string()))
    }))
}

/// Stored answers back as an answer sheet; an option id that names no rung is dropped.
pub fn from_stored(stored: &StoredAnswers) -> AnswerSheet {
    stored
        .iter()
        .filter_map(|(id, option)| {
            let answer = if option == NOT_SURE {
                Answer::NotSure
            } else {
                let index = OPTION_IDS.iter().position(|o| o == option)?;
                Answer::Choice(u8::try_from(index).ok()?)
            };
            Some((id.clone(), answer))
        })
        .collect()
}

/// Records a completed quiz: `answers` given to content version
/// `content_version`, scored with `quiz`; times in ms since the epoch.
pub fn new_attempt(
    quiz: &Quiz,
    answers: &AnswerSheet,
    content_version: u32,
    started_at: f64,
    completed_at: f64,
) -> Attempt {
    let report = score(quiz, answers);
    let stored = to_stored(answers);
    let (started_at, completed_at) = (clamp_time(started_at), clamp_time(completed_at));
    Attempt {
        id: attempt_id(completed_at, &stored),
        content_version,
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

/// A visitor's label for an attempt: see [`crate::text::clean_label`];
/// at most [`MAX_LABEL_CHARS`] characters.
pub fn clean_label(label: &str, graphemes: &dyn Graphemes) -> Option<String> {
    text::clean_label(label, MAX_LABEL_CHARS, usize::MAX, graphemes)
}

/// Which rule an attempt breaks, if any. The words are for tests and
/// debugging only (the visitor is told "damaged" or "set aside"), so they
/// are fixed: formatting costs the first download.
fn attempt_problem(attempt: &Attempt) -> Option<&'static str> {
    if attempt.id.is_empty() || attempt.id.len() > 64 {
        return Some("an attempt has no usable id");
    }
    if !is_valid_time(attempt.completed_at) || !is_valid_time(attempt.started_at) {
        return Some("an attempt has a time out of range");
    }
    if attempt
        .label
        .as_ref()
        .is_some_and(|l| !text::is_clean_label(l, MAX_LABEL_CHARS))
    {
        return Some("an attempt has an invalid label");
    }
    let scores = &attempt.scores;
    if scores.overall.is_some_and(|s| s > 100)
        || scores.dimensions.values().flatten().any(|s| *s > 100)
    {
        return Some("an attempt has a score that is not 0 to 100");
    }
    None
}

/// What a merge did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: usize,
    /// In `existing` before the merge.
    pub already_present: usize,
    /// In `incoming` more than once: added once (an import file holding the
    /// same result twice), not "already here".
    pub repeated: usize,
}

/// Adds the attempts of `incoming` whose id is not in `existing` (each
/// once), then sorts oldest first (ties by id). O((n + m) log(n + m)).
pub fn merge_attempts(existing: &mut Vec<Attempt>, incoming: Vec<Attempt>) -> MergeReport {
    let mut report = MergeReport::default();
    let mut ids = BTreeSet::new();
    for attempt in existing.iter() {
        ids.insert(attempt.id.clone());
    }
    // Ids added from `incoming`, to tell its own repeats from those already kept.
    let mut added = BTreeSet::new();
    for attempt in incoming {
        if ids.contains(&attempt.id) {
            report.already_present += 1;
        } else if added.insert(attempt.id.clone()) {
            existing.push(attempt);
            report.added += 1;
        } else {
            report.repeated += 1;
        }
    }
    tiny_sort::stable::sort_by(existing, |a, b| {
        a.completed_at
            .total_cmp(&b.completed_at)
            .then_with(|| a.id.cmp(&b.id))
    });
    report
}

#[derive(Serialize, Deserialize)]
struct ExportFile<A> {
    format: String,
    schema: u32,
    exported_at: f64,
    attempts: A,
}

/// Everything worth keeping, as a JSON file the visitor downloads: indented,
/// so that it can be read.
pub fn export(json: &impl Json, attempts: &[Attempt], exported_at: f64) -> String {
    json.write_pretty(&ExportFile {
        format: EXPORT_FORMAT.to_string(),
        schema: SCHEMA_VERSION,
        exported_at: clamp_time(exported_at),
        attempts,
    })
}

/// Why an import file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Over [`MAX_IMPORT_BYTES`]: refused before reading.
    TooLarge {
        bytes: u64,
    },
    /// More than [`MAX_ATTEMPTS`] attempts in the file itself.
    TooMany {
        attempts: usize,
    },
    /// Within the limit alone, but more than [`MAX_ATTEMPTS`] together with
    /// the results already kept.
    TooManyTogether {
        attempts: usize,
    },
    NotJson,
    /// Valid JSON, but not a file this app exported.
    NotAnExport,
    NewerSchema {
        schema: u32,
    },
    Invalid {
        reason: String,
    },
    /// The browser could not read the file.
    Unreadable,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLarge { bytes } => write!(
                f,
                "the file is {bytes} bytes, over the limit of {MAX_IMPORT_BYTES}"
            ),
            Self::TooMany { attempts } => {
                write!(f, "{attempts} results, over the limit of {MAX_ATTEMPTS}")
            }
            Self::TooManyTogether { attempts } => write!(
                f,
                "{attempts} results with those already kept, over the limit of {MAX_ATTEMPTS}"
            ),
            Self::NotJson => write!(f, "the file is not a JSON file"),
            Self::NotAnExport => write!(f, "the file is not an export of this quiz"),
            Self::NewerSchema { schema } => write!(
                f,
                "the file was exported by a newer version of the quiz (data version {schema})"
            ),
            Self::Invalid { reason } => write!(f, "the file is damaged: {reason}"),
            Self::Unreadable => write!(f, "the file could not be read"),
        }
    }
}

/// Checks a chosen file's size, in bytes, before it is read.
pub fn check_import_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > MAX_IMPORT_BYTES {
        Err(ImportError::TooLarge { bytes })
    } else {
        Ok(())
    }
}

#[derive(Deserialize)]
struct ExportHead {
    format: Option<String>,
    schema: Option<f64>,
}

/// Reads an exported file's attempts, migrating older schemas.
pub fn parse_import(json: &impl Json, text: &str) -> Result<Vec<Attempt>, ImportError> {
    check_import_size(text.len() as u64)?;
    if !crate::json::nesting_within(text, crate::json::MAX_DEPTH) {
        return Err(ImportError::Invalid {
            reason: "nested too deeply".into(),
        });
    }
    let head = match json.parse::<ExportHead>(text) {
        Ok(head) => head,
        Err(JsonError::Syntax) => return Err(ImportError::NotJson),
        Err(JsonError::Shape(_)) => return Err(ImportError::NotAnExport),
    };
    if head.format.as_deref() != Some(EXPORT_FORMAT) {
        return Err(ImportError::NotAnExport);
    }
    let schema = head
        .schema
        .filter(|s| s.fract() == 0.0 && *s >= 1.0)
        .ok_or(ImportError::NotAnExport)?;
    if schema > f64::from(SCHEMA_VERSION) {
        return Err(ImportError::NewerSchema {
            schema: schema as u32,
        });
    }
    let file: ExportFile<Vec<Attempt>> = json.parse(text).map_err(|error| match error {
        JsonError::Syntax => ImportError::NotJson,
        JsonError::Shape(reason) => ImportError::Invalid { reason },
    })?;
    if !is_valid_time(file.exported_at) {
        return Err(ImportError::Invalid {
            reason: "invalid export date".into(),
        });
    }
    if file.attempts.len() > MAX_ATTEMPTS {
        return Err(ImportError::TooMany {
            attempts: file.attempts.len(),
        });
    }
    // The count was checked above.
    if let Some(reason) = file.attempts.iter().find_map(attempt_problem) {
        return Err(ImportError::Invalid {
            reason: reason.into(),
        });
    }
    Ok(file.attempts)
}
