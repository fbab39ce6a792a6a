//! The storage schema: fixtures of every released schema load, bad data is
//! recognised for quarantine, newer data is left alone, imports merge.

mod common;

use std::path::PathBuf;

use quiz_core::storage::{
    self, clean_label, export, from_stored, merge_attempts, new_attempt, parse_import,
    quarantine_key, read_attempts, read_progress, read_settings, to_stored, write, Attempt,
    ImportError, Loaded, Progress, Settings, SCHEMA_VERSION,
};
use quiz_core::{Answer, AnswerSheet};

fn fixture(schema: u32, name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/storage/schema-{schema}/{name}"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn found<T: std::fmt::Debug>(loaded: Loaded<T>) -> T {
    match loaded {
        Loaded::Found { value, .. } => value,
        other => panic!("expected data, got {other:?}"),
    }
}

#[test]
fn every_released_schema_version_still_loads() {
    for schema in 1..=SCHEMA_VERSION {
        let progress = found(read_progress(Some(&fixture(schema, "progress.json"))));
        assert_eq!(
            progress
                .answers
                .get("selection.criteria")
                .map(String::as_str),
            Some("e")
        );
        let attempts = found(read_attempts(Some(&fixture(schema, "attempts.json"))));
        assert_eq!(attempts.len(), 2);
        assert_eq!(attempts[0].label.as_deref(), Some("Acme partnership"));
        let settings = found(read_settings(Some(&fixture(schema, "settings.json"))));
        assert_eq!(settings.theme.as_deref(), Some("auto"));
        let imported = parse_import(&fixture(schema, "export.json")).expect("export loads");
        assert_eq!(imported.len(), 1);
    }
}

#[test]
fn fixture_answers_map_onto_the_current_content() {
    let quiz = common::english();
    let progress = found(read_progress(Some(&fixture(1, "progress.json"))));
    let answers = from_stored(&quiz, &progress.answers);
    assert_eq!(answers.get("strategy.why-ally"), Some(Answer::Choice(2)));
    assert_eq!(
        answers.get("strategy.link-to-strategy"),
        Some(Answer::NotSure)
    );
    assert_eq!(answers.get("selection.criteria"), Some(Answer::Choice(4)));
}

#[test]
fn what_is_written_reads_back() {
    let quiz = common::english();
    let answers: AnswerSheet = quiz
        .questions()
        .take(7)
        .enumerate()
        .map(|(i, (_, q))| {
            (
                q.id.clone(),
                if i == 3 {
                    Answer::NotSure
                } else {
                    Answer::Choice((i % 5) as u8)
                },
            )
        })
        .collect();
    let progress = Progress {
        content_version: 1,
        answers: to_stored(&quiz, &answers),
        position: 8,
        started_at: 1.5e12,
    };
    let read = found(read_progress(Some(&write(&progress))));
    assert_eq!(read, progress);
    assert_eq!(from_stored(&quiz, &read.answers), answers);

    let attempt = new_attempt(&quiz, &answers, 1.5e12, 1.6e12);
    let attempts = found(read_attempts(Some(&write(&vec![attempt.clone()]))));
    assert_eq!(attempts, [attempt]);
    assert_eq!(
        found(read_settings(Some(&write(&Settings::default())))),
        Settings::default()
    );
}

#[test]
fn nothing_stored_is_missing_not_corrupt() {
    assert_eq!(read_progress(None), Loaded::Missing);
}

#[test]
fn corrupt_or_foreign_values_are_recognised() {
    for raw in [
        "not json{",
        "42",
        "{\"data\":[]}",
        "{\"schema\":1}",
        "{\"schema\":1,\"data\":{\"x\":1}}",
        "{\"schema\":0,\"data\":[]}",
        "{\"schema\":\"1\",\"data\":[]}",
    ] {
        assert!(
            matches!(read_attempts(Some(raw)), Loaded::Corrupt { .. }),
            "{raw}"
        );
        assert!(
            matches!(read_progress(Some(raw)), Loaded::Corrupt { .. }),
            "{raw}"
        );
    }
    let over_100 = fixture(1, "attempts.json").replace("\"overall\":25", "\"overall\":250");
    assert!(matches!(
        read_attempts(Some(&over_100)),
        Loaded::Corrupt { .. }
    ));
    let markup_label =
        fixture(1, "attempts.json").replace("Acme partnership", "Acme\\u0007 partnership");
    assert!(matches!(
        read_attempts(Some(&markup_label)),
        Loaded::Corrupt { .. }
    ));
}

#[test]
fn data_from_a_newer_schema_is_reported_not_parsed() {
    let newer = format!(
        "{{\"schema\":{},\"data\":{{\"anything\":true}}}}",
        SCHEMA_VERSION + 1
    );
    assert_eq!(
        read_attempts(Some(&newer)),
        Loaded::Newer {
            schema: SCHEMA_VERSION + 1
        }
    );
    assert_eq!(
        read_progress(Some("{\"schema\":99999999999,\"data\":1}")),
        Loaded::Newer { schema: u32::MAX }
    );
}

#[test]
fn quarantine_keys_keep_the_key_name_and_the_time() {
    assert_eq!(
        quarantine_key(storage::ATTEMPTS_KEY, 1_700_000_000_123.0),
        "alliance-quiz:quarantine:attempts:1700000000123"
    );
    assert!(quarantine_key(storage::PROGRESS_KEY, 5.0).starts_with(storage::KEY_PREFIX));
}

#[test]
fn an_attempt_records_scores_and_a_stable_id() {
    let quiz = common::english();
    let answers: AnswerSheet = quiz
        .questions()
        .map(|(_, q)| (q.id.clone(), Answer::Choice(3)))
        .collect();
    let attempt = new_attempt(&quiz, &answers, 10.0, 20.0);
    assert_eq!(attempt.scores.overall, Some(75));
    assert_eq!(attempt.scores.level.as_deref(), Some("systematic"));
    assert_eq!(attempt.scores.dimensions.len(), quiz.dimensions.len());
    assert_eq!(
        attempt.id,
        new_attempt(&quiz, &answers, 10.0, 20.0).id,
        "same attempt, same id"
    );
    let mut other = answers.clone();
    other.set(&quiz.dimensions[0].questions[0].id, Answer::Choice(4));
    assert_ne!(
        attempt.id,
        new_attempt(&quiz, &other, 10.0, 20.0).id,
        "different answers, different id"
    );
}

fn attempt(id: &str, completed_at: f64) -> Attempt {
    let mut attempt = found(read_attempts(Some(&fixture(1, "attempts.json")))).remove(1);
    attempt.id = id.into();
    attempt.completed_at = completed_at;
    attempt
}

#[test]
fn merging_adds_new_attempts_once_and_keeps_them_in_time_order() {
    let mut existing = vec![attempt("b", 2.0), attempt("c", 3.0)];
    let report = merge_attempts(
        &mut existing,
        vec![
            attempt("c", 3.0),
            attempt("a", 1.0),
            attempt("d", 4.0),
            attempt("a", 1.0),
        ],
    );
    assert_eq!(report.added, 2);
    assert_eq!(report.already_present, 2);
    let ids: Vec<&str> = existing.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
}

#[test]
fn export_then_import_round_trips() {
    let attempts = vec![attempt("x", 1.0), attempt("y", 2.0)];
    assert_eq!(parse_import(&export(&attempts, 3.0)), Ok(attempts));
}

#[test]
fn imports_that_are_not_ours_are_rejected_with_a_reason() {
    assert_eq!(parse_import("hello"), Err(ImportError::NotJson));
    assert_eq!(
        parse_import("{\"attempts\":[]}"),
        Err(ImportError::NotAnExport)
    );
    assert_eq!(parse_import("[1,2]"), Err(ImportError::NotAnExport));
    let newer = fixture(1, "export.json").replace("\"schema\": 1", "\"schema\": 7");
    assert_eq!(
        parse_import(&newer),
        Err(ImportError::NewerSchema { schema: 7 })
    );
    let damaged = fixture(1, "export.json").replace("\"overall\":25", "\"overall\":\"high\"");
    assert!(matches!(
        parse_import(&damaged),
        Err(ImportError::Invalid { .. })
    ));
    let huge = " ".repeat(storage::MAX_IMPORT_BYTES + 1);
    assert_eq!(parse_import(&huge), Err(ImportError::TooLarge));
    assert!(ImportError::NewerSchema { schema: 7 }
        .to_string()
        .contains("newer version"));
}

#[test]
fn labels_are_cleaned_and_limited() {
    assert_eq!(
        clean_label("  Acme \n partnership\u{7} "),
        Some("Acme partnership".into())
    );
    assert_eq!(clean_label(" \t "), None);
    assert_eq!(
        clean_label(&"x".repeat(200)).map(|l| l.chars().count()),
        Some(80)
    );
    assert_eq!(
        clean_label("<b>Beta</b>"),
        Some("<b>Beta</b>".into()),
        "markup stays text; the UI never renders it as HTML"
    );
}

#[test]
fn stored_values_are_written_as_before_with_whole_numbers_as_integers() {
    // Member for member what serde_json wrote (maps in key order), except
    // that timestamps no longer carry its `.0`; both versions read either.
    let cases = [
        (
            "progress.json",
            write(&found(read_progress(Some(&fixture(1, "progress.json"))))),
            r#"{"schema":1,"data":{"content_version":1,"answers":{"selection.criteria":"e","strategy.link-to-strategy":"not-sure","strategy.why-ally":"c"},"position":4,"started_at":1763999500000}}"#,
        ),
        (
            "attempts.json",
            write(&found(read_attempts(Some(&fixture(1, "attempts.json"))))),
            r#"{"schema":1,"data":[{"id":"1764000000000-1a2b3c4d","content_version":1,"answers":{"governance.decision-rights":"a","strategy.why-ally":"c","trust.openness":"not-sure"},"started_at":1763999500000,"completed_at":1764000000000,"label":"Acme partnership","scores":{"overall":25,"level":"opportunistic","dimensions":{"governance":0,"strategy":50,"trust":null}}},{"id":"1780000000000-00ff00ff","content_version":1,"answers":{"strategy.why-ally":"e"},"started_at":1779999000000,"completed_at":1780000000000,"scores":{"overall":100,"level":"embedded","dimensions":{"strategy":100}}}]}"#,
        ),
        (
            "settings.json",
            write(&found(read_settings(Some(&fixture(1, "settings.json"))))),
            r#"{"schema":1,"data":{"language":"en","theme":"auto"}}"#,
        ),
    ];
    for (name, written, expected) in cases {
        assert_eq!(written, expected, "{name}");
    }
    assert_eq!(
        write(&Settings::default()),
        r#"{"schema":1,"data":{}}"#,
        "absent settings are left out"
    );
}

#[test]
fn the_export_file_is_indented_as_before() {
    let attempts = found(read_attempts(Some(&fixture(1, "attempts.json"))));
    assert_eq!(
        export(&attempts[1..], 1_780_100_000_000.0),
        r#"{
  "format": "alliance-readiness-quiz-export",
  "schema": 1,
  "exported_at": 1780100000000,
  "attempts": [
    {
      "id": "1780000000000-00ff00ff",
      "content_version": 1,
      "answers": {
        "strategy.why-ally": "e"
      },
      "started_at": 1779999000000,
      "completed_at": 1780000000000,
      "scores": {
        "overall": 100,
        "level": "embedded",
        "dimensions": {
          "strategy": 100
        }
      }
    }
  ]
}"#
    );
    assert!(export(&[], 5.0).contains("\"attempts\": []"));
}

#[test]
fn a_timestamp_with_a_fraction_survives_a_round_trip() {
    let mut fractional = attempt("x", 1_780_000_000_000.5);
    fractional.started_at = 0.1;
    let text = write(&vec![fractional.clone()]);
    assert!(text.contains("\"started_at\":0.1,\"completed_at\":1780000000000.5"));
    assert_eq!(found(read_attempts(Some(&text))), [fractional.clone()]);
    assert_eq!(
        parse_import(&export(&[fractional.clone()], 1.5)),
        Ok(vec![fractional])
    );
}

#[test]
fn unknown_members_are_ignored_and_absent_optional_ones_are_none() {
    let settings = found(read_settings(Some(
        r#"{"schema":1,"data":{"theme":"dark","added_later":[1]},"note":"x"}"#,
    )));
    assert_eq!(
        settings,
        Settings {
            language: None,
            theme: Some("dark".into())
        }
    );
    let without_level = fixture(1, "attempts.json").replace(r#""level":"embedded","#, "");
    assert_eq!(
        found(read_attempts(Some(&without_level)))[1].scores.level,
        None
    );
    let null_label = fixture(1, "attempts.json").replace(r#""Acme partnership""#, "null");
    assert_eq!(found(read_attempts(Some(&null_label)))[0].label, None);
}

#[test]
fn a_corrupt_value_says_which_member_is_wrong() {
    let damaged = fixture(1, "attempts.json").replace("\"overall\":25", "\"overall\":\"high\"");
    assert_eq!(
        read_attempts(Some(&damaged)),
        Loaded::Corrupt {
            reason: "item 0: scores: overall: expected a whole number from 0 to 255".into()
        }
    );
    let no_id = fixture(1, "progress.json").replace("\"position\":4,", "");
    assert_eq!(
        read_progress(Some(&no_id)),
        Loaded::Corrupt {
            reason: "missing field position".into()
        }
    );
}
