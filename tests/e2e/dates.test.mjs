// The date rules of www/dates.js, in Node (no browser needed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prepareDates, showDate } from '../../www/dates.js';

test('zone-less date-times are shown as written', () => {
  const shown = showDate('2021-03-04T23:30:00', 'en-US');
  assert.equal(shown?.datetime, '2021-03-04T23:30:00');
  assert.match(shown?.text ?? '', /March 4, 2021.*11:30\s?PM/);
});

test('plain days stay on their day', () => {
  assert.deepEqual(showDate('2020-01-01', 'en-US'), { text: 'January 1, 2020', datetime: '2020-01-01' });
  assert.equal(showDate('2020-01-01', 'zh-CN')?.text, '2020年1月1日');
});

test('zoned values are instants', () => {
  const shown = showDate('2022-04-21T17:00:35+08:00', 'en-US');
  assert.equal(shown?.datetime, '2022-04-21T17:00:35+08:00');
  assert.match(shown?.text ?? '', /2022/);
  const rfc2822 = showDate('Thu, 21 Apr 2022 09:00:35 GMT', 'en-US');
  assert.equal(rfc2822?.datetime, '2022-04-21T09:00:35.000Z');
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
    assert.equal(made, 2, 'preparing made the zoned formatter for each locale asked');
    const zoned = showDate('2022-04-21T17:00:35Z', 'de-DE');
    showDate('2023-01-02T03:04:05+08:00', 'de-DE');
    assert.match(zoned?.text ?? '', /21\. April 2022/);
    assert.equal(made, 2, 'zoned dates in German reuse the prepared formatter');
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
