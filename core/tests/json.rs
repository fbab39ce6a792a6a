//! The JSON module that replaced serde_json in the app: strict parsing, exact
//! numbers, the writers' output, and agreement with serde_json (kept here as
//! the reference) on generated documents.

use proptest::prelude::*;
use quiz_core::json::{self, FromJson, Object, ParseError, Value, MAX_DEPTH};

fn parse(text: &str) -> Value {
    json::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn number(text: &str) -> f64 {
    parse(text)
        .as_f64()
        .unwrap_or_else(|| panic!("{text} is not a number"))
}

fn written(n: f64) -> String {
    json::to_string(&Value::Number(n))
}

fn members(pairs: Vec<(&str, Value)>) -> Value {
    Value::Object(Object::from(
        pairs
            .into_iter()
            .map(|(name, value)| (name.to_string(), value))
            .collect::<Vec<_>>(),
    ))
}

#[test]
fn parses_every_kind_of_value() {
    assert_eq!(
        parse(" { \"a\" : [ null , true , false , -1.5e2 , \"x\" , { } , [ ] ] } \r\n\t"),
        members(vec![(
            "a",
            Value::Array(vec![
                Value::Null,
                Value::Bool(true),
                Value::Bool(false),
                Value::Number(-150.0),
                Value::String("x".into()),
                members(vec![]),
                Value::Array(vec![]),
            ])
        )])
    );
    // RFC 8259 allows any value at the top.
    assert_eq!(parse("\"top\""), Value::String("top".into()));
    assert_eq!(parse("0"), Value::Number(0.0));
    assert_eq!(parse("null"), Value::Null);
}

#[test]
fn members_keep_their_order_and_a_repeated_name_reads_as_the_last() {
    let value = parse(r#"{"b":1,"a":2,"b":3}"#);
    let names: Vec<&str> = value
        .as_object()
        .expect("object")
        .iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(names, ["b", "a", "b"]);
    assert_eq!(value.get("b"), Some(&Value::Number(3.0)), "as JSON.parse");
    assert_eq!(json::to_string(&value), r#"{"b":1,"a":2,"b":3}"#);
    assert_eq!(value.clone().take("b"), Some(Value::Number(3.0)));
    assert_eq!(value.get("c"), None);
    assert_eq!(parse("[1]").get("b"), None, "not an object");
}

#[test]
fn strings_decode_every_escape_and_surrogate_pairs() {
    assert_eq!(
        parse(r#""\"\\\/\b\f\n\r\t\u0041\u00e9\u20AC\ud83d\ude00 é€😀""#).as_str(),
        Some("\"\\/\u{8}\u{c}\n\r\tAé€😀 é€😀")
    );
    assert_eq!(parse(r#""\u0000""#).as_str(), Some("\0"));
    assert_eq!(parse(r#""\uDBFF\uDFFF""#).as_str(), Some("\u{10ffff}"));
}

#[test]
fn refuses_what_rfc_8259_does_not_allow() {
    let too_large = format!("1{}", "0".repeat(309));
    for text in [
        "",
        " ",
        "nul",
        "True",
        "NaN",
        "Infinity",
        "-Infinity",
        "undefined",
        "'single'",
        "\u{feff}1",
        "1 2",
        "{} x",
        "[1,]",
        "[,1]",
        "[1 2]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{a:1}",
        "{1:1}",
        "{\"a\"}",
        "[",
        "{",
        "\"open",
        "01",
        "-01",
        "00",
        "1.",
        ".5",
        "+1",
        "-",
        "--1",
        "1e",
        "1e+",
        "1E-",
        "0x10",
        "1.5.2",
        "\"tab\there\"",
        "\"new\nline\"",
        "\"\u{1f}\"",
        r#""\x41""#,
        r#""\u12""#,
        r#""\u12G4""#,
        r#""\ud800""#,
        r#""\ud800x""#,
        r#""\ud800\u0041""#,
        r#""\udc00\ud800""#,
        r#""\""#,
        "[1]//",
        "/* */1",
        "1e400",
        "-1e400",
        &too_large,
    ] {
        assert!(json::parse(text).is_err(), "accepted {text:?}");
        assert!(
            serde_json::from_str::<serde_json::Value>(text).is_err(),
            "serde_json accepts {text:?}"
        );
    }
    assert_eq!(
        json::parse("[1,]"),
        Err(ParseError {
            offset: 3,
            reason: "expected a value"
        })
    );
    assert_eq!(
        json::parse("1e400").map_err(|e| e.to_string()),
        Err("number out of range at byte 5".to_string())
    );
}

#[test]
fn nesting_is_limited() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(json::parse(&deep(MAX_DEPTH)).is_ok());
    assert!(json::parse(&deep(MAX_DEPTH + 1)).is_err());
    assert!(json::parse(&"{\"a\":".repeat(MAX_DEPTH + 1)).is_err());
    // Far deeper than any stack allows, refused without overflowing it.
    assert!(json::parse(&"[".repeat(1_000_000)).is_err());
}

#[test]
fn integers_read_back_exactly_up_to_2_to_the_53() {
    // Up to 2^53 − 1 the number read is the integer written, and no other
    // integer reads as it.
    for n in [
        0u64,
        1,
        42,
        1_763_999_500_000,
        4_294_967_295,
        4_294_967_296,
        9_007_199_254_740_991,
    ] {
        let text = n.to_string();
        assert_eq!(number(&text), n as f64, "{text}");
        assert_eq!(parse(&text).as_u64(), Some(n), "{text}");
        assert_eq!(number(&format!("-{text}")), -(n as f64), "-{text}");
        assert_eq!(written(n as f64), text);
        let negative = if n == 0 {
            text.clone()
        } else {
            format!("-{text}")
        };
        assert_eq!(written(-(n as f64)), negative);
    }
    // What serde_json wrote for timestamps before.
    assert_eq!(parse("1763999500000.0").as_u64(), Some(1_763_999_500_000));
    assert_eq!(parse("2.5e3").as_u64(), Some(2500));
    // 2^53 is exact too, but 2^53 + 1 reads as it.
    assert_eq!(number("9007199254740992"), 9_007_199_254_740_992.0);
    assert_eq!(number("9007199254740993"), 9_007_199_254_740_992.0);
    // Not whole, negative, or past 2^53 − 1 (no longer one integer): not a u64.
    for text in [
        "0.5",
        "-1",
        "9007199254740992",
        "9007199254740993",
        "1e300",
        "\"1\"",
    ] {
        assert_eq!(parse(text).as_u64(), None, "{text}");
    }
}

#[test]
fn numbers_are_correctly_rounded_even_where_that_is_hard() {
    for text in [
        "0.1",
        "0.30000000000000004",
        "1e23",
        "8.98846567431158e307",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "2.2250738585072011e-308",
        "2.2250738585072012e-308",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "4.9e-324",
        "9007199254740993",
        "9007199254740995",
        "123456789012345678901234567890",
        "0.000000000000000000000000000000000000000000001e-280",
        "7.2057594037927933e16",
        // 2^-1075 exactly, plus digits past the 800th: only they round it up.
        &format!("2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125{}1e-324", "0".repeat(100)),
    ] {
        let expected: f64 = text.parse().expect("std parses it");
        assert_eq!(
            number(text).to_bits(),
            expected.to_bits(),
            "{text}: {} instead of {expected:e}",
            number(text)
        );
    }
    assert_eq!(number("1e-400"), 0.0);
    assert_eq!(number("0e999999999999"), 0.0);
    assert!(json::parse("1e999999999999").is_err());
}

#[test]
fn numbers_are_written_as_integers_or_the_shortest_decimal() {
    for (n, text) in [
        (0.0, "0"),
        (-0.0, "0"),
        (7.0, "7"),
        (1.5e12, "1500000000000"),
        (1e18, "1000000000000000000"),
        (1e19, "1e19"),
        (1.5e300, "1.5e300"),
        (f64::MAX, "1.7976931348623157e308"),
        (0.5, "0.5"),
        (-0.25, "-0.25"),
        (0.1, "0.1"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1_763_999_500_000.5, "1763999500000.5"),
        (0.000001, "0.000001"),
        (1e-7, "1e-7"),
        (1.25e-7, "1.25e-7"),
        (5e-324, "5e-324"),
        (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
        (f64::NAN, "null"),
        (f64::INFINITY, "null"),
    ] {
        assert_eq!(written(n), text, "{n:e}");
    }
}

#[test]
fn output_matches_serde_json_byte_for_byte() {
    // Keys in serde_json::Value's (sorted) order, whole numbers: where both
    // write exactly the same bytes.
    let text = r#"{"a":[],"b":{},"c":[1,{"d":null,"e":[true,false]}],"f":"quote \" backslash \\ slash / controls \u0000\u0007\b\t\n\u000b\f\r\u001f del  é € 😀","g":-12}"#;
    let ours = parse(text);
    let theirs: serde_json::Value = serde_json::from_str(text).expect("serde_json");
    assert_eq!(
        json::to_string(&ours),
        serde_json::to_string(&theirs).expect("ser")
    );
    assert_eq!(json::to_string(&ours), text);
    assert_eq!(
        json::to_string_pretty(&ours),
        serde_json::to_string_pretty(&theirs).expect("ser")
    );
}

#[test]
fn conversions_name_what_is_wrong() {
    let object = parse(r#"{"n":300,"s":5,"list":[1,"x"],"nothing":null}"#);
    let object = object.as_object().expect("object");
    assert_eq!(
        object.field::<u8>("n"),
        Err("n: expected a whole number from 0 to 255".into())
    );
    assert_eq!(object.field::<u32>("n"), Ok(300));
    assert_eq!(
        object.field::<String>("s"),
        Err("s: expected a string".into())
    );
    assert_eq!(
        object.field::<Vec<u32>>("list"),
        Err("list: item 1: expected a whole number from 0 to 4294967295".into())
    );
    assert_eq!(
        object.field::<u32>("missing"),
        Err("missing field missing".into())
    );
    // As with serde's derive, an absent or null optional member is None.
    assert_eq!(object.field::<Option<u32>>("missing"), Ok(None));
    assert_eq!(object.field::<Option<u32>>("nothing"), Ok(None));
    assert_eq!(object.field::<Option<u32>>("n"), Ok(Some(300)));
    assert_eq!(
        u8::from_json(&Value::Number(2.5)),
        Err("expected a whole number from 0 to 255".into())
    );
}

// ---------------------------------------------------------------------------
// Properties

/// Numbers the app could meet: whole numbers (timestamps, counts), short
/// decimals, and any finite f64 at all.
fn arb_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-(1i64 << 53)..=(1i64 << 53)).prop_map(|n| n as f64),
        (0u64..2_000_000_000_000, 0u32..6).prop_map(|(n, d)| n as f64 / 10f64.powi(d as i32)),
        any::<f64>().prop_filter("finite", |n| n.is_finite()),
    ]
}

fn arb_string() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::collection::vec(any::<char>(), 0..8).prop_map(String::from_iter),
        proptest::collection::vec(
            prop_oneof![
                Just('"'),
                Just('\\'),
                Just('\n'),
                Just('\u{0}'),
                Just('é'),
                Just('😀'),
                Just('a')
            ],
            0..6
        )
        .prop_map(String::from_iter),
    ]
}

fn arb_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        arb_number().prop_map(Value::Number),
        arb_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            // Few names, so some repeat.
            proptest::collection::vec(
                (
                    prop_oneof![Just("a".to_string()), Just("b".to_string()), arb_string()],
                    inner
                ),
                0..6
            )
            .prop_map(|members| Value::Object(Object::from(members))),
        ]
    })
}

/// Our value as serde_json sees a document: each name once (the last
/// wins), in sorted order. `-0` and `0` are both zero.
fn from_serde(value: &serde_json::Value) -> Value {
    match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(n.as_f64().expect("finite")),
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(items) => Value::Array(items.iter().map(from_serde).collect()),
        serde_json::Value::Object(map) => Value::Object(Object::from(
            map.iter()
                .map(|(k, v)| (k.clone(), from_serde(v)))
                .collect::<Vec<_>>(),
        )),
    }
}

fn normalised(value: &Value) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.iter().map(normalised).collect()),
        Value::Object(object) => {
            let mut unique = std::collections::BTreeMap::new();
            for (name, value) in object.iter() {
                unique.insert(name.to_string(), normalised(value));
            }
            Value::Object(Object::from(unique.into_iter().collect::<Vec<_>>()))
        }
        other => other.clone(),
    }
}

/// Equal, but numbers may differ by a few units in the last place:
/// serde_json without its `float_roundtrip` feature is not always correctly
/// rounded (ours is checked against the standard library's parser above).
fn nearly_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            x == y || (x.to_bits() as i64 - y.to_bits() as i64).abs() <= 4
        }
        (Value::Array(xs), Value::Array(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| nearly_equal(x, y))
        }
        (Value::Object(xs), Value::Object(ys)) => {
            xs.len() == ys.len()
                && xs
                    .iter()
                    .zip(ys.iter())
                    .all(|((n, x), (m, y))| n == m && nearly_equal(x, y))
        }
        _ => a == b,
    }
}

/// A numeric literal of any shape JSON allows, long ones included.
fn arb_number_text() -> impl Strategy<Value = String> {
    "-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,30})?([eE][+-]?[0-9]{1,3})?"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn what_is_written_parses_back_to_the_same_value(value in arb_value()) {
        prop_assert_eq!(&parse(&json::to_string(&value)), &value);
        prop_assert_eq!(&parse(&json::to_string_pretty(&value)), &value);
    }

    #[test]
    fn serde_json_reads_what_we_write_and_we_read_what_it_writes(value in arb_value()) {
        let ours = json::to_string(&value);
        let theirs: serde_json::Value = serde_json::from_str(&ours).expect("serde_json reads ours");
        prop_assert!(nearly_equal(&from_serde(&theirs), &normalised(&value)), "{}", ours);
        let text = serde_json::to_string(&theirs).expect("serde_json writes");
        prop_assert!(nearly_equal(&parse(&text), &normalised(&value)), "{}", text);
        let pretty = serde_json::to_string_pretty(&theirs).expect("serde_json writes");
        prop_assert!(nearly_equal(&parse(&pretty), &normalised(&value)), "{}", pretty);
    }

    #[test]
    fn every_finite_number_round_trips_exactly(n in any::<f64>().prop_filter("finite", |n| n.is_finite())) {
        let text = written(n);
        prop_assert_eq!(number(&text), n, "{}", text);
        prop_assert_eq!(text.parse::<f64>().ok(), Some(n), "{}", text);
        // Beyond integers (written with every digit), the digits of the
        // shortest, nearest representation, as ryu (serde_json) finds them.
        if n.fract() != 0.0 || n.abs() >= 1e19 {
            let shortest = serde_json::to_string(&n).expect("finite");
            let digits = |t: &str| {
                let mantissa = t.split(['e', 'E']).next().unwrap_or_default().replace(['-', '.'], "");
                mantissa.trim_matches('0').to_string()
            };
            prop_assert_eq!(digits(&text), digits(&shortest), "{} vs {}", text, shortest);
        }
    }

    #[test]
    fn numeric_literals_read_as_correctly_rounded_f64s(text in arb_number_text()) {
        let expected: f64 = text.parse().expect("std parses JSON numbers");
        match json::parse(&text) {
            Ok(value) => prop_assert_eq!(value.as_f64().map(f64::to_bits), Some(expected.to_bits()), "{}", text),
            Err(_) => prop_assert!(expected.is_infinite(), "{} refused", text),
        }
    }

    #[test]
    fn the_parser_never_panics_on_any_text(text in any::<String>()) {
        let _ = json::parse(&text);
    }

    #[test]
    fn json_like_text_is_accepted_exactly_when_serde_json_accepts_it(text in "[\\[\\]{}\":,.0-9eE+\\-a-z\\\\ \n\u{0}-\u{1f}é😀]{0,40}") {
        let ours = json::parse(&text);
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}", text);
    }

    #[test]
    fn one_character_changed_in_a_document_is_read_as_serde_json_reads_it(
        value in arb_value(),
        pretty in any::<bool>(),
        position in any::<prop::sample::Index>(),
        edit in 0..3u8,
        replacement in prop_oneof![
            any::<char>(),
            prop::sample::select(vec!['"', '\\', '[', ']', '{', '}', ',', ':', '.', '-', '+', 'e', '0', '1', '9', 'u', 'n', ' ', '\n', '\u{0}']),
        ],
    ) {
        let text = if pretty { json::to_string_pretty(&value) } else { json::to_string(&value) };
        let mut chars: Vec<char> = text.chars().collect();
        let at = position.index(chars.len() + 1);
        match edit {
            0 if at < chars.len() => { chars.remove(at); }
            1 if at < chars.len() => chars[at] = replacement,
            _ => chars.insert(at, replacement),
        }
        let mutated: String = chars.into_iter().collect();
        let ours = json::parse(&mutated);
        let theirs = serde_json::from_str::<serde_json::Value>(&mutated);
        match (&ours, &theirs) {
            (Ok(ours), Ok(theirs)) => prop_assert!(
                nearly_equal(&normalised(ours), &from_serde(theirs)),
                "{:?}", mutated
            ),
            (Err(_), Err(_)) => {}
            _ => prop_assert!(false, "{:?}: ours {:?}, serde_json {:?}", mutated, ours.is_ok(), theirs.is_ok()),
        }
    }
}
