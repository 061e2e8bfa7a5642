// Article dates for the reader: localized with Intl.DateTimeFormat.
//
// - A zoned value (RFC 3339 with Z or an offset, or an RFC 2822 date with a zone)
//   is an instant: it is shown in the reader's own time zone.
// - A zone-less `YYYY-MM-DDTHH:MM[:SS]` or `YYYY-MM-DD` is shown exactly as written
//   (formatted in UTC from its own fields, so nothing shifts).
// - Anything else is shown as the text it is, with no machine-readable datetime.

/**
 * @typedef {object} ShownDate
 * @property {string} text             What the reader sees.
 * @property {string | null} datetime  A valid `<time datetime>` value, or null.
 */

const ZONED = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const RFC2822 = /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s+(?:GMT|UTC|UT|Z|[+-]\d{4})$/;

/**
 * The three ways a date is shown: an instant in the reader's zone, a zone-less
 * date-time as written, a day.
 * @type {Record<'zoned' | 'utc' | 'day', Intl.DateTimeFormatOptions>}
 */
const STYLES = {
  zoned: { dateStyle: 'long', timeStyle: 'short' },
  utc: { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' },
  day: { dateStyle: 'long', timeZone: 'UTC' },
};

/** @type {Map<string, Intl.DateTimeFormat>} */
const formats = new Map();

/**
 * One formatter per locale and style, kept: the first `Intl.DateTimeFormat` of a page
 * loads the locale's calendar and time-zone data (tens of ms), later ones are cheap.
 * @param {string | string[] | undefined} locale
 * @param {keyof STYLES} style
 * @returns {Intl.DateTimeFormat}
 */
function formatter(locale, style) {
  const key = `${style} ${String(locale)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, STYLES[style]);
    formats.set(key, format);
  }
  return format;
}

/**
 * Loads the date data for `locale` ahead of the first article, while the core is
 * still compiling (the viewer calls it once at start). Never throws.
 * @param {string | string[] | undefined} locale
 */
export function prepareDates(locale) {
  try {
    formatter(locale, 'zoned');
  } catch {
    // An unsupported locale: showDate will say so by showing the text as written.
  }
}

/**
 * @param {string | null | undefined} value The article's date string.
 * @param {string | string[] | undefined} locale The reader's locale(s).
 * @returns {ShownDate | null} null when there is no date.
 */
export function showDate(value, locale) {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  try {
    return zoned(text, locale) ?? local(text, locale) ?? day(text, locale) ?? { text, datetime: null };
  } catch {
    // An unsupported locale or an out-of-range date: show the text as it is.
    return { text, datetime: null };
  }
}

/**
 * @param {string} text
 * @param {string | string[] | undefined} locale
 * @returns {ShownDate | null}
 */
function zoned(text, locale) {
  const isRfc3339 = ZONED.test(text);
  if (!isRfc3339 && !RFC2822.test(text)) return null;
  const instant = new Date(isRfc3339 ? text.replace(' ', 'T') : text);
  if (Number.isNaN(instant.getTime())) return null;
  return { text: formatter(locale, 'zoned').format(instant), datetime: isRfc3339 ? text : instant.toISOString() };
}

/**
 * @param {string} text
 * @param {string | string[] | undefined} locale
 * @returns {ShownDate | null}
 */
function local(text, locale) {
  const m = LOCAL.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00'] = m;
  const asWritten = fieldsToDate(+y, +mo, +d, +h, +mi, +s);
  if (!asWritten) return null;
  return { text: formatter(locale, 'utc').format(asWritten), datetime: `${y}-${mo}-${d}T${h}:${mi}:${s}` };
}

/**
 * @param {string} text
 * @param {string | string[] | undefined} locale
 * @returns {ShownDate | null}
 */
function day(text, locale) {
  const m = DAY.exec(text);
  if (!m) return null;
  const [, y, mo, d] = m;
  const asWritten = fieldsToDate(+y, +mo, +d, 0, 0, 0);
  if (!asWritten) return null;
  return { text: formatter(locale, 'day').format(asWritten), datetime: text };
}

/**
 * A UTC Date from calendar fields, or null if they don't name a real moment (e.g. Feb 30).
 * @returns {Date | null}
 */
function fieldsToDate(/** @type {number} */ y, /** @type {number} */ mo, /** @type {number} */ d,
  /** @type {number} */ h, /** @type {number} */ mi, /** @type {number} */ s) {
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  date.setUTCFullYear(y); // Date.UTC maps years 0–99 to 1900–1999.
  const ok = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
    && date.getUTCHours() === h && date.getUTCMinutes() === mi;
  return ok ? date : null;
}
