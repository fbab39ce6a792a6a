//! Counts and readers in the interface texts (breaker F6, F9, F10; the
//! visitor's "this training fits" over two trainings): every text whose
//! words depend on a count has a `one` and an `other` form, in English and
//! Dutch, picked in the core; a shared result is worded for its reader.

mod common;

use quiz_core::authoring::parse_language;
use quiz_core::content::UiText;
use quiz_core::session::{DataStatus, Notice};
use quiz_core::storage::{ImportError, MergeReport};
use quiz_core::text::fill;
use quiz_core::wording::{self, Reader};
use quiz_core::{score, Answer};

/// Placeholders that carry a count, filled with the count under test.
const COUNTS: [&str; 5] = ["count", "total", "answered", "kept", "present"];

/// Texts with a count placeholder that need no `one` form, and why.
const FIXED: [(&str, &str); 10] = [
    (
        "question_progress",
        "\"Question 1 of 21\": no noun follows the count",
    ),
    (
        "landing_resume",
        "\"Resume (1 of 21 answered)\": no noun follows the count",
    ),
    (
        "landing_duration",
        "the quiz's own sizes: always many minutes, questions, areas",
    ),
    ("how_computed_dimension", "a formula"),
    ("how_computed_overall", "a formula"),
    (
        "how_computed_excluded",
        "\"1 left out\" / \"1 niet meegeteld\": no noun",
    ),
    ("reminder_in", "3 or 6 months, never 1"),
    ("reminder_saved", "as reminder_in: 3 or 6 months, never 1"),
    (
        "shared_compare_paste_several",
        "only for 2 or more results (PasteError::Several)",
    ),
    ("review_go_to_question", "an ordinal: \"question 1\""),
];

fn ui_table(file: &str) -> toml::Table {
    let text = common::read(file);
    let table: toml::Table = toml::from_str(&text).expect("a language file is TOML");
    table["ui"].as_table().expect("[ui]").clone()
}

fn ui(file: &str) -> UiText {
    parse_language(&common::read(file), file)
        .unwrap_or_else(|e| panic!("{e}"))
        .ui
}

/// Every `[ui]` text with a count in it is either a one/other pair or
/// named in [`FIXED`] with a reason, in both languages.
#[test]
fn every_text_with_a_count_has_a_form_for_one() {
    for file in ["en.toml", "nl.toml"] {
        for (key, value) in ui_table(file) {
            if let Some(text) = value.as_str() {
                let counted = COUNTS
                    .iter()
                    .chain(&["added", "n", "months", "questions"])
                    .any(|name| text.contains(&format!("{{{name}}}")));
                assert!(
                    !counted || FIXED.iter().any(|(fixed, _)| *fixed == key),
                    "{file}: {key} has a count but no one/other forms: {text}"
                );
            }
        }
    }
}

/// Each pair, filled for 0, 1 and 2 in both languages: 1 takes `one`, the
/// others `other`; every placeholder is filled; `one` never says "1" with a
/// plural noun or verb.
#[test]
fn every_pair_reads_right_for_zero_one_and_two() {
    let plural_after_one = [
        // English
        "1 questions",
        "1 results",
        "1 were",
        "1 answers",
        "these trainings",
        "1 of its answers were",
        // Dutch
        "1 vragen",
        "1 uitslagen",
        "1 stonden",
        "1 konden",
        "passen deze trainingen",
    ];
    let mut pairs = 0;
    for file in ["en.toml", "nl.toml"] {
        for (key, value) in ui_table(file) {
            let Some(forms) = value.as_table() else {
                continue;
            };
            pairs += 1;
            let keys: Vec<&str> = forms.keys().map(String::as_str).collect();
            assert_eq!(keys, ["one", "other"], "{file}: {key}");
            let form = |name: &str| forms[name].as_str().expect("text").to_string();
            assert_ne!(form("one"), form("other"), "{file}: {key}");
            let plural = quiz_core::content::Plural {
                one: form("one"),
                other: form("other"),
            };
            for n in [0, 1, 2] {
                let picked = plural.pick(n);
                assert_eq!(picked, if n == 1 { form("one") } else { form("other") });
                let n_text = n.to_string();
                let values: Vec<(&str, &str)> = COUNTS
                    .iter()
                    .map(|name| (*name, n_text.as_str()))
                    .chain([("dimension", "Trust"), ("current", "a"), ("next", "b")])
                    .collect();
                let text = fill(picked, &values);
                assert!(!text.contains('{'), "{file}: {key} for {n}: {text}");
                if n == 1 {
                    for wrong in plural_after_one {
                        assert!(!text.contains(wrong), "{file}: {key} for 1: {text}");
                    }
                }
            }
        }
    }
    assert_eq!(pairs, 2 * 17, "pairs found in both files");
}

#[test]
fn import_messages_say_what_happened() {
    let en = ui("en.toml");
    let nl = ui("nl.toml");
    let imported = |ui: &UiText, added, already_present, repeated| {
        wording::imported(
            ui,
            MergeReport {
                added,
                already_present,
                repeated,
            },
        )
    };
    assert_eq!(imported(&en, 1, 0, 0), "Imported 1 result.");
    assert_eq!(
        imported(&en, 2, 1, 0),
        "Imported 2 results. 1 was already here."
    );
    // The same result three times in one file, nothing here before (breaker F10).
    assert_eq!(
        imported(&en, 1, 0, 2),
        "Imported 1 result. 2 were in the file more than once and were imported once."
    );
    assert_eq!(
        imported(&en, 0, 3, 0),
        "Imported 0 results. 3 were already here."
    );
    assert_eq!(
        imported(&nl, 1, 1, 0),
        "1 uitslag geïmporteerd. 1 stond er al."
    );

    // Over the limit on its own, or only with what is here.
    let failed = |error| wording::data_status(&en, &DataStatus::ImportFailed(error));
    let alone = failed(ImportError::TooMany { attempts: 5000 });
    assert!(
        alone.contains("it holds more than 1,000 results"),
        "{alone}"
    );
    assert!(!alone.contains("together"), "{alone}");
    let together = failed(ImportError::TooManyTogether { attempts: 1002 });
    assert!(
        together.contains("together with the results already here"),
        "{together}"
    );
}

#[test]
fn notices_and_confirmations_count_right() {
    let en = ui("en.toml");
    assert_eq!(
        wording::notice_text(&en, Notice::QuestionsUpdated { kept: 1 }).unwrap(),
        "The questions have been updated since you started this assessment. Your answer to the one question that stayed is kept; the rest are new."
    );
    assert!(
        wording::notice_text(&en, Notice::ResultsSetAside { count: 2 })
            .unwrap()
            .starts_with("2 saved results could not be read and were set aside")
    );
    assert_eq!(
        wording::delete_all_confirm(&en, 1),
        "Delete this result? This cannot be undone."
    );
    assert_eq!(
        wording::review_summary(&en, 0, 21),
        "You answered 0 of 21 questions."
    );
}

/// A shared result talks about "this result", never "you"/"your" (breaker
/// F9, visitor 6); one's own keeps "your". Counted forms follow the lists.
#[test]
fn a_shared_result_is_worded_for_its_reader() {
    let quiz = common::english();
    // Weak everywhere, a few "Not sure": priorities, not-sure findings, training.
    let mut answers = common::uniform(&quiz, &[Some(Answer::Choice(1)); 9]);
    let first = quiz.dimensions[0].questions[0].id.clone();
    answers.set(&first, Answer::NotSure);
    let report = score(&quiz, &answers);
    assert!(!report.priorities.is_empty());
    for (reader, must, must_not) in [
        (Reader::Own, "Your", "this result"),
        (Reader::Shared, "this result", "your"),
    ] {
        let words = wording::report_words(&quiz.ui, reader, &report, 2);
        let texts = [
            words.priorities_heading,
            words.priorities_intro,
            words.first_step,
            words.find_out,
            words.keep_level_heading,
            words.keep_level_intro,
            words.not_sure_heading,
            words.not_sure_intro,
            words.training_intro,
            words.nothing_scored,
        ];
        let all = texts.join(" ");
        assert!(all.contains(must), "{reader:?}: {all}");
        let lower = all.to_lowercase();
        assert!(
            !lower.contains(&must_not.to_lowercase()),
            "{reader:?}: {all}"
        );
        if reader == Reader::Shared {
            assert!(
                !lower.contains(" you ") && !lower.starts_with("you "),
                "{all}"
            );
            let finding = wording::not_sure_finding(&words, 1, 3, "Trust");
            assert_eq!(finding, "“Not sure” for 1 of 3 Trust questions.");
        }
        assert!(
            words.training_intro.contains("these trainings fit"),
            "{reader:?}"
        );
        let one = wording::report_words(&quiz.ui, reader, &report, 1);
        assert!(one.training_intro.ends_with("this training fits:"));
    }

    // Every answer "Not sure": answered, but nothing to score (breaker F9).
    let all_not_sure = common::uniform(&quiz, &[Some(Answer::NotSure); 9]);
    let report = score(&quiz, &all_not_sure);
    assert_eq!(report.overall, None);
    let own = wording::report_words(&quiz.ui, Reader::Own, &report, 0);
    let shared = wording::report_words(&quiz.ui, Reader::Shared, &report, 0);
    assert!(!own.nothing_scored.contains("not answered"));
    assert_eq!(
        shared.nothing_scored,
        "None of the answers in this result can be scored (each was “Not sure” or left open), so there is nothing to score."
    );
}

/// "How these scores were computed" is shown under one's own result and under
/// a shared one alike, so it speaks of "the weakest dimension", never of the
/// reader's (a first-time visitor saw "your weakest dimension" on a result a
/// partner had sent). Every language: no second-person word in it.
#[test]
fn how_the_scores_were_computed_fits_any_reader() {
    let second_person = |language: &str| -> &'static [&'static str] {
        match language {
            "nl" => &["je", "jij", "jouw", "jou", "u", "uw"],
            _ => &["you", "your", "yours"],
        }
    };
    for (file, language) in [("en.toml", "en"), ("nl.toml", "nl")] {
        let texts = parse_language(&common::read(file), file).unwrap_or_else(|e| panic!("{e}"));
        let ui = &texts.ui;
        let mut all = vec![
            ui.how_computed_heading.clone(),
            ui.how_computed_intro.clone(),
            ui.how_computed_dimension.clone(),
            ui.how_computed_excluded.clone(),
            ui.how_computed_overall.clone(),
            ui.how_computed_levels.clone(),
            ui.how_computed_capped.clone(),
        ];
        all.extend(ui.how_computed_rules.iter().cloned());
        assert!(all.len() > 8, "{file}: the rules are there");
        for text in &all {
            let words: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .map(str::to_lowercase)
                .collect();
            for word in second_person(language) {
                assert!(
                    !words.iter().any(|w| w == word),
                    "{file}: “{word}” in {text:?}"
                );
            }
        }
    }
}

/// Every storage state has its own sentence, in every language, and only a
/// full store is called full (a refusal of another kind was, to a tester).
#[test]
fn each_storage_state_is_said_as_it_is() {
    use quiz_core::store::StorageStatus;
    let states = [
        StorageStatus::Unavailable,
        StorageStatus::Full { earlier_kept: true },
        StorageStatus::Full {
            earlier_kept: false,
        },
        StorageStatus::Refused { earlier_kept: true },
        StorageStatus::Refused {
            earlier_kept: false,
        },
        StorageStatus::ReadOnly,
    ];
    for (file, full) in [("en.toml", "full"), ("nl.toml", "vol")] {
        let ui = parse_language(&common::read(file), file)
            .unwrap_or_else(|e| panic!("{e}"))
            .ui;
        assert_eq!(
            wording::notice_text(&ui, Notice::Storage(StorageStatus::Kept)),
            None
        );
        let mut said = std::collections::BTreeSet::new();
        for status in states {
            let notice = wording::notice_text(&ui, Notice::Storage(status)).expect("a notice");
            let data = wording::data_storage(&ui, status).join(" ");
            assert!(
                said.insert(notice.clone()),
                "{file}: {status:?} repeats {notice:?}"
            );
            for text in [&notice, &data] {
                let says_full = text
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case(full));
                assert_eq!(
                    says_full,
                    matches!(status, StorageStatus::Full { .. }),
                    "{file}: {status:?}: {text:?}"
                );
            }
        }
    }
}

/// Training links carry UTM parameters (the manifest's `[utm]`), so the
/// results say what following one tells that site; a link without them
/// gets no such note (the landing page's "no tracking" is about the quiz).
#[test]
fn a_note_goes_with_tagged_links_only() {
    let quiz = common::english();
    for url in quiz
        .offers
        .iter()
        .map(|o| o.url.as_str())
        .chain([quiz.learn_more.as_str()])
    {
        assert_eq!(
            wording::link_note(&quiz.ui, url),
            Some(quiz.ui.training_link_note.as_str()),
            "{url}"
        );
    }
    for url in [
        "https://training.example/",
        "https://training.example/?ref=quiz",
        "https://training.example/#utm_source=x",
    ] {
        assert_eq!(wording::link_note(&quiz.ui, url), None, "{url}");
    }
    assert!(wording::link_note(&quiz.ui, "https://t.example/p?a=1&utm_source=q").is_some());
}
