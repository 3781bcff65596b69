// The demo form's dates: shown in the page's language (kk, ru dd.mm.yyyy; en
// yyyy-mm-dd), read back from either format, and only real calendar days.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDateTime, parseDate, parseDateTime } from '../../www/dates.js';

test('a date is shown in the page language and read back from what the user types', () => {
  assert.equal(formatDate('2019-11-04', 'ru'), '04.11.2019');
  assert.equal(formatDate('2019-11-04', 'kk'), '04.11.2019');
  assert.equal(formatDate('2019-11-04', 'en'), '2019-11-04');
  assert.equal(formatDate('04.11', 'ru'), '04.11', 'text that is no ISO day is shown as it is');
  assert.equal(formatDate(undefined, 'ru'), '');
  for (const typed of ['04.11.2019', '4.11.2019', ' 04/11/2019 ', '04-11-2019', '2019-11-04', '2019-11-4']) {
    assert.equal(parseDate(typed), '2019-11-04', typed);
  }
  for (const typed of ['31.02.2019', '29.02.2019', '00.01.2020', '01.13.2020', '1.1.19', '2019-11-04T10:00', 'завтра', '']) {
    assert.equal(parseDate(typed), null, typed);
  }
  assert.equal(parseDate('29.02.2024'), '2024-02-29');
  for (const lang of ['kk', 'ru', 'en']) {
    for (const iso of ['2024-02-29', '2019-12-31', '2000-01-01']) assert.equal(parseDate(formatDate(iso, lang)), iso, `${lang} ${iso}`);
  }
});

test('a date and time: minutes, seconds only when not zero, either format, hours and minutes in range', () => {
  assert.equal(formatDateTime('2019-11-04T10:15:00', 'ru'), '04.11.2019 10:15');
  assert.equal(formatDateTime('2019-11-04T10:15:07', 'kk'), '04.11.2019 10:15:07');
  assert.equal(formatDateTime('2019-11-04T10:15', 'en'), '2019-11-04 10:15');
  assert.equal(parseDateTime('04.11.2019 10:15'), '2019-11-04T10:15:00');
  assert.equal(parseDateTime('4.11.2019  9:05:30'), '2019-11-04T09:05:30');
  assert.equal(parseDateTime('2019-11-04T10:15'), '2019-11-04T10:15:00');
  assert.equal(parseDateTime('2019-11-04 23:59:59'), '2019-11-04T23:59:59');
  for (const typed of ['04.11.2019', '04.11.2019 24:00', '04.11.2019 10:60', '31.04.2019 10:00', '04.11.2019 10', '10:15']) {
    assert.equal(parseDateTime(typed), null, typed);
  }
  for (const lang of ['kk', 'ru', 'en']) {
    for (const local of ['2024-02-29T00:00:00', '2019-10-04T17:30:59']) assert.equal(parseDateTime(formatDateTime(local, lang)), local, `${lang} ${local}`);
  }
});
