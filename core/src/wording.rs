//! Which words a page says, where that depends on a count or on whose
//! result it is. English and Dutch both have two forms for a count ("one"
//! for exactly 1, "other" for every other count, 0 too: [`Plural`]); a
//! result shared with someone is described in the third person, since the
//! reader did not answer it. The shell shows what this chooses.

use crate::content::{Plural, UiText};
use crate::scoring::Report;
use crate::session::{DataStatus, Notice};
use crate::storage::{ImportError, MergeReport};
use crate::store::StorageStatus;
use crate::text::fill;

/// Whose result a report shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Reader {
    /// The reader's own: "Your strengths", "You were not sure about …".
    #[default]
    Own,
    /// Someone else's, opened from a share link: "Strengths", "“Not sure” for …".
    Shared,
}

/// The texts of one report, chosen for its reader and its counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportWords<'a> {
    /// Shown instead of the report when nothing could be scored (every
    /// answer "Not sure").
    pub nothing_scored: &'a str,
    pub strengths_heading: &'a str,
    pub strengths_intro: &'a str,
    pub priorities_heading: &'a str,
    pub priorities_intro: &'a str,
    /// With `{current}` and `{next}`.
    pub first_step: &'a str,
    pub find_out: &'a str,
    pub keep_level_heading: &'a str,
    pub keep_level_intro: &'a str,
    pub not_sure_heading: &'a str,
    pub not_sure_intro: &'a str,
    /// One per dimension: `{count}`, `{total}` and `{dimension}`, picked by `{total}`.
    pub not_sure_finding: &'a Plural,
    /// Before the training offers, picked by how many are shown.
    pub training_intro: &'a str,
    /// `Some` when answers to questions no longer asked were left out.
    pub earlier_version_note: Option<String>,
}

/// The words for `report`, read by `reader`, with `trainings` offers shown.
pub fn report_words<'a>(
    ui: &'a UiText,
    reader: Reader,
    report: &Report,
    trainings: usize,
) -> ReportWords<'a> {
    let own = reader == Reader::Own;
    let pick = |mine: &'a str, shared: &'a str| if own { mine } else { shared };
    let pick_plural = |mine: &'a Plural, shared: &'a Plural| if own { mine } else { shared };
    ReportWords {
        nothing_scored: pick(&ui.nothing_scored, &ui.shared_nothing_scored),
        strengths_heading: pick_plural(&ui.strengths_heading, &ui.shared_strengths_heading)
            .pick(report.strengths.len()),
        strengths_intro: ui.strengths_intro.pick(report.strengths.len()),
        priorities_heading: pick_plural(&ui.priorities_heading, &ui.shared_priorities_heading)
            .pick(report.priorities.len()),
        priorities_intro: pick(&ui.priorities_intro, &ui.shared_priorities_intro),
        first_step: pick(&ui.priority_first_step, &ui.shared_priority_first_step),
        find_out: pick(&ui.priority_find_out, &ui.shared_priority_find_out),
        keep_level_heading: pick(&ui.keep_level_heading, &ui.shared_keep_level_heading),
        keep_level_intro: pick(&ui.keep_level_intro, &ui.shared_keep_level_intro),
        not_sure_heading: pick(&ui.not_sure_heading, &ui.shared_not_sure_heading),
        not_sure_intro: pick(&ui.not_sure_intro, &ui.shared_not_sure_intro),
        not_sure_finding: pick_plural(&ui.not_sure_finding, &ui.shared_not_sure_finding),
        training_intro: pick_plural(&ui.training_intro, &ui.shared_training_intro).pick(trainings),
        earlier_version_note: (report.earlier_answers > 0)
            .then(|| ui.earlier_version_note.count(report.earlier_answers)),
    }
}

/// "You were not sure about 2 of 3 Trust questions.", for `reader`.
pub fn not_sure_finding(
    words: &ReportWords<'_>,
    count: usize,
    total: usize,
    dimension: &str,
) -> String {
    fill(
        words.not_sure_finding.pick(total),
        &[
            ("count", &count.to_string()),
            ("total", &total.to_string()),
            ("dimension", dimension),
        ],
    )
}

/// "You answered 20 of 21 questions."
pub fn review_summary(ui: &UiText, answered: usize, total: usize) -> String {
    fill(
        ui.review_summary.pick(total),
        &[
            ("answered", &answered.to_string()),
            ("total", &total.to_string()),
        ],
    )
}

/// A notice's text; `None` for storage that keeps everything (nothing to say).
/// Each storage state has its own words: a refusal that is not a full store
/// is never called full (a tester's browser refused only removals).
pub fn notice_text(ui: &UiText, notice: Notice) -> Option<String> {
    let fixed = match notice {
        Notice::Storage(status) => match status {
            StorageStatus::Kept => return None,
            StorageStatus::Unavailable => &ui.notice_not_kept,
            StorageStatus::Full { earlier_kept: true } => &ui.notice_full,
            StorageStatus::Full {
                earlier_kept: false,
            } => &ui.notice_full_nothing_kept,
            StorageStatus::Refused { earlier_kept: true } => &ui.notice_refused,
            StorageStatus::Refused {
                earlier_kept: false,
            } => &ui.notice_refused_nothing_kept,
            StorageStatus::ReadOnly => &ui.notice_newer,
        },
        Notice::QuestionsUpdated { kept } => return Some(ui.notice_questions_updated.count(kept)),
        Notice::ResultsSetAside { count } => return Some(ui.notice_results_set_aside.count(count)),
        Notice::Quarantined => &ui.notice_quarantined,
        Notice::ChangedElsewhere => &ui.notice_changed_elsewhere,
        Notice::LanguageUnavailable => &ui.notice_language_unavailable,
        Notice::UpdateReady => &ui.notice_update,
    };
    Some(fixed.clone())
}

/// What "Your data" says about where the visitor's data is, for the state
/// storage is in: one or two paragraphs.
pub fn data_storage(ui: &UiText, status: StorageStatus) -> Vec<&str> {
    match status {
        StorageStatus::Kept => vec![&ui.data_what, &ui.data_where],
        StorageStatus::Unavailable => vec![&ui.data_not_kept],
        StorageStatus::Full { earlier_kept: true } => {
            vec![&ui.data_what, &ui.data_full_earlier_kept]
        }
        StorageStatus::Full {
            earlier_kept: false,
        } => vec![&ui.data_full_nothing_kept],
        StorageStatus::Refused { earlier_kept: true } => {
            vec![&ui.data_what, &ui.data_refused_earlier_kept]
        }
        StorageStatus::Refused {
            earlier_kept: false,
        } => vec![&ui.data_refused_nothing_kept],
        StorageStatus::ReadOnly => vec![&ui.data_read_only],
    }
}

/// The note under training links, when `url` carries UTM parameters (the
/// manifest's `[utm]` table; without it the links say nothing and neither
/// does the note).
pub fn link_note<'a>(ui: &'a UiText, url: &str) -> Option<&'a str> {
    let query = url.split_once('?')?.1;
    let query = query.split('#').next().unwrap_or_default();
    query
        .split('&')
        .any(|pair| pair.starts_with("utm_"))
        .then_some(ui.training_link_note.as_str())
}

/// What an import did, in sentences: how many were added, then how many
/// were here before and how many the file held more than once (each left
/// out when none).
pub fn imported(ui: &UiText, report: MergeReport) -> String {
    let mut text = ui.data_imported.count(report.added);
    for (count, words) in [
        (report.already_present, &ui.data_import_present),
        (report.repeated, &ui.data_import_repeated),
    ] {
        if count > 0 {
            text.push(' ');
            text.push_str(&words.count(count));
        }
    }
    text
}

/// The message for an action on "Your data" (the import's reason filled in).
pub fn data_status(ui: &UiText, status: &DataStatus) -> String {
    match status {
        DataStatus::Imported(report) => imported(ui, *report),
        DataStatus::ImportFailed(error) => {
            let reason = match error {
                ImportError::TooLarge { .. } => &ui.import_too_large,
                ImportError::TooMany { .. } => &ui.import_too_many,
                ImportError::TooManyTogether { .. } => &ui.import_too_many_together,
                ImportError::NotJson => &ui.import_not_json,
                ImportError::NotAnExport => &ui.import_not_export,
                ImportError::NewerSchema { .. } => &ui.import_newer,
                ImportError::Invalid { .. } => &ui.import_damaged,
                ImportError::Unreadable => &ui.import_unreadable,
            };
            fill(&ui.data_import_failed, &[("reason", reason)])
        }
        DataStatus::Exported => ui.data_exported.clone(),
        DataStatus::DeletedEverything => ui.data_deleted.clone(),
        DataStatus::DeleteRefused => ui.data_delete_refused.clone(),
    }
}

/// "Delete all 3 results?", or "Delete this result?" for one.
pub fn delete_all_confirm(ui: &UiText, count: usize) -> String {
    ui.history_delete_all_confirm.count(count)
}
