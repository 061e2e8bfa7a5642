// The date rules of www/view/dates.js, in Node (no browser needed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prepareDates, showDate } from '../../www/view/dates.js';

test('zone-less date-times are shown as written', () => {
  const shown = showDate('2021-03-04T23:30:00', 'en-US');
  assert.equal(shown?.datetime, '2021-03-04T23:30:00');
  assert.match(shown?.text ?? '', /March 4, 2021.*11:30\s?PM/);
});

test('plain days stay on their day', () => {
  assert.deepEqual(showDate('2020-01-01', 'en-US'), { text: 'January 1, 2020', datetime: '2020-01-01' });
  assert.equal(showDate('2020-01-01', 'zh-CN')?.text, '2020年1月1日');
});

test('a date written with an offset keeps that offset\'s day and time, whatever the reader\'s zone', () => {
  // hugo/hugo-even-chinese-preview.md: shown as August 29 to a reader in UTC before.
  const shown = showDate('2017-08-30T01:37:56+08:00', 'en-US');
  assert.equal(shown?.datetime, '2017-08-30T01:37:56+08:00');
  assert.match(shown?.text ?? '', /^August 30, 2017.*1:37\s?AM UTC\+8$/);
  assert.match(showDate('2017-08-30T01:37:56+08:00', 'zh-CN')?.text ?? '', /^2017年8月30日.*01:37 UTC\+8$/);
  assert.match(showDate('2023-03-15T11:00:00-07:00', 'en-US')?.text ?? '', /^March 15, 2023.*11:00\s?AM UTC-7$/);
  assert.match(showDate('2020-01-01T23:30:00+05:30', 'en-US')?.text ?? '', /^January 1, 2020.*11:30\s?PM UTC\+5:30$/);
  assert.match(showDate('2022-04-21T09:00:35Z', 'en-US')?.text ?? '', /^April 21, 2022.*9:00\s?AM UTC$/);
  const rfc2822 = showDate('Thu, 21 Apr 2022 09:00:35 GMT', 'en-US');
  assert.equal(rfc2822?.datetime, '2022-04-21T09:00:35Z');
  assert.match(rfc2822?.text ?? '', /^April 21, 2022.*9:00\s?AM UTC$/);
  assert.equal(showDate('Mon, 14 Nov 2016 18:01:00 -0800', 'en-US')?.datetime, '2016-11-14T18:01:00-08:00');
  // Not a real moment, or not an offset: shown as written.
  assert.deepEqual(showDate('2021-02-30T10:00:00+08:00', 'en-US'), { text: '2021-02-30T10:00:00+08:00', datetime: null });
  assert.deepEqual(showDate('2021-02-03T10:00:00+25:00', 'en-US'), { text: '2021-02-03T10:00:00+25:00', datetime: null });
});

test('anything else is shown as text, without a datetime', () => {
  assert.deepEqual(showDate('spring 2019', 'en-US'), { text: 'spring 2019', datetime: null });
  assert.deepEqual(showDate('2021-02-30', 'en-US'), { text: '2021-02-30', datetime: null });
  assert.deepEqual(showDate('2021-13-01T10:00:00', 'en-US'), { text: '2021-13-01T10:00:00', datetime: null });
  assert.equal(showDate(null, 'en-US'), null);
  assert.equal(showDate('   ', 'en-US'), null);
  assert.deepEqual(showDate('2021-01-01', 'xx-invalid-locale-tag!!'), { text: '2021-01-01', datetime: null });
});

test('formatters are kept per locale and style; preparing never throws', () => {
  const Real = Intl.DateTimeFormat;
  let made = 0;
  // Counts the formatters dates.js makes (it looks Intl.DateTimeFormat up at each call).
  Intl.DateTimeFormat = /** @type {any} */ (function DateTimeFormat(/** @type {any[]} */ ...args) {
    made += 1;
    return new Real(...args);
  });
  try {
    assert.doesNotThrow(() => prepareDates('not a locale!!'));
    prepareDates('de-DE');
    assert.equal(made, 2, 'preparing made the date-time formatter for each locale asked');
    const zoned = showDate('2022-04-21T17:00:35Z', 'de-DE');
    showDate('2023-01-02T03:04:05+08:00', 'de-DE');
    showDate('2023-01-02T03:04:05', 'de-DE');
    assert.match(zoned?.text ?? '', /21\. April 2022/);
    assert.equal(made, 2, 'date-times in German reuse the prepared formatter');
    // Another locale and another style each get their own.
    assert.match(showDate('2022-04-21T17:00:35Z', 'fr-FR')?.text ?? '', /21 avril 2022/);
    assert.equal(showDate('2020-01-01', 'de-DE')?.text, '1. Januar 2020');
    assert.equal(showDate('2020-01-02', 'de-DE')?.text, '2. Januar 2020');
    assert.equal(made, 4);
    assert.deepEqual(showDate('2020-01-01', 'not a locale!!'), { text: '2020-01-01', datetime: null });
  } finally {
    Intl.DateTimeFormat = Real;
  }
});
