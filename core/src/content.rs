//! The assembled quiz as the app uses it: one language, with levels, offers and
//! texts joined in. Built from the files under `content/` by [`crate::authoring`]
//! at build time; the app reads it back from the compact form in
//! [`crate::content_codec`].

use serde::Deserialize;

use crate::content_codec::codable;

/// The five anchored answers, weakest to strongest. Validation holds every
/// question to exactly these scores, so an option's index is its rung.
pub const OPTION_SCORES: [u8; 5] = [0, 25, 50, 75, 100];

/// Every question's option ids, weakest first: an answer saved as an id means
/// the same rung in every content version, even for a question no longer asked.
pub const OPTION_IDS: [&str; 5] = ["a", "b", "c", "d", "e"];

codable! {
    #[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
    pub struct Quiz {
        /// Bumped whenever questions or options are added, removed or reordered.
        pub version: u32,
        pub language: String,
        pub ui: UiText,
        /// Readiness levels, lowest first; they double as the advice bands.
        pub levels: Vec<Level>,
        pub dimensions: Vec<Dimension>,
        pub offers: Vec<Offer>,
        /// Where the quiet "learn more" link points when no offer fits (UTM applied).
        pub learn_more: String,
        /// Plain-words explanations of the terms a visitor may not know.
        pub glossary: Vec<GlossaryEntry>,
        /// Every released version's question order, oldest first (`content/releases.toml`).
        pub releases: Vec<Release>,
    }
}

codable! {
    /// A term and what it means, shown under each question that uses it.
    #[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
    pub struct GlossaryEntry {
        pub id: String,
        pub term: String,
        pub definition: String,
    }
}

codable! {
    /// The question order of one released content version. Share codes and saved
    /// results address answers by position in this order.
    #[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
    pub struct Release {
        pub version: u32,
        pub questions: Vec<String>,
    }
}

codable! {
    #[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
    pub struct Level {
        pub id: String,
        pub name: String,
        /// Lowest overall or dimension score (0 to 100) that reaches this level.
        pub min_score: u8,
        pub summary: String,
    }
}

codable! {
    #[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
    pub struct Dimension {
        pub id: String,
        pub name: String,
        pub definition: String,
        /// What to do when the visitor was not sure about the whole dimension:
        /// who to ask, what to look for.
        pub find_out: String,
        pub advice: Vec<Advice>,
        pub questions: Vec<Question>,
    }
}

codable! {
    #[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
    pub struct Advice {
        /// A level id.
        pub band: String,
        pub headline: String,
        pub actions: Vec<String>,
    }
}

codable! {
    #[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
    pub struct Question {
        pub id: String,
        pub prompt: String,
        #[serde(default)]
        pub help: Option<String>,
        pub options: Vec<AnswerOption>,
        /// Indices into `Quiz::glossary` of the terms this question uses;
        /// found by the build (`authoring`), not written in the content files.
        #[serde(default)]
        pub glossary: Vec<u32>,
    }
}

codable! {
    #[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
    pub struct AnswerOption {
        pub id: String,
        pub score: u8,
        pub text: String,
    }
}

codable! {
    /// A training offer with its texts and its final link (UTM parameters applied).
    #[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
    pub struct Offer {
        pub id: String,
        pub title: String,
        pub description: String,
        pub cta: String,
        pub url: String,
        /// Dimension ids this offer helps with.
        pub dimensions: Vec<String>,
        /// Level ids (bands) at which it is recommended for those dimensions.
        pub bands: Vec<String>,
    }
}

codable! {
    /// A text whose words depend on a count, in the two forms English and
    /// Dutch have: `one` for exactly 1, `other` for every other count (0
    /// too). Written in a language file as `key = { one = "…", other = "…" }`;
    /// picked by [`Plural::pick`], the count filled by the caller.
    #[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Plural {
        pub one: String,
        pub other: String,
    }
}

impl Plural {
    /// The form for `count`: `one` for 1, else `other`.
    pub fn pick(&self, count: usize) -> &str {
        if count == 1 {
            &self.one
        } else {
            &self.other
        }
    }

    /// The form for `count` with `{count}` filled in.
    pub fn count(&self, count: usize) -> String {
        // As u32: the number formatting the first visit already carries.
        let text = u32::try_from(count).unwrap_or(u32::MAX).to_string();
        crate::text::fill(self.pick(count), &[("count", &text)])
    }
}

codable! {
    /// Every string the interface shows that is not quiz content. A missing key
    /// in a language file is a build error naming the file and the key.
    /// `{name}` placeholders are filled by [`crate::text::fill`].
    #[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct UiText {
        pub app_title: String,
        /// The language switch's label: "Language".
        pub language_label: String,
        /// The theme switch's label, read by screen readers: "Colour theme".
        pub theme_label: String,
        /// The switch's options: follow the device, light, dark.
        pub theme_system: String,
        pub theme_light: String,
        pub theme_dark: String,
        pub skip_to_content: String,
        /// A page loaded on demand: shown after 300 ms of loading.
        pub part_loading: String,
        /// A page that could not be loaded, with "Try again".
        pub part_failed: String,
        /// After a failure: a new release may have replaced the page's file.
        pub part_failed_hint: String,
        pub part_try_again: String,
        pub part_reload: String,
        pub landing_heading: String,
        pub landing_intro: Vec<String>,
        pub landing_what_you_get: Vec<String>,
        /// `{minutes}`, `{questions}`, `{dimensions}`
        pub landing_duration: String,
        pub landing_privacy: String,
        pub start: String,
        /// `{n}`, `{total}`
        pub question_progress: String,
        pub answer_keys_hint: String,
        pub not_sure: String,
        pub back: String,
        pub next: String,
        pub review: String,
        /// Next on a question opened from the review page.
        pub back_to_review: String,
        pub review_heading: String,
        /// `{answered}`, `{total}`
        pub review_summary: Plural,
        pub review_unanswered_heading: String,
        pub review_all_answered: String,
        /// `{n}`
        pub review_go_to_question: String,
        pub see_results: String,
        pub results_heading: String,
        pub overall_label: String,
        pub level_label: String,
        pub not_assessed: String,
        pub nothing_answered: String,
        /// A report with answers but no score (every one "Not sure"): own, shared.
        pub nothing_scored: String,
        pub shared_nothing_scored: String,
        pub chart_title: String,
        pub table_caption: String,
        pub table_dimension: String,
        pub table_score: String,
        pub table_level: String,
        pub table_not_sure: String,
        pub strengths_heading: Plural,
        pub strengths_intro: Plural,
        pub priorities_heading: Plural,
        pub priorities_intro: String,
        /// `{current}`, `{next}`: option texts.
        pub priority_first_step: String,
        pub priority_find_out: String,
        /// A shared result's words where they differ from one's own.
        pub shared_strengths_heading: Plural,
        pub shared_priorities_heading: Plural,
        pub shared_priorities_intro: String,
        pub shared_priority_first_step: String,
        pub shared_priority_find_out: String,
        pub shared_keep_level_heading: String,
        pub shared_keep_level_intro: String,
        pub shared_not_sure_heading: String,
        pub shared_not_sure_intro: String,
        pub shared_not_sure_finding: Plural,
        pub shared_training_intro: Plural,
        pub keep_level_heading: String,
        pub keep_level_intro: String,
        pub not_sure_heading: String,
        pub not_sure_intro: String,
        /// `{count}`, `{total}`, `{dimension}`
        pub not_sure_finding: Plural,
        pub training_heading: String,
        pub training_intro: Plural,
        pub training_learn_more: String,
        /// Shown when no offer matches the priorities, above every offer.
        pub training_general_intro: String,
        /// `{dimensions}`
        pub training_because: String,
        /// Under links that carry UTM parameters: what following one tells
        /// that site (the landing page promises no tracking by the quiz).
        pub training_link_note: String,
        pub how_computed_heading: String,
        pub how_computed_intro: String,
        /// `{scores}`, `{count}`, `{result}`
        pub how_computed_dimension: String,
        /// `{count}`
        pub how_computed_excluded: String,
        /// `{scores}`, `{count}`, `{result}`
        pub how_computed_overall: String,
        pub how_computed_levels: String,
        pub how_computed_rules: Vec<String>,
        /// `{overall_level}`, `{dimension}`, `{dimension_level}`, `{level}`
        pub how_computed_capped: String,
        pub table_provisional: String,
        pub glossary_heading: String,
        /// `{count}`
        pub earlier_version_note: Plural,
        pub start_again: String,
        pub footer_privacy: String,
        pub not_found_heading: String,
        pub not_found_text: String,
        pub back_to_start: String,
        pub opens_in_new_tab: String,
        pub nav_history: String,
        pub landing_resume_intro: String,
        /// `{answered}`, `{total}`
        pub landing_resume: String,
        pub landing_start_over: String,
        pub notice_not_kept: String,
        pub notice_full: String,
        /// `{kept}`
        pub notice_questions_updated: Plural,
        /// Saved results that broke a rule, set aside while the rest are kept.
        pub notice_results_set_aside: Plural,
        pub notice_quarantined: String,
        pub notice_newer: String,
        /// Storage refuses writes and nothing was saved before.
        pub notice_full_nothing_kept: String,
        /// A write was refused for a reason other than a full store; earlier
        /// data is still there. Must not say "full".
        pub notice_refused: String,
        /// As `notice_refused`, with nothing saved before.
        pub notice_refused_nothing_kept: String,
        pub notice_changed_elsewhere: String,
        pub notice_language_unavailable: String,
        pub notice_dismiss: String,
        /// A new release is ready; its button reloads the page.
        pub notice_update: String,
        pub notice_reload: String,
        /// `{date}`
        pub results_completed_on: String,
        pub label_field: String,
        pub label_hint: String,
        pub label_save: String,
        pub label_saved: String,
        pub compare_field: String,
        pub compare_none: String,
        /// `{date}`
        pub compare_heading: String,
        pub table_change: String,
        pub chart_this_result: String,
        pub chart_earlier: String,
        pub history_heading: String,
        pub history_intro: String,
        pub history_empty: String,
        pub history_untitled: String,
        pub history_open: String,
        pub history_delete: String,
        pub history_deleted: String,
        pub history_undo: String,
        pub history_delete_all: String,
        /// `{count}`
        pub history_delete_all_confirm: Plural,
        pub history_confirm_delete_all: String,
        pub history_cancel: String,
        pub data_heading: String,
        pub data_what: String,
        pub data_where: String,
        pub data_not_kept: String,
        pub data_full_earlier_kept: String,
        pub data_full_nothing_kept: String,
        pub data_refused_earlier_kept: String,
        pub data_refused_nothing_kept: String,
        pub data_read_only: String,
        pub data_exported: String,
        pub data_export: String,
        pub data_import: String,
        /// `{added}`, `{present}`
        pub data_imported: Plural,
        /// After `data_imported`: how many were here before, how many the file held twice.
        pub data_import_present: Plural,
        pub data_import_repeated: Plural,
        /// `{reason}`
        pub data_import_failed: String,
        pub import_not_json: String,
        pub import_not_export: String,
        pub import_newer: String,
        pub import_damaged: String,
        pub import_too_large: String,
        pub import_too_many: String,
        /// Over the limit only together with the results already here.
        pub import_too_many_together: String,
        pub import_unreadable: String,
        pub data_delete_everything: String,
        pub data_deleted: String,
        /// "Delete everything" was refused by the browser: what is still stored.
        pub data_delete_refused: String,
        pub share_heading: String,
        pub share_reveals: String,
        pub share_link_label: String,
        pub share_copy: String,
        pub share_copied: String,
        pub share_copy_failed: String,
        pub share_native: String,
        pub shared_badge: String,
        pub shared_heading: String,
        pub shared_intro: String,
        /// A shared link's name broke the label rule and was left out.
        pub link_label_dropped: String,
        pub shared_take_quiz: String,
        pub shared_save: String,
        pub shared_saved: String,
        pub shared_compare_heading: String,
        pub shared_compare_intro: String,
        pub shared_compare_mine: String,
        pub shared_compare_paste_label: String,
        pub shared_compare_paste_button: String,
        pub shared_compare_paste_invalid: String,
        /// `{count}`: different results found in what was pasted.
        pub shared_compare_paste_several: String,
        pub shared_compare_paste_too_long: String,
        pub link_damaged_heading: String,
        pub link_damaged_text: String,
        pub link_newer_heading: String,
        pub link_newer_text: String,
        pub compare_title: String,
        pub compare_intro: String,
        pub compare_first: String,
        pub compare_second: String,
        pub compare_gap: String,
        pub compare_gaps_heading: String,
        pub compare_discuss_large: String,
        pub compare_discuss_small: String,
        pub compare_not_comparable: String,
        pub compare_share: String,
        pub compare_link_label: String,
        pub footer_embed: String,
        pub embed_heading: String,
        pub embed_intro: String,
        pub embed_options_heading: String,
        pub embed_language: String,
        pub embed_theme: String,
        pub embed_theme_light: String,
        pub embed_theme_dark: String,
        pub embed_theme_auto: String,
        pub embed_accent: String,
        pub embed_accent_hint: String,
        pub embed_accent_invalid: String,
        pub embed_compact: String,
        pub embed_start_screen: String,
        /// The language option that leaves `data-language` out.
        pub embed_language_visitor: String,
        pub embed_share_base: String,
        pub embed_share_base_hint: String,
        pub embed_share_base_invalid: String,
        pub embed_frame_title: String,
        /// `{title}`: the default title.
        pub embed_frame_title_hint: String,
        /// The loader's default frame title; keep it equal to the one in embed/embed.js.
        pub embed_default_title: String,
        pub embed_code_heading: String,
        pub embed_code_label: String,
        pub embed_copy: String,
        pub embed_copied: String,
        pub embed_copy_failed: String,
        pub embed_preview_heading: String,
        pub embed_preview_title: String,
        pub embed_docs: String,
        /// The button that prints a result or a comparison.
        pub print_report: String,
        pub reminder_heading: String,
        pub reminder_intro: String,
        /// `{months}`: a button's text ("In 3 months").
        pub reminder_in: String,
        /// The calendar event's title; a result's label follows after " · ".
        pub reminder_summary: String,
        /// The calendar event's description: `{date}` (the result's day),
        /// `{quiz}` and `{result}` (links).
        pub reminder_description: String,
        /// Said (as a status) once a calendar file was handed to the browser;
        /// `{months}`, as on the button pressed.
        pub reminder_saved: String,
        /// `{when}`: "3 months ago", as `Intl.RelativeTimeFormat` says it.
        pub history_last: String,
        /// The crash page (src/crash.rs): heading, the one sentence saying
        /// what happened, its two buttons, what copying says, and the label
        /// of the details (the panic message and the build's version).
        pub crash_heading: String,
        pub crash_text: String,
        pub crash_reload: String,
        pub crash_copy: String,
        pub crash_copied: String,
        pub crash_copy_failed: String,
        pub crash_details: String,
    }
}

impl Quiz {
    pub fn question_count(&self) -> usize {
        self.dimensions.iter().map(|d| d.questions.len()).sum()
    }

    /// All questions in quiz order, each with the index of its dimension.
    pub fn questions(&self) -> impl Iterator<Item = (usize, &Question)> {
        self.dimensions
            .iter()
            .enumerate()
            .flat_map(|(index, d)| d.questions.iter().map(move |q| (index, q)))
    }

    /// The question at a zero-based position in quiz order.
    pub fn question_at(&self, position: usize) -> Option<(usize, &Question)> {
        self.questions().nth(position)
    }

    /// How long the quiz takes, in whole minutes, from its content: every
    /// word a visitor reads on the question pages (prompts, help, options,
    /// "Not sure", each glossary entry once) at 200 words a minute, plus six
    /// seconds to decide each question, rounded up. docs/content.md.
    pub fn minutes(&self) -> u32 {
        let words = |text: &str| text.split_whitespace().count();
        let not_sure = words(&self.ui.not_sure);
        let question_words: usize = self
            .questions()
            .map(|(_, q)| {
                words(&q.prompt)
                    + q.help.as_deref().map_or(0, words)
                    + q.options.iter().map(|o| words(&o.text)).sum::<usize>()
                    + not_sure
            })
            .sum();
        let glossary_words: usize = self
            .glossary
            .iter()
            .map(|g| words(&g.term) + words(&g.definition))
            .sum();
        // In tenths of a second: 0.3 s a word (200 a minute), 6 s a question.
        let tenths = (question_words + glossary_words) * 3 + self.question_count() * 60;
        u32::try_from(tenths.div_ceil(600)).unwrap_or(u32::MAX)
    }

    /// The level a score falls in: the highest whose minimum it reaches.
    pub fn level_for(&self, score: u8) -> Option<usize> {
        self.levels
            .iter()
            .rposition(|level| score >= level.min_score)
    }

    /// The question order of a released version, if this build knows it.
    pub fn release(&self, version: u32) -> Option<&Release> {
        self.releases.iter().find(|r| r.version == version)
    }

    pub fn advice_for(&self, dimension: usize, level: usize) -> Option<&Advice> {
        let band = &self.levels.get(level)?.id;
        self.dimensions
            .get(dimension)?
            .advice
            .iter()
            .find(|a| &a.band == band)
    }
}
