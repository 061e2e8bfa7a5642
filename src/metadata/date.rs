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
//! # Input forms (all parsing is done by jiff)
//! 1. Unix time: a number, or a string of 9–10 digits (seconds) or 12–13
//!    digits (milliseconds); always written in UTC.
//! 2. RFC 3339 / ISO 8601 (`2009-02-04T15:53:00Z`, `…+08:00`, `…+0800`, a space
//!    instead of `T`, a bare `1979-05-27`), through jiff's Temporal parser.
//! 3. RFC 2822 (`Thu, 21 Apr 2022 09:00:35 GMT`, `… +0800`).
//! 4. Everything else through a list of `strptime` patterns: `-`, `/` or `.`
//!    between numeric date parts (one or two digits for month and day), English
//!    month names (`Aug 22, 2016`, `15 Nov 2016`), a time with or without
//!    seconds, an optional AM/PM (a 24-hour hour with PM stays as is:
//!    `22:48 PM` is 22:48) and an optional offset (`+0800`, `+08:00`, `Z`,
//!    `UTC`, `GMT`).

use jiff::civil::{Date, DateTime};
use jiff::fmt::{rfc2822, strtime, temporal::Pieces};
use jiff::tz::Offset;
use jiff::Timestamp;
use serde_json::Value;
use std::sync::LazyLock;

/// A date read from front matter, before it is written in the contract's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Moment {
    /// A date and time with a known UTC offset.
    Zoned(DateTime, Offset),
    /// A date and time on the author's (unknown) local clock.
    Local(DateTime),
    /// Only a calendar day.
    Day(Date),
}

impl Moment {
    /// Writes the moment in the contract's form (see the module docs).
    pub(crate) fn to_contract(self) -> String {
        fn day(d: Date) -> String {
            format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
        }
        fn local(dt: DateTime) -> String {
            format!(
                "{}T{:02}:{:02}:{:02}",
                day(dt.date()),
                dt.hour(),
                dt.minute(),
                dt.second()
            )
        }
        match self {
            Moment::Day(d) => day(d),
            Moment::Local(dt) => local(dt),
            Moment::Zoned(dt, off) => {
                let secs = off.seconds();
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
            Moment::Zoned(dt, _) | Moment::Local(dt) => dt.year(),
            Moment::Day(d) => d.year(),
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
    let date = Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(mo).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()?;
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
    let secs = h * 3600 + mi * 60 + se;
    let dt = date
        .to_datetime(jiff::civil::Time::midnight())
        .checked_add(jiff::SignedDuration::from_secs(secs))
        .ok()?;
    Some(Moment::Local(dt))
}

/// Parses a date written as text (already trimmed); `None` when it is not one.
pub(crate) fn parse_text(s: &str) -> Option<Moment> {
    let s = s.trim();
    let m = unix(s)
        .or_else(|| temporal(s))
        .or_else(|| {
            rfc2822::parse(s)
                .ok()
                .map(|z| Moment::Zoned(z.datetime(), z.offset()))
        })
        .or_else(|| patterns(s))?;
    (0..=9999).contains(&m.year()).then_some(m)
}

/// A date at the start of a file name (`2016-10-08-a-post.md`,
/// `2016-10-08_a-post.md`); `name` may be a path, only its last part counts.
pub(crate) fn from_file_name(name: &str) -> Option<String> {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let (tm, used) = strtime::BrokenDownTime::parse_prefix("%Y-%m-%d", last).ok()?;
    // The digits must be the whole date: `2016-10-08-x`, not `2016-10-081x`.
    let rest = last.get(used..)?;
    let ends_well = rest.is_empty() || rest.starts_with(['-', '_', '.', ' ']);
    let date = tm.to_date().ok()?;
    (ends_well && used == 10 && (0..=9999).contains(&date.year()))
        .then(|| Moment::Day(date).to_contract())
}

/// Unix seconds (9–10 digits) or milliseconds (12–13 digits), in UTC.
fn unix(s: &str) -> Option<Moment> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = s.parse().ok()?;
    let ts = match s.len() {
        9 | 10 => Timestamp::from_second(n).ok()?,
        12 | 13 => Timestamp::from_millisecond(n).ok()?,
        _ => return None,
    };
    Some(Moment::Zoned(Offset::UTC.to_datetime(ts), Offset::UTC))
}

/// RFC 3339 and the ISO 8601 forms jiff's Temporal parser reads.
fn temporal(s: &str) -> Option<Moment> {
    let p = Pieces::parse(s).ok()?;
    let date = p.date();
    Some(match (p.time(), p.to_numeric_offset()) {
        (None, _) => Moment::Day(date),
        (Some(t), Some(off)) => Moment::Zoned(DateTime::from_parts(date, t), off),
        (Some(t), None) => Moment::Local(DateTime::from_parts(date, t)),
    })
}

/// Every `strptime` pattern tried, most specific first within each date form.
static PATTERNS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let numeric = ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"];
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
    // jiff checks against the date, and may put `at` before the time.
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
    out
});

/// Tries each of [`PATTERNS`] in turn.
fn patterns(s: &str) -> Option<Moment> {
    // Bail out early on text that cannot be a date (no digit, or far longer
    // than any date form), so prose costs nothing.
    if s.len() > 64 || !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let has_month_name = s.bytes().filter(u8::is_ascii_alphabetic).count() >= 3;
    PATTERNS.iter().find_map(|pat| {
        if !has_month_name && (pat.contains("%b") || pat.contains("%B")) {
            return None;
        }
        let tm = strtime::parse(pat, s).ok()?;
        if tm.hour().is_none() {
            return tm.to_date().ok().map(Moment::Day);
        }
        let dt = tm.to_datetime().ok()?;
        let utc = pat.ends_with(" Z") || pat.ends_with(" UTC") || pat.ends_with(" GMT");
        Some(match tm.offset() {
            Some(off) => Moment::Zoned(dt, off),
            None if utc => Moment::Zoned(dt, Offset::UTC),
            None => Moment::Local(dt),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn p(s: &str) -> Option<String> {
        parse_text(s).map(Moment::to_contract)
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
