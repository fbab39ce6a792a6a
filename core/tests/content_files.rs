//! The content shipped in `content/` is valid and within the editorial limits.

mod common;

use quiz_core::authoring::compare_translation;

#[test]
fn every_language_file_assembles_without_errors() {
    let manifest = common::manifest();
    let reference = common::english();
    let mut languages = 0;
    for entry in std::fs::read_dir(common::content_dir()).expect("content dir") {
        let path = entry.expect("dir entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if name == "manifest.toml" || name == "releases.toml" || !name.ends_with(".toml") {
            continue;
        }
        let language = name.trim_end_matches(".toml");
        let texts = quiz_core::authoring::parse_language(&common::read(&name), &name)
            .unwrap_or_else(|e| panic!("{e}"));
        let files = quiz_core::validate::SourceFiles {
            language: &name,
            ..common::FILES
        };
        let quiz =
            quiz_core::authoring::assemble(&manifest, &common::releases(), texts, language, files)
                .unwrap_or_else(|errors| panic!("{errors:?}"));
        assert!(
            compare_translation(&reference, &quiz, &name).is_empty(),
            "{name} differs from en.toml"
        );
        languages += 1;
    }
    assert!(languages >= 1);
}

#[test]
fn english_content_has_the_agreed_shape() {
    let quiz = common::english();
    assert!(
        (8..=10).contains(&quiz.dimensions.len()),
        "8 to 10 dimensions"
    );
    for dimension in &quiz.dimensions {
        assert!(
            (3..=4).contains(&dimension.questions.len()),
            "{} has 3 or 4 questions",
            dimension.id
        );
        for advice in &dimension.advice {
            assert!(
                (2..=3).contains(&advice.actions.len()),
                "{} {}: two or three actions",
                dimension.id,
                advice.band
            );
        }
    }
    assert!((24..=36).contains(&quiz.question_count()));
    assert_eq!(quiz.levels.len(), 4);
    let titles: Vec<&str> = quiz.offers.iter().map(|o| o.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Alliance Masterclass", "Creating Successful Partnerships"]
    );
}

#[test]
fn training_links_carry_the_utm_parameters_from_the_manifest() {
    let quiz = common::english();
    let masterclass = &quiz.offers[0];
    assert_eq!(
        masterclass.url,
        "https://www.petersimoons.com/?utm_campaign=readiness-results&utm_medium=quiz&utm_source=alliance-readiness-quiz&utm_content=masterclass"
    );
}

#[test]
fn prompts_and_options_stay_short_enough_for_a_phone() {
    let quiz = common::english();
    for (_, question) in quiz.questions() {
        assert!(
            question.prompt.chars().count() <= 140,
            "{} prompt is long",
            question.id
        );
        for option in &question.options {
            assert!(
                option.text.chars().count() <= 170,
                "{}/{} is long",
                question.id,
                option.id
            );
        }
    }
}

#[test]
fn the_shipped_content_survives_the_compact_form_the_app_embeds() {
    let quiz = common::english();
    let bytes = quiz_core::content_codec::encode(&quiz);
    assert_eq!(quiz_core::content_codec::decode(&bytes), Some(quiz));
}

#[test]
fn damaged_compact_content_is_refused_without_a_panic() {
    let bytes = quiz_core::content_codec::encode(&common::english());
    // Truncations throughout (every 7th length, and the last byte missing),
    // and a flipped byte every 97 bytes.
    for end in (0..bytes.len()).step_by(7).chain([bytes.len() - 1]) {
        assert_eq!(
            quiz_core::content_codec::decode::<quiz_core::Quiz>(&bytes[..end]),
            None
        );
    }
    for at in (0..bytes.len()).step_by(97) {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0xff;
        let _ = quiz_core::content_codec::decode::<quiz_core::Quiz>(&damaged);
    }
}
