//! Each content rule, broken on purpose: the error names the file and the item.

mod common;

use quiz_core::authoring::{parse_language, parse_manifest};
use quiz_core::validate::ContentError;

fn errors_of(
    mutate: impl FnOnce(&mut quiz_core::authoring::Manifest, &mut quiz_core::authoring::LanguageFile),
) -> Vec<ContentError> {
    let (mut manifest, mut texts) = (common::manifest(), common::english_texts());
    mutate(&mut manifest, &mut texts);
    match common::try_assemble(&manifest, texts) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    }
}

fn messages(errors: &[ContentError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_dimension_without_questions_is_rejected() {
    let errors = errors_of(|_, texts| texts.dimensions[1].questions.clear());
    let id = common::english().dimensions[1].id.clone();
    assert!(errors.contains(&ContentError::NoQuestions {
        file: "en.toml".into(),
        dimension: id.clone()
    }));
    assert!(messages(&errors).contains(&format!("en.toml: dimension `{id}` has no questions")));
}

#[test]
fn a_question_without_five_options_is_rejected() {
    let errors = errors_of(|_, texts| {
        texts.dimensions[0].questions[0].options.pop();
    });
    let question = common::english().dimensions[0].questions[0].id.clone();
    assert_eq!(
        errors,
        [ContentError::OptionCount {
            file: "en.toml".into(),
            question,
            found: 4
        }]
    );
    assert!(messages(&errors).contains("has 4 options, expected exactly 5"));
}

#[test]
fn options_out_of_order_are_rejected() {
    let errors = errors_of(|_, texts| texts.dimensions[0].questions[0].options.swap(0, 4));
    assert!(
        matches!(errors.as_slice(), [ContentError::UnexpectedScores { found, .. }, ContentError::OptionIds { .. }] if found == &[100, 25, 50, 75, 0]),
        "{errors:?}"
    );
    assert!(messages(&errors).contains("must name its options a, b, c, d, e"));
}

#[test]
fn a_score_out_of_range_is_rejected() {
    let errors = errors_of(|_, texts| texts.dimensions[2].questions[1].options[4].score = 150);
    let question = common::english().dimensions[2].questions[1].id.clone();
    assert_eq!(
        errors,
        [ContentError::ScoreOutOfRange {
            file: "en.toml".into(),
            question: question.clone(),
            option: "e".into(),
            score: 150
        }]
    );
    assert!(messages(&errors).contains(&format!(
        "option `e` of question `{question}` scores 150, outside 0 to 100"
    )));
}

#[test]
fn a_score_too_large_to_read_fails_parsing_with_the_file_and_line() {
    let source = common::read("en.toml").replacen("score = 100", "score = 300", 1);
    let error = parse_language(&source, "en.toml").expect_err("300 is not a score");
    let message = error.to_string();
    assert!(message.starts_with("en.toml: "), "{message}");
    assert!(message.contains("score = 300"), "{message}");
}

#[test]
fn duplicate_ids_are_rejected() {
    let errors = errors_of(|_, texts| {
        let copy = texts.dimensions[0].questions[0].id.clone();
        texts.dimensions[3].questions[0].id = copy;
    });
    let id = common::english().dimensions[0].questions[0].id.clone();
    // The renamed question also changes the released order, reported separately.
    assert!(
        errors.contains(&ContentError::DuplicateId {
            file: "en.toml".into(),
            kind: "question",
            id
        }),
        "{errors:?}"
    );

    let errors = errors_of(|_, texts| texts.dimensions[1].id = texts.dimensions[0].id.clone());
    assert!(
        errors.iter().any(|e| matches!(
            e,
            ContentError::DuplicateId {
                kind: "dimension",
                ..
            }
        )),
        "{errors:?}"
    );

    let errors = errors_of(|_, texts| texts.dimensions[0].questions[0].options[1].id = "a".into());
    assert!(
        messages(&errors).contains("duplicate option id"),
        "{errors:?}"
    );
}

#[test]
fn a_missing_interface_key_names_the_file_and_the_key() {
    let source = common::read("en.toml");
    let without_next: String = source
        .lines()
        .filter(|line| !line.starts_with("next = "))
        .collect::<Vec<_>>()
        .join("\n");
    let error = parse_language(&without_next, "en.toml").expect_err("next is required");
    let message = error.to_string();
    assert!(message.starts_with("en.toml: "), "{message}");
    assert!(message.contains("missing field `next`"), "{message}");
}

#[test]
fn a_missing_level_or_offer_translation_is_rejected() {
    let errors = errors_of(|_, texts| {
        texts.levels.retain(|l| l.id != "systematic");
    });
    assert!(errors.contains(&ContentError::MissingTranslation {
        file: "en.toml".into(),
        key: "levels.systematic".into()
    }));

    let errors = errors_of(|_, texts| texts.training.retain(|t| t.id != "online-course"));
    assert_eq!(
        errors,
        [ContentError::MissingTranslation {
            file: "en.toml".into(),
            key: "training.online-course".into()
        }]
    );
}

#[test]
fn missing_advice_for_a_band_is_rejected() {
    let errors = errors_of(|_, texts| {
        texts.dimensions[4]
            .advice
            .retain(|a| a.band != "developing")
    });
    let dimension = common::english().dimensions[4].id.clone();
    assert_eq!(
        errors,
        [ContentError::MissingAdvice {
            file: "en.toml".into(),
            dimension,
            band: "developing".into()
        }]
    );
}

#[test]
fn a_link_that_is_not_https_is_rejected_naming_the_manifest() {
    for url in [
        "http://www.petersimoons.com/",
        "www.petersimoons.com",
        "https://",
        "https://exa mple.com/",
        "javascript:alert(1)",
    ] {
        let errors = errors_of(|manifest, _| manifest.offers[0].url = url.into());
        assert_eq!(
            errors,
            [ContentError::NotHttps {
                file: "manifest.toml".into(),
                offer: "masterclass".into(),
                url: url.into()
            }],
            "{url}"
        );
    }
}

#[test]
fn an_offer_naming_an_unknown_dimension_or_band_is_rejected() {
    let errors = errors_of(|manifest, _| manifest.offers[1].dimensions.push("negotiation".into()));
    assert!(messages(&errors)
        .contains("manifest.toml: `offers.online-course` refers to unknown id `negotiation`"));
    let errors = errors_of(|manifest, _| manifest.offers[1].bands.push("expert".into()));
    assert!(messages(&errors).contains("unknown id `expert`"));
}

#[test]
fn levels_must_start_at_zero_and_increase() {
    let errors = errors_of(|manifest, _| manifest.levels[0].min_score = 10);
    assert!(messages(&errors).contains("manifest.toml: levels must start at min_score 0"));
    let errors = errors_of(|manifest, _| manifest.levels[2].min_score = 40);
    assert!(messages(&errors).contains("strictly increasing"));
}

#[test]
fn empty_texts_are_rejected() {
    let errors = errors_of(|_, texts| texts.dimensions[0].questions[1].prompt = "  ".into());
    assert!(
        matches!(errors.as_slice(), [ContentError::EmptyText { item, .. }] if item.ends_with(".prompt"))
    );
}

#[test]
fn unknown_fields_in_the_manifest_are_rejected() {
    let source = format!("{}\nsurprise = 1\n", common::read("manifest.toml"));
    let error = parse_manifest(&source, "manifest.toml").expect_err("unknown field");
    assert!(error.to_string().contains("manifest.toml"), "{error}");
}

#[test]
fn a_translation_missing_a_question_is_rejected() {
    let reference = common::english();
    let mut other = reference.clone();
    let removed = other.dimensions[0].questions.remove(1).id;
    let errors = quiz_core::authoring::compare_translation(&reference, &other, "nl.toml");
    assert!(errors.contains(&ContentError::MissingTranslation {
        file: "nl.toml".into(),
        key: format!("questions.{removed}")
    }));
}

#[test]
fn utm_parameters_keep_an_existing_query_and_fragment() {
    let utm = [("source".to_string(), "quiz site".to_string())]
        .into_iter()
        .collect();
    assert_eq!(
        quiz_core::authoring::with_utm("https://example.com/a?x=1#top", &utm, "masterclass"),
        "https://example.com/a?x=1&utm_source=quiz%20site&utm_content=masterclass#top"
    );
    assert_eq!(
        quiz_core::authoring::with_utm("https://example.com/", &Default::default(), "m"),
        "https://example.com/"
    );
}

#[test]
fn a_reordered_question_without_a_new_release_is_rejected() {
    let errors = errors_of(|_, texts| texts.dimensions[0].questions.swap(0, 1));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        messages(&errors).starts_with("releases.toml: release 2 lists a different question order"),
        "{errors:?}"
    );
}

#[test]
fn a_new_content_version_needs_its_release_entry() {
    let errors = errors_of(|manifest, _| manifest.version = 3);
    assert!(
        messages(&errors).contains("releases.toml: has no entry for the content version 3"),
        "{errors:?}"
    );
}

#[test]
fn a_glossary_entry_no_question_uses_is_rejected() {
    let errors = errors_of(|_, texts| {
        texts.glossary.push(quiz_core::authoring::GlossaryText {
            id: "synergy".into(),
            term: "synergy".into(),
            matches: Vec::new(),
            definition: "A word no question uses.".into(),
        })
    });
    assert_eq!(
        errors,
        [ContentError::UnusedGlossary {
            file: "en.toml".into(),
            id: "synergy".into()
        }]
    );
}

#[test]
fn a_dimension_without_its_find_out_step_is_rejected() {
    let errors = errors_of(|_, texts| texts.dimensions[3].find_out = " ".into());
    assert!(
        matches!(errors.as_slice(), [ContentError::EmptyText { item, .. }] if item.ends_with(".find_out")),
        "{errors:?}"
    );
}
