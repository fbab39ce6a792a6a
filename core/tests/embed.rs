//! The embed protocol: options from the frame's query, where messages may go,
//! what they say, and what the app ignores.

mod common;

use std::collections::HashMap;

use quiz_core::embed::{
    frame_src, message, origin_of, parse_accent, parse_options, parse_origin, parse_preview_height,
    parse_share_base, snippet, targets, text_on, Completed, EmbedEvent, Incoming, IncomingError,
    SnippetOptions, Theme, MAX_PARAM_BYTES,
};
use quiz_core::route::encode_component as encode;
use quiz_core::{score, Answer, AnswerSheet};

/// The message as JSON text, as the host page receives it.
fn message_json(id: &str, event: &EmbedEvent) -> String {
    serde_json::to_string(&message(id, event)).expect("messages serialise")
}

/// An incoming message's members, as the shell reads them from `event.data`.
fn incoming(json: &str) -> Incoming {
    let value: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    let text = |name: &str| value.get(name).and_then(|v| v.as_str()).map(str::to_string);
    let number = |name: &str| value.get(name).and_then(serde_json::Value::as_f64);
    Incoming {
        kind: text("type"),
        version: number("version"),
        id: text("id"),
        height: number("height"),
    }
}

fn options(pairs: &[(&str, &str)]) -> Option<quiz_core::embed::EmbedOptions> {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    parse_options(|name| map.get(name).cloned())
}

#[test]
fn embed_mode_needs_embed_1() {
    assert_eq!(options(&[]), None);
    assert_eq!(options(&[("embed", "0")]), None);
    assert_eq!(options(&[("embed", "yes"), ("id", "2")]), None);
    let plain = options(&[("embed", "1")]).expect("embed mode");
    assert_eq!(plain.id, "1");
    assert_eq!(plain.theme, Theme::Light);
    assert!(plain.start_screen);
    assert!(!plain.compact);
    assert_eq!(plain.host, None);
}

#[test]
fn every_option_is_read_and_validated() {
    let all = options(&[
        ("embed", "1"),
        ("id", "7"),
        ("host", "https://Example.org"),
        ("lang", "en"),
        ("theme", "dark"),
        ("accent", "#A1B2C3"),
        ("compact", "1"),
        ("start", "off"),
        ("share", "https://example.org/quiz/#/ignored"),
    ])
    .expect("embed mode");
    assert_eq!(all.id, "7");
    assert_eq!(all.host.as_deref(), Some("https://example.org"));
    assert_eq!(all.language.as_deref(), Some("en"));
    assert_eq!(all.theme, Theme::Dark);
    assert_eq!(all.accent.as_deref(), Some("#a1b2c3"));
    assert!(all.compact);
    assert!(!all.start_screen);
    assert_eq!(all.share_base.as_deref(), Some("https://example.org/quiz/"));

    let hostile = options(&[
        ("embed", "1"),
        ("id", "<script>"),
        ("host", "https://evil.example/path"),
        ("lang", "en\"><x"),
        ("theme", "purple"),
        ("accent", "red;background:url(x)"),
        ("compact", "yes"),
        ("start", "no"),
        ("share", "javascript:alert(1)"),
    ])
    .expect("embed mode");
    assert_eq!(hostile.id, "1");
    assert_eq!(hostile.host, None);
    assert_eq!(hostile.language, None);
    assert_eq!(hostile.theme, Theme::Light);
    assert_eq!(hostile.accent, None);
    assert!(!hostile.compact);
    assert!(hostile.start_screen);
    assert_eq!(hostile.share_base, None);
}

#[test]
fn accents_are_css_hex_colours_only() {
    assert_eq!(parse_accent("#abc").as_deref(), Some("#abc"));
    assert_eq!(parse_accent("#00FF7f").as_deref(), Some("#00ff7f"));
    for bad in [
        "abc", "#ab", "#abcd", "#abcdefg", "#ggg", "red", "", "#", "#abc;",
    ] {
        assert_eq!(parse_accent(bad), None, "{bad}");
    }
}

#[test]
fn button_text_contrasts_with_the_accent() {
    assert_eq!(text_on("#1d4f73"), "#ffffff");
    assert_eq!(text_on("#000"), "#ffffff");
    assert_eq!(text_on("#ffff00"), "#111111");
    assert_eq!(text_on("#fff"), "#111111");
    assert_eq!(text_on("#8cc0e6"), "#111111");
}

#[test]
fn origins_are_normalised_and_strict() {
    assert_eq!(
        origin_of("https://Host.example:8443/a/b?c#d").as_deref(),
        Some("https://host.example:8443")
    );
    assert_eq!(
        parse_origin("http://127.0.0.1:4000/").as_deref(),
        Some("http://127.0.0.1:4000")
    );
    assert_eq!(parse_origin("http://127.0.0.1:4000/page"), None);
    for bad in [
        "null",
        "file:///etc",
        "https://",
        "https://user@host",
        "ftp://x",
        "https://a b",
    ] {
        assert_eq!(origin_of(bad), None, "{bad}");
    }
    assert_eq!(parse_share_base("https://x.example/q\"onload=\""), None);
    assert_eq!(
        parse_share_base("https://x.example/q").as_deref(),
        Some("https://x.example/q")
    );
}

#[test]
fn results_go_only_to_a_confirmed_host() {
    let host = Some("https://host.example");
    let both = targets(
        host,
        Some("https://host.example/page"),
        Some("https://host.example"),
    );
    assert_eq!(both.results.as_deref(), Some("https://host.example"));
    assert_eq!(both.height.as_deref(), Some("https://host.example"));

    // The browser reveals nothing: postMessage's target origin still guards it.
    let unknown = targets(host, Some(""), None);
    assert_eq!(unknown.results.as_deref(), Some("https://host.example"));

    // Declared one origin, embedded by another: only heights, to the declared one.
    let lied = targets(host, Some("https://evil.example/"), None);
    assert_eq!(lied.results, None);
    assert_eq!(lied.height.as_deref(), Some("https://host.example"));
    let ancestor = targets(
        host,
        Some("https://host.example/"),
        Some("https://evil.example"),
    );
    assert_eq!(ancestor.results, None);

    let undeclared = targets(None, Some("https://host.example/"), None);
    assert_eq!((undeclared.height, undeclared.results), (None, None));
    assert_eq!(targets(Some("*"), None, None).height, None);
}

#[test]
fn messages_follow_the_documented_envelope() {
    let json = message_json(
        "3",
        &EmbedEvent::Question {
            index: 4,
            total: 30,
        },
    );
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(
        value,
        serde_json::json!({"type": "alliance-quiz:question", "version": 1, "id": "3", "index": 4, "total": 30})
    );
    let ready: serde_json::Value =
        serde_json::from_str(&message_json("a", &EmbedEvent::Ready)).expect("json");
    assert_eq!(
        ready,
        serde_json::json!({"type": "alliance-quiz:ready", "version": 1, "id": "a"})
    );
    assert!(!EmbedEvent::Height { height: 10 }.carries_results());
    assert!(EmbedEvent::Started.carries_results());
}

#[test]
fn completed_carries_scores_levels_and_the_link() {
    let quiz = common::english();
    let mut answers = AnswerSheet::new();
    for (_, question) in quiz.questions() {
        answers.set(&question.id, Answer::Choice(3));
    }
    let report = score(&quiz, &answers);
    let completed = Completed::new(&quiz, &report, "https://x.example/#/r/abc".into());
    let value: serde_json::Value =
        serde_json::from_str(&message_json("1", &EmbedEvent::Completed(completed))).expect("json");
    assert_eq!(value["type"], "alliance-quiz:completed");
    assert_eq!(value["overall"], 75);
    assert_eq!(
        value["level"]["id"],
        quiz.levels[quiz.level_for(75).expect("level")].id.as_str()
    );
    assert_eq!(
        value["dimensions"].as_array().map(Vec::len),
        Some(quiz.dimensions.len())
    );
    assert_eq!(value["dimensions"][0]["id"], quiz.dimensions[0].id.as_str());
    assert_eq!(value["dimensions"][0]["score"], 75);
    assert_eq!(value["share_link"], "https://x.example/#/r/abc");
}

#[test]
fn only_the_previews_own_height_is_accepted() {
    let origin = "http://127.0.0.1:1";
    let good = r#"{"type":"alliance-quiz:height","version":1,"id":"preview","height":700}"#;
    assert_eq!(
        parse_preview_height(&incoming(good), origin, origin, "preview"),
        Ok(700)
    );
    assert_eq!(
        parse_preview_height(&incoming(good), "http://evil.example", origin, "preview"),
        Err(IncomingError::WrongOrigin)
    );
    let cases = [
        ("not json", IncomingError::UnknownType),
        (
            r#"{"type":"alliance-quiz:height","version":1,"id":"preview","height":7.5}"#,
            IncomingError::BadHeight,
        ),
        (
            r#"{"type":"alliance-quiz:ready","version":1,"id":"preview"}"#,
            IncomingError::UnknownType,
        ),
        (
            r#"{"type":"alliance-quiz:height","version":2,"id":"preview","height":7}"#,
            IncomingError::WrongVersion,
        ),
        (
            r#"{"type":"alliance-quiz:height","version":1,"id":"other","height":7}"#,
            IncomingError::WrongId,
        ),
        (
            r#"{"type":"alliance-quiz:height","version":1,"id":"preview","height":0}"#,
            IncomingError::BadHeight,
        ),
        (
            r#"{"type":"alliance-quiz:height","version":1,"id":"preview","height":1e9}"#,
            IncomingError::BadHeight,
        ),
        (
            r#"{"type":"alliance-quiz:height","version":1,"id":"preview","height":"7"}"#,
            IncomingError::BadHeight,
        ),
    ];
    for (json, error) in cases {
        assert_eq!(
            parse_preview_height(&incoming(json), origin, origin, "preview"),
            Err(error),
            "{json}"
        );
    }
}

#[test]
fn the_snippet_and_frame_address_carry_the_chosen_options() {
    let plain = snippet(
        "https://quiz.example/embed.js",
        &SnippetOptions {
            start_screen: true,
            ..Default::default()
        },
    );
    assert_eq!(
        plain,
        "<div data-alliance-quiz></div>\n<script src=\"https://quiz.example/embed.js\" async></script>"
    );
    let chosen = SnippetOptions {
        language: Some("en".into()),
        theme: Theme::Auto,
        accent: "#C00".into(),
        compact: true,
        start_screen: false,
        share_base: "https://me.example/quiz".into(),
        title: "Quiz \"A\" <b>".into(),
    };
    let text = snippet("https://quiz.example/embed.js", &chosen);
    assert!(text.starts_with("<div data-alliance-quiz data-language=\"en\" data-theme=\"auto\" data-accent=\"#c00\" data-compact=\"on\" data-start-screen=\"off\" data-share-base=\"https://me.example/quiz\" data-title=\"Quiz &quot;A&quot; &lt;b&gt;\"></div>"), "{text}");
    let bad_accent = SnippetOptions {
        accent: "red".into(),
        start_screen: true,
        ..Default::default()
    };
    assert!(!snippet("e.js", &bad_accent).contains("accent"));

    assert_eq!(
        frame_src("https://quiz.example/", "preview", "https://quiz.example", &chosen),
        "https://quiz.example/?embed=1&id=preview&host=https%3A%2F%2Fquiz.example&lang=en&theme=auto&accent=%23c00&compact=1&start=off&share=https%3A%2F%2Fme.example%2Fquiz#/"
    );
    assert_eq!(encode("a b/é"), "a%20b%2F%C3%A9");
}

#[test]
fn every_message_is_written_as_documented() {
    let cases = [
        (
            EmbedEvent::Ready,
            r#"{"type":"alliance-quiz:ready","version":1,"id":"7"}"#,
        ),
        (
            EmbedEvent::Started,
            r#"{"type":"alliance-quiz:started","version":1,"id":"7"}"#,
        ),
        (
            EmbedEvent::Question {
                index: 0,
                total: 30,
            },
            r#"{"type":"alliance-quiz:question","version":1,"id":"7","index":0,"total":30}"#,
        ),
        (
            EmbedEvent::Restarted,
            r#"{"type":"alliance-quiz:restarted","version":1,"id":"7"}"#,
        ),
        (
            EmbedEvent::Height { height: 1234 },
            r#"{"type":"alliance-quiz:height","version":1,"id":"7","height":1234}"#,
        ),
        (
            EmbedEvent::Language {
                language: "nl".into(),
                title: "Alliantiescan".into(),
            },
            r#"{"type":"alliance-quiz:language","version":1,"id":"7","language":"nl","title":"Alliantiescan"}"#,
        ),
        (
            EmbedEvent::Completed(Completed {
                overall: None,
                level: None,
                dimensions: vec![quiz_core::embed::DimensionInfo {
                    id: "trust".into(),
                    name: "Trust \"and\" openness".into(),
                    score: Some(50),
                    level: Some(quiz_core::embed::LevelInfo {
                        id: "developing".into(),
                        name: "Developing".into(),
                    }),
                }],
                share_link: "https://x.example/#/r/abc".into(),
            }),
            r#"{"type":"alliance-quiz:completed","version":1,"id":"7","overall":null,"level":null,"dimensions":[{"id":"trust","name":"Trust \"and\" openness","score":50,"level":{"id":"developing","name":"Developing"}}],"share_link":"https://x.example/#/r/abc"}"#,
        ),
    ];
    for (event, expected) in cases {
        assert_eq!(message_json("7", &event), expected);
    }
    // The app's own height messages are what its preview listener accepts.
    let height = message_json("preview", &EmbedEvent::Height { height: 640 });
    assert_eq!(
        parse_preview_height(&incoming(&height), "o", "o", "preview"),
        Ok(640)
    );
}

#[test]
fn query_parameters_over_the_limit_are_ignored_before_parsing() {
    let share_at_limit = format!("https://a.example/{}", "x".repeat(MAX_PARAM_BYTES - 18));
    assert_eq!(share_at_limit.len(), MAX_PARAM_BYTES);
    let read = options(&[("embed", "1"), ("share", &share_at_limit)]).expect("embed mode");
    assert_eq!(read.share_base.as_deref(), Some(share_at_limit.as_str()));
    let past = format!("{share_at_limit}x");
    let read = options(&[("embed", "1"), ("share", &past)]).expect("embed mode");
    assert_eq!(read.share_base, None);
    let huge_embed = format!("1{}", " ".repeat(MAX_PARAM_BYTES));
    assert_eq!(options(&[("embed", &huge_embed)]), None);
}
