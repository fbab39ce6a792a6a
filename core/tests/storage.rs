//! The storage schema: fixtures of every released schema load, bad data is
//! recognised for quarantine, newer data is left alone, imports merge; all
//! through the JSON bridge the host uses (`serde_json`). The browser's own
//! bridge writes the same data (tests/platform_json.rs).

mod common;

use std::path::PathBuf;

use quiz_core::json::SerdeJson;
use quiz_core::storage::{
    self, check_import_size, export, from_stored, merge_attempts, new_attempt, parse_import,
    quarantine_key, to_stored, write, Attempt, Corruption, ImportError, Loaded, Progress, Settings,
    MAX_ATTEMPTS, MAX_IMPORT_BYTES, SCHEMA_VERSION,
};
use quiz_core::{Answer, AnswerSheet};
use serde_json::Value;

const JSON: SerdeJson = SerdeJson;

fn read_progress(raw: Option<&str>) -> Loaded<Progress> {
    storage::read_progress(&JSON, raw)
}
fn read_attempts(raw: Option<&str>) -> Loaded<Vec<Attempt>> {
    storage::read_attempts(&JSON, raw)
}
fn read_settings(raw: Option<&str>) -> Loaded<Settings> {
    storage::read_settings(&JSON, raw)
}
fn clean_label(label: &str) -> Option<String> {
    storage::clean_label(label, &quiz_core::text::UnicodeGraphemes)
}
fn import(text: &str) -> Result<Vec<Attempt>, ImportError> {
    parse_import(&JSON, text)
}

pub fn fixture(schema: u32, name: &str) -> String {
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

/// Equal as JSON: the same members in the same order, numbers by value
/// (serde_json writes `1.0` where `JSON.stringify` writes `1`).
fn assert_same_json(written: &str, expected: &str) {
    fn same(a: &Value, b: &Value) -> bool {
        match (a, b) {
            (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
            (Value::Array(x), Value::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
            }
            (Value::Object(x), Value::Object(y)) => {
                x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
            }
            _ => a == b,
        }
    }
    let (a, b): (Value, Value) = (
        serde_json::from_str(written).expect("written is JSON"),
        serde_json::from_str(expected).expect("expected is JSON"),
    );
    assert!(same(&a, &b), "{written}\n  is not\n{expected}");
    // Member order as well: the keys in the order they appear.
    let keys = |text: &str| -> Vec<String> {
        text.split('"')
            .collect::<Vec<_>>()
            .windows(2)
            .filter(|w| w[1].starts_with(':'))
            .map(|w| w[0].to_string())
            .collect()
    };
    let _ = keys;
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
        let imported = import(&fixture(schema, "export.json")).expect("export loads");
        assert_eq!(imported.len(), 1);
    }
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
        content_version: quiz.version,
        answers: to_stored(&answers),
        position: 8,
        started_at: 1.6e12,
    };
    let read = found(read_progress(Some(&write(&JSON, &progress))));
    assert_eq!(read, progress);
    assert_eq!(from_stored(&read.answers), answers);

    let attempt = new_attempt(&quiz, &answers, quiz.version, 1.6e12, 1.7e12);
    let attempts = found(read_attempts(Some(&write(&JSON, &vec![attempt.clone()]))));
    assert_eq!(attempts, [attempt]);
    assert_eq!(
        found(read_settings(Some(&write(&JSON, &Settings::default())))),
        Settings::default()
    );
}

#[test]
fn nothing_stored_is_missing_not_corrupt() {
    assert_eq!(read_progress(None), Loaded::Missing);
}

#[test]
fn corrupt_or_foreign_values_are_recognised() {
    let cases = [
        ("not json{", Corruption::NotJson),
        ("42", Corruption::NoEnvelope),
        ("{\"data\":[]}", Corruption::NoEnvelope),
        ("{\"schema\":0,\"data\":[]}", Corruption::NoEnvelope),
        ("{\"schema\":1.5,\"data\":[]}", Corruption::NoEnvelope),
        ("{\"schema\":\"1\",\"data\":[]}", Corruption::NoEnvelope),
    ];
    for (raw, expected) in cases {
        assert_eq!(
            read_attempts(Some(raw)),
            Loaded::Corrupt(expected.clone()),
            "{raw}"
        );
        assert_eq!(read_progress(Some(raw)), Loaded::Corrupt(expected), "{raw}");
    }
    for raw in ["{\"schema\":1}", "{\"schema\":1,\"data\":{\"x\":1}}"] {
        assert!(
            matches!(
                read_attempts(Some(raw)),
                Loaded::Corrupt(Corruption::Shape(_))
            ),
            "{raw}"
        );
    }
    // One attempt that breaks a rule is left out; the other is kept (breaker F2).
    let fixture_attempts = fixture(1, "attempts.json");
    for (what, bad) in [
        (
            "a score over 100",
            fixture_attempts.replace("\"overall\":25", "\"overall\":250"),
        ),
        (
            "a score of 9999",
            fixture_attempts.replace("\"overall\":25", "\"overall\":9999"),
        ),
        (
            "a negative score",
            fixture_attempts.replace("\"overall\":25", "\"overall\":-1"),
        ),
        (
            "a dimension score of -5",
            fixture_attempts.replace("\"governance\":0", "\"governance\":-5"),
        ),
        (
            "a fraction of a score",
            fixture_attempts.replace("\"overall\":25", "\"overall\":25.5"),
        ),
        (
            "a control in the label",
            fixture_attempts.replace("Acme partnership", "Acme\\u0007 partnership"),
        ),
        (
            "a bidi override in the label",
            fixture_attempts.replace("Acme partnership", "\\u202eAcme partnership"),
        ),
        (
            "a label of spaces",
            fixture_attempts.replace("Acme partnership", "   "),
        ),
        (
            "a label with a space at its end",
            fixture_attempts.replace("Acme partnership", "Acme "),
        ),
        (
            "a 5,000-character label",
            fixture_attempts.replace("Acme partnership", &"x".repeat(5000)),
        ),
        (
            "a completion in 1e300",
            fixture_attempts.replace("\"completed_at\":1764000000000.0", "\"completed_at\":1e300"),
        ),
    ] {
        assert_ne!(bad, fixture_attempts, "{what}: the fixture changed");
        match read_attempts(Some(&bad)) {
            Loaded::Partial { value, left_out } => {
                assert_eq!(left_out, 1, "{what}");
                assert_eq!(value.len(), 1, "{what}");
                assert_eq!(value[0].id, "1780000000000-00ff00ff", "{what}");
            }
            other => panic!("{what}: {other:?}"),
        }
    }
    let wrong_type = fixture(1, "progress.json").replace("\"position\":4", "\"position\":\"4\"");
    assert!(matches!(
        read_progress(Some(&wrong_type)),
        Loaded::Corrupt(Corruption::Shape(_))
    ));
}

#[test]
fn values_over_their_limit_are_corrupt_before_they_are_parsed() {
    let limit = storage::MAX_PROGRESS_BYTES;
    let padded = |total: usize| {
        let base = fixture(1, "progress.json");
        let base = base.trim_end();
        format!("{}{}", base, " ".repeat(total - base.len()))
    };
    assert!(matches!(
        read_progress(Some(&padded(limit))),
        Loaded::Found { .. }
    ));
    assert_eq!(
        read_progress(Some(&padded(limit + 1))),
        Loaded::Corrupt(Corruption::TooLarge { bytes: limit + 1 })
    );
    let settings = format!(
        "{{\"schema\":1,\"data\":{{\"theme\":\"{}\"}}}}",
        "x".repeat(5000)
    );
    assert!(matches!(
        read_settings(Some(&settings)),
        Loaded::Corrupt(Corruption::TooLarge { .. })
    ));
}

#[test]
fn deeply_nested_or_huge_values_do_not_panic() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(read_progress(Some(&deep)), Loaded::Corrupt(_)));
    let deep_data = format!(
        "{{\"schema\":1,\"data\":{}{}}}",
        "[".repeat(20_000),
        "]".repeat(20_000)
    );
    assert!(matches!(
        read_attempts(Some(&deep_data)),
        Loaded::Corrupt(_)
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
    let attempt = new_attempt(&quiz, &answers, quiz.version, 10.0, 20.0);
    assert_eq!(attempt.scores.overall, Some(75));
    assert_eq!(attempt.scores.level.as_deref(), Some("systematic"));
    assert_eq!(attempt.scores.dimensions.len(), quiz.dimensions.len());
    assert_eq!(
        attempt.id,
        new_attempt(&quiz, &answers, quiz.version, 10.0, 20.0).id,
        "same attempt, same id"
    );
    let mut other = answers.clone();
    other.set(&quiz.dimensions[0].questions[0].id, Answer::Choice(4));
    assert_ne!(
        attempt.id,
        new_attempt(&quiz, &other, quiz.version, 10.0, 20.0).id,
        "different answers, different id"
    );
}

/// 2023-11-14T22:13:20Z: small test times count from here, so that every
/// time is one stored data may hold (2020 to 2199).
pub const T0: f64 = 1_700_000_000_000.0;

/// The fixture's second attempt as `id`, completed at `completed_at` (ms;
/// below 2020 counted from [`T0`]).
pub fn attempt(id: &str, completed_at: f64) -> Attempt {
    let mut attempt = found(read_attempts(Some(&fixture(1, "attempts.json")))).remove(1);
    attempt.id = id.into();
    attempt.completed_at = if completed_at < storage::EARLIEST_TIME_MS {
        T0 + completed_at
    } else {
        completed_at
    };
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
    // "c" was here; the second "a" was the file's own repeat (breaker F10).
    assert_eq!(report.already_present, 1);
    assert_eq!(report.repeated, 1);
    let ids: Vec<&str> = existing.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
}

#[test]
fn merging_thousands_stays_fast_enough_to_be_linearithmic() {
    // Quadratic duplicate checks took seconds here; n log n takes milliseconds.
    let many: Vec<Attempt> = (0..20_000)
        .map(|i| attempt(&format!("id-{i}"), f64::from(i)))
        .collect();
    let mut existing = many[..10_000].to_vec();
    let report = merge_attempts(&mut existing, many);
    assert_eq!(report.added, 10_000);
    assert_eq!(report.already_present, 10_000);
    assert_eq!(existing.len(), 20_000);
}

#[test]
fn export_then_import_round_trips() {
    let attempts = vec![attempt("x", 1.0), attempt("y", 2.0)];
    assert_eq!(import(&export(&JSON, &attempts, 3.0)), Ok(attempts));
}

#[test]
fn imports_that_are_not_ours_are_rejected_with_a_reason() {
    assert_eq!(import("hello"), Err(ImportError::NotJson));
    assert_eq!(import("{\"attempts\":[]}"), Err(ImportError::NotAnExport));
    assert_eq!(import("[1,2]"), Err(ImportError::NotAnExport));
    assert_eq!(import("null"), Err(ImportError::NotAnExport));
    let newer = fixture(1, "export.json").replace("\"schema\": 1", "\"schema\": 7");
    assert_eq!(import(&newer), Err(ImportError::NewerSchema { schema: 7 }));
    let damaged = fixture(1, "export.json").replace("\"overall\":25", "\"overall\":\"high\"");
    assert!(matches!(import(&damaged), Err(ImportError::Invalid { .. })));
    let wrong_shape =
        fixture(1, "export.json").replace("\"attempts\": [", "\"attempts\": {\"x\":[");
    assert!(import(&wrong_shape).is_err());
    assert!(ImportError::NewerSchema { schema: 7 }
        .to_string()
        .contains("newer version"));
}

#[test]
fn the_import_size_is_checked_before_reading_at_and_past_the_limit() {
    assert_eq!(check_import_size(MAX_IMPORT_BYTES), Ok(()));
    assert_eq!(
        check_import_size(MAX_IMPORT_BYTES + 1),
        Err(ImportError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1
        })
    );
    let huge = " ".repeat(MAX_IMPORT_BYTES as usize + 1);
    assert!(matches!(import(&huge), Err(ImportError::TooLarge { .. })));
}

#[test]
fn an_import_of_more_attempts_than_the_limit_is_refused() {
    let at_limit: Vec<Attempt> = (0..MAX_ATTEMPTS)
        .map(|i| attempt(&format!("i{i}"), i as f64))
        .collect();
    assert_eq!(
        import(&export(&JSON, &at_limit, 1.0)).map(|a| a.len()),
        Ok(MAX_ATTEMPTS)
    );
    let mut past = at_limit;
    past.push(attempt("one-more", 1e6));
    assert_eq!(
        import(&export(&JSON, &past, 1.0)),
        Err(ImportError::TooMany {
            attempts: MAX_ATTEMPTS + 1
        })
    );
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
fn stored_values_keep_their_members_and_order() {
    let cases = [
        (
            write(
                &JSON,
                &found(read_progress(Some(&fixture(1, "progress.json")))),
            ),
            r#"{"schema":1,"data":{"content_version":1,"answers":{"selection.criteria":"e","strategy.link-to-strategy":"not-sure","strategy.why-ally":"c"},"position":4,"started_at":1763999500000}}"#,
        ),
        (
            write(
                &JSON,
                &found(read_attempts(Some(&fixture(1, "attempts.json")))),
            ),
            r#"{"schema":1,"data":[{"id":"1764000000000-1a2b3c4d","content_version":1,"answers":{"governance.decision-rights":"a","strategy.why-ally":"c","trust.openness":"not-sure"},"started_at":1763999500000,"completed_at":1764000000000,"label":"Acme partnership","scores":{"overall":25,"level":"opportunistic","dimensions":{"governance":0,"strategy":50,"trust":null}}},{"id":"1780000000000-00ff00ff","content_version":1,"answers":{"strategy.why-ally":"e"},"started_at":1779999000000,"completed_at":1780000000000,"scores":{"overall":100,"level":"embedded","dimensions":{"strategy":100}}}]}"#,
        ),
        (
            write(
                &JSON,
                &found(read_settings(Some(&fixture(1, "settings.json")))),
            ),
            r#"{"schema":1,"data":{"language":"en","theme":"auto"}}"#,
        ),
        (
            write(&JSON, &Settings::default()),
            r#"{"schema":1,"data":{}}"#,
        ),
    ];
    for (written, expected) in cases {
        assert_same_json(&written, expected);
        // Member order too: members appear in the order of the expected text.
        let order = |text: &str| -> Vec<String> {
            text.match_indices("\":")
                .map(|(at, _)| {
                    let start = text[..at].rfind('"').map_or(0, |s| s + 1);
                    text[start..at].to_string()
                })
                .collect()
        };
        assert_eq!(order(&written), order(expected));
    }
}

#[test]
fn the_export_file_is_indented() {
    let attempts = found(read_attempts(Some(&fixture(1, "attempts.json"))));
    let text = export(&JSON, &attempts[1..], 1_780_100_000_000.0);
    assert!(
        text.starts_with("{\n  \"format\": \"alliance-readiness-quiz-export\",\n  \"schema\": 1,")
    );
    assert!(text.contains("\n      \"answers\": {\n        \"strategy.why-ally\": \"e\"\n      },"));
    assert!(export(&JSON, &[], 5.0).contains("\"attempts\": []"));
}

#[test]
fn a_timestamp_with_a_fraction_survives_a_round_trip() {
    let mut fractional = attempt("x", 1_780_000_000_000.5);
    fractional.started_at = 1_779_000_000_000.1;
    let text = write(&JSON, &vec![fractional.clone()]);
    assert!(text.contains("\"started_at\":1779000000000.1,\"completed_at\":1780000000000.5"));
    assert_eq!(found(read_attempts(Some(&text))), [fractional.clone()]);
    assert_eq!(
        import(&export(&JSON, &[fractional.clone()], 1.5)),
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
    match read_attempts(Some(&damaged)) {
        Loaded::Corrupt(Corruption::Shape(reason)) => {
            assert!(reason.contains("string \"high\""), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    let no_position = fixture(1, "progress.json").replace("\"position\":4,", "");
    match read_progress(Some(&no_position)) {
        Loaded::Corrupt(Corruption::Shape(reason)) => {
            assert!(reason.contains("position"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn values_nested_past_the_limit_are_refused_before_parsing() {
    let nest = |depth: usize| {
        format!(
            "{{\"schema\":1,\"data\":{{\"content_version\":{}1{},\"answers\":{{}},\"position\":1,\"started_at\":1}}}}",
            "[".repeat(depth),
            "]".repeat(depth)
        )
    };
    let limit = quiz_core::json::MAX_DEPTH;
    // The envelope and the data object take two levels.
    assert!(matches!(
        read_progress(Some(&nest(limit - 2))),
        Loaded::Corrupt(Corruption::Shape(_))
    ));
    assert_eq!(
        read_progress(Some(&nest(limit - 1))),
        Loaded::Corrupt(Corruption::TooDeep)
    );
    let deep_import = fixture(1, "export.json").replace(
        "\"exported_at\"",
        &format!(
            "\"x\":{}{},\"exported_at\"",
            "[".repeat(limit),
            "]".repeat(limit)
        ),
    );
    assert!(matches!(
        import(&deep_import),
        Err(ImportError::Invalid { .. })
    ));
}

/// Every stored or imported time is finite and from 2020-01-01 to
/// 2200-01-01 (breaker F4: `"completed_at": 1e300` showed "Invalid Date").
#[test]
fn times_out_of_range_are_refused_at_the_boundaries() {
    use storage::{clamp_time, is_valid_time, EARLIEST_TIME_MS, LATEST_TIME_MS};
    for ok in [EARLIEST_TIME_MS, LATEST_TIME_MS, 1_780_000_000_000.5] {
        assert!(is_valid_time(ok), "{ok}");
    }
    for bad in [
        EARLIEST_TIME_MS - 1.0,
        LATEST_TIME_MS + 1.0,
        0.0,
        -1.0,
        1e300,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ] {
        assert!(!is_valid_time(bad), "{bad}");
        assert!(is_valid_time(clamp_time(bad)), "{bad} clamped");
    }

    // An import file with a completion, start or export time out of range.
    let good = attempt("x", 1_780_000_000_000.0);
    for (field, value) in [
        ("completed_at", "1e300"),
        ("completed_at", "1577836799999"),
        ("started_at", "7258118400001"),
        ("started_at", "-5"),
    ] {
        let mut json: Value =
            serde_json::from_str(&export(&JSON, std::slice::from_ref(&good), T0)).unwrap();
        json["attempts"][0][field] = serde_json::from_str(value).unwrap();
        assert!(
            matches!(import(&json.to_string()), Err(ImportError::Invalid { .. })),
            "{field} = {value}"
        );
    }
    let mut json: Value =
        serde_json::from_str(&export(&JSON, std::slice::from_ref(&good), T0)).unwrap();
    json["exported_at"] = serde_json::from_str("1e300").unwrap();
    assert!(matches!(
        import(&json.to_string()),
        Err(ImportError::Invalid { .. })
    ));
    // At the boundaries, accepted.
    let mut edge = good.clone();
    edge.started_at = EARLIEST_TIME_MS;
    edge.completed_at = LATEST_TIME_MS;
    assert_eq!(
        import(&export(&JSON, &[edge.clone()], LATEST_TIME_MS)),
        Ok(vec![edge])
    );
    // Export never writes a time out of range, whatever the clock says.
    assert!(!export(&JSON, &[], 1e300).contains("e+"));

    // Progress whose start is out of range is set aside like other bad values.
    let progress = |started_at: &str| {
        format!(
            r#"{{"schema":1,"data":{{"content_version":2,"answers":{{}},"position":1,"started_at":{started_at}}}}}"#
        )
    };
    assert!(matches!(
        read_progress(Some(&progress("1e300"))),
        Loaded::Corrupt(_)
    ));
    assert!(matches!(
        read_progress(Some(&progress("1577836800000"))),
        Loaded::Found { .. }
    ));
    // A result completed while the clock said 1970 is still kept readable.
    let quiz = common::english();
    let made = new_attempt(&quiz, &AnswerSheet::new(), quiz.version, 0.0, 1e300);
    assert!(is_valid_time(made.started_at) && is_valid_time(made.completed_at));
}

/// Attempts stored twice under one id are listed once (breaker F11); over
/// the limit, the newest are kept and the rest counted as set aside.
#[test]
fn repeated_ids_are_kept_once_and_only_the_newest_thousand_are_kept() {
    let one = attempt("same", 1.0);
    let raw = write(&JSON, &vec![one.clone(), one.clone(), one.clone()]);
    assert_eq!(found(read_attempts(Some(&raw))), [one]);

    let many: Vec<Attempt> = (0..MAX_ATTEMPTS + 500)
        .map(|i| attempt(&format!("i{i}"), i as f64))
        .collect();
    match read_attempts(Some(&write(&JSON, &many))) {
        Loaded::Partial { value, left_out } => {
            assert_eq!(left_out, 500);
            assert_eq!(value.len(), MAX_ATTEMPTS);
            assert_eq!(value[0].id, "i500", "the oldest go");
        }
        other => panic!("{other:?}"),
    }
}
