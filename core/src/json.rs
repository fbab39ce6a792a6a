//! A small JSON module for what the app stores, exports and posts: a value
//! type, a strict parser (RFC 8259), compact and pretty writers, and the
//! [`ToJson`]/[`FromJson`] conversions each stored type spells out. It
//! replaces serde_json and serde's derive in the browser build, where they
//! cost far more code than this.
//!
//! Numbers are `f64`, as in JavaScript. Every number the app writes is a
//! whole number (timestamps in milliseconds, counts, scores); those are
//! written with integer formatting and read back exactly up to 2^53. Other
//! numbers are still read correctly rounded and written as the shortest
//! decimal that reads back the same, as `JSON.parse` and `JSON.stringify` do,
//! but without the standard library's float parsing and formatting (about
//! 10 KB of code and tables): common cases take a few float operations, rare
//! ones an exact comparison with small big integers. Object members keep
//! their order; when a name repeats, [`Value::get`] returns the last one, as
//! `JSON.parse` does.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;

/// Deeper documents are refused: nothing the app writes nests more than a few
/// levels, and the limit keeps recursion (parsing, writing, dropping) bounded.
pub const MAX_DEPTH: usize = 128;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// Always finite: the parser refuses numbers out of `f64`'s range.
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Object),
}

/// An object's members in document order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Object(Vec<(String, Value)>);

impl Object {
    pub fn new() -> Object {
        Object(Vec::new())
    }

    /// Appends a member (no check for an existing one with that name).
    pub fn push<T: ToJson + ?Sized>(&mut self, name: &str, value: &T) {
        self.0.push((name.to_string(), value.to_json()));
    }

    /// The last member called `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// Reads member `name` as a `T`. A missing member is an error unless `T`
    /// is an `Option` (then it is `None`, as with serde's derive).
    pub fn field<T: FromJson>(&self, name: &str) -> Result<T, String> {
        match self.get(name) {
            Some(value) => T::from_json(value).map_err(|e| format!("{name}: {e}")),
            None => T::missing().ok_or_else(|| format!("missing field {name}")),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(n, v)| (n.as_str(), v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<Vec<(String, Value)>> for Object {
    fn from(members: Vec<(String, Value)>) -> Object {
        Object(members)
    }
}

impl From<Object> for Value {
    fn from(object: Object) -> Value {
        Value::Object(object)
    }
}

/// 2^53 − 1, JavaScript's `Number.MAX_SAFE_INTEGER`: every integer up to it
/// is an exact `f64` that no other integer rounds to.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

impl Value {
    /// The member `name` of an object (the last, if it repeats); `None` for
    /// anything that is not an object.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.as_object()?.get(name)
    }

    /// Like [`Value::get`], but moves the member out (a large import is not
    /// copied).
    pub fn take(self, name: &str) -> Option<Value> {
        match self {
            Value::Object(Object(mut members)) => {
                let index = members.iter().rposition(|(n, _)| n == name)?;
                Some(members.swap_remove(index).1)
            }
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Value::Object(object) => Some(object),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// A whole number from 0 to 2^53 − 1 (beyond that a number may stand
    /// for more than one integer, so it may not be the one written).
    pub fn as_u64(&self) -> Option<u64> {
        let n = self.as_f64()?;
        ((0.0..=MAX_SAFE_INTEGER).contains(&n) && n.floor() == n).then_some(n as u64)
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

// ---------------------------------------------------------------------------
// Conversions

/// A type's JSON form.
pub trait ToJson {
    fn to_json(&self) -> Value;
}

/// Reading a type back from its JSON form; the error says what was wrong and
/// where, for quarantine and import messages.
pub trait FromJson: Sized {
    fn from_json(value: &Value) -> Result<Self, String>;

    /// The value of a member that is absent: none, except for `Option`.
    fn missing() -> Option<Self> {
        None
    }
}

/// `value` as an object, or an error saying it is not one.
pub fn object(value: &Value) -> Result<&Object, String> {
    value
        .as_object()
        .ok_or_else(|| "expected an object".to_string())
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self) -> Value {
        (**self).to_json()
    }
}

impl ToJson for str {
    fn to_json(&self) -> Value {
        Value::String(self.to_string())
    }
}

impl ToJson for String {
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }
}

impl FromJson for String {
    fn from_json(value: &Value) -> Result<Self, String> {
        value
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| "expected a string".to_string())
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
}

impl FromJson for bool {
    fn from_json(value: &Value) -> Result<Self, String> {
        value
            .as_bool()
            .ok_or_else(|| "expected true or false".to_string())
    }
}

impl ToJson for f64 {
    fn to_json(&self) -> Value {
        Value::Number(*self)
    }
}

impl FromJson for f64 {
    fn from_json(value: &Value) -> Result<Self, String> {
        value
            .as_f64()
            .ok_or_else(|| "expected a number".to_string())
    }
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn to_json(&self) -> Value {
                // Exact: u8 and u32 always, usize in the browser (32 bits).
                Value::Number(*self as f64)
            }
        }

        impl FromJson for $t {
            fn from_json(value: &Value) -> Result<Self, String> {
                value
                    .as_u64()
                    .and_then(|n| <$t>::try_from(n).ok())
                    .ok_or_else(|| {
                        let mut message = String::from("expected a whole number from 0 to ");
                        write_u64(&mut message, <$t>::MAX as u64);
                        message
                    })
            }
        }
    )*};
}

unsigned!(u8, u32, usize);

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Value {
        match self {
            Some(value) => value.to_json(),
            None => Value::Null,
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value) -> Result<Self, String> {
        match value {
            Value::Null => Ok(None),
            other => T::from_json(other).map(Some),
        }
    }

    fn missing() -> Option<Self> {
        Some(None)
    }
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self) -> Value {
        Value::Array(self.iter().map(ToJson::to_json).collect())
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Value {
        self.as_slice().to_json()
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Result<Self, String> {
        let items = value
            .as_array()
            .ok_or_else(|| "expected an array".to_string())?;
        items
            .iter()
            .enumerate()
            .map(|(index, item)| {
                T::from_json(item).map_err(|e| {
                    let mut message = String::from("item ");
                    write_u64(&mut message, index as u64);
                    message.push_str(": ");
                    message.push_str(&e);
                    message
                })
            })
            .collect()
    }
}

impl<T: ToJson> ToJson for BTreeMap<String, T> {
    fn to_json(&self) -> Value {
        Value::Object(Object(
            self.iter()
                .map(|(name, value)| (name.clone(), value.to_json()))
                .collect(),
        ))
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(value: &Value) -> Result<Self, String> {
        // A repeated name: the last one wins, as when parsing into a map before.
        let mut map = BTreeMap::new();
        for (name, value) in object(value)?.iter() {
            let value = T::from_json(value).map_err(|e| format!("{name}: {e}"))?;
            map.insert(name.to_string(), value);
        }
        Ok(map)
    }
}

// ---------------------------------------------------------------------------
// Parsing

/// Why a text is not JSON, and the byte offset where that became clear.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub offset: usize,
    pub reason: &'static str,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.reason, self.offset)
    }
}

/// Parses one JSON document: a value with optional whitespace around it and
/// nothing else. Callers bound the text's size.
pub fn parse(text: &str) -> Result<Value, ParseError> {
    let mut parser = Parser { text, pos: 0 };
    parser.whitespace();
    let value = parser.value(0)?;
    parser.whitespace();
    if parser.pos != text.len() {
        return Err(parser.error("unexpected text after the value"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, reason: &'static str) -> ParseError {
        ParseError {
            offset: self.pos,
            reason,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn expect(&mut self, byte: u8, reason: &'static str) -> Result<(), ParseError> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(self.error(reason))
        }
    }

    /// RFC 8259 whitespace only: no BOM, no other Unicode spaces.
    fn whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, ParseError> {
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            Some(_) => Err(self.error("expected a value")),
            None => Err(self.error("unexpected end of text")),
        }
    }

    fn literal(&mut self, word: &'static str, value: Value) -> Result<Value, ParseError> {
        if self.text.as_bytes()[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.pos += 1;
        let mut items = Vec::new();
        self.whitespace();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            self.whitespace();
            items.push(self.value(depth)?);
            self.whitespace();
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            self.expect(b',', "expected , or ]")?;
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.pos += 1;
        let mut members = Vec::new();
        self.whitespace();
        if self.eat(b'}') {
            return Ok(Value::Object(Object(members)));
        }
        loop {
            self.whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a member name"));
            }
            let name = self.string()?;
            self.whitespace();
            self.expect(b':', "expected :")?;
            self.whitespace();
            members.push((name, self.value(depth)?));
            self.whitespace();
            if self.eat(b'}') {
                return Ok(Value::Object(Object(members)));
            }
            self.expect(b',', "expected , or }")?;
        }
    }

    /// A string starting at the opening quote.
    fn string(&mut self) -> Result<String, ParseError> {
        self.pos += 1;
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    // Quotes and backslashes are ASCII, so these are char boundaries.
                    out.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    self.escape(&mut out)?;
                    run = self.pos;
                }
                Some(0..=0x1f) => return Err(self.error("control character in string")),
                Some(_) => self.pos += 1,
            }
        }
    }

    /// The escape after a backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), ParseError> {
        let Some(byte) = self.peek() else {
            return Err(self.error("unterminated string"));
        };
        self.pos += 1;
        let c = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                let code = match unit {
                    0xd800..=0xdbff => {
                        // A high surrogate must be followed by an escaped low one.
                        if !(self.eat(b'\\') && self.eat(b'u')) {
                            return Err(self.error("lone surrogate in \\u escape"));
                        }
                        let low = self.hex4()?;
                        if !(0xdc00..=0xdfff).contains(&low) {
                            return Err(self.error("lone surrogate in \\u escape"));
                        }
                        0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)
                    }
                    0xdc00..=0xdfff => return Err(self.error("lone surrogate in \\u escape")),
                    other => other,
                };
                char::from_u32(code).ok_or_else(|| self.error("invalid \\u escape"))?
            }
            _ => {
                self.pos -= 1;
                return Err(self.error("invalid escape"));
            }
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.error("expected four hex digits")),
            };
            unit = unit * 16 + u32::from(digit);
            self.pos += 1;
        }
        Ok(unit)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    fn number(&mut self) -> Result<f64, ParseError> {
        let negative = self.eat(b'-');
        let digits_start = self.pos;
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("expected a digit")),
        }
        if self.eat(b'.') {
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("expected a digit after ."));
            }
            self.digits();
        }
        let digits = &self.text.as_bytes()[digits_start..self.pos];
        let mut exponent: i64 = 0;
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            let negative_exponent = self.eat(b'-') || {
                self.eat(b'+');
                false
            };
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("expected a digit in the exponent"));
            }
            while let Some(d @ b'0'..=b'9') = self.peek() {
                // Saturates: far past this every non-zero number is out of range or zero.
                exponent = (exponent * 10 + i64::from(d - b'0')).min(1_000_000);
                self.pos += 1;
            }
            if negative_exponent {
                exponent = -exponent;
            }
        }
        let magnitude = decimal_text(digits, exponent);
        if !magnitude.is_finite() {
            return Err(self.error("number out of range"));
        }
        Ok(if negative { -magnitude } else { magnitude })
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }
}

// ---------------------------------------------------------------------------
// Decimal to binary

/// Walks the significant digits of `text` (digits with at most one `.`),
/// giving each to `take` until it refuses one. Returns the power of ten that
/// scales the digits taken to the number, and whether a non-zero digit was
/// left out.
fn significant_digits(text: &[u8], mut take: impl FnMut(u8) -> bool) -> (i64, bool) {
    let (mut exponent, mut fraction, mut started, mut full, mut inexact) =
        (0i64, false, false, false, false);
    for &byte in text {
        if byte == b'.' {
            fraction = true;
            continue;
        }
        let digit = byte - b'0';
        started |= digit != 0;
        if !started || (!full && take(digit)) {
            exponent -= i64::from(fraction);
        } else {
            full = true;
            exponent += i64::from(!fraction);
            inexact |= digit != 0;
        }
    }
    (exponent, inexact)
}

/// The `f64` nearest to `digits × 10^exponent`, ties to even, as
/// `JSON.parse` reads numbers.
fn decimal_text(digits: &[u8], exponent: i64) -> f64 {
    // The first 19 significant digits fit a u64 and are usually all there is.
    let mut significand = 0u64;
    let mut kept = 0;
    let (shift, inexact) = significant_digits(digits, |digit| {
        if kept == 19 {
            return false;
        }
        kept += 1;
        significand = significand * 10 + u64::from(digit);
        true
    });
    if !inexact {
        return decimal(significand, exponent + shift);
    }
    let approximate = scale_approximately(significand as f64, exponent + shift);
    // More: the first 800 decide (an f64 halfway point has at most 767
    // significant digits); a non-zero digit after them only breaks ties,
    // which a 1 appended in their place does too.
    let mut big = Big(Vec::new());
    let mut kept = 0;
    let (shift, inexact) = significant_digits(digits, |digit| {
        if kept == 800 {
            return false;
        }
        kept += 1;
        big.mul_add(10, u32::from(digit));
        true
    });
    let mut exponent = exponent + shift;
    if inexact {
        big.mul_add(10, 1);
        exponent -= 1;
    }
    correct(&big, exponent, approximate)
}

/// The `f64` nearest to `significand × 10^exponent`, ties to even.
fn decimal(significand: u64, exponent: i64) -> f64 {
    // u64 to f64 rounds once, correctly.
    let m = significand as f64;
    if significand == 0 || exponent == 0 {
        return m;
    }
    let power = exponent.unsigned_abs();
    if significand <= 1 << 53 && power < 23 {
        // Exact operands, one rounding: the classic fast path.
        let p = EXACT_POWERS[power as usize];
        return if exponent > 0 { m * p } else { m / p };
    }
    if exponent > 22 {
        // 1e23 as 10 × 10^22, and so on, while that significand stays exact.
        let shifted = u32::try_from(power - 22)
            .ok()
            .and_then(|excess| 10u64.checked_pow(excess))
            .and_then(|factor| significand.checked_mul(factor))
            .filter(|shifted| *shifted <= 1 << 53);
        if let Some(shifted) = shifted {
            return shifted as f64 * 1e22;
        }
    }
    correct(
        &Big::from(significand),
        exponent,
        scale_approximately(m, exponent),
    )
}

/// Powers of ten that `f64` holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `m × 10^exponent` within a few units in the last place, by binary
/// powering. The intermediate results move monotonically towards the result,
/// so none overflows or underflows unless the result does; largest powers
/// first takes a subnormal `m` out of the subnormal range at once.
fn scale_approximately(m: f64, exponent: i64) -> f64 {
    const POWERS: [f64; 9] = [1e1, 1e2, 1e4, 1e8, 1e16, 1e32, 1e64, 1e128, 1e256];
    let power = exponent.unsigned_abs();
    if power >= 1 << POWERS.len() {
        // Any m from 1 to 10^800 times 10^±512 or beyond is out of range.
        return if exponent > 0 { f64::INFINITY } else { 0.0 };
    }
    let mut value = m;
    for (bit, p) in POWERS.iter().enumerate().rev() {
        if power & (1 << bit) != 0 {
            value = if exponent > 0 { value * p } else { value / p };
        }
    }
    value
}

/// Steps from `approximate` (a few units in the last place off) to the
/// `f64` nearest to `digits × 10^exponent`, comparing with the exact halfway
/// points between neighbouring `f64`s.
fn correct(digits: &Big, exponent: i64, approximate: f64) -> f64 {
    // The digits are not all zero, so the value is at least 10^exponent
    // (10^309 is out of range) and below 10^(exponent + their count) (under
    // 10^-324 is nearer 0 than the least f64). This also keeps the big
    // numbers below to a few hundred bytes.
    if exponent > 308 {
        return f64::INFINITY;
    }
    if exponent + digits.decimal_digits_at_most() < -324 {
        return 0.0;
    }
    let mut f = if approximate.is_finite() {
        approximate
    } else {
        f64::MAX
    };
    let odd = |f: f64| f.to_bits() & 1 == 1;
    loop {
        let above = compare_with_halfway(digits, exponent, f);
        if above.is_gt() || (above.is_eq() && odd(f)) {
            if f == f64::MAX {
                return f64::INFINITY;
            }
            f = f64::from_bits(f.to_bits() + 1);
            continue;
        }
        if f > 0.0 {
            let below = f64::from_bits(f.to_bits() - 1);
            let order = compare_with_halfway(digits, exponent, below);
            if order.is_lt() || (order.is_eq() && odd(f)) {
                f = below;
                continue;
            }
        }
        return f;
    }
}

/// `digits × 10^exponent` compared with the point halfway between the
/// non-negative `f` and the next `f64` up.
fn compare_with_halfway(digits: &Big, exponent: i64, f: f64) -> Ordering {
    let (m, q) = binary_parts(f);
    compare(digits, exponent, 2 * m + 1, q - 1)
}

/// `f` (non-negative, finite) as `m × 2^q` with integer `m`.
fn binary_parts(f: f64) -> (u64, i64) {
    let bits = f.to_bits();
    let (field, fraction) = ((bits >> 52) as i64, bits & ((1 << 52) - 1));
    if field == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, field - 1075)
    }
}

/// `digits × 10^exponent` compared with `m × 2^q`, in exact integers.
fn compare(digits: &Big, exponent: i64, m: u64, q: i64) -> Ordering {
    let mut left = Big(digits.0.clone());
    let mut right = Big::from(m);
    if exponent >= 0 {
        left.mul_pow10(exponent.unsigned_abs());
    } else {
        right.mul_pow10(exponent.unsigned_abs());
    }
    if q >= 0 {
        right.mul_pow2(q.unsigned_abs());
    } else {
        left.mul_pow2(q.unsigned_abs());
    }
    left.cmp(&right)
}

/// An unsigned big integer, least significant 32-bit limb first, for the
/// rare numbers that need exact comparison.
struct Big(Vec<u32>);

impl Big {
    fn from(n: u64) -> Big {
        Big(vec![n as u32, (n >> 32) as u32])
    }

    /// `self × factor + add`.
    fn mul_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut power: u64) {
        while power > 0 {
            let step = power.min(9);
            self.mul_add(10u32.pow(step as u32), 0);
            power -= step;
        }
    }

    fn mul_pow2(&mut self, power: u64) {
        let words = (power / 32) as usize;
        self.mul_add(1 << (power % 32), 0);
        self.0.splice(0..0, std::iter::repeat_n(0, words));
    }

    /// An upper bound on the number of decimal digits (9.63 per limb).
    fn decimal_digits_at_most(&self) -> i64 {
        self.0.len() as i64 * 10
    }

    /// Without high zero limbs.
    fn trimmed(&self) -> &[u32] {
        let len = self.0.iter().rposition(|&l| l != 0).map_or(0, |i| i + 1);
        &self.0[..len]
    }

    fn cmp(&self, other: &Big) -> Ordering {
        let (a, b) = (self.trimmed(), other.trimmed());
        a.len()
            .cmp(&b.len())
            .then_with(|| a.iter().rev().cmp(b.iter().rev()))
    }
}

// ---------------------------------------------------------------------------
// Writing

/// Compact JSON, as stored and posted: no whitespace.
pub fn to_string(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, None);
    out
}

/// Indented by two spaces, `"name": value`, one member or item a line (the
/// export file, meant to be readable).
pub fn to_string_pretty(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, Some(0));
    out
}

/// `indent` is the current nesting level when pretty-printing.
fn write_value(out: &mut String, value: &Value, indent: Option<usize>) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => write_number(out, *n),
        Value::String(text) => write_string(out, text),
        Value::Array(items) => write_list(out, b"[]", items.len(), indent, |out, i, inner| {
            write_value(out, &items[i], inner)
        }),
        Value::Object(Object(members)) => {
            write_list(out, b"{}", members.len(), indent, |out, i, inner| {
                let (name, value) = &members[i];
                write_string(out, name);
                out.push_str(if inner.is_some() { ": " } else { ":" });
                write_value(out, value, inner);
            })
        }
    }
}

/// Brackets around `len` entries, separated by commas; when pretty, each
/// entry on its own line and an empty list as `[]` or `{}`.
fn write_list(
    out: &mut String,
    brackets: &[u8; 2],
    len: usize,
    indent: Option<usize>,
    mut entry: impl FnMut(&mut String, usize, Option<usize>),
) {
    out.push(char::from(brackets[0]));
    let inner = indent.map(|level| level + 1);
    for i in 0..len {
        if i > 0 {
            out.push(',');
        }
        if let Some(level) = inner {
            new_line(out, level);
        }
        entry(out, i, inner);
    }
    if let (Some(level), true) = (indent, len > 0) {
        new_line(out, level);
    }
    out.push(char::from(brackets[1]));
}

fn new_line(out: &mut String, level: usize) {
    out.push('\n');
    for _ in 0..level {
        out.push_str("  ");
    }
}

/// Quotes and backslashes escaped, control characters as `\n`-style or
/// `\u00xx` escapes, everything else as it is (the output is UTF-8).
fn write_string(out: &mut String, text: &str) {
    out.push('"');
    let mut run = 0;
    for (i, byte) in text.bytes().enumerate() {
        let short = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'\n' => 'n',
            b'\r' => 'r',
            b'\t' => 't',
            0x08 => 'b',
            0x0c => 'f',
            0..=0x1f => 'u',
            _ => continue,
        };
        // Every byte escaped here is ASCII, so `i` is a char boundary.
        out.push_str(&text[run..i]);
        out.push('\\');
        out.push(short);
        if short == 'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
        run = i + 1;
    }
    out.push_str(&text[run..]);
    out.push('"');
}

/// Integers below 10^19 with integer formatting; other numbers as the
/// shortest decimal that reads back as the same `f64`. JSON has no
/// infinities or NaN; like serde_json, those are written as `null`.
fn write_number(out: &mut String, n: f64) {
    if !n.is_finite() {
        out.push_str("null");
        return;
    }
    if n < 0.0 {
        out.push('-');
    }
    let n = n.abs();
    if n < 1e19 && (n as u64) as f64 == n {
        write_u64(out, n as u64);
        return;
    }
    let (k, exponent) = shortest(n);
    write_scaled(out, k, exponent);
}

/// The shortest `k × 10^exponent` that reads back as `n` (positive, finite,
/// not a small integer) and, of those, the nearest to `n`: what JavaScript
/// and serde_json write. Rare in this app: no stored number has a fraction.
fn shortest(n: f64) -> (u64, i64) {
    let (m, q) = binary_parts(n);
    // floor(log2(n) · log10(2)) from the binary exponent, so that `n / 10^e`
    // starts near 10^16; subnormals start low and the loops catch up.
    let binary_exponent = ((n.to_bits() >> 52) & 0x7ff) as i64 - 1023;
    let mut e = ((binary_exponent * 78_913) >> 18) - 16;
    let mut estimate = scale_approximately(n, -e);
    while estimate >= 1e17 {
        estimate /= 10.0;
        e += 1;
    }
    while estimate < 1e16 {
        estimate *= 10.0;
        e -= 1;
    }
    // The estimate is a few units off; from it, exactly: k × 10^e ≤ n <
    // (k + 1) × 10^e.
    let mut k = estimate as u64;
    while k > 0 && compare(&Big::from(k), e, m, q).is_gt() {
        k -= 1;
    }
    while compare(&Big::from(k + 1), e, m, q).is_le() {
        k += 1;
    }
    // Seventeen-digit decimals lie closer together than f64s, so k or k + 1
    // reads back as `n`. Then one digit fewer at a time while that still
    // holds: if any shorter decimal reads back, n rounded down or up to that
    // many digits does.
    let mut found = (k + 1, e);
    loop {
        // Nearer to n first: compare n with the midpoint (2k + 1) / 2 × 10^e.
        let midpoint = compare(&Big::from(2 * k + 1), e, m, q + 1);
        let up_first = midpoint.is_lt() || (midpoint.is_eq() && k % 2 == 1);
        let candidates = if up_first { [k + 1, k] } else { [k, k + 1] };
        match candidates
            .into_iter()
            .find(|&c| c > 0 && decimal(c, e) == n)
        {
            Some(c) => found = (c, e),
            None => return found,
        }
        k /= 10;
        e += 1;
    }
}

/// `k × 10^exponent`, as JavaScript writes numbers: with a decimal point
/// from 10^-6 on (`0.000001`, `1763999500000.5`), in scientific notation
/// below that and for large integers (`1e-7`, `1.5e300`).
fn write_scaled(out: &mut String, k: u64, exponent: i64) {
    let mut digits = String::new();
    write_u64(&mut digits, k);
    let len = digits.len() as i64;
    // How many of the digits come before the decimal point.
    let point = len + exponent;
    if exponent < 0 && point > -6 {
        if point <= 0 {
            out.push_str("0.");
            for _ in point..0 {
                out.push('0');
            }
            out.push_str(&digits);
        } else {
            let (whole, fraction) = digits.split_at(point as usize);
            out.push_str(whole);
            out.push('.');
            out.push_str(fraction);
        }
        return;
    }
    let (first, rest) = digits.split_at(1);
    out.push_str(first);
    if !rest.is_empty() {
        out.push('.');
        out.push_str(rest);
    }
    let exponent = point - 1;
    if exponent != 0 {
        out.push('e');
        if exponent < 0 {
            out.push('-');
        }
        write_u64(out, exponent.unsigned_abs());
    }
}

/// Decimal digits of `n`, without going through `core::fmt`.
fn write_u64(out: &mut String, mut n: u64) {
    let mut buffer = [0u8; 20];
    let mut start = buffer.len();
    loop {
        start -= 1;
        buffer[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &digit in &buffer[start..] {
        out.push(char::from(digit));
    }
}
