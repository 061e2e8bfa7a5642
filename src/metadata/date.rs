//! Reads the many ways front matter writes a date and writes it back in the one
//! form of the JSON contract.
//!
//! # Output forms
//! * With a zone: `YYYY-MM-DDTHH:MM:SS±HH:MM`. UTC is always written `+00:00`,
//!   never `Z`, so every zoned date has the same shape and length.
//! * Without a zone: the local `YYYY-MM-DDTHH:MM:SS`.
//! * Only a day: `YYYY-MM-DD`.
//!
//! Fractions of a second are dropped (no article date needs them and the
//! contract's forms have none). Years outside 0–9999 count as unreadable.
//!
//! # Input forms (read here, with no date library: the browser's light tier
//! cannot carry one, and native and browser Articles must be the same)
//! 1. Unix time: a number, or a string of 9–10 digits (seconds) or 12–13
//!    digits (milliseconds); always written in UTC.
//! 2. RFC 3339 / ISO 8601 as Temporal reads it (`2009-02-04T15:53:00Z`, `…+08:00`,
//!    `…+0800`, a space instead of `T`, basic `20090204T155300`, a bare
//!    `1979-05-27`, bracketed annotations such as `[Asia/Shanghai]`).
//! 3. RFC 2822 (`Thu, 21 Apr 2022 09:00:35 GMT`, `… +0800`, obsolete zone names,
//!    two-digit years, a trailing comment).
//! 4. Everything else through a list of `strptime` patterns: `-`, `/` or `.`
//!    between numeric date parts (one or two digits for month and day), English
//!    month names (`Aug 22, 2016`, `15 Nov 2016`), a time with or without
//!    seconds, an optional AM/PM (applied as `hour % 12`, `+ 12` for PM: `22:48 PM`
//!    is 22:48) and an optional offset (`+0800`, `+08:00`, `Z`, `UTC`, `GMT`). A
//!    space in a pattern takes any run of whitespace, numbers may have whitespace
//!    before them, and a weekday must be the date's.

use serde_json::Value;
use std::sync::LazyLock;

/// A calendar day (proleptic Gregorian), valid by construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Date {
    year: i16,
    month: i8,
    day: i8,
}

impl Date {
    /// The day, when it exists (years −9999 to 9999).
    fn new(year: i64, month: i64, day: i64) -> Option<Date> {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            1..=12 => 31,
            _ => return None,
        };
        ((-9999..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year: year as i16,
            month: month as i8,
            day: day as i8,
        })
    }

    /// Days since 1970-01-01.
    fn days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let day_of_year = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The day `days` after 1970-01-01, when it is within the years above.
    fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date::new(year, month, day)
    }

    /// 0 for Sunday … 6 for Saturday.
    fn weekday(self) -> i64 {
        (self.days() + 4).rem_euclid(7)
    }
}

/// A date and a wall-clock time (whole seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateTime {
    date: Date,
    hour: i8,
    minute: i8,
    second: i8,
}

impl DateTime {
    fn new(date: Date, hour: i64, minute: i64, second: i64) -> DateTime {
        DateTime {
            date,
            hour: hour as i8,
            minute: minute as i8,
            second: second as i8,
        }
    }

    /// `secs` seconds after this day's midnight (carried into the days after).
    fn after_midnight(date: Date, secs: i64) -> Option<DateTime> {
        let date = Date::from_days(date.days() + secs.div_euclid(86_400))?;
        let s = secs.rem_euclid(86_400);
        Some(DateTime::new(date, s / 3600, s % 3600 / 60, s % 60))
    }
}

/// A date read from front matter, before it is written in the contract's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Moment {
    /// A date and time with a known UTC offset, in seconds.
    Zoned(DateTime, i32),
    /// A date and time on the author's (unknown) local clock.
    Local(DateTime),
    /// Only a calendar day.
    Day(Date),
}

impl Moment {
    /// Writes the moment in the contract's form (see the module docs).
    pub(crate) fn to_contract(self) -> String {
        fn day(d: Date) -> String {
            format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
        }
        fn local(dt: DateTime) -> String {
            format!(
                "{}T{:02}:{:02}:{:02}",
                day(dt.date),
                dt.hour,
                dt.minute,
                dt.second
            )
        }
        match self {
            Moment::Day(d) => day(d),
            Moment::Local(dt) => local(dt),
            Moment::Zoned(dt, secs) => {
                let sign = if secs < 0 { '-' } else { '+' };
                let abs = secs.unsigned_abs();
                format!(
                    "{}{sign}{:02}:{:02}",
                    local(dt),
                    abs / 3600,
                    abs % 3600 / 60
                )
            }
        }
    }

    fn year(self) -> i16 {
        match self {
            Moment::Zoned(dt, _) | Moment::Local(dt) => dt.date.year,
            Moment::Day(d) => d.year,
        }
    }
}

/// What a front-matter value holding a date turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateValue {
    /// Nothing there (null or blank text).
    Absent,
    /// A readable date, in the contract's form.
    Read(String),
    /// A date with a field out of range (`19:85:35`, day `018`), carried over the
    /// way Hexo's date library does, in the contract's form.
    CarriedOver(String),
    /// Text or a number that is not a date we can read, as written.
    Unreadable(String),
    /// A list, a table or a yes/no value: not a date at all.
    WrongType,
}

/// Reads one front-matter value as a date.
///
/// Besides text and numbers this accepts the `{"$__toml_private_datetime": …}`
/// object that the `toml` crate produces when a TOML datetime is turned into
/// JSON through serde.
pub(crate) fn read_value(v: &Value) -> DateValue {
    match v {
        Value::Null => DateValue::Absent,
        Value::String(s) => {
            let t = s.trim();
            if t.is_empty() {
                DateValue::Absent
            } else {
                match (parse_text(t), carried_over(t)) {
                    (Some(m), _) => DateValue::Read(m.to_contract()),
                    (None, Some(m)) => DateValue::CarriedOver(m.to_contract()),
                    (None, None) => DateValue::Unreadable(t.to_string()),
                }
            }
        }
        Value::Number(n) => {
            let as_int = n.as_i64().or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && f.abs() < 1e15)
                    .map(|f| f as i64)
            });
            as_int
                .and_then(|i| (i >= 0).then(|| unix(&i.to_string())).flatten())
                .map_or_else(
                    || DateValue::Unreadable(n.to_string()),
                    |m| DateValue::Read(m.to_contract()),
                )
        }
        Value::Object(map) if map.len() == 1 => match map.get("$__toml_private_datetime") {
            Some(inner @ Value::String(_)) => read_value(inner),
            _ => DateValue::WrongType,
        },
        _ => DateValue::WrongType,
    }
}

/// `YYYY-MM-DD HH:MM:SS` with an out-of-range minute or second (`19:85:35`) or a
/// zero-padded three-digit day (`2015-08-018`): Hexo's date library carries the
/// excess over (`20:25:35`), so the reader sees the date its generator showed.
/// Month, day and hour must still be plausible; anything wilder stays unreadable.
fn carried_over(s: &str) -> Option<Moment> {
    let (day_part, time_part) = match s.split_once([' ', 'T']) {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let nums = |text: &str, sep: char| -> Option<Vec<i64>> {
        text.split(sep)
            .map(|p| {
                (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| p.parse().ok())
                    .flatten()
            })
            .collect()
    };
    let ymd = nums(day_part, '-').or_else(|| nums(day_part, '/'))?;
    let [y, mo, d] = ymd[..] else { return None };
    let date = Date::new(y, mo, d)?;
    let Some(t) = time_part else {
        return Some(Moment::Day(date));
    };
    let hms = nums(t, ':')?;
    let (h, mi, se) = match hms[..] {
        [h, m] => (h, m, 0),
        [h, m, s] => (h, m, s),
        _ => return None,
    };
    if h > 23 || mi > 99 || se > 99 {
        return None;
    }
    DateTime::after_midnight(date, h * 3600 + mi * 60 + se).map(Moment::Local)
}

/// Parses a date written as text (already trimmed); `None` when it is not one.
pub(crate) fn parse_text(s: &str) -> Option<Moment> {
    let s = s.trim();
    let m = unix(s)
        .or_else(|| temporal(s.as_bytes()))
        .or_else(|| rfc2822(s.as_bytes()))
        .or_else(|| patterns(s))?;
    (0..=9999).contains(&m.year()).then_some(m)
}

/// A date at the start of a file name (`2016-10-08-a-post.md`,
/// `2016-10-08_a-post.md`); `name` may be a path, only its last part counts.
pub(crate) fn from_file_name(name: &str) -> Option<String> {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let (tm, rest) = Broken::read("%Y-%m-%d", last.as_bytes())?;
    // The digits must be the whole date: `2016-10-08-x`, not `2016-10-081x`.
    let used = last.len() - rest.len();
    let ends_well = rest.first().is_none_or(|b| b"-_. ".contains(b));
    let date = tm.date()?;
    (ends_well && used == 10 && (0..=9999).contains(&date.year))
        .then(|| Moment::Day(date).to_contract())
}

/// Unix seconds (9–10 digits) or milliseconds (12–13 digits), in UTC.
fn unix(s: &str) -> Option<Moment> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = s.parse().ok()?;
    let secs = match s.len() {
        9 | 10 => n,
        12 | 13 => n / 1000,
        _ => return None,
    };
    let day = Date::from_days(secs.div_euclid(86_400))?;
    DateTime::after_midnight(day, secs.rem_euclid(86_400)).map(|dt| Moment::Zoned(dt, 0))
}

/// `n` ASCII digits at the start of `s` as a number, and the rest.
fn digits(s: &[u8], n: usize) -> Option<(i64, &[u8])> {
    let head = s.get(..n)?;
    head.iter().all(u8::is_ascii_digit).then(|| {
        let v = head.iter().fold(0, |v, b| v * 10 + i64::from(b - b'0'));
        (v, &s[n..])
    })
}

/// RFC 3339 and the ISO 8601 forms of Temporal's grammar: the whole text must be one.
fn temporal(s: &[u8]) -> Option<Moment> {
    let (year, s) = match s.first()? {
        sign @ (b'+' | b'-') => {
            let (y, rest) = digits(&s[1..], 6)?;
            if y == 0 && *sign == b'-' {
                return None;
            }
            (if *sign == b'-' { -y } else { y }, rest)
        }
        _ => digits(s, 4)?,
    };
    let extended = s.first() == Some(&b'-');
    let sep = |s| date_separator(s, extended);
    let (month, s) = digits(sep(s)?, 2)?;
    let (day, s) = digits(sep(s)?, 2)?;
    let date = Date::new(year, month, day)?;
    let (time, offset, s) = match s.first() {
        Some(b' ' | b'T' | b't') => {
            let (time, s) = iso_time(&s[1..])?;
            let (offset, s) = iso_offset(s)?;
            (Some(time), offset, s)
        }
        _ => (None, None, s),
    };
    if !annotations(s)?.is_empty() {
        return None;
    }
    Some(match (time, offset) {
        (None, _) => Moment::Day(date),
        (Some((h, m, sec)), Some(off)) => Moment::Zoned(DateTime::new(date, h, m, sec), off),
        (Some((h, m, sec)), None) => Moment::Local(DateTime::new(date, h, m, sec)),
    })
}

/// After a date's year or month: `-` in the extended format, nothing in the basic one.
fn date_separator(s: &[u8], extended: bool) -> Option<&[u8]> {
    match (extended, s.first()) {
        (true, Some(b'-')) => Some(&s[1..]),
        (true, _) | (false, Some(b'-')) => None,
        (false, _) => Some(s),
    }
}

/// Whether another two-digit field follows (after `:` in the extended format, at
/// once in the basic one), and the text from it.
fn field_follows(s: &[u8], extended: bool) -> (bool, &[u8]) {
    if extended {
        match s.strip_prefix(b":") {
            Some(rest) => (true, rest),
            None => (false, s),
        }
    } else {
        (digits(s, 2).is_some(), s)
    }
}

/// Leading ASCII whitespace skipped: whether there was any, and the rest.
fn skip_ws(s: &[u8]) -> (bool, &[u8]) {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    (n > 0, &s[n..])
}

/// An hour, minute and second.
type Clock = (i64, i64, i64);

/// `HH[:MM[:SS[.fff]]]` or `HH[MM[SS[.fff]]]` (a leap second 60 read as 59).
fn iso_time(s: &[u8]) -> Option<(Clock, &[u8])> {
    let (h, s) = digits(s, 2)?;
    if h > 23 {
        return None;
    }
    let extended = s.first() == Some(&b':');
    // Whether another field follows, and the text after its separator.
    let next = |s| field_follows(s, extended);
    let (more, s) = next(s);
    if !more {
        return Some(((h, 0, 0), s));
    }
    let (m, s) = digits(s, 2)?;
    if m > 59 {
        return None;
    }
    let (more, s) = next(s);
    if !more {
        return Some(((h, m, 0), s));
    }
    let (sec, s) = digits(s, 2)?;
    if sec > 60 {
        return None;
    }
    let s = fraction(s)?;
    Some(((h, m, sec.min(59)), s))
}

/// Skips `.fff` or `,fff` (1–9 digits) if there.
fn fraction(s: &[u8]) -> Option<&[u8]> {
    match s.first() {
        Some(b'.' | b',') => {
            let n = s[1..]
                .iter()
                .take(9)
                .take_while(|b| b.is_ascii_digit())
                .count();
            (n > 0).then(|| &s[1 + n..])
        }
        _ => Some(s),
    }
}

/// An optional offset after an ISO time: `Z`, or `±HH[[:]MM[[:]SS[.fff]]]`.
fn iso_offset(s: &[u8]) -> Option<(Option<i32>, &[u8])> {
    match s.first() {
        Some(b'Z' | b'z') => Some((Some(0), &s[1..])),
        Some(b'+' | b'-') => {
            let (secs, rest) = numeric_offset(s, Colon::Optional, false, true)?;
            Some((Some(secs), rest))
        }
        _ => Some((None, s)),
    }
}

/// Whether an offset's fields are separated by colons.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Colon {
    Optional,
    Required,
    Absent,
}

/// `±HH[MM[SS]]` with or without colons, as `colon` says; `minute` says whether the
/// minutes must be there; `subsecond` whether seconds may have a fraction. Seconds.
fn numeric_offset(s: &[u8], colon: Colon, minute: bool, subsecond: bool) -> Option<(i32, &[u8])> {
    let sign = match s.first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (h, s) = digits(&s[1..], 2)?;
    if h > 25 {
        return None;
    }
    let extended = match colon {
        Colon::Optional => s.first() == Some(&b':'),
        Colon::Required if !s.is_empty() && s[0] != b':' => return None,
        Colon::Required => true,
        Colon::Absent if s.first() == Some(&b':') => return None,
        Colon::Absent => false,
    };
    let next = |s| field_follows(s, extended);
    let (more, s) = next(s);
    if !more {
        return (!minute).then_some((sign * (h as i32) * 3600, s));
    }
    let (m, s) = digits(s, 2)?;
    if m > 59 {
        return None;
    }
    let (more, s) = next(s);
    if !more {
        return Some((sign * (h as i32 * 3600 + m as i32 * 60), s));
    }
    let (sec, s) = digits(s, 2)?;
    if sec > 59 {
        return None;
    }
    let s = if subsecond {
        fraction(s)?
    } else if matches!(s.first(), Some(b'.' | b',')) {
        return None;
    } else {
        s
    };
    Some((sign * (h as i32 * 3600 + m as i32 * 60 + sec as i32), s))
}

/// Skips RFC 9557 annotations (`[Asia/Shanghai]`, `[+08:00]`, `[u-ca=iso8601]`,
/// each maybe `!`-marked); gives what follows them (`None` if one is malformed).
fn annotations(mut s: &[u8]) -> Option<&[u8]> {
    let mut first = true;
    while let Some(rest) = s.strip_prefix(b"[") {
        let end = rest.iter().position(|&b| b == b']')?;
        let inner = rest[..end].strip_prefix(b"!").unwrap_or(&rest[..end]);
        let ok = if let Some(eq) = inner.iter().position(|&b| b == b'=') {
            let (key, value) = (&inner[..eq], &inner[eq + 1..]);
            key.first()
                .is_some_and(|b| b.is_ascii_lowercase() || *b == b'_')
                && key.iter().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'-')
                })
                && !value.is_empty()
                && value
                    .split(|&b| b == b'-')
                    .all(|part| !part.is_empty() && part.iter().all(u8::is_ascii_alphanumeric))
        } else if !first {
            false
        } else if matches!(inner.first(), Some(b'+' | b'-')) {
            numeric_offset(inner, Colon::Optional, false, false).is_some_and(|(_, r)| r.is_empty())
        } else {
            !inner.is_empty()
                && inner.split(|&b| b == b'/').all(|part| {
                    part.first()
                        .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'_' | b'.'))
                        && part.iter().all(|b| {
                            b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'+' | b'-')
                        })
                })
        };
        if !ok {
            return None;
        }
        first = false;
        s = &rest[end + 1..];
    }
    Some(s)
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// The index of the name among `names` whose first three letters start `s`
/// (ASCII case ignored).
fn abbreviation(s: &[u8], names: &[&str]) -> Option<usize> {
    let head = s.get(..3)?;
    names
        .iter()
        .position(|n| n.as_bytes()[..3].eq_ignore_ascii_case(head))
}

/// RFC 2822 (with its obsolete forms): the whole text must be one.
fn rfc2822(s: &[u8]) -> Option<Moment> {
    let ws = skip_ws;
    let need_ws = |s| match skip_ws(s) {
        (true, rest) => Some(rest),
        (false, _) => None,
    };
    let (_, s) = ws(s);
    let (weekday, s) = if s.first()?.is_ascii_digit() {
        (None, s)
    } else {
        if s.len() < 4 {
            return None;
        }
        let wd = abbreviation(s, &WEEKDAYS)?;
        let (_, s) = ws(&s[3..]);
        let s = s.strip_prefix(b",")?;
        (Some(wd as i64), ws(s).1)
    };
    let n = if s.get(1).is_some_and(u8::is_ascii_digit) {
        2
    } else {
        1
    };
    let (day, s) = digits(s, n)?;
    let s = need_ws(s)?;
    if s.len() < 3 {
        return None;
    }
    let month = abbreviation(s, &MONTHS)? as i64 + 1;
    let s = need_ws(&s[3..])?;
    let n = s.iter().take(4).take_while(|b| b.is_ascii_digit()).count();
    if n <= 1 {
        return None;
    }
    let (year, s) = digits(s, n)?;
    let year = match n {
        2 if year <= 49 => year + 2000,
        2 | 3 => year + 1900,
        _ => year,
    };
    let s = need_ws(s)?;
    let (hour, s) = digits(s, 2)?;
    let s = ws(s).1.strip_prefix(b":")?;
    let (minute, s) = digits(ws(s).1, 2)?;
    if hour > 23 || minute > 59 {
        return None;
    }
    let (spaced, s) = ws(s);
    let (second, s) = match s.strip_prefix(b":") {
        None if !spaced => return None,
        None => (0, s),
        Some(rest) => {
            let (sec, rest) = digits(ws(rest).1, 2)?;
            if sec > 60 {
                return None;
            }
            (sec.min(59), need_ws(rest)?)
        }
    };
    let date = Date::new(year, month, day)?;
    if weekday.is_some_and(|wd| wd != date.weekday()) {
        return None;
    }
    let (offset, s) = match s.first()? {
        b'+' | b'-' => {
            let sign = if s[0] == b'-' { -1 } else { 1 };
            let (hh, _) = digits(&s[1..], 2)?;
            let (mm, rest) = digits(&s[3..], 2)?;
            if hh > 25 || mm > 59 {
                return None;
            }
            (sign * (hh as i32 * 3600 + mm as i32 * 60), rest)
        }
        _ => {
            let len = s
                .iter()
                .take(5)
                .take_while(|b| !b.is_ascii_whitespace())
                .count();
            let name = s[..len].to_ascii_lowercase();
            let hours = match name.as_slice() {
                b"ut" | b"gmt" | b"z" => 0,
                b"est" | b"cdt" => -5,
                b"edt" => -4,
                b"cst" | b"mdt" => -6,
                b"mst" | b"pdt" => -7,
                b"pst" => -8,
                [b'a'..=b'i' | b'k'..=b'z'] => 0,
                n if n.len() >= 3 && n.iter().all(u8::is_ascii_lowercase) => 0,
                _ => return None,
            };
            (hours * 3600, &s[len..])
        }
    };
    let s = ws(s).1;
    if !s.is_empty() && !comment(s)? {
        return None;
    }
    let dt = DateTime::new(date, hour, minute, second);
    Some(Moment::Zoned(dt, offset))
}

/// Whether `s` is one parenthesized comment (nested, with `\` escapes) and
/// whitespace after it; `None` if it opens one that does not close.
fn comment(s: &[u8]) -> Option<bool> {
    let Some(mut rest) = s.strip_prefix(b"(") else {
        return Some(false);
    };
    let (mut depth, mut escape) = (1u32, false);
    while depth > 0 {
        let (&b, tail) = rest.split_first()?;
        rest = tail;
        if escape {
            escape = false;
        } else if b == b'\\' {
            escape = true;
        } else if b == b')' {
            depth -= 1;
        } else if b == b'(' {
            depth += 1;
        }
    }
    Some(rest.iter().all(u8::is_ascii_whitespace))
}

/// Every `strptime` pattern tried, most specific first within each date form, and how
/// many come first that read no month's name (`%b`, `%B`): all the numeric ones, the
/// only ones a text without letters can be. (Asking each of ~1 400 patterns on every
/// date read was 3 % of an archive's index render.)
static PATTERNS: LazyLock<(Vec<String>, usize)> = LazyLock::new(|| {
    // Chinese and Japanese `2016年10月14日`, Korean `2016년 10월 14일`.
    let numeric = [
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%Y.%m.%d",
        "%Y年%m月%d日",
        "%Y년 %m월 %d일",
    ];
    let named = [
        "%b %d, %Y",
        "%B %d, %Y",
        "%b %d %Y",
        "%B %d %Y",
        "%d %b %Y",
        "%d %B %Y",
        "%d %b, %Y",
        "%d %B, %Y",
    ];
    let times = ["%H:%M:%S%.f", "%H:%M"];
    let meridiems = [" %p", ""];
    let zones = [" %z", " %:z", " Z", " UTC", " GMT", ""];
    let mut out = Vec::new();
    // Named-month dates may start with a weekday (`Fri, Aug 11, 2017`), which
    // must be the date's, and may put `at` before the time.
    let with_weekday: Vec<String> = named
        .iter()
        .flat_map(|d| [(*d).to_string(), format!("%a, {d}"), format!("%A, {d}")])
        .collect();
    let dates = numeric
        .iter()
        .flat_map(|d| [(d.to_string(), " "), (d.to_string(), "T")])
        .chain(
            with_weekday
                .iter()
                .flat_map(|d| [(d.clone(), " "), (d.clone(), " at ")]),
        );
    for (date, sep) in dates {
        for time in times {
            for mer in meridiems {
                for zone in zones {
                    out.push(format!("{date}{sep}{time}{mer}{zone}"));
                }
            }
        }
        if sep == " " {
            out.push(date);
        }
    }
    let numeric = out
        .iter()
        .take_while(|p| !p.contains("%b") && !p.contains("%B"))
        .count();
    (out, numeric)
});

/// Tries each of [`PATTERNS`] in turn.
fn patterns(s: &str) -> Option<Moment> {
    // Bail out early on text that cannot be a date (no digit, or far longer
    // than any date form), so prose costs nothing.
    if s.len() > 64 || !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let has_month_name = s.bytes().filter(u8::is_ascii_alphabetic).count() >= 3;
    let (all, numeric) = &*PATTERNS;
    let tried = if has_month_name {
        &all[..]
    } else {
        &all[..*numeric]
    };
    tried.iter().find_map(|pat| {
        let (tm, rest) = Broken::read(pat, s.as_bytes())?;
        if !rest.is_empty() {
            return None;
        }
        let date = tm.date()?;
        let Some(hour) = tm.hour else {
            return Some(Moment::Day(date));
        };
        let dt = DateTime::new(date, hour, tm.minute.unwrap_or(0), tm.second.unwrap_or(0));
        let utc = pat.ends_with(" Z") || pat.ends_with(" UTC") || pat.ends_with(" GMT");
        Some(match tm.offset {
            Some(off) => Moment::Zoned(dt, off),
            None if utc => Moment::Zoned(dt, 0),
            None => Moment::Local(dt),
        })
    })
}

/// The fields a `strptime` pattern read.
#[derive(Default)]
struct Broken {
    year: Option<i64>,
    month: Option<i64>,
    day: Option<i64>,
    weekday: Option<i64>,
    hour: Option<i64>,
    minute: Option<i64>,
    second: Option<i64>,
    offset: Option<i32>,
}

impl Broken {
    /// Reads `s` by `pattern` (the directives of [`PATTERNS`] only); the fields
    /// and the text after what the pattern took.
    fn read<'s>(pattern: &str, mut s: &'s [u8]) -> Option<(Broken, &'s [u8])> {
        let mut tm = Broken::default();
        let mut fmt = pattern.as_bytes();
        while let Some((&f, rest)) = fmt.split_first() {
            fmt = rest;
            if f != b'%' {
                if f.is_ascii_whitespace() {
                    s = &s[s.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
                } else {
                    s = s.strip_prefix(&[f])?;
                }
                continue;
            }
            let (&d, rest) = fmt.split_first()?;
            fmt = rest;
            match d {
                b'Y' => {
                    let (sign, rest) = match s.first() {
                        Some(b'-') => (-1, &s[1..]),
                        Some(b'+') => (1, &s[1..]),
                        _ => (1, s),
                    };
                    let (y, rest) = number(rest, 4)?;
                    tm.year = Some(sign * y);
                    s = rest;
                }
                b'm' => (tm.month, s) = bounded(s, 1, 12)?,
                b'd' => (tm.day, s) = bounded(s, 1, 31)?,
                b'H' => {
                    let (h, rest) = bounded(s, 0, 23)?;
                    tm.hour = h;
                    s = rest;
                }
                b'M' => (tm.minute, s) = bounded(s, 0, 59)?,
                b'S' => {
                    let (sec, rest) = number(s, 2)?;
                    tm.second = Some(if sec == 60 { 59 } else { sec });
                    if sec > 60 {
                        return None;
                    }
                    s = rest;
                }
                b'.' => {
                    // `%.f`: an optional fraction of a second.
                    fmt = fmt.strip_prefix(b"f")?;
                    if let Some(rest) = s.strip_prefix(b".") {
                        let n = rest
                            .iter()
                            .take(9)
                            .take_while(|b| b.is_ascii_digit())
                            .count();
                        if n == 0 {
                            return None;
                        }
                        s = &rest[n..];
                    }
                }
                b'p' => {
                    let pm = match s.get(..2)?.to_ascii_lowercase().as_slice() {
                        b"am" => false,
                        b"pm" => true,
                        _ => return None,
                    };
                    tm.hour = tm.hour.map(|h| h % 12 + if pm { 12 } else { 0 });
                    s = &s[2..];
                }
                b'z' => {
                    let (off, rest) = numeric_offset(s, Colon::Absent, true, false)?;
                    tm.offset = Some(off);
                    s = rest;
                }
                b':' => {
                    fmt = fmt.strip_prefix(b"z")?;
                    let (off, rest) = numeric_offset(s, Colon::Required, true, false)?;
                    tm.offset = Some(off);
                    s = rest;
                }
                b'b' => {
                    tm.month = Some(abbreviation(s, &MONTHS)? as i64 + 1);
                    s = &s[3..];
                }
                b'B' => {
                    let (i, len) = full_name(s, &MONTHS)?;
                    tm.month = Some(i as i64 + 1);
                    s = &s[len..];
                }
                b'a' => {
                    tm.weekday = Some(abbreviation(s, &WEEKDAYS)? as i64);
                    s = &s[3..];
                }
                b'A' => {
                    let (i, len) = full_name(s, &WEEKDAYS)?;
                    tm.weekday = Some(i as i64);
                    s = &s[len..];
                }
                _ => return None,
            }
        }
        Some((tm, s))
    }

    /// The date the fields name (a weekday, if read, must be the date's).
    fn date(&self) -> Option<Date> {
        let date = Date::new(self.year?, self.month?, self.day?)?;
        (self.weekday.is_none_or(|wd| wd == date.weekday())).then_some(date)
    }
}

/// A number of at most `width` digits after optional whitespace.
fn number(s: &[u8], width: usize) -> Option<(i64, &[u8])> {
    let s = &s[s.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
    let n = s
        .iter()
        .take(width)
        .take_while(|b| b.is_ascii_digit())
        .count();
    if n == 0 {
        return None;
    }
    digits(s, n)
}

/// [`number`] of at most two digits, within `lo..=hi`.
fn bounded(s: &[u8], lo: i64, hi: i64) -> Option<(Option<i64>, &[u8])> {
    let (v, rest) = number(s, 2)?;
    (lo..=hi).contains(&v).then_some((Some(v), rest))
}

/// The first of `names` that starts `s` in full (ASCII case ignored): its index
/// and length.
fn full_name(s: &[u8], names: &[&str]) -> Option<(usize, usize)> {
    names.iter().enumerate().find_map(|(i, n)| {
        let head = s.get(..n.len())?;
        head.eq_ignore_ascii_case(n.as_bytes())
            .then_some((i, n.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_text_without_a_month_name_is_tried_against_every_pattern_that_could_read_it() {
        // `patterns` stops at the first pattern with a month's name when the text has
        // none: every one after it must have one too.
        let (all, numeric) = &*PATTERNS;
        assert!(
            *numeric > 200 && *numeric < all.len(),
            "{numeric} of {}",
            all.len()
        );
        assert!(all[*numeric..]
            .iter()
            .all(|p| p.contains("%b") || p.contains("%B")));
        assert_eq!(
            parse_text("2016-10-14 07:17").map(|m| m.to_contract()),
            Some("2016-10-14T07:17:00".into())
        );
    }

    fn p(s: &str) -> Option<String> {
        parse_text(s).map(Moment::to_contract)
    }

    /// Cases this reader was checked on against the date library it replaced (jiff
    /// 1.0: 160 000 generated and mutated inputs, not one difference): the input,
    /// what `read_value` makes of it, and the date `from_file_name` finds in
    /// `{input}-x.md`.
    #[test]
    fn the_cases_jiff_read_are_read_the_same() {
        let mut read = 0;
        for line in include_str!("date_cases.jsonl").lines() {
            let (input, expected, file): (String, String, String) =
                serde_json::from_str(line).expect("a case is [input, value, file date]");
            let got = match read_value(&Value::String(input.clone())) {
                DateValue::Read(x) => format!("read {x}"),
                DateValue::CarriedOver(x) => format!("carried {x}"),
                DateValue::Unreadable(_) => "unreadable".into(),
                DateValue::Absent => "absent".into(),
                DateValue::WrongType => "wrong".into(),
            };
            read += usize::from(got.starts_with("read"));
            assert_eq!(got, expected, "{input:?}");
            let name = format!("{input}-x.md");
            assert_eq!(from_file_name(&name).unwrap_or_default(), file, "{input:?}");
        }
        assert!(read > 500, "only {read} cases are dates");
    }

    #[test]
    fn rfc2822_forms() {
        assert_eq!(
            p("Thu, 21 Apr 2022 09:00:35 GMT").as_deref(),
            Some("2022-04-21T09:00:35+00:00")
        );
        assert_eq!(
            p("Thu, 14 Oct 2021 13:51:12 +0800").as_deref(),
            Some("2021-10-14T13:51:12+08:00")
        );
    }

    #[test]
    fn rfc3339_and_iso_forms() {
        assert_eq!(
            p("2009-02-04T15:53:00Z").as_deref(),
            Some("2009-02-04T15:53:00+00:00")
        );
        assert_eq!(
            p("2009-02-04T15:53:00+00:00").as_deref(),
            Some("2009-02-04T15:53:00+00:00")
        );
        assert_eq!(
            p("2011-08-30T16:01:23+08:00").as_deref(),
            Some("2011-08-30T16:01:23+08:00")
        );
        assert_eq!(
            p("2011-08-30T16:01:23+0800").as_deref(),
            Some("2011-08-30T16:01:23+08:00")
        );
        assert_eq!(
            p("2023-03-15T11:00:00-07:00").as_deref(),
            Some("2023-03-15T11:00:00-07:00")
        );
        assert_eq!(
            p("2021-03-21T16:45:49.250").as_deref(),
            Some("2021-03-21T16:45:49")
        );
        assert_eq!(p("1979-05-27").as_deref(), Some("1979-05-27"));
        assert_eq!(
            p("2010-01-10 13:07:09 +00:00").as_deref(),
            Some("2010-01-10T13:07:09+00:00")
        );
    }

    #[test]
    fn offsets_without_colon() {
        assert_eq!(
            p("2014-04-05 14:28:54 +0800").as_deref(),
            Some("2014-04-05T14:28:54+08:00")
        );
        assert_eq!(
            p("2014-11-05 10:48:22 -0800").as_deref(),
            Some("2014-11-05T10:48:22-08:00")
        );
        assert_eq!(
            p("2014-03-27 22:43:48 -0400").as_deref(),
            Some("2014-03-27T22:43:48-04:00")
        );
    }

    #[test]
    fn local_datetimes() {
        assert_eq!(
            p("2021-03-21 16:45:49").as_deref(),
            Some("2021-03-21T16:45:49")
        );
        assert_eq!(
            p("2016-1-11 19:47:23").as_deref(),
            Some("2016-01-11T19:47:23")
        );
        assert_eq!(
            p("2016-9-6 14:00:02").as_deref(),
            Some("2016-09-06T14:00:02")
        );
        assert_eq!(
            p("2015/3/21 15:03:24  ").as_deref(),
            Some("2015-03-21T15:03:24")
        );
        assert_eq!(p("2015/3/21 15:03").as_deref(), Some("2015-03-21T15:03:00"));
        assert_eq!(
            p("2019-03-10 10:00 UTC").as_deref(),
            Some("2019-03-10T10:00:00+00:00")
        );
    }

    #[test]
    fn date_only() {
        assert_eq!(p("2015/11/06").as_deref(), Some("2015-11-06"));
        assert_eq!(p("2017-4-7").as_deref(), Some("2017-04-07"));
        assert_eq!(p("Aug 22, 2016").as_deref(), Some("2016-08-22"));
        assert_eq!(p("August 22, 2016").as_deref(), Some("2016-08-22"));
        assert_eq!(p("Monday, August 22, 2016").as_deref(), Some("2016-08-22"));
    }

    #[test]
    fn weekday_and_at() {
        assert_eq!(
            p("Fri, Aug 11, 2017 at 9:17 PM").as_deref(),
            Some("2017-08-11T21:17:00")
        );
        assert_eq!(
            p("Mon, 17 Dec 2018 at 15:47").as_deref(),
            Some("2018-12-17T15:47:00")
        );
        // A weekday that does not match the date is not trusted.
        assert_eq!(p("Sat, Aug 11, 2017 at 9:17 PM"), None);
    }

    #[test]
    fn am_pm() {
        assert_eq!(
            p("Aug 22, 2016 10:45 AM").as_deref(),
            Some("2016-08-22T10:45:00")
        );
        assert_eq!(
            p("15 Nov 2016 2:01 AM").as_deref(),
            Some("2016-11-15T02:01:00")
        );
        assert_eq!(
            p("2015-12-13 8:51 PM").as_deref(),
            Some("2015-12-13T20:51:00")
        );
        assert_eq!(
            p("2016-04-22 10:48:22 PM").as_deref(),
            Some("2016-04-22T22:48:22")
        );
        assert_eq!(
            p("2016-04-22 22:48:22 PM").as_deref(),
            Some("2016-04-22T22:48:22")
        );
        assert_eq!(
            p("2016-04-22 12:05:00 AM").as_deref(),
            Some("2016-04-22T00:05:00")
        );
    }

    #[test]
    fn unix_times() {
        assert_eq!(
            p("1650531635").as_deref(),
            Some("2022-04-21T09:00:35+00:00")
        );
        assert_eq!(
            p("1650531635000").as_deref(),
            Some("2022-04-21T09:00:35+00:00")
        );
        assert_eq!(p("999999999").as_deref(), Some("2001-09-09T01:46:39+00:00"));
        assert_eq!(
            read_value(&json!(1650531635)),
            DateValue::Read("2022-04-21T09:00:35+00:00".into())
        );
        assert_eq!(
            read_value(&json!(1650531635123_i64)),
            DateValue::Read("2022-04-21T09:00:35+00:00".into())
        );
        assert_eq!(
            read_value(&json!(1650531635.0)),
            DateValue::Read("2022-04-21T09:00:35+00:00".into())
        );
        // Wrong digit counts are not Unix times.
        assert_eq!(p("12345"), None);
        assert_eq!(p("12345678901"), None);
        assert_eq!(
            read_value(&json!(2016)),
            DateValue::Unreadable("2016".into())
        );
        assert_eq!(read_value(&json!(-5)), DateValue::Unreadable("-5".into()));
    }

    #[test]
    fn unreadable_dates() {
        for s in [
            "undefine",
            "2015-08-018 23:22:44",
            "2014-03-23 19:85:35",
            "2015-02-30",
            "{{date}}",
            "yesterday 10:00",
            "",
        ] {
            assert_eq!(p(s), None, "{s}");
        }
        assert_eq!(
            read_value(&json!("undefine")),
            DateValue::Unreadable("undefine".into())
        );
        assert_eq!(read_value(&json!("  ")), DateValue::Absent);
        assert_eq!(read_value(&json!(null)), DateValue::Absent);
        assert_eq!(read_value(&json!([1, 2])), DateValue::WrongType);
        assert_eq!(read_value(&json!({"a": 1})), DateValue::WrongType);
        assert_eq!(read_value(&json!(true)), DateValue::WrongType);
    }

    #[test]
    fn toml_datetime_object() {
        assert_eq!(
            read_value(&json!({"$__toml_private_datetime": "1979-05-27T07:32:00Z"})),
            DateValue::Read("1979-05-27T07:32:00+00:00".into())
        );
    }

    #[test]
    fn odd_text_never_panics() {
        for s in [
            "é",
            "２０１６-01-01",
            "2016-01-01 ééé",
            "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂",
            "-0001-01-01",
        ] {
            let _ = p(s);
            let _ = from_file_name(s);
        }
    }

    #[test]
    fn out_of_range_fields_carry_over_like_hexo() {
        assert_eq!(
            read_value(&json!("2014-03-23 19:85:35")),
            DateValue::CarriedOver("2014-03-23T20:25:35".into())
        );
        assert_eq!(
            read_value(&json!("2015-08-018 23:22:44")),
            DateValue::CarriedOver("2015-08-18T23:22:44".into())
        );
        for wild in [
            "2014-13-23 10:00:00",
            "2014-03-23 25:00:00",
            "2014-03-23 10:100:00",
            "undefine",
            "2014-02-30 10:00",
        ] {
            assert_eq!(
                read_value(&json!(wild)),
                DateValue::Unreadable(wild.into()),
                "{wild}"
            );
        }
    }

    #[test]
    fn file_names() {
        assert_eq!(
            from_file_name("2016-10-08-a-post.md").as_deref(),
            Some("2016-10-08")
        );
        assert_eq!(
            from_file_name("_posts/2016-10-08_a-post-with-dates.md").as_deref(),
            Some("2016-10-08")
        );
        assert_eq!(
            from_file_name("C:\\blog\\2014-11-06-jekyll.md").as_deref(),
            Some("2014-11-06")
        );
        assert_eq!(
            from_file_name("2014-11-06.md").as_deref(),
            Some("2014-11-06")
        );
        assert_eq!(from_file_name("post.md"), None);
        assert_eq!(from_file_name("2016-13-08-bad.md"), None);
        assert_eq!(from_file_name("2016-1-8-short.md"), None);
        assert_eq!(from_file_name("2016-10-081x.md"), None);
        assert_eq!(from_file_name("2016-10-08/post.md"), None);
    }
}
