//! A compact binary form of the assembled quiz. `build.rs` encodes the content
//! at build time; the app decodes it at start-up with a few hundred bytes of
//! code instead of a JSON deserializer or generated construction code (both
//! cost tens of kilobytes of wasm, see docs/architecture.md).
//!
//! Layout: every field in declaration order; numbers and lengths are LEB128;
//! strings are a length and UTF-8 bytes; lists are a count and their items;
//! an optional string is a 0 or 1 byte, then the string.

/// A fingerprint of `bytes` for file names that change when the content does
/// (FNV-1a, 64 bits, as 16 hex digits): cache busting, not security.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Writes a value in the compact form.
pub trait Encode {
    fn encode(&self, out: &mut Vec<u8>);
}

/// Reads a value back. A value that cannot be read comes back empty and marks
/// the reader as failed; [`decode`] then refuses the whole input. Not returning
/// early keeps the generated code small: an early return from the middle of a
/// struct with a hundred fields would drop every field read so far, and the
/// compiler writes that drop code out once per field.
pub trait Decode {
    fn decode(input: &mut Reader<'_>) -> Self;
}

/// The bytes not read yet, and whether anything failed to read.
pub struct Reader<'a> {
    rest: &'a [u8],
    failed: bool,
}

impl<'a> Reader<'a> {
    /// `count` bytes, or none (and failed) when fewer are left.
    fn take(&mut self, count: usize) -> &'a [u8] {
        if count > self.rest.len() {
            self.failed = true;
            return &[];
        }
        let (taken, rest) = self.rest.split_at(count);
        self.rest = rest;
        taken
    }

    fn byte(&mut self) -> u8 {
        self.take(1).first().copied().unwrap_or_default()
    }

    fn number(&mut self) -> u32 {
        let mut value: u32 = 0;
        for shift in (0..35).step_by(7) {
            let byte = self.byte();
            value |= u32::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return value;
            }
        }
        self.failed = true;
        0
    }
}

fn write_number(mut value: u32, out: &mut Vec<u8>) {
    loop {
        let low = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

/// The encoded form of a whole value.
pub fn encode<T: Encode>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    value.encode(&mut out);
    out
}

/// Decodes a whole value; trailing bytes make it invalid.
pub fn decode<T: Decode>(bytes: &[u8]) -> Option<T> {
    let mut input = Reader {
        rest: bytes,
        failed: false,
    };
    let value = T::decode(&mut input);
    (!input.failed && input.rest.is_empty()).then_some(value)
}

impl Encode for u32 {
    fn encode(&self, out: &mut Vec<u8>) {
        write_number(*self, out);
    }
}

impl Decode for u32 {
    fn decode(input: &mut Reader<'_>) -> Self {
        input.number()
    }
}

impl Encode for u8 {
    fn encode(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }
}

impl Decode for u8 {
    fn decode(input: &mut Reader<'_>) -> Self {
        input.byte()
    }
}

impl Encode for String {
    fn encode(&self, out: &mut Vec<u8>) {
        write_number(self.len() as u32, out);
        out.extend_from_slice(self.as_bytes());
    }
}

impl Decode for String {
    #[inline(never)]
    fn decode(input: &mut Reader<'_>) -> Self {
        let length = input.number() as usize;
        match std::str::from_utf8(input.take(length)) {
            Ok(text) => text.to_owned(),
            Err(_) => {
                input.failed = true;
                String::new()
            }
        }
    }
}

impl Encode for Option<String> {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            Some(text) => {
                out.push(1);
                text.encode(out);
            }
            None => out.push(0),
        }
    }
}

impl Decode for Option<String> {
    fn decode(input: &mut Reader<'_>) -> Self {
        match input.byte() {
            0 => None,
            1 => Some(String::decode(input)),
            _ => {
                input.failed = true;
                None
            }
        }
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        write_number(self.len() as u32, out);
        for item in self {
            item.encode(out);
        }
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(input: &mut Reader<'_>) -> Self {
        let count = input.number() as usize;
        // Every item takes at least one byte: a count beyond the rest is corrupt,
        // and must not reserve memory.
        if count > input.rest.len() {
            input.failed = true;
            return Vec::new();
        }
        let mut items = Vec::with_capacity(count);
        for _ in 0..count {
            if input.failed {
                break;
            }
            items.push(T::decode(input));
        }
        items
    }
}

/// Declares a struct and its [`Encode`]/[`Decode`] from one field list, so
/// the two cannot drift apart from the definition.
macro_rules! codable {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$field_meta:meta])* pub $field:ident: $type:ty,)* }) => {
        $(#[$meta])*
        pub struct $name {
            $($(#[$field_meta])* pub $field: $type,)*
        }

        impl $crate::content_codec::Encode for $name {
            fn encode(&self, out: &mut Vec<u8>) {
                $($crate::content_codec::Encode::encode(&self.$field, out);)*
            }
        }

        impl $crate::content_codec::Decode for $name {
            fn decode(input: &mut $crate::content_codec::Reader<'_>) -> Self {
                Self {
                    $($field: $crate::content_codec::Decode::decode(input),)*
                }
            }
        }
    };
}
pub(crate) use codable;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_at_every_length() {
        for value in [0, 1, 127, 128, 16_383, 16_384, u32::MAX] {
            assert_eq!(decode::<u32>(&encode(&value)), Some(value));
        }
    }

    #[test]
    fn a_number_longer_than_five_bytes_is_invalid() {
        assert_eq!(decode::<u32>(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x01]), None);
    }

    #[test]
    fn strings_lists_and_options_round_trip() {
        let texts = vec!["".to_string(), "Zusammenarbeit – “quoted”".to_string()];
        assert_eq!(decode::<Vec<String>>(&encode(&texts)), Some(texts));
        let help: Option<String> = Some("why".into());
        assert_eq!(decode::<Option<String>>(&encode(&help)), Some(help));
        assert_eq!(
            decode::<Option<String>>(&encode(&None::<String>)),
            Some(None)
        );
    }

    #[test]
    fn invalid_utf8_trailing_bytes_and_huge_counts_are_rejected() {
        assert_eq!(decode::<String>(&[2, 0xff, 0xfe]), None);
        assert_eq!(decode::<u8>(&[1, 2]), None);
        assert_eq!(decode::<Vec<String>>(&[0xff, 0xff, 0xff, 0xff, 0x0f]), None);
        assert_eq!(decode::<Option<String>>(&[2]), None);
    }
}
