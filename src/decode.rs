//! Stage 1: bytes → text. Finds the encoding (BOM, valid UTF-8, `<meta charset>`,
//! UTF-16 without BOM, then detection), normalizes line endings to `\n`.
//!
//! The order matters: a BOM wins over everything; bytes that are valid UTF-8 are
//! UTF-8 even when a `<meta>` claims otherwise (scraped pages often keep a stale
//! `gb2312` declaration after being re-saved as UTF-8); detection is the last resort
//! and is reported to the reader as a guess.

use crate::error::{err, Error};
use crate::warning::{Warning, WarningCode};
#[cfg(feature = "legacy")]
use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8};
use std::borrow::Cow;
#[cfg(not(feature = "legacy"))]
use unicode::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Text decoded from a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text, without BOM, with every `\r\n` and lone `\r` turned into `\n`:
    /// the bytes themselves when they are that already (UTF-8 as it stands), so a
    /// big file is not held twice.
    pub text: Cow<'a, str>,
    /// WHATWG label of the encoding used (`UTF-8`, `GBK`, `UTF-16LE` …).
    pub encoding: &'static str,
    /// Things the reader should know (a guessed encoding, replaced bytes).
    pub warnings: Vec<Warning>,
}

/// Files larger than this are refused with a clear message rather than rendered slowly.
///
/// # Examples
/// ```
/// let big = vec![b'a'; folio::MAX_INPUT_BYTES + 1];
/// let err = folio::render(&big, &folio::Options::default()).unwrap_err();
/// assert_eq!(err.kind(), folio::ErrorKind::TooLarge);
/// ```
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

/// How many leading bytes the binary and UTF-16 heuristics look at.
const SNIFF_LEN: usize = 8 * 1024;
/// How many leading bytes may hold a `<meta charset>` (as in the HTML prescan).
#[cfg(feature = "legacy")]
const META_LEN: usize = 1024;

/// Decodes a file's bytes. Fails only for empty, oversized or binary input.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, Error> {
    if bytes.is_empty() {
        return Err(err!(Empty, "This file is empty."));
    }
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Error::too_large(bytes.len() as u64));
    }
    let mut warnings = Vec::new();
    let (raw, encoding, bad) = pick_and_decode(bytes, &mut warnings)?;
    if bad > 0 {
        let what = if bad == 1 {
            "One malformed byte sequence was".to_string()
        } else {
            format!("{bad} malformed byte sequences were")
        };
        warnings.push(
            Warning::new(
                WarningCode::EncodingDamaged,
                format!("{what} not valid {encoding} and shown as “\u{FFFD}”."),
            )
            .with("count", bad.to_string())
            .with("encoding", encoding),
        );
    }
    Ok(Decoded {
        text: normalize(raw),
        encoding,
        warnings,
    })
}

/// The raw text (borrowed where the bytes are that text), the encoding's name and
/// the number of malformed sequences replaced by U+FFFD.
type Picked<'a> = (Cow<'a, str>, &'static str, usize);

/// Chooses the encoding and decodes: a Unicode encoding when the bytes say so,
/// else a legacy one (declared or detected).
#[cfg_attr(not(feature = "legacy"), allow(clippy::ptr_arg))]
fn pick_and_decode<'a>(bytes: &'a [u8], warnings: &mut Vec<Warning>) -> Result<Picked<'a>, Error> {
    match pick_unicode(bytes)? {
        Some(picked) => Ok(picked),
        None => legacy(bytes, warnings),
    }
}

/// The text of a file readable without the legacy tier, as [`decode`] gives it
/// (`None`: it needs that tier); a file that is no text at all gives `""` (it fails
/// the same with any tier).
pub(crate) fn unicode_text(bytes: &[u8]) -> Option<Cow<'_, str>> {
    match pick_unicode(bytes) {
        Ok(Some((text, _, _))) => Some(normalize(text)),
        Ok(None) => None,
        Err(_) => Some(Cow::Borrowed("")),
    }
}

/// The bytes decoded when they are Unicode (a BOM, UTF-16 by its NULs, UTF-8 with
/// at most a few damaged bytes); `None` when they are not; an error for no text.
fn pick_unicode(bytes: &[u8]) -> Result<Option<Picked<'_>>, Error> {
    // Byte order marks. UTF-32LE's BOM starts with UTF-16LE's, so it is tested first.
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE, 0, 0]) {
        let (t, bad) = decode_utf32(rest, false);
        return Ok(Some((t.into(), "UTF-32LE", bad)));
    }
    if let Some(rest) = bytes.strip_prefix(&[0, 0, 0xFE, 0xFF]) {
        let (t, bad) = decode_utf32(rest, true);
        return Ok(Some((t.into(), "UTF-32BE", bad)));
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        if enc == UTF_8 {
            if let Ok(s) = std::str::from_utf8(rest) {
                return Ok(Some((Cow::Borrowed(s), enc.name(), 0)));
            }
        }
        let (t, bad) = decode_with(enc, rest);
        return Ok(Some((t.into(), enc.name(), bad)));
    }
    if let Some((kind, described)) = magic_kind(bytes) {
        return Err(err!(Binary, "This is {described}, not an article.").with("kind", kind));
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if let Some(enc) = sniff_utf16(head) {
        let (t, bad) = decode_with(enc, bytes);
        // Binary data with NULs in a regular pattern is not UTF-16 text either.
        let sample = t.chars().take(SNIFF_LEN / 2);
        let (n, controls) = sample.fold((0usize, 0usize), |(n, c), ch| {
            (n + 1, c + usize::from(is_odd_control(ch as u32)))
        });
        if controls > 8 && controls * 10 > n {
            return Err(binary("it is full of control bytes", "control bytes"));
        }
        return Ok(Some((t.into(), enc.name(), bad)));
    }
    check_binary(head)?;
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Some((Cow::Borrowed(s), UTF_8.name(), 0)));
    }
    if mostly_utf8(bytes) {
        let (t, bad) = decode_with(UTF_8, bytes);
        return Ok(Some((t.into(), UTF_8.name(), bad)));
    }
    Ok(None)
}

/// A build without the legacy tier: the file needs it.
#[cfg(not(feature = "legacy"))]
fn legacy(_bytes: &[u8], _warnings: &mut [Warning]) -> Result<Picked<'static>, Error> {
    Err(crate::error::not_ready(crate::tier::Tier::Legacy))
}

/// A legacy encoding: the one `<meta charset>` declares, else chardetng's guess
/// (a warning says it was guessed).
#[cfg(feature = "legacy")]
fn legacy(bytes: &[u8], warnings: &mut Vec<Warning>) -> Result<Picked<'static>, Error> {
    if let Some(enc) = meta_charset(&bytes[..bytes.len().min(META_LEN)]) {
        let (t, bad) = decode_with(enc, bytes);
        return Ok((t.into(), enc.name(), bad));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    if enc != UTF_8 {
        warnings.push(
            Warning::new(
                WarningCode::EncodingGuessed,
                format!(
                    "The file does not say which encoding it uses; it was read as {}, the most likely guess.",
                    enc.name()
                ),
            )
            .with("encoding", enc.name()),
        );
    }
    let (t, bad) = decode_with(enc, bytes);
    Ok((t.into(), enc.name(), bad))
}

/// UTF-8 with a few damaged bytes (a file cut mid-character, a stray byte) is still
/// UTF-8: reading it as a legacy encoding would garble every other character.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut bad, mut multibyte, mut rest) = (0usize, 0usize, bytes);
    let mut cut_short = false;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                multibyte += s.chars().filter(|c| c.len_utf8() > 1).count();
                break;
            }
            Err(e) => {
                let (good, after) = rest.split_at(e.valid_up_to());
                multibyte += std::str::from_utf8(good)
                    .map_or(0, |s| s.chars().filter(|c| c.len_utf8() > 1).count());
                bad += 1;
                cut_short = e.error_len().is_none();
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                rest = after.get(skip..).unwrap_or_default();
            }
        }
        if bad > 64 {
            return false;
        }
    }
    // Only the last character cut in half, or a few bad bytes among much good text.
    (bad == 1 && cut_short) || (bad > 0 && multibyte >= bad * 20)
}

/// Names the kind of file when `bytes` start with a well-known binary signature:
/// the kind (an error param) and how the message describes it.
fn magic_kind(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    const MAGIC: &[(&[u8], &str, &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image", "a PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image", "a JPEG image"),
        (b"GIF87a", "GIF image", "a GIF image"),
        (b"GIF89a", "GIF image", "a GIF image"),
        (b"%PDF-", "PDF document", "a PDF document"),
        (
            b"PK\x03\x04",
            "ZIP archive",
            "a ZIP archive (or a file packed like one, such as .docx or .epub)",
        ),
        (b"PK\x05\x06", "empty ZIP archive", "an empty ZIP archive"),
        (
            b"\x1F\x8B",
            "gzip-compressed file",
            "a gzip-compressed file",
        ),
        (b"\x7FELF", "ELF executable", "a program (ELF executable)"),
        (b"\0asm", "WebAssembly module", "a WebAssembly module"),
    ];
    MAGIC
        .iter()
        .find(|(sig, _, _)| bytes.starts_with(sig))
        .map(|&(_, kind, described)| (kind, described))
}

/// The error for bytes that are no text: `why` for the message, `sign` as its param.
fn binary(why: &str, sign: &'static str) -> Error {
    err!(
        Binary,
        "This looks like a binary file ({why}), not an article."
    )
    .with("kind", "binary file")
    .with("sign", sign)
}

/// Recognizes UTF-16 without a BOM by its NUL bytes: text that is mostly ASCII
/// has a NUL as every high byte, so NULs cluster at odd (LE) or even (BE) offsets.
fn sniff_utf16(head: &[u8]) -> Option<&'static Encoding> {
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // At least a quarter of the code units are ASCII, and NULs on the other side are rare.
    if odd * 4 >= pairs && even * 10 <= odd {
        Some(UTF_16LE)
    } else if even * 4 >= pairs && odd * 10 <= even {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Refuses bytes that cannot be text: NULs, or many control bytes that text never
/// holds (tab, line feed, carriage return, form feed and escape are allowed).
fn check_binary(head: &[u8]) -> Result<(), Error> {
    if head.contains(&0) {
        return Err(binary("it contains NUL bytes", "NUL bytes"));
    }
    let controls = head.iter().filter(|&&b| is_odd_control(b.into())).count();
    // More than 1 in 10 bytes (and more than a few stray ones) is not text.
    if controls > 8 && controls * 10 > head.len() {
        return Err(binary("it is full of control bytes", "control bytes"));
    }
    Ok(())
}

/// A control character that text does not hold: C0 controls and DEL, except tab,
/// line feed, carriage return, form feed and escape (used by ISO-2022-JP).
fn is_odd_control(c: u32) -> bool {
    (c < 0x20 && !matches!(c, 0x09 | 0x0A | 0x0D | 0x0C | 0x1B)) || c == 0x7F
}

/// Finds a `<meta charset=…>` or `<meta http-equiv content="…; charset=…">` label
/// in `head` and resolves it like a browser (UTF-16 labels mean UTF-8 here, since
/// the bytes are ASCII-compatible).
#[cfg(feature = "legacy")]
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos + 5;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        from = end;
        match charset_in_tag(&lower[start..end]) {
            Some(enc) if enc == UTF_16LE || enc == UTF_16BE => return Some(UTF_8),
            Some(enc) if enc == encoding_rs::X_USER_DEFINED => {
                return Some(encoding_rs::WINDOWS_1252)
            }
            // Labels of encodings too dangerous to decode (ISO-2022-KR …) would turn
            // the whole file into one U+FFFD: they are ignored.
            Some(enc) if enc == encoding_rs::REPLACEMENT => {}
            Some(enc) => return Some(enc),
            None => {}
        }
    }
    None
}

/// Reads the label after `charset` (with optional spaces, `=` and quotes) in one tag.
#[cfg(feature = "legacy")]
fn charset_in_tag(tag: &[u8]) -> Option<&'static Encoding> {
    let mut from = 0;
    while let Some(pos) = find(&tag[from..], b"charset") {
        let mut i = from + pos + 7;
        from = i;
        while tag.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if tag.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while tag
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        {
            i += 1;
        }
        let label_end = tag[i..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'/'))
            .map_or(tag.len(), |p| i + p);
        if let Some(enc) = Encoding::for_label(&tag[i..label_end]) {
            return Some(enc);
        }
    }
    None
}

/// Byte-string search (the needles here are short).
#[cfg(feature = "legacy")]
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes with encoding_rs (no BOM sniffing), counting malformed sequences,
/// each of which becomes one U+FFFD.
#[cfg(feature = "legacy")]
fn decode_with(enc: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len());
    let mut out = String::with_capacity(cap);
    let mut bad = 0;
    let mut src = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(src, &mut out, true);
        src = src.get(read..).unwrap_or_default();
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(src.len())
                    .unwrap_or(src.len())
                    .max(16);
                out.reserve(more);
            }
            DecoderResult::Malformed(_, _) => {
                bad += 1;
                out.push('\u{FFFD}');
            }
        }
    }
    (out, bad)
}

/// UTF-8 and UTF-16 without encoding_rs, for the light tier: the same text and
/// counts as its decoders (the WHATWG rules: one U+FFFD per maximal invalid
/// subpart; an unpaired surrogate or a lone last byte is one U+FFFD), which the
/// tests check against encoding_rs.
#[cfg_attr(feature = "legacy", allow(dead_code))]
mod unicode {
    /// One of the Unicode encodings, by its WHATWG name.
    #[derive(Debug, PartialEq, Eq)]
    pub(super) struct Encoding(&'static str);

    pub(super) static UTF_8: &Encoding = &Encoding("UTF-8");
    pub(super) static UTF_16LE: &Encoding = &Encoding("UTF-16LE");
    pub(super) static UTF_16BE: &Encoding = &Encoding("UTF-16BE");

    impl Encoding {
        pub(super) fn name(&self) -> &'static str {
            self.0
        }

        /// The encoding a byte order mark names, and the mark's length.
        pub(super) fn for_bom(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
            if bytes.starts_with(b"\xEF\xBB\xBF") {
                Some((UTF_8, 3))
            } else if bytes.starts_with(b"\xFF\xFE") {
                Some((UTF_16LE, 2))
            } else if bytes.starts_with(b"\xFE\xFF") {
                Some((UTF_16BE, 2))
            } else {
                None
            }
        }
    }

    /// Decodes UTF-8 or UTF-16, counting malformed sequences.
    pub(super) fn decode_with(enc: &Encoding, bytes: &[u8]) -> (String, usize) {
        match enc.0 {
            "UTF-8" => {
                let mut out = String::with_capacity(bytes.len());
                let mut bad = 0;
                for chunk in bytes.utf8_chunks() {
                    out.push_str(chunk.valid());
                    if !chunk.invalid().is_empty() {
                        bad += 1;
                        out.push('\u{FFFD}');
                    }
                }
                (out, bad)
            }
            name => {
                let big = name == "UTF-16BE";
                let units = bytes.chunks_exact(2).map(|p| {
                    let pair = [p[0], p[1]];
                    if big {
                        u16::from_be_bytes(pair)
                    } else {
                        u16::from_le_bytes(pair)
                    }
                });
                let mut out = String::with_capacity(bytes.len());
                let mut bad = 0;
                for c in char::decode_utf16(units) {
                    out.push(c.unwrap_or_else(|_| {
                        bad += 1;
                        '\u{FFFD}'
                    }));
                }
                // A lone last byte is one more U+FFFD, unless a lead surrogate
                // before it is still waiting: the stream's end is one error then.
                let last = bytes.len() / 2 * 2;
                let lead_waits = last >= 2 && {
                    let pair = [bytes[last - 2], bytes[last - 1]];
                    let unit = if big {
                        u16::from_be_bytes(pair)
                    } else {
                        u16::from_le_bytes(pair)
                    };
                    (0xD800..0xDC00).contains(&unit)
                };
                if bytes.len() % 2 == 1 && !lead_waits {
                    bad += 1;
                    out.push('\u{FFFD}');
                }
                (out, bad)
            }
        }
    }
}
#[cfg(not(feature = "legacy"))]
use unicode::decode_with;

/// Decodes UTF-32 by hand (encoding_rs has no UTF-32); invalid code points and a
/// truncated last unit become U+FFFD.
fn decode_utf32(bytes: &[u8], big_endian: bool) -> (String, usize) {
    let mut out = String::with_capacity(bytes.len() / 4);
    let mut bad = 0;
    let chunks = bytes.chunks_exact(4);
    if !chunks.remainder().is_empty() {
        bad += 1;
    }
    for c in chunks {
        let unit = [c[0], c[1], c[2], c[3]];
        let n = if big_endian {
            u32::from_be_bytes(unit)
        } else {
            u32::from_le_bytes(unit)
        };
        match char::from_u32(n) {
            Some(ch) => out.push(ch),
            None => {
                bad += 1;
                out.push('\u{FFFD}');
            }
        }
    }
    if !bytes.len().is_multiple_of(4) {
        out.push('\u{FFFD}');
    }
    (out, bad)
}

/// Turns `\r\n` and lone `\r` into `\n`, and NUL into U+FFFD (NUL is never text);
/// text without either is given back as it is (borrowed text stays borrowed).
fn normalize(text: Cow<'_, str>) -> Cow<'_, str> {
    // Two `memchr` passes (a `char` search) beat one bytewise pass in WebAssembly.
    let first = match (text.find('\r'), text.find('\0')) {
        (None, None) => return text,
        (Some(r), Some(n)) => r.min(n),
        (Some(at), None) | (None, Some(at)) => at,
    };
    let bytes = text.as_bytes();
    let odd = |b: &u8| matches!(b, b'\r' | b'\0');
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    let mut at = first;
    loop {
        // `\r` and NUL are ASCII: every cut is at a character boundary.
        out.push_str(&text[pos..at]);
        if bytes[at] == b'\0' {
            out.push('\u{FFFD}');
            pos = at + 1;
        } else {
            out.push('\n');
            pos = if bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
        }
        match bytes[pos..].iter().position(odd) {
            Some(next) => at = pos + next,
            None => break,
        }
    }
    out.push_str(&text[pos..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn megabytes_are_written_with_one_decimal_as_format_would() {
        for bytes in [
            0,
            1,
            52_428,
            52_429,
            1 << 20,
            41_943_040,
            33_554_433,
            123_456_789,
        ] {
            let float = format!("{:.1}", bytes as f64 / (1024.0 * 1024.0));
            let message = Error::too_large(bytes).to_string();
            let want = format!("This file is {float} MB, larger than the 32 MB Folio can open.");
            assert_eq!(message, want, "{bytes} bytes");
        }
    }

    #[test]
    fn the_light_decoders_give_what_encoding_rs_gives() {
        let cases: [&[u8]; 8] = [
            b"plain",
            b"a\xFFb\xC3",
            b"\xE2\x82x\xF0\x9F\x98\x80\xED\xA0\x80z",
            b"\xC0\xAF\xF8\x88\x80\x80\x80\xF4\x90\x80\x80",
            b"a\x00b\x00\x3D\xD8\x00\xDE",
            b"\x00\xD8a\x00\x00\xDC\x00\xD8\x00\xD8\x00",
            b"\xFF",
            b"",
        ];
        for bytes in cases {
            for (ours, theirs) in [
                (unicode::UTF_8, UTF_8),
                (unicode::UTF_16LE, UTF_16LE),
                (unicode::UTF_16BE, UTF_16BE),
            ] {
                assert_eq!(ours.name(), theirs.name());
                assert_eq!(
                    unicode::decode_with(ours, bytes),
                    decode_with(theirs, bytes),
                    "{} {bytes:?}",
                    ours.name()
                );
            }
        }
        for bom in [&b"\xEF\xBB\xBFx"[..], b"\xFF\xFEx", b"\xFE\xFFx", b"x"] {
            assert_eq!(
                unicode::Encoding::for_bom(bom).map(|(e, n)| (e.name(), n)),
                Encoding::for_bom(bom).map(|(e, n)| (e.name(), n))
            );
        }
    }

    fn ok(bytes: &[u8]) -> Decoded<'_> {
        match decode(bytes) {
            Ok(d) => d,
            Err(e) => panic!("decode failed: {e}"),
        }
    }

    #[test]
    fn utf8_as_it_stands_is_the_bytes_themselves_not_a_copy() {
        let in_place = |bytes: &[u8], from: usize| {
            let d = ok(bytes);
            matches!(d.text, Cow::Borrowed(t) if std::ptr::eq(t.as_ptr(), bytes[from..].as_ptr()))
        };
        assert!(in_place("# 标题\n\nText\n".as_bytes(), 0));
        // A UTF-8 BOM is skipped, the rest still borrowed.
        assert!(in_place(b"\xEF\xBB\xBFText\n", 3));
        // What has to change is a new text: line endings, damaged bytes, other encodings.
        assert!(!in_place(b"a\r\nb", 0));
        assert!(!in_place(b"\xEF\xBB\xBFa\rb", 3));
        assert!(!in_place(b"caf\xE9 \xFF", 0));
        assert!(!in_place(b"\xFF\xFEh\0i\0", 2));
        assert_eq!(ok(b"a\r\nb").text, "a\nb");
    }

    fn fails(bytes: &[u8]) -> Error {
        match decode(bytes) {
            Ok(d) => panic!("expected an error, got {d:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn empty_is_an_error() {
        let e = fails(b"");
        assert_eq!(e.kind(), ErrorKind::Empty);
        assert!(e.to_string().contains("empty"));
    }

    #[test]
    fn too_large_names_the_limit() {
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        let e = fails(&big);
        assert_eq!(e.kind(), ErrorKind::TooLarge);
        assert!(e.to_string().contains("32 MB"), "{e}");
        let size = (MAX_INPUT_BYTES + 1).to_string();
        let limit = MAX_INPUT_BYTES.to_string();
        assert_eq!(e.params(), [("size", size), ("limit", limit)]);
    }

    #[test]
    fn damaged_utf8_stays_utf8_with_a_warning() {
        let mut bytes = "标题：中文的正文内容，足够长的一段文字。"
            .repeat(3)
            .into_bytes();
        bytes.truncate(bytes.len() - 1);
        let d = ok(&bytes);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.starts_with("标题：中文"), "{}", d.text);
        assert!(d.text.ends_with('\u{FFFD}'));
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
        // Legacy text is not "mostly UTF-8".
        let (gbk, _, _) = encoding_rs::GBK.encode("中文的正文内容，足够长的一段文字。");
        assert!(!mostly_utf8(&gbk));
    }

    #[test]
    fn plain_utf8() {
        let d = ok("title: 你好\nbody".as_bytes());
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, "title: 你好\nbody");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let d = ok(b"\xEF\xBB\xBFhi\r\nthere");
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, "hi\nthere");
    }

    #[test]
    fn utf8_bom_with_bad_bytes_warns_with_count() {
        let d = ok(b"\xEF\xBB\xBFa\xFFb\xFEc");
        assert_eq!(d.text, "a\u{FFFD}b\u{FFFD}c");
        assert_eq!(d.warnings.len(), 1);
        assert!(
            d.warnings[0].message.starts_with("2 malformed"),
            "{:?}",
            d.warnings
        );
        assert_eq!(d.warnings[0].code, WarningCode::EncodingDamaged);
        assert_eq!(d.warnings[0].params["count"], "2");
        assert_eq!(d.warnings[0].params["encoding"], "UTF-8");
        assert_eq!(d.warnings[0].line, None);
    }

    #[test]
    fn utf16_boms() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("hé\r\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let d = ok(&le);
        assert_eq!((d.encoding, &*d.text), ("UTF-16LE", "hé\n"));
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("日本".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let d = ok(&be);
        assert_eq!((d.encoding, &*d.text), ("UTF-16BE", "日本"));
    }

    #[test]
    fn utf16_unpaired_surrogate_is_replaced() {
        let d = ok(&[0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0]);
        assert_eq!(d.text, "a\u{FFFD}b");
        assert_eq!(d.warnings.len(), 1);
        assert!(
            d.warnings[0].message.contains("One malformed"),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn utf32_boms_and_bad_code_points() {
        let mut le = vec![0xFF, 0xFE, 0, 0];
        for c in "a€😀".chars() {
            le.extend((c as u32).to_le_bytes());
        }
        let d = ok(&le);
        assert_eq!((d.encoding, &*d.text), ("UTF-32LE", "a€😀"));

        let mut be = vec![0, 0, 0xFE, 0xFF];
        be.extend(0x41u32.to_be_bytes());
        be.extend(0x11_0000u32.to_be_bytes()); // beyond Unicode
        be.extend(0xD800u32.to_be_bytes()); // surrogate
        be.extend([0, 0]); // truncated
        let d = ok(&be);
        assert_eq!(d.encoding, "UTF-32BE");
        assert_eq!(d.text, "A\u{FFFD}\u{FFFD}\u{FFFD}");
        assert!(
            d.warnings[0].message.starts_with("3 malformed"),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn utf16_without_bom() {
        let le: Vec<u8> = "Hello, world\nline two"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = ok(&le);
        assert_eq!(
            (d.encoding, &*d.text),
            ("UTF-16LE", "Hello, world\nline two")
        );
        let be: Vec<u8> = "Bonjour à tous"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let d = ok(&be);
        assert_eq!((d.encoding, &*d.text), ("UTF-16BE", "Bonjour à tous"));
    }

    #[test]
    fn magic_numbers_name_the_kind() {
        let cases: &[(&[u8], &str)] = &[
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG image"),
            (b"\xFF\xD8\xFF\xE0\0\x10JFIF", "JPEG image"),
            (b"GIF89a\x01\0", "GIF image"),
            (b"%PDF-1.7\n", "PDF document"),
            (b"PK\x03\x04\x14\0", "ZIP archive"),
            (b"\x1F\x8B\x08\0", "gzip"),
            (b"\x7FELF\x02\x01", "ELF"),
            (b"\0asm\x01\0\0\0", "WebAssembly"),
        ];
        for (bytes, kind) in cases {
            let e = fails(bytes);
            assert_eq!(e.kind(), ErrorKind::Binary);
            assert!(e.to_string().contains(kind), "{e} should name {kind}");
            assert!(e.to_string().starts_with("This is "), "{e}");
            assert!(e.params()[0].1.contains(kind), "{:?}", e.params());
        }
    }

    #[test]
    fn nul_bytes_are_binary() {
        let e = fails(&[0, 159, 146, 150, 0, 0, 1, 2]);
        assert_eq!(e.kind(), ErrorKind::Binary);
        assert!(e.to_string().contains("NUL"), "{e}");
        let params = [("kind", "binary file".into()), ("sign", "NUL bytes".into())];
        assert_eq!(e.params(), params);
        // A single NUL in otherwise ASCII text too.
        assert_eq!(fails(b"hello\0world, some text").kind(), ErrorKind::Binary);
    }

    #[test]
    fn many_control_bytes_are_binary() {
        let bytes: Vec<u8> = (0..200u8)
            .map(|i| if i % 3 == 0 { 0x02 } else { b'a' })
            .collect();
        let e = fails(&bytes);
        assert_eq!(e.kind(), ErrorKind::Binary);
        assert!(e.to_string().contains("control"), "{e}");
        // Tabs, form feeds and escapes are fine.
        let d = ok(b"a\tb\x0Cc\x1B$Bd\x1B(B\ne");
        assert!(d.text.contains('\t'));
    }

    #[test]
    fn regular_nul_pattern_binary_is_not_utf16() {
        let bytes: Vec<u8> = (0..400u32).flat_map(|i| [(i % 7 + 1) as u8, 0]).collect();
        let e = fails(&bytes);
        assert_eq!(e.kind(), ErrorKind::Binary);
    }

    #[test]
    fn line_endings_and_nul_chars() {
        assert_eq!(normalize("a\r\nb\rc\n\rd\r".into()), "a\nb\nc\n\nd\n");
        assert_eq!(normalize("a\0b".into()), "a\u{FFFD}b");
        assert_eq!(normalize("\r\r\n\0\r".into()), "\n\n\u{FFFD}\n");
        // NUL from UTF-16 text (not refused: UTF-16 is recognized first).
        let mut le = vec![0xFF, 0xFE];
        le.extend("x\0y\r".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(ok(&le).text, "x\u{FFFD}y\n");
    }

    #[test]
    fn meta_charset_is_used_when_not_utf8() {
        // "中文" in GBK.
        let mut html = b"<html><head><meta charset=\"gb2312\"></head><body>".to_vec();
        html.extend([0xD6, 0xD0, 0xCE, 0xC4]);
        let d = ok(&html);
        assert_eq!(d.encoding, "GBK");
        assert!(d.text.contains("中文"));
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);

        let mut html =
            b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=Shift_JIS'>".to_vec();
        html.extend([0x93, 0xFA, 0x96, 0x7B]); // 日本
        let d = ok(&html);
        assert_eq!(d.encoding, "Shift_JIS");
        assert!(d.text.contains("日本"));
    }

    #[test]
    fn meta_charset_utf16_means_utf8_and_unknown_labels_are_ignored() {
        let d = ok(b"<meta charset=utf-16><p>caf\xE9</p>");
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.warnings.len(), 1);
        assert!(meta_charset(b"<meta charset=klingon>").is_none());
        assert!(meta_charset(b"<p>charset=gbk</p>").is_none());
        assert_eq!(
            meta_charset(b"<meta name=x><meta charset = 'big5'>"),
            Some(encoding_rs::BIG5)
        );
    }

    #[test]
    fn declared_gb2312_but_valid_utf8_is_utf8() {
        let html = "<meta charset=\"gb2312\"><p>中文</p>";
        let d = ok(html.as_bytes());
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("中文"));
    }

    #[test]
    fn undeclared_legacy_text_is_guessed_with_a_warning() {
        // GBK bytes with no label anywhere.
        let (gbk, _, _) = encoding_rs::GBK.encode("这是一篇中文的文章，我们在这里写了很多中文字。");
        let d = ok(&gbk);
        assert!(
            d.encoding == "GBK" || d.encoding == "gb18030",
            "{}",
            d.encoding
        );
        assert!(d.text.contains("中文的文章"));
        assert_eq!(d.warnings.len(), 1);
        assert!(
            d.warnings[0].message.contains(d.encoding),
            "{:?}",
            d.warnings
        );
        assert_eq!(d.warnings[0].code, WarningCode::EncodingGuessed);
        assert_eq!(d.warnings[0].params["encoding"], d.encoding);
    }

    #[test]
    fn replacement_labels_are_ignored() {
        assert_eq!(meta_charset(b"<meta charset=iso-2022-kr>"), None);
        assert_eq!(
            meta_charset(b"<meta charset=csiso2022kr><meta charset=gbk>"),
            Some(encoding_rs::GBK)
        );
        let d = ok(b"<meta charset=iso-2022-kr><p>caf\xE9 au lait, s'il vous pla\xEEt</p>");
        assert!(d.text.contains("<p>caf"), "{}", d.text);
        assert_ne!(d.encoding, "replacement");
    }
}
