// Article dates for the reader: localized with Intl.DateTimeFormat, never moved.
//
// - A date written with a zone (RFC 3339 with Z or an offset, or an RFC 2822 date with a
//   zone) is shown as the author wrote it: that offset's calendar day and time, labelled
//   with the offset ("UTC+8"). A reader in another zone sees the author's day, not theirs.
// - A zone-less `YYYY-MM-DDTHH:MM[:SS]` or `YYYY-MM-DD` is shown exactly as written.
// - Anything else is shown as the text it is, with no machine-readable datetime.
// Every form is formatted in UTC from its own fields, so nothing shifts.

/**
 * @typedef {object} ShownDate
 * @property {string} text             What the reader sees.
 * @property {string | null} datetime  A valid `<time datetime>` value, or null.
 */

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const RFC2822 = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+(GMT|UTC|UT|Z|[+-]\d{4})$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The ways a date is shown: a date-time from its fields, a day.
 * @type {Record<'time' | 'day', Intl.DateTimeFormatOptions>}
 */
const STYLES = {
  time: { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' },
  day: { dateStyle: 'long', timeZone: 'UTC' },
};

/** @type {Map<string, Intl.DateTimeFormat>} */
const formats = new Map();

/**
 * One formatter per locale and style, kept: the first `Intl.DateTimeFormat` of a page
 * loads the locale's calendar data (tens of ms), later ones are cheap.
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
    formatter(locale, 'time');
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
    return rfc3339(text, locale) ?? rfc2822(text, locale) ?? local(text, locale) ?? day(text, locale) ?? { text, datetime: null };
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
function rfc3339(text, locale) {
  const m = RFC3339.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00', zone] = m;
  const offset = offsetMinutes(zone);
  const asWritten = fieldsToDate(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s));
  if (!asWritten || offset === null) return null;
  return { text: `${formatter(locale, 'time').format(asWritten)} ${zoneLabel(offset)}`, datetime: text };
}

/**
 * @param {string} text
 * @param {string | string[] | undefined} locale
 * @returns {ShownDate | null}
 */
function rfc2822(text, locale) {
  const m = RFC2822.exec(text);
  if (!m) return null;
  const [, d, monthName, y, h, mi, s = '00', zone] = m;
  const mo = MONTHS.indexOf(monthName.toLowerCase()) + 1;
  const offset = offsetMinutes(/^(GMT|UTC|UT)$/i.test(zone) ? 'Z' : zone);
  const asWritten = mo > 0 ? fieldsToDate(Number(y), mo, Number(d), Number(h), Number(mi), Number(s)) : null;
  if (!asWritten || offset === null) return null;
  const pad = (/** @type {number | string} */ n) => String(n).padStart(2, '0');
  const datetime = `${y}-${pad(mo)}-${pad(d)}T${h}:${mi}:${s}${offset === 0 ? 'Z' : isoOffset(offset)}`;
  return { text: `${formatter(locale, 'time').format(asWritten)} ${zoneLabel(offset)}`, datetime };
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
  const asWritten = fieldsToDate(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s));
  if (!asWritten) return null;
  return { text: formatter(locale, 'time').format(asWritten), datetime: `${y}-${mo}-${d}T${h}:${mi}:${s}` };
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
  const asWritten = fieldsToDate(Number(y), Number(mo), Number(d), 0, 0, 0);
  if (!asWritten) return null;
  return { text: formatter(locale, 'day').format(asWritten), datetime: text };
}

/**
 * Minutes east of UTC for `Z`, `+08:00` or `+0800`; null for an offset of a day or more.
 * @param {string} zone
 * @returns {number | null}
 */
function offsetMinutes(zone) {
  if (/^z$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (Number(m[2]) > 23 || Number(m[3]) > 59) return null;
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * The offset as readers know it: "UTC", "UTC+8", "UTC+5:30", "UTC-7".
 * @param {number} minutes
 * @returns {string}
 */
function zoneLabel(minutes) {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/**
 * The offset as RFC 3339 writes it: "+08:00".
 * @param {number} minutes
 * @returns {string}
 */
function isoOffset(minutes) {
  const abs = Math.abs(minutes);
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
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
