//! Calendar days: how long ago the last assessment was, and the "Remind me to
//! check again" event, an iCalendar file (RFC 5545) made in the browser.
//!
//! Days are counted as the app counts them everywhere ([`crate::session::local_day`]):
//! days since 1970-01-01 in the visitor's own time zone. Month arithmetic is
//! `chrono`'s (a month later than 31 August is 28 or 29 February). Only the
//! results and history parts call this module, so its code and `chrono`'s
//! tables are loaded with them, not on a first visit.

use chrono::{DateTime, Datelike, Months, NaiveDate, Timelike, Utc};

use crate::content::UiText;
use crate::session::Now;
use crate::text::fill;

/// Days from 0001-01-01 (chrono's day 1) to 1970-01-01.
const EPOCH_FROM_CE: i32 = 719_163;
/// RFC 5545 §3.1: a content line is at most 75 octets, its line break not counted.
pub const MAX_LINE_OCTETS: usize = 75;
/// The media type of an iCalendar file (RFC 5545 §8.1).
pub const MIME: &str = "text/calendar";

/// A calendar file made in the page, for the visitor to save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarFile {
    /// `alliance-quiz-reminder-<YYYY-MM-DD>.ics`
    pub name: String,
    /// The iCalendar text ([`MIME`]).
    pub text: String,
}

/// The calendar date of `day` (days since 1970-01-01); `None` past chrono's
/// range (about 262,000 years).
pub fn date(day: u32) -> Option<NaiveDate> {
    let day = i32::try_from(day).ok()?;
    NaiveDate::from_num_days_from_ce_opt(day.checked_add(EPOCH_FROM_CE)?)
}

fn day_of(date: NaiveDate) -> Option<u32> {
    u32::try_from(date.num_days_from_ce() - EPOCH_FROM_CE).ok()
}

/// The day `months` calendar months after `day`, on the same day of the month
/// or, where that month is shorter, on its last day.
pub fn months_later(day: u32, months: u32) -> Option<u32> {
    day_of(date(day)?.checked_add_months(Months::new(months))?)
}

/// How long ago something happened, in the unit a person would use; the shell
/// words it in the visitor's language (`Intl.RelativeTimeFormat`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ago {
    Today,
    Yesterday,
    /// 2 to 6 days.
    Days(u32),
    /// 1 to 4 weeks: 7 days or more, less than a calendar month.
    Weeks(u32),
    /// 1 to 11 calendar months.
    Months(u32),
    /// 1 or more whole years.
    Years(u32),
}

/// How long before `today` the day `then` was (both days since 1970-01-01 in
/// the visitor's zone). A month has passed on the same day of the next month
/// (or that month's last day, when it is shorter: 31 January to 28 February is
/// a month). A day after today (a clock set back) counts as today.
pub fn ago(then: u32, today: u32) -> Ago {
    let days = today.saturating_sub(then);
    let months = match (date(then), date(today)) {
        (Some(then), Some(today)) => whole_months(then, today),
        _ => 0,
    };
    match (days, months) {
        (0, _) => Ago::Today,
        (1, _) => Ago::Yesterday,
        (2..=6, _) => Ago::Days(days),
        (_, 0) => Ago::Weeks(days / 7),
        (_, 1..=11) => Ago::Months(months),
        (_, _) => Ago::Years(months / 12),
    }
}

/// Whole calendar months from `then` to `today` (0 when `today` is earlier).
fn whole_months(then: NaiveDate, today: NaiveDate) -> u32 {
    let count = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    let mut months = count(today) - count(then);
    if months > 0 {
        // Not yet the day of the month it happened on (or that month's last day).
        let reached = u32::try_from(months)
            .ok()
            .and_then(|m| then.checked_add_months(Months::new(m)))
            .is_some_and(|anniversary| anniversary <= today);
        if !reached {
            months -= 1;
        }
    }
    u32::try_from(months.max(0)).unwrap_or(0)
}

/// How far ahead a reminder is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ahead {
    ThreeMonths,
    SixMonths,
}

impl Ahead {
    /// The choices, in the order the results page offers them.
    pub const ALL: [Ahead; 2] = [Ahead::ThreeMonths, Ahead::SixMonths];

    pub fn months(self) -> u32 {
        match self {
            Ahead::ThreeMonths => 3,
            Ahead::SixMonths => 6,
        }
    }
}

/// Whether [`reminder`] can make both choices' files at `now` (a clock past
/// the year 9999 or not a time at all cannot).
pub fn can_remind(now: Now) -> bool {
    let latest = Ahead::ALL.iter().map(|a| a.months()).max().unwrap_or(0);
    now.local_day()
        .and_then(|today| months_later(today, latest))
        .and_then(date)
        .and_then(|d| d.succ_opt())
        .is_some_and(|end| end.year() <= 9999)
        && stamp(now.ms).is_some()
}

/// The result a reminder points back to.
#[derive(Clone, Copy, Debug)]
pub struct ReminderFor<'a> {
    /// The attempt's id: the event's UID comes from it, so downloading the
    /// same reminder twice updates one event instead of adding a second.
    pub attempt_id: &'a str,
    pub label: Option<&'a str>,
    /// The day the result was completed, as the visitor's language writes it.
    pub completed: &'a str,
    /// The result's share link.
    pub result_link: &'a str,
    /// Where the quiz is taken again (this app, or the site owner's page).
    pub quiz_link: &'a str,
}

/// The "check again" event as a calendar file: all day on the visitor's local
/// date `ahead` from `now`, its summary and description in the language of
/// `ui` (`reminder_summary`, with the label after " · "; `reminder_description`
/// with `{date}`, `{quiz}` and `{result}`), the quiz's link as its URL.
/// Named `alliance-quiz-reminder-<YYYY-MM-DD>.ics` after the event's day.
/// `None` when `now` is not a time on the calendar (the clock is broken) or
/// the event's date would be past the year 9999, which iCalendar cannot write.
pub fn reminder(ui: &UiText, of: &ReminderFor<'_>, ahead: Ahead, now: Now) -> Option<CalendarFile> {
    let day = months_later(now.local_day()?, ahead.months())?;
    let on = date(day)?;
    let mut summary = ui.reminder_summary.clone();
    if let Some(label) = of.label.filter(|l| !l.is_empty()) {
        summary = format!("{summary} · {label}");
    }
    let description = fill(
        &ui.reminder_description,
        &[
            ("date", of.completed),
            ("quiz", of.quiz_link),
            ("result", of.result_link),
        ],
    );
    let uid = format!(
        "{}-{}m@alliance-readiness-quiz",
        uid_part(of.attempt_id),
        ahead.months()
    );
    let text = event(&CalendarEvent {
        uid: &uid,
        stamp_ms: now.ms,
        day,
        summary: &summary,
        description: &description,
        url: of.quiz_link,
    })?;
    Some(CalendarFile {
        name: format!(
            "alliance-quiz-reminder-{:04}-{:02}-{:02}.ics",
            on.year(),
            on.month(),
            on.day()
        ),
        text,
    })
}

/// An attempt id as UID text: letters, digits, `-`, `.` and `_` only (ids
/// from an imported file could hold anything).
fn uid_part(id: &str) -> String {
    let kept: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
        .take(64)
        .collect();
    if kept.is_empty() {
        "result".to_string()
    } else {
        kept
    }
}

/// One all-day event, in the app's own words.
#[derive(Clone, Copy, Debug)]
pub struct CalendarEvent<'a> {
    /// Globally unique, stable for the same event.
    pub uid: &'a str,
    /// When the file is made, ms since the epoch (DTSTAMP, in UTC).
    pub stamp_ms: f64,
    /// The event's day, days since 1970-01-01: a floating date, the same
    /// calendar day in whatever zone the calendar shows it.
    pub day: u32,
    pub summary: &'a str,
    /// Any text: line breaks become `\n`.
    pub description: &'a str,
    /// A URI (control characters and spaces are left out).
    pub url: &'a str,
}

/// `event` as an iCalendar object (RFC 5545): CRLF line ends, lines folded at
/// 75 octets between characters, TEXT escaped (§3.3.11), VERSION and PRODID,
/// a VEVENT with UID, DTSTAMP in UTC, DTSTART and DTEND as dates (an all-day
/// event ends the next day, exclusive), SUMMARY, DESCRIPTION, URL, shown as
/// free time. `None` when a date cannot be written (before year 1 or after
/// 9999, or a stamp that is not a finite time).
pub fn event(event: &CalendarEvent<'_>) -> Option<String> {
    let start = date(event.day).filter(|d| d.year() <= 9999)?;
    let end = start.succ_opt().filter(|d| d.year() <= 9999)?;
    let stamp = stamp(event.stamp_ms)?;
    let mut out = String::new();
    let mut line = |name: &str, value: &str| fold(&mut out, &format!("{name}:{value}"));
    line("BEGIN", "VCALENDAR");
    line("VERSION", "2.0");
    line("PRODID", "-//Alliance Readiness Quiz//Reminder//EN");
    line("CALSCALE", "GREGORIAN");
    line("METHOD", "PUBLISH");
    line("BEGIN", "VEVENT");
    line("UID", &escape_text(event.uid));
    line("DTSTAMP", &stamp);
    line("DTSTART;VALUE=DATE", &ical_date(start));
    line("DTEND;VALUE=DATE", &ical_date(end));
    line("SUMMARY", &escape_text(event.summary));
    line("DESCRIPTION", &escape_text(event.description));
    line("URL", &clean_uri(event.url));
    line("TRANSP", "TRANSPARENT");
    line("END", "VEVENT");
    line("END", "VCALENDAR");
    Some(out)
}

fn ical_date(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// A UTC date-time as `YYYYMMDDTHHMMSSZ` (RFC 5545 §3.3.5, form 2).
fn stamp(ms: f64) -> Option<String> {
    if !ms.is_finite() {
        return None;
    }
    // In range for i64 once finite and clamped; `from_timestamp_millis` checks chrono's range.
    let at: DateTime<Utc> = DateTime::from_timestamp_millis(ms.clamp(-1e17, 1e17) as i64)?;
    (1..=9999).contains(&at.year()).then(|| {
        format!(
            "{}T{:02}{:02}{:02}Z",
            ical_date(at.date_naive()),
            at.hour(),
            at.minute(),
            at.second()
        )
    })
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped,
/// each line break (CRLF, CR or LF) written `\n`, other control characters
/// left out (a content line may not hold them; a tab may stay).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn clean_uri(uri: &str) -> String {
    uri.chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect()
}

/// Appends `line` and CRLF, folded (RFC 5545 §3.1): after at most 75 octets
/// a CRLF and a space, never inside a character's UTF-8 bytes.
fn fold(out: &mut String, line: &str) {
    let mut octets = 0;
    for c in line.chars() {
        if octets + c.len_utf8() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> u32 {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(day_of)
            .expect("a valid test date")
    }

    #[test]
    fn days_are_days_since_1970() {
        assert_eq!(day(1970, 1, 1), 0);
        assert_eq!(day(2026, 11, 30), 20_787);
        assert_eq!(date(20_787), NaiveDate::from_ymd_opt(2026, 11, 30));
    }

    #[test]
    fn a_month_later_is_the_same_day_or_the_months_last() {
        assert_eq!(months_later(day(2026, 11, 30), 3), Some(day(2027, 2, 28)));
        assert_eq!(months_later(day(2027, 8, 31), 6), Some(day(2028, 2, 29)));
        assert_eq!(months_later(day(2026, 5, 15), 6), Some(day(2026, 11, 15)));
        assert_eq!(months_later(u32::MAX, 3), None);
    }

    #[test]
    fn folding_never_splits_a_character() {
        let mut out = String::new();
        fold(&mut out, &"é".repeat(100));
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= MAX_LINE_OCTETS, "{line:?}");
        }
        assert_eq!(out.replace("\r\n ", "").trim_end(), "é".repeat(100));
    }
}
