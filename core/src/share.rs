//! Share codes: a result's answers carried in the URL fragment (`#/r/<code>`),
//! so no server ever sees them. The format is documented byte by byte in
//! `docs/share-links.md`; change the two together.
//!
//! `decode` reads text straight from a URL, so it never panics, rejects
//! oversized input before any work, and uses fixed stack buffers.

use std::fmt;

use crate::content::Release;
use crate::scoring::{Answer, AnswerSheet};
use crate::text::{self, Graphemes};

/// The payload's first byte. A different layout would get a new number.
pub const FORMAT: u8 = 1;
/// Longest code `decode` looks at, in bytes (payload, dot and label together).
pub const MAX_CODE_LENGTH: usize = 256;
/// Longest label, in characters, after cleaning.
pub const MAX_LABEL_CHARS: usize = 60;

const CHECKSUM_BYTES: usize = 3;
/// The completion day: days since [`DAY_ZERO`] plus one, big-endian; 0 = no date.
const DATE_BYTES: usize = 2;
/// 2020-01-01 as days since the Unix epoch; dates from then until 2199 fit.
pub const DAY_ZERO: u32 = 18_262;
/// A `u32` needs at most five 7-bit groups.
const MAX_VARINT_BYTES: usize = 5;
/// The most bytes `MAX_CODE_LENGTH` base64url characters can carry.
const MAX_DECODED_BYTES: usize = MAX_CODE_LENGTH / 4 * 3;
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// What a share code carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedAnswers {
    /// The content version whose question order the answers follow.
    pub version: u32,
    pub answers: AnswerSheet,
    /// `None` when the code has none, or had one that breaks the label rule
    /// ([`crate::text::is_clean_label`]): then `label_dropped` is true.
    pub label: Option<String>,
    /// The code carried a label no encoder writes (a control or bidi
    /// control character, spaces at an end, empty, too long, not UTF-8).
    /// The checksum holds, so the answers are what was shared: the result
    /// opens without the label, and its page says so.
    pub label_dropped: bool,
    /// The day the result was completed, as days since 1970-01-01 (UTC).
    pub completed_on: Option<u32>,
}

/// Why a code was refused. Only `NewerVersion` means the link itself is fine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    Empty,
    /// Longer than `MAX_CODE_LENGTH` bytes; refused before reading it.
    TooLong {
        length: usize,
    },
    /// A character outside base64url, a length no byte string has, or
    /// non-zero unused bits in the last character.
    NotBase64,
    /// A format byte this build does not know, on a damaged code or an older one.
    UnknownFormat {
        format: u8,
    },
    /// A later format, intact: every format ends with the same checksum, so a
    /// newer app's link is told apart from a damaged one.
    NewerFormat {
        format: u8,
    },
    /// Shorter than its content version's layout: usually a cut-off link.
    Truncated,
    /// The bytes do not fit the layout: longer than the version's question
    /// count implies, a non-minimal or overflowing version number, or
    /// non-zero padding bits after the last answer.
    Malformed,
    /// A content version later than any this build knows (checksum verified).
    NewerVersion {
        version: u32,
    },
    /// A version this build does not know and that is not newer (checksum verified).
    UnknownVersion {
        version: u32,
    },
    /// The answers or the label were changed after the code was made.
    ChecksumMismatch,
    /// An answer slot holds 7, which no answer encodes.
    InvalidAnswer,
}

impl ShareError {
    /// True for `NewerVersion`: the link is fine, this copy of the app is old.
    pub fn is_newer_version(&self) -> bool {
        matches!(
            self,
            ShareError::NewerVersion { .. } | ShareError::NewerFormat { .. }
        )
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Empty => f.write_str("the share code is empty"),
            ShareError::TooLong { length } => write!(
                f,
                "the share code is {length} bytes long, over the limit of {MAX_CODE_LENGTH}"
            ),
            ShareError::NotBase64 => f.write_str("the share code is not valid base64url"),
            ShareError::UnknownFormat { format } => {
                write!(f, "the share code has unknown format {format}")
            }
            ShareError::NewerFormat { format } => {
                write!(
                    f,
                    "the share code uses format {format}, newer than this app"
                )
            }
            ShareError::Truncated => f.write_str("the share code is cut short"),
            ShareError::Malformed => f.write_str("the share code's bytes do not fit its format"),
            ShareError::NewerVersion { version } => write!(
                f,
                "the share code was made with content version {version}, newer than this app"
            ),
            ShareError::UnknownVersion { version } => {
                write!(f, "the share code names unknown content version {version}")
            }
            ShareError::ChecksumMismatch => {
                f.write_str("the share code's checksum does not match: it was changed")
            }
            ShareError::InvalidAnswer => f.write_str("the share code holds an invalid answer"),
        }
    }
}

impl std::error::Error for ShareError {}

/// The code for `answers` in `release`'s question order, with an optional label.
///
/// The label is cleaned with [`clean_label`]; if the whole code would pass
/// `MAX_CODE_LENGTH` (only possible with many multi-byte characters), the
/// label is shortened between grapheme clusters so that every code decodes.
pub fn encode(
    release: &Release,
    answers: &AnswerSheet,
    label: Option<&str>,
    completed_on: Option<u32>,
    graphemes: &dyn Graphemes,
) -> String {
    let answer_bytes = packed_len(release.questions.len());
    let mut payload =
        Vec::with_capacity(1 + MAX_VARINT_BYTES + answer_bytes + DATE_BYTES + CHECKSUM_BYTES);
    payload.push(FORMAT);
    push_varint(&mut payload, release.version);
    pack_answers(&mut payload, release, answers);
    payload.extend_from_slice(&date_field(completed_on).to_be_bytes());

    let payload_chars = base64_len(payload.len() + CHECKSUM_BYTES);
    // c base64 characters carry floor(3c / 4) bytes; one character is the dot.
    let label_budget = MAX_CODE_LENGTH.saturating_sub(payload_chars + 1) * 3 / 4;
    let label = label.and_then(|l| text::clean_label(l, MAX_LABEL_CHARS, label_budget, graphemes));
    let label_bytes = label.as_deref().unwrap_or_default().as_bytes();

    let crc = crc32_update(crc32_update(!0, &payload), label_bytes) ^ !0;
    payload.extend_from_slice(&crc.to_be_bytes()[..CHECKSUM_BYTES]);

    let mut code = String::with_capacity(payload_chars + 1 + base64_len(label_bytes.len()));
    push_base64(&mut code, &payload);
    if !label_bytes.is_empty() {
        code.push('.');
        push_base64(&mut code, label_bytes);
    }
    code
}

/// Reads a share code. `releases` are the versions this build knows.
pub fn decode(code: &str, releases: &[Release]) -> Result<SharedAnswers, ShareError> {
    if code.is_empty() {
        return Err(ShareError::Empty);
    }
    // str::len is O(1): a 100 KB fragment costs nothing more than a short one.
    if code.len() > MAX_CODE_LENGTH {
        return Err(ShareError::TooLong { length: code.len() });
    }
    let (payload_text, label_text) = match code.split_once('.') {
        Some((payload, label)) => (payload, Some(label)),
        None => (code, None),
    };
    let mut payload_buf = [0; MAX_DECODED_BYTES];
    let payload = decode_base64(payload_text.as_bytes(), &mut payload_buf)?;
    let mut label_buf = [0; MAX_DECODED_BYTES];
    let label = match label_text {
        Some(text) => Some(decode_base64(text.as_bytes(), &mut label_buf)?),
        None => None,
    };
    let label_bytes = label.unwrap_or_default();

    let (&format, rest) = payload.split_first().ok_or(ShareError::Truncated)?;
    if format != FORMAT {
        let intact = payload
            .len()
            .checked_sub(CHECKSUM_BYTES)
            .is_some_and(|signed_len| verify_checksum(payload, signed_len, label_bytes).is_ok());
        return Err(if format > FORMAT && intact {
            ShareError::NewerFormat { format }
        } else {
            ShareError::UnknownFormat { format }
        });
    }
    let (version, varint_len) = read_varint(rest)?;
    let header_len = 1 + varint_len;

    let Some(release) = releases.iter().find(|r| r.version == version) else {
        // The checksum is always the last bytes, so it can be checked without
        // knowing the version's layout: damage never passes for a newer version.
        let signed_len = payload
            .len()
            .checked_sub(CHECKSUM_BYTES)
            .filter(|&len| len >= header_len)
            .ok_or(ShareError::Truncated)?;
        verify_checksum(payload, signed_len, label_bytes)?;
        let newest = releases.iter().map(|r| r.version).max().unwrap_or(0);
        return Err(if version > newest {
            ShareError::NewerVersion { version }
        } else {
            ShareError::UnknownVersion { version }
        });
    };

    let count = release.questions.len();
    let answers_end = header_len + packed_len(count);
    let signed_len = answers_end + DATE_BYTES;
    match payload.len().cmp(&(signed_len + CHECKSUM_BYTES)) {
        std::cmp::Ordering::Less => return Err(ShareError::Truncated),
        std::cmp::Ordering::Greater => return Err(ShareError::Malformed),
        std::cmp::Ordering::Equal => {}
    }
    verify_checksum(payload, signed_len, label_bytes)?;

    let packed = payload.get(header_len..answers_end).unwrap_or_default();
    let answers = unpack_answers(packed, release)?;
    let date = match payload.get(answers_end..signed_len) {
        Some(&[high, low]) => u16::from_be_bytes([high, low]),
        _ => return Err(ShareError::Truncated),
    };
    let read = label.map(read_label);
    Ok(SharedAnswers {
        version,
        answers,
        label: read.clone().flatten(),
        label_dropped: read.is_some_and(|label| label.is_none()),
        completed_on: (date != 0).then(|| DAY_ZERO + u32::from(date) - 1),
    })
}

/// The date field for a day (days since 1970-01-01): 0 when absent or out of range.
fn date_field(day: Option<u32>) -> u16 {
    day.and_then(|d| d.checked_sub(DAY_ZERO))
        .and_then(|offset| u16::try_from(offset + 1).ok())
        .unwrap_or(0)
}

/// A label as it goes into a code: see [`crate::text::clean_label`], at
/// most [`MAX_LABEL_CHARS`] characters.
pub fn clean_label(label: &str, graphemes: &dyn Graphemes) -> Option<String> {
    text::clean_label(label, MAX_LABEL_CHARS, usize::MAX, graphemes)
}

/// A result's link: `base` (an address without its fragment) and the code.
pub fn result_link(base: &str, code: &str) -> String {
    format!("{base}#/r/{code}")
}

/// Two results side by side: `base` and both codes.
pub fn compare_link(base: &str, first: &str, second: &str) -> String {
    format!("{base}#/compare/{first}/{second}")
}

/// CRC-32/ISO-HDLC (zlib's CRC-32). The checksum is its top three bytes over
/// the payload before it followed by the label's bytes.
pub fn crc32(bytes: &[u8]) -> u32 {
    crc32_update(!0, bytes) ^ !0
}

/// Bitwise rather than table-driven: inputs are at most a few hundred bytes,
/// and this keeps 1 KB of table out of the WebAssembly bundle.
fn crc32_update(mut crc: u32, bytes: &[u8]) -> u32 {
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    crc
}

fn verify_checksum(payload: &[u8], signed_len: usize, label: &[u8]) -> Result<(), ShareError> {
    let (signed, stored) = payload.split_at_checked(signed_len).unwrap_or_default();
    let crc = crc32_update(crc32_update(!0, signed), label) ^ !0;
    if stored.get(..CHECKSUM_BYTES) == crc.to_be_bytes().get(..CHECKSUM_BYTES) {
        Ok(())
    } else {
        Err(ShareError::ChecksumMismatch)
    }
}

/// Bytes needed for `count` three-bit answers.
fn packed_len(count: usize) -> usize {
    (count * 3).div_ceil(8)
}

fn push_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value & 0x7F) as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// An unsigned LEB128 `u32` and how many bytes it took. Only the minimal
/// encoding is accepted, so each version has exactly one spelling.
fn read_varint(bytes: &[u8]) -> Result<(u32, usize), ShareError> {
    let mut value = 0u32;
    for (index, &byte) in bytes.iter().enumerate().take(MAX_VARINT_BYTES) {
        // The fifth group holds the top four bits and must end the number.
        if index == MAX_VARINT_BYTES - 1 && byte > 0x0F {
            return Err(ShareError::Malformed);
        }
        value |= u32::from(byte & 0x7F) << (7 * index);
        if byte & 0x80 == 0 {
            if byte == 0 && index > 0 {
                return Err(ShareError::Malformed);
            }
            return Ok((value, index + 1));
        }
    }
    // Five continued groups are refused above, so running out means cut short.
    Err(ShareError::Truncated)
}

fn answer_bits(answer: Option<Answer>) -> u8 {
    match answer {
        Some(Answer::Choice(index)) if index <= 4 => index + 1,
        Some(Answer::NotSure) => 6,
        // Unanswered, or an index that names no option.
        _ => 0,
    }
}

fn pack_answers(out: &mut Vec<u8>, release: &Release, answers: &AnswerSheet) {
    let mut acc = 0u16;
    let mut bits = 0;
    for id in &release.questions {
        acc = (acc << 3) | u16::from(answer_bits(answers.get(id)));
        bits += 3;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        out.push((acc << (8 - bits)) as u8);
    }
}

fn unpack_answers(packed: &[u8], release: &Release) -> Result<AnswerSheet, ShareError> {
    let mut answers = AnswerSheet::new();
    let mut acc = 0u16;
    let mut bits = 0;
    let mut bytes = packed.iter();
    for id in &release.questions {
        if bits < 3 {
            acc = (acc << 8) | u16::from(bytes.next().copied().unwrap_or(0));
            bits += 8;
        }
        bits -= 3;
        let value = (acc >> bits) & 7;
        acc &= (1 << bits) - 1;
        let answer = match value {
            0 => continue,
            1..=5 => Answer::Choice(value as u8 - 1),
            6 => Answer::NotSure,
            _ => return Err(ShareError::InvalidAnswer),
        };
        answers.set(id, answer);
    }
    // Padding must be zero, so each answer set has exactly one code.
    if acc != 0 || bytes.next().is_some() {
        return Err(ShareError::Malformed);
    }
    Ok(answers)
}

/// Strictly what `encode` could have written (the one label rule,
/// [`crate::text::is_clean_label`]); anything else is `None`, dropped. The
/// decoder does not clean: a label that needs cleaning was not made by an
/// encoder, so it is not shown at all.
fn read_label(bytes: &[u8]) -> Option<String> {
    let label = std::str::from_utf8(bytes).ok()?;
    text::is_clean_label(label, MAX_LABEL_CHARS).then(|| label.to_string())
}

/// Characters of unpadded base64 for `bytes` bytes.
fn base64_len(bytes: usize) -> usize {
    (bytes * 4).div_ceil(3)
}

fn push_base64(out: &mut String, bytes: &[u8]) {
    for chunk in bytes.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let group = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        // n bytes need n + 1 characters; no padding.
        for k in 0..=chunk.len() {
            let sextet = (group >> (18 - 6 * k)) & 63;
            out.push(char::from(ALPHABET[sextet as usize]));
        }
    }
}

fn sextet(c: u8) -> Option<u32> {
    let value = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

/// Strict unpadded base64url into `out`; returns the decoded bytes.
fn decode_base64<'a>(text: &[u8], out: &'a mut [u8]) -> Result<&'a [u8], ShareError> {
    let mut acc = 0u32;
    let mut bits = 0;
    let mut len = 0;
    for &c in text {
        acc = (acc << 6) | sextet(c).ok_or(ShareError::NotBase64)?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            let slot = out
                .get_mut(len)
                .ok_or(ShareError::TooLong { length: text.len() })?;
            *slot = (acc >> bits) as u8;
            len += 1;
            acc &= (1 << bits) - 1;
        }
    }
    // Six leftover bits mean a length of 1 (mod 4), which no byte string has;
    // set leftover bits would give one byte string a second spelling.
    if bits == 6 || acc != 0 {
        return Err(ShareError::NotBase64);
    }
    Ok(out.get(..len).unwrap_or_default())
}

/// Longest pasted text read, in bytes: a mail scanner's wrapped link is a
/// few hundred; anything longer is refused before it is searched.
pub const MAX_PASTED_BYTES: usize = 8 * 1024;

/// Why pasted text did not give one result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasteError {
    /// No result code in it at all.
    NoCode,
    /// More than one different result (a comparison link, two links).
    Several { count: usize },
    /// Over [`MAX_PASTED_BYTES`].
    TooLong,
}

/// The one result code in `text`, however mail and chat tools changed the
/// link around it: a query (`?utm_source=mail`) or a full stop after it, angle
/// brackets around it, `#` written as `%23` or as a full-width `＃`, a
/// scanner's redirect wrapping it (percent-encoded once or twice), a line
/// break or space inside it (a wrapped link, a quoted-printable soft break),
/// a zero-width character in it, or the bare code. An intact code (or
/// one from a newer version) wins over damaged ones; with no intact code, a
/// damaged one is returned so that its page says "damaged". Several
/// different intact results are refused.
pub fn read_pasted(text: &str, releases: &[Release]) -> Result<String, PasteError> {
    if text.len() > MAX_PASTED_BYTES {
        return Err(PasteError::TooLong);
    }
    let text = &tidied(text);
    let once = crate::route::decode_component(text);
    let twice = crate::route::decode_component(&once);
    let mut intact: Vec<String> = Vec::new();
    let mut damaged: Option<String> = None;
    for candidate in [text, once.as_str(), twice.as_str()] {
        for code in codes_in(candidate) {
            // A code cut in two by a line break or a space: the checksum
            // tells whether the text after it continues it.
            let code = match readable(code, releases) {
                true => code.to_string(),
                false => rejoined(candidate, code, releases).unwrap_or_else(|| code.to_string()),
            };
            if readable(&code, releases) {
                if !intact.contains(&code) {
                    intact.push(code);
                }
            } else {
                damaged.get_or_insert(code);
            }
        }
    }
    match (intact.len(), damaged) {
        (1, _) => Ok(intact.remove(0)),
        (0, Some(code)) => Ok(code),
        (0, None) => Err(PasteError::NoCode),
        (count, _) => Err(PasteError::Several { count }),
    }
}

/// Whether `code` opens: intact, or from a newer version of the quiz.
fn readable(code: &str, releases: &[Release]) -> bool {
    match decode(code, releases) {
        Ok(_) => true,
        Err(error) => error.is_newer_version(),
    }
}

/// Most line breaks one pasted code is joined across.
const MAX_JOINS: usize = 4;

/// `text` with what mail and chat tools put into a link undone: a
/// quoted-printable soft line break (`=` at a line's end), zero-width
/// spaces and joiners (U+200B–U+200D, U+2060, U+FEFF), and a full-width
/// `＃` (U+FF03) for `#`. None of them can be part of a code.
fn tidied(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        match c {
            '=' if rest.starts_with('\n') || rest.starts_with("\r\n") => {
                rest = rest.trim_start_matches('\r').trim_start_matches('\n');
            }
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            '\u{FF03}' => out.push('#'),
            c => out.push(c),
        }
    }
    out
}

/// `code` (a slice of `text`) joined with the code characters that follow
/// it after whitespace (a link wrapped over lines), as soon as the joined
/// code opens; `None` when no such continuation does. The checksum makes
/// this safe: a word that happens to follow never passes it.
fn rejoined(text: &str, code: &str, releases: &[Release]) -> Option<String> {
    let start = (code.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    let mut end = start + code.len();
    let mut joined = code.to_string();
    for _ in 0..MAX_JOINS {
        let rest = text.get(end..)?;
        // The break may fall just after the label's dot.
        let (dot, after_dot) = match rest.strip_prefix('.') {
            Some(after) => (".", after),
            None => ("", rest),
        };
        let next_start = after_dot.trim_start();
        if next_start.len() == after_dot.len() {
            return None;
        }
        let next = code_at(next_start);
        if next.is_empty() {
            return None;
        }
        joined.push_str(dot);
        joined.push_str(next);
        if readable(&joined, releases) {
            return Some(joined);
        }
        end = text.len() - next_start.len() + next.len();
    }
    None
}

/// The code a shared-result route carries, read as a pasted link is, so an
/// address with a trailing full stop or bracket still opens; `code` as it
/// is when nothing better is in it.
pub fn clean_route_code(code: &str, releases: &[Release]) -> String {
    read_pasted(code, releases).unwrap_or_else(|_| code.to_string())
}

/// The runs of code characters (`A–Z a–z 0–9 - _`, and one `.` between two
/// runs for the label) that follow `#/r/` or `#/compare/`, or, in text that
/// is nothing but a code (give or take brackets and punctuation), that code.
fn codes_in(text: &str) -> Vec<&str> {
    let mut codes = Vec::new();
    for marker in ["#/r/", "#/compare/"] {
        let mut rest = text;
        while let Some(at) = rest.find(marker) {
            rest = &rest[at + marker.len()..];
            let first = code_at(rest);
            if !first.is_empty() {
                codes.push(first);
            }
            if marker == "#/compare/" {
                if let Some(second) = rest[first.len()..].strip_prefix('/') {
                    let second = code_at(second);
                    if !second.is_empty() {
                        codes.push(second);
                    }
                }
            }
        }
    }
    if codes.is_empty() {
        let bare = text
            .trim()
            .trim_start_matches(['<', '(', '[', '"', '\''])
            .trim_end_matches(['>', ')', ']', '"', '\'', '.', ',', ';', ':', '!', '?', '/']);
        if !bare.is_empty() && code_at(bare).len() == bare.len() {
            codes.push(bare);
        }
    }
    codes
}

/// The longest prefix of `text` shaped like a code: a run of code
/// characters, then optionally a `.` and another run (a dot with nothing
/// after it is punctuation, not part of the code).
fn code_at(text: &str) -> &str {
    let run = |s: &str| {
        s.bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
            .count()
    };
    let payload = run(text);
    match text[payload..].strip_prefix('.') {
        Some(after) if payload > 0 && run(after) > 0 => &text[..payload + 1 + run(after)],
        _ => &text[..payload],
    }
}
