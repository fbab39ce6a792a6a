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
    assert_eq!(quiz.dimensions.len(), 9, "the nine dimensions of the field");
    for dimension in &quiz.dimensions {
        assert!(
            (2..=3).contains(&dimension.questions.len()),
            "{} has 2 or 3 questions",
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
    assert!((20..=24).contains(&quiz.question_count()));
    assert_eq!(quiz.levels.len(), 4);
    let titles: Vec<&str> = quiz.offers.iter().map(|o| o.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Alliance Masterclass", "Creating Successful Partnerships"]
    );
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

#[test]
fn prompts_are_neutral_questions_about_the_organisation() {
    let quiz = common::english();
    for (_, question) in quiz.questions() {
        let first = question
            .prompt
            .split_whitespace()
            .next()
            .unwrap_or_default();
        assert!(
            !["Do", "Does", "Is", "Are", "Have", "Has", "Can", "Will"].contains(&first),
            "{}: a yes/no question in front of a five-step scale",
            question.id
        );
        assert!(question.prompt.ends_with('?'), "{}", question.id);
        assert!(
            (6..=16).contains(&words(&question.prompt)),
            "{}: {} words",
            question.id,
            words(&question.prompt)
        );
    }
}

#[test]
fn options_are_of_similar_length_and_deepen_practice_rather_than_breadth() {
    let quiz = common::english();
    let mut strongest_longest = 0;
    for (_, question) in quiz.questions() {
        let lengths: Vec<usize> = question.options.iter().map(|o| words(&o.text)).collect();
        for (option, length) in question.options.iter().zip(&lengths) {
            assert!(
                (9..=15).contains(length),
                "{}/{}: {length} words",
                question.id,
                option.id
            );
            let text = option.text.to_lowercase();
            for breadth in [
                "every alliance",
                "all alliances",
                "all our alliances",
                "course",
            ] {
                assert!(
                    !text.contains(breadth),
                    "{}/{}: “{breadth}”",
                    question.id,
                    option.id
                );
            }
        }
        if lengths[4] >= *lengths.iter().max().unwrap_or(&0) {
            strongest_longest += 1;
        }
    }
    assert!(
        strongest_longest * 3 <= quiz.question_count(),
        "the strongest option is the longest in {strongest_longest} questions: a cue"
    );
}

/// The number just before `after` in `text`, wherever `after` occurs.
fn numbers_before(text: &str, after: &str) -> Vec<u32> {
    text.match_indices(after)
        .filter_map(|(at, _)| {
            let digits: String = text[..at]
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.chars().rev().collect::<String>().parse().ok()
        })
        .collect()
}

#[test]
fn the_time_the_quiz_states_is_the_time_its_content_takes() {
    let quiz = common::english();
    let (minutes, questions) = (quiz.minutes(), quiz.question_count() as u32);
    assert!(
        minutes <= 10,
        "the target is ten minutes or less, the content takes {minutes}"
    );
    let root = common::content_dir().join("..");
    let read = |name: &str| std::fs::read_to_string(root.join(name)).expect(name);
    let (readme, index) = (read("README.md"), read("index.html"));
    // Where each file states the duration (docs/content.md says to keep these true).
    let statements = [
        (
            "README.md",
            numbers_before(&readme, " questions in nine dimensions"),
            questions,
        ),
        (
            "README.md",
            numbers_before(&readme, " minutes, computed from the content)"),
            minutes,
        ),
        (
            "index.html meta description",
            numbers_before(&index, "-minute self-assessment"),
            minutes,
        ),
        (
            "index.html prerendered landing",
            numbers_before(&index, " minutes · "),
            minutes,
        ),
        (
            "index.html prerendered landing",
            numbers_before(&index, " questions in "),
            questions,
        ),
    ];
    for (place, said, truth) in statements {
        assert!(!said.is_empty(), "{place} no longer states it");
        assert!(
            said.iter().all(|n| *n == truth),
            "{place} says {said:?}, the content gives {truth} (quiz.minutes(): run `make prerender` after content changes)"
        );
    }
}

#[test]
fn the_duration_model_counts_reading_and_deciding() {
    let quiz = common::english();
    let not_sure = words(&quiz.ui.not_sure);
    let reading: usize = quiz
        .questions()
        .map(|(_, q)| {
            words(&q.prompt) + q.options.iter().map(|o| words(&o.text)).sum::<usize>() + not_sure
        })
        .sum::<usize>()
        + quiz
            .glossary
            .iter()
            .map(|g| words(&g.term) + words(&g.definition))
            .sum::<usize>();
    let seconds = reading as f64 * 60.0 / 200.0 + quiz.question_count() as f64 * 6.0;
    assert_eq!(quiz.minutes(), (seconds / 60.0).ceil() as u32);
}

#[test]
fn every_glossary_term_is_shown_where_it_is_used() {
    let quiz = common::english();
    assert!(!quiz.glossary.is_empty());
    for (index, entry) in quiz.glossary.iter().enumerate() {
        let users: Vec<&str> = quiz
            .questions()
            .filter(|(_, q)| q.glossary.contains(&(index as u32)))
            .map(|(_, q)| q.id.as_str())
            .collect();
        assert!(!users.is_empty(), "{} is used nowhere", entry.id);
    }
    let sponsors = quiz
        .questions()
        .find(|(_, q)| q.id == "governance.sponsors")
        .map(|(_, q)| q.glossary.clone())
        .unwrap_or_default();
    assert!(sponsors
        .iter()
        .any(|i| quiz.glossary[*i as usize].id == "executive-sponsor"));
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

#[test]
fn index_html_knows_the_languages_the_manifest_lists() {
    let manifest = common::manifest();
    let codes: Vec<String> = manifest
        .languages
        .iter()
        .map(|l| format!("'{}'", l.code))
        .collect();
    let index =
        std::fs::read_to_string(common::content_dir().join("../index.html")).expect("index.html");
    let expected = format!("const LANGUAGES = [{}];", codes.join(", "));
    assert!(
        index.contains(&expected),
        "index.html's head script must say {expected}: run `make prerender`, which writes it"
    );
    assert_eq!(
        manifest.languages[0].code, manifest.default_language,
        "the default first"
    );
}

/// A small third language: English with every text marked, as a
/// pseudo-translation is. Only `content/` changes: one file and one line.
#[test]
fn a_third_language_is_one_file_and_one_line_in_the_manifest() {
    let source = common::content_dir();
    let dir = std::env::temp_dir().join(format!("quiz-third-language-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    for name in ["manifest.toml", "releases.toml", "en.toml", "nl.toml"] {
        std::fs::copy(source.join(name), dir.join(name)).expect("copy");
    }
    let manifest = std::fs::read_to_string(dir.join("manifest.toml")).expect("manifest");
    let manifest = manifest.replace(
        "  { code = \"nl\", name = \"Nederlands\", locale = \"nl-NL\" },\n",
        "  { code = \"nl\", name = \"Nederlands\", locale = \"nl-NL\" },\n  { code = \"eo\", name = \"Esperanto\", locale = \"eo\" },\n",
    );
    std::fs::write(dir.join("manifest.toml"), manifest).expect("manifest");
    // Every quoted text gets a marker; ids, keys and glossary terms stay
    // findable because the marker is a separate word.
    let english = std::fs::read_to_string(dir.join("en.toml")).expect("en.toml");
    let marked: String = english
        .lines()
        .map(|line| {
            let keep = ["id = ", "band = ", "score = ", "term = "]
                .iter()
                .any(|k| line.trim_start().starts_with(k));
            if keep || !line.contains(" = \"") {
                line.to_string()
            } else {
                line.replacen(" = \"", " = \"[eo] ", 1)
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(dir.join("eo.toml"), marked).expect("eo.toml");

    let built = quiz_core::authoring::build(&dir).unwrap_or_else(|errors| panic!("{errors:?}"));
    let codes: Vec<&str> = built.iter().map(|b| b.language.code.as_str()).collect();
    assert_eq!(codes, ["en", "nl", "eo"]);
    let esperanto: quiz_core::Quiz =
        quiz_core::content_codec::decode(&built[2].bytes).expect("decodes as the app does");
    assert!(esperanto.ui.start.starts_with("[eo] "));
    let languages: Vec<_> = built.iter().map(|b| b.language.clone()).collect();
    assert_eq!(
        quiz_core::language::negotiate(None, None, &["eo-XX".to_string()], &languages),
        "eo"
    );
    // A language file the manifest does not list fails the build, naming it.
    std::fs::write(dir.join("fr.toml"), "").expect("fr.toml");
    let errors = quiz_core::authoring::build(&dir).expect_err("unlisted");
    assert!(
        errors
            .iter()
            .any(|e| e.to_string().contains("fr (content/fr.toml is not listed)")),
        "{errors:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_translation_with_a_missing_or_extra_key_fails_naming_the_file_and_key() {
    let dutch = common::read("nl.toml");
    let missing = dutch.replacen("start = ", "startx = ", 1);
    let error = quiz_core::authoring::parse_language(&missing, "nl.toml").expect_err("missing");
    let text = error.to_string();
    assert!(
        text.starts_with("nl.toml") && text.contains("startx"),
        "{text}"
    );
    let extra = dutch.replacen("[ui]\n", "[ui]\nsurprise = \"x\"\n", 1);
    let error = quiz_core::authoring::parse_language(&extra, "nl.toml").expect_err("extra");
    assert!(error.to_string().contains("surprise"), "{error}");
}

/// The crash page's built-in English (index.html, used when the app stops
/// before its content is read) says what `en.toml` says: a visitor once got
/// the shorter fallback without "what you saved in this browser is safe".
#[test]
fn the_crash_pages_built_in_english_is_the_contents() {
    let index =
        std::fs::read_to_string(common::content_dir().join("../index.html")).expect("index.html");
    let start = index
        .find("window.allianceQuizCrash")
        .expect("the crash page's script");
    let defaults = &index[start..];
    let defaults = &defaults[..defaults.find("= texts;").expect("its default texts")];
    let ui = common::english().ui;
    for (name, text) in [
        ("heading", &ui.crash_heading),
        ("text", &ui.crash_text),
        ("reload", &ui.crash_reload),
        ("copy", &ui.crash_copy),
        ("copied", &ui.crash_copied),
        ("failed", &ui.crash_copy_failed),
        ("label", &ui.crash_details),
    ] {
        assert!(
            defaults.contains(&format!("{name} = '{text}'")),
            "index.html's {name} is not en.toml's {text:?}"
        );
    }
}
