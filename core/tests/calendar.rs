//! "Last assessment N ago" at its boundaries, and the reminder's calendar file
//! read back by a strict RFC 5545 check of our own and by the `icalendar`
//! crate's parser, with arbitrary labels.

mod common;

use chrono::{Datelike, NaiveDate};
use icalendar::{Component, DatePerhapsTime};
use proptest::prelude::*;
use quiz_core::authoring::{assemble, parse_language};
use quiz_core::calendar::{
    ago, can_remind, event, months_later, reminder, Ago, Ahead, CalendarEvent, ReminderFor,
    MAX_LINE_OCTETS,
};
use quiz_core::content::UiText;
use quiz_core::session::Now;
use quiz_core::Quiz;

fn day(y: i32, m: u32, d: u32) -> u32 {
    let date = NaiveDate::from_ymd_opt(y, m, d).expect("a valid test date");
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("1970-01-01");
    u32::try_from((date - epoch).num_days()).expect("after 1970")
}

/// The English texts, once per test binary (the property tests use them per case).
fn english_ui() -> &'static UiText {
    static UI: std::sync::OnceLock<UiText> = std::sync::OnceLock::new();
    UI.get_or_init(|| common::english().ui)
}

fn dutch() -> Quiz {
    let texts = parse_language(&common::read("nl.toml"), "nl.toml").expect("nl.toml parses");
    assemble(
        &common::manifest(),
        &common::releases(),
        texts,
        "nl",
        common::FILES,
    )
    .expect("the Dutch quiz assembles")
}

#[test]
fn today_and_yesterday_are_calendar_days_not_24_hours() {
    let today = day(2026, 11, 30);
    assert_eq!(ago(today, today), Ago::Today);
    assert_eq!(ago(today - 1, today), Ago::Yesterday);
    // A clock set back, or a result from another device's future: today.
    assert_eq!(ago(today + 3, today), Ago::Today);
}

#[test]
fn days_then_weeks_then_months_then_years() {
    let today = day(2026, 11, 30);
    let cases = [
        (day(2026, 11, 28), Ago::Days(2)),
        (day(2026, 11, 24), Ago::Days(6)),
        (day(2026, 11, 23), Ago::Weeks(1)),
        (day(2026, 11, 17), Ago::Weeks(1)),
        (day(2026, 11, 16), Ago::Weeks(2)),
        // 29 days, within one month.
        (day(2026, 11, 1), Ago::Weeks(4)),
        // 30 days, and a calendar month: November has no 31st.
        (day(2026, 10, 31), Ago::Months(1)),
        (day(2026, 10, 30), Ago::Months(1)),
        (day(2026, 9, 1), Ago::Months(2)),
        (day(2026, 8, 31), Ago::Months(3)),
        (day(2025, 12, 1), Ago::Months(11)),
        (day(2025, 11, 30), Ago::Years(1)),
        (day(2024, 12, 1), Ago::Years(1)),
        (day(2024, 11, 30), Ago::Years(2)),
    ];
    for (then, expected) in cases {
        assert_eq!(ago(then, today), expected, "{then} days before {today}");
    }
}

#[test]
fn a_month_has_passed_on_the_last_day_of_a_shorter_month() {
    // 31 January to 28 February: a month (there is no 31 February).
    assert_eq!(ago(day(2027, 1, 31), day(2027, 2, 28)), Ago::Months(1));
    assert_eq!(ago(day(2027, 1, 31), day(2027, 2, 27)), Ago::Weeks(3));
    // 29 February to 28 February a year later: a year.
    assert_eq!(ago(day(2028, 2, 29), day(2029, 2, 28)), Ago::Years(1));
    assert_eq!(ago(day(2028, 2, 29), day(2029, 2, 27)), Ago::Months(11));
}

#[test]
fn reminders_fall_on_the_same_day_of_the_month_or_its_last() {
    assert_eq!(months_later(day(2026, 11, 30), 3), Some(day(2027, 2, 28)));
    assert_eq!(months_later(day(2027, 11, 30), 3), Some(day(2028, 2, 29)));
    assert_eq!(months_later(day(2026, 8, 31), 6), Some(day(2027, 2, 28)));
    assert_eq!(months_later(day(2026, 12, 15), 6), Some(day(2027, 6, 15)));
}

/// What the strict check reads from one property of the event.
#[derive(Debug)]
struct Property {
    name: String,
    params: Vec<String>,
    /// TEXT values unescaped; others as written.
    value: String,
}

const TEXT_PROPERTIES: [&str; 4] = ["SUMMARY", "DESCRIPTION", "UID", "PRODID"];

/// RFC 5545, strictly: CRLF after every line and nowhere else, at most 75
/// octets a line (so a character's bytes are never split: every physical line
/// is UTF-8 on its own), continuation lines starting with one space, each
/// content line `name *(";" param) ":" value` with no control character but
/// a tab, TEXT escaped exactly as §3.3.11 allows, one VCALENDAR holding
/// VERSION:2.0 and PRODID once and one VEVENT holding UID, DTSTAMP (UTC) and
/// DTSTART (a date) once, and DTEND a date after DTSTART. Returns the
/// VEVENT's properties.
fn check_strict(bytes: &[u8]) -> Result<Vec<Property>, String> {
    if !bytes.ends_with(b"\r\n") {
        return Err("the file does not end with CRLF".into());
    }
    let mut logical: Vec<String> = Vec::new();
    for raw in bytes[..bytes.len() - 1].split(|&b| b == b'\n') {
        let raw = raw
            .strip_suffix(b"\r")
            .ok_or("a line feed without a carriage return")?;
        if raw.contains(&b'\r') {
            return Err("a carriage return inside a line".into());
        }
        if raw.len() > MAX_LINE_OCTETS {
            return Err(format!("a line of {} octets", raw.len()));
        }
        let line = std::str::from_utf8(raw)
            .map_err(|_| "a line that is not UTF-8 on its own (split character)")?;
        if let Some(rest) = line.strip_prefix(' ') {
            logical
                .last_mut()
                .ok_or("a continuation line first")?
                .push_str(rest);
        } else if line.is_empty() || line.starts_with('\t') {
            return Err("an empty line or one folded with a tab".into());
        } else {
            logical.push(line.to_string());
        }
    }
    let mut properties = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut calendar_props: Vec<String> = Vec::new();
    let mut events = 0;
    for line in &logical {
        let (head, value) = line.split_once(':').ok_or(format!("no colon: {line}"))?;
        let mut parts = head.split(';');
        let name = parts.next().unwrap_or_default();
        let token =
            |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !token(name) {
            return Err(format!("a bad name: {name:?}"));
        }
        let params: Vec<String> = parts.map(str::to_string).collect();
        for param in &params {
            let (key, val) = param.split_once('=').ok_or("a parameter without =")?;
            if !token(key)
                || val.is_empty()
                || val.chars().any(|c| c.is_control() || "\";:,".contains(c))
            {
                return Err(format!("a bad parameter: {param:?}"));
            }
        }
        if value.chars().any(|c| c.is_control() && c != '\t') {
            return Err(format!("a control character in {name}"));
        }
        match name {
            "BEGIN" => {
                stack.push(value.to_string());
                if value == "VEVENT" {
                    events += 1;
                }
                continue;
            }
            "END" => {
                if stack.pop().as_deref() != Some(value) {
                    return Err(format!("END:{value} does not close what was begun"));
                }
                continue;
            }
            _ => {}
        }
        let value = if TEXT_PROPERTIES.contains(&name) {
            unescape_strict(value)?
        } else {
            value.to_string()
        };
        match stack.as_slice() {
            [calendar] if calendar == "VCALENDAR" => calendar_props.push(format!("{name}:{value}")),
            [calendar, event] if calendar == "VCALENDAR" && event == "VEVENT" => {
                properties.push(Property {
                    name: name.to_string(),
                    params,
                    value,
                })
            }
            _ => return Err(format!("{name} outside VCALENDAR/VEVENT")),
        }
    }
    if !stack.is_empty() || logical.first().map(String::as_str) != Some("BEGIN:VCALENDAR") {
        return Err("not one VCALENDAR from first line to last".into());
    }
    if events != 1 {
        return Err(format!("{events} events"));
    }
    let count = |prefix: &str| {
        calendar_props
            .iter()
            .filter(|p| p.starts_with(prefix))
            .count()
    };
    if count("VERSION:2.0") != 1 || count("VERSION:") != 1 || count("PRODID:") != 1 {
        return Err("VERSION:2.0 and PRODID must be there once".into());
    }
    for required in ["UID", "DTSTAMP", "DTSTART"] {
        if properties.iter().filter(|p| p.name == required).count() != 1 {
            return Err(format!("{required} must be there once"));
        }
    }
    let find = |name: &str| properties.iter().find(|p| p.name == name);
    let stamp = find("DTSTAMP")
        .map(|p| p.value.as_str())
        .unwrap_or_default();
    let stamp_ok = stamp.len() == 16
        && stamp.as_bytes()[8] == b'T'
        && stamp.ends_with('Z')
        && chrono::NaiveDateTime::parse_from_str(&stamp[..15], "%Y%m%dT%H%M%S").is_ok();
    if !stamp_ok {
        return Err(format!("DTSTAMP is not a UTC date-time: {stamp}"));
    }
    let date_of = |name: &str| -> Result<NaiveDate, String> {
        let p = find(name).ok_or(format!("no {name}"))?;
        if p.params != ["VALUE=DATE"] || p.value.len() != 8 {
            return Err(format!("{name} is not a date: {p:?}"));
        }
        NaiveDate::parse_from_str(&p.value, "%Y%m%d").map_err(|e| format!("{name}: {e}"))
    };
    if date_of("DTEND")? <= date_of("DTSTART")? {
        return Err("DTEND is not after DTSTART".into());
    }
    Ok(properties)
}

/// A TEXT value: a backslash only before `\ ; , n N`, no bare `;` or `,`.
fn unescape_strict(value: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(e @ ('\\' | ';' | ',')) => out.push(e),
                Some('n' | 'N') => out.push('\n'),
                other => return Err(format!("a bad escape \\{other:?} in {value:?}")),
            },
            ';' | ',' => return Err(format!("an unescaped {c:?} in {value:?}")),
            c => out.push(c),
        }
    }
    Ok(out)
}

#[test]
fn the_strict_check_refuses_what_rfc_5545_forbids() {
    let file = |event: &str| {
        format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:u\r\nDTSTAMP:20261130T101500Z\r\nDTSTART;VALUE=DATE:20270228\r\nDTEND;VALUE=DATE:20270301\r\n{event}END:VEVENT\r\nEND:VCALENDAR\r\n")
    };
    assert!(check_strict(file("SUMMARY:a\\, b\\; c\\\\ d\\n\r\n").as_bytes()).is_ok());
    let long = format!("SUMMARY:{}\r\n", "x".repeat(MAX_LINE_OCTETS - 7));
    let split = "SUMMARY:".to_string() + &"x".repeat(66) + "é\r\n";
    let mut split_bytes = file(&split).into_bytes();
    // Fold between the two bytes of "é": each line alone is no longer UTF-8.
    let at = split_bytes
        .windows(2)
        .position(|w| w == "é".as_bytes())
        .expect("é");
    split_bytes.splice(at + 1..at + 1, *b"\r\n ");
    for (what, bad) in [
        ("a 76-octet line", file(&long).into_bytes()),
        ("a bare line feed", file("SUMMARY:a\n").into_bytes()),
        ("an unescaped comma", file("SUMMARY:a, b\r\n").into_bytes()),
        ("an unknown escape", file("SUMMARY:a\\: b\r\n").into_bytes()),
        (
            "a control character",
            file("SUMMARY:a\u{7}b\r\n").into_bytes(),
        ),
        ("a second UID", file("UID:v\r\n").into_bytes()),
        (
            "a date-time start",
            file("")
                .replace("DTSTART;VALUE=DATE:20270228", "DTSTART:20270228T000000Z")
                .into_bytes(),
        ),
        (
            "no end after the start",
            file("")
                .replace("DTEND;VALUE=DATE:20270301", "DTEND;VALUE=DATE:20270228")
                .into_bytes(),
        ),
        ("a split character", split_bytes),
    ] {
        assert!(check_strict(&bad).is_err(), "{what} passed");
    }
}

fn value<'a>(properties: &'a [Property], name: &str) -> &'a str {
    properties
        .iter()
        .find(|p| p.name == name)
        .map(|p| p.value.as_str())
        .unwrap_or_default()
}

const QUIZ: &str = "https://quiz.example.org/";
const RESULT: &str = "https://quiz.example.org/#/r/AQIkkkkkkkkkkkkAAfTVDw.UGFydG5lciBY";

fn for_result<'a>(label: Option<&'a str>, completed: &'a str) -> ReminderFor<'a> {
    ReminderFor {
        attempt_id: "1780000000000-00ff00ff",
        label,
        completed,
        result_link: RESULT,
        quiz_link: QUIZ,
    }
}

/// 10:15 UTC on 30 November 2026, in a zone `offset_minutes` east of UTC.
fn now(offset_minutes: i32) -> Now {
    Now {
        ms: 1_796_033_700_000.0,
        offset_minutes,
    }
}

#[test]
fn the_reminder_is_all_day_on_the_visitors_date_months_ahead() {
    let quiz = common::english();
    for (ahead, on) in [
        (Ahead::ThreeMonths, "20270228"),
        (Ahead::SixMonths, "20270530"),
    ] {
        let file = reminder(
            &quiz.ui,
            &for_result(Some("Partner X"), "30 November 2026"),
            ahead,
            now(60),
        )
        .expect("a reminder");
        let properties =
            check_strict(file.text.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{}", file.text));
        assert_eq!(value(&properties, "DTSTART"), on);
        assert_eq!(value(&properties, "DTSTAMP"), "20261130T101500Z");
        assert_eq!(
            value(&properties, "SUMMARY"),
            "Check your alliance readiness again · Partner X"
        );
        let description = value(&properties, "DESCRIPTION");
        assert!(description.contains(RESULT), "{description}");
        assert!(
            description.contains(&format!("The assessment: {QUIZ}")),
            "{description}"
        );
        assert!(
            description.contains("your result of 30 November 2026"),
            "{description}"
        );
        assert_eq!(value(&properties, "URL"), QUIZ);
        assert_eq!(
            file.name,
            format!(
                "alliance-quiz-reminder-{}-{}-{}.ics",
                &on[..4],
                &on[4..6],
                &on[6..]
            )
        );
    }
}

#[test]
fn late_evening_in_new_york_is_still_that_day() {
    // 23:30 on 30 November in New York is 04:30 on 1 December in UTC.
    let at = Now {
        ms: 1_796_099_400_000.0,
        offset_minutes: -300,
    };
    let quiz = common::english();
    let file = reminder(
        &quiz.ui,
        &for_result(None, "November 30, 2026"),
        Ahead::ThreeMonths,
        at,
    )
    .expect("a reminder");
    let properties = check_strict(file.text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(value(&properties, "DTSTART"), "20270228");
    assert_eq!(value(&properties, "DTEND"), "20270301");
    assert_eq!(value(&properties, "DTSTAMP"), "20261201T043000Z");
    // No label: the summary alone.
    assert_eq!(
        value(&properties, "SUMMARY"),
        "Check your alliance readiness again"
    );
}

#[test]
fn the_reminder_speaks_dutch_to_a_dutch_visitor() {
    let quiz = dutch();
    let file = reminder(
        &quiz.ui,
        &for_result(Some("Partner X"), "30 november 2026"),
        Ahead::SixMonths,
        now(60),
    )
    .expect("a reminder");
    let properties = check_strict(file.text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        value(&properties, "SUMMARY"),
        "Doe de alliantiescan opnieuw · Partner X"
    );
    let description = value(&properties, "DESCRIPTION");
    assert!(
        description.contains("je uitslag van 30 november 2026"),
        "{description}"
    );
    assert!(description.contains(RESULT));
}

#[test]
fn the_same_result_and_choice_make_the_same_uid() {
    let quiz = common::english();
    let uid = |ahead, id: &str, ms: f64| {
        let mut of = for_result(None, "30 November 2026");
        of.attempt_id = id;
        let file = reminder(
            &quiz.ui,
            &of,
            ahead,
            Now {
                ms,
                offset_minutes: 0,
            },
        )
        .expect("a reminder");
        value(&check_strict(file.text.as_bytes()).expect("valid"), "UID").to_string()
    };
    let first = uid(Ahead::ThreeMonths, "1780000000000-00ff00ff", 1.0e12);
    assert_eq!(
        first,
        uid(Ahead::ThreeMonths, "1780000000000-00ff00ff", 1.1e12)
    );
    assert_ne!(
        first,
        uid(Ahead::SixMonths, "1780000000000-00ff00ff", 1.0e12)
    );
    // An imported id with anything in it still makes a plain UID.
    let odd = uid(Ahead::ThreeMonths, "a;b,c\\d\r\ne 😀", 1.0e12);
    assert_eq!(odd, "abcde-3m@alliance-readiness-quiz");
}

#[test]
fn no_reminder_from_a_broken_clock_or_past_year_9999() {
    let quiz = common::english();
    let of = for_result(None, "");
    for ms in [f64::NAN, f64::INFINITY, -1.0e15, 2.6e14] {
        let at = Now {
            ms,
            offset_minutes: 0,
        };
        assert_eq!(reminder(&quiz.ui, &of, Ahead::SixMonths, at), None, "{ms}");
        assert!(!can_remind(at), "{ms}");
    }
    // 1 July 9999: three months ahead fits, six do not, so neither is offered.
    let july_9999 = Now {
        ms: 253386403200000.0,
        offset_minutes: 0,
    };
    assert!(reminder(&quiz.ui, &of, Ahead::ThreeMonths, july_9999).is_some());
    assert_eq!(reminder(&quiz.ui, &of, Ahead::SixMonths, july_9999), None);
    assert!(!can_remind(july_9999));
    assert!(can_remind(now(60)));
}

/// Label pieces that stress escaping and folding: the TEXT specials, line
/// breaks of every kind, multi-byte and multi-character emoji, any character.
fn label_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(",".to_string()),
        Just(";".to_string()),
        Just("\\".to_string()),
        Just(":".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\t".to_string()),
        Just("😀".to_string()),
        Just("👩‍👩‍👧".to_string()),
        Just("🇳🇱".to_string()),
        Just("é".to_string()),
        Just(" ".to_string()),
        any::<char>().prop_map(String::from),
    ]
}

/// What a calendar shows of `text`: line breaks as LF, other control
/// characters gone (a content line may not hold them).
fn as_read(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_label_makes_a_valid_file_that_reads_back_as_written(
        pieces in prop::collection::vec(label_piece(), 1..=60),
        completed in prop::collection::vec(label_piece(), 0..=20),
        offset in -720i32..=840,
        ms in 0.0f64..4.0e12,
    ) {
        let label: String = pieces.concat();
        let completed: String = completed.concat();
        let ui = english_ui();
        let file = reminder(ui, &for_result(Some(&label), &completed), Ahead::ThreeMonths, Now { ms, offset_minutes: offset })
            .expect("a reminder for any time after 1970");
        let properties = check_strict(file.text.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e}\n{}", file.text)))?;
        let summary = format!("{} · {}", ui.reminder_summary, as_read(&label));
        prop_assert_eq!(value(&properties, "SUMMARY"), summary.as_str());
        prop_assert!(value(&properties, "DESCRIPTION").contains(RESULT));
        prop_assert!(value(&properties, "DESCRIPTION").contains(&as_read(&completed)));

        // The icalendar crate's parser reads the same back.
        let calendar: icalendar::Calendar = file.text.parse().map_err(TestCaseError::fail)?;
        let events: Vec<&icalendar::Event> = calendar.components.iter().filter_map(|c| c.as_event()).collect();
        prop_assert_eq!(events.len(), 1);
        let event = events[0];
        prop_assert_eq!(event.get_summary(), Some(summary.as_str()));
        prop_assert_eq!(event.get_url(), Some(QUIZ));
        let today = quiz_core::session::local_day(ms, offset).expect("a day");
        let expected = quiz_core::calendar::date(months_later(today, 3).expect("in range")).expect("a date");
        prop_assert_eq!(event.get_start(), Some(DatePerhapsTime::Date(expected)));
        prop_assert_eq!(expected.year() >= 1970, true);
    }

    #[test]
    fn any_text_in_any_event_folds_and_escapes_strictly(
        summary in prop::collection::vec(label_piece(), 0..=100),
        description in prop::collection::vec(label_piece(), 0..=200),
        day in 0u32..2_900_000,
    ) {
        let (summary, description) = (summary.concat(), description.concat());
        let text = event(&CalendarEvent {
            uid: "u@x",
            stamp_ms: 0.0,
            day,
            summary: &summary,
            description: &description,
            url: QUIZ,
        }).expect("a day before 9999");
        let properties = check_strict(text.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(value(&properties, "SUMMARY"), as_read(&summary));
        prop_assert_eq!(value(&properties, "DESCRIPTION"), as_read(&description));
    }
}
