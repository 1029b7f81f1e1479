import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConcordError } from '../../model.js';
import { findTimes, resolveDocumentTimes } from './index.js';
import { GATES } from './english.js';

const DCT = '2024-03-15'; // a Friday
const values = (text: string, dct: string | null = DCT) => findTimes(text, 'en', { dct: dct ?? undefined }).map((t) => [t.text, t.type, t.value]);

test('deictic dates resolve against the document date', () => {
  assert.deepEqual(values('Police raided the office yesterday and will return tomorrow.'), [
    ['yesterday', 'DATE', '2024-03-14'],
    ['tomorrow', 'DATE', '2024-03-16'],
  ]);
  assert.deepEqual(values('Sales rose last year and this month, and will rise next year.'), [
    ['last year', 'DATE', '2023'],
    ['this month', 'DATE', '2024-03'],
    ['next year', 'DATE', '2025'],
  ]);
  assert.deepEqual(values('The minister resigned last week.'), [['last week', 'DATE', '2024-W10']]);
});

test('weekdays follow the tense of their clause', () => {
  assert.deepEqual(values('The council met on Tuesday.'), [['Tuesday', 'DATE', '2024-03-12']]);
  assert.deepEqual(values('The council will meet on Tuesday.'), [['Tuesday', 'DATE', '2024-03-19']]);
  assert.deepEqual(values('Officials said on Friday that talks failed.'), [['Friday', 'DATE', '2024-03-15']]);
});

test('a month and day without a year takes the year nearest the document date', () => {
  assert.deepEqual(values('The deadline is Jan. 14.', '2024-12-20'), [['Jan. 14', 'DATE', '2025-01-14']]);
  assert.deepEqual(values('The vote took place on Dec. 3.', '2024-01-10'), [['Dec. 3', 'DATE', '2023-12-03']]);
});

test('explicit dates in the common English formats', () => {
  assert.deepEqual(values('It happened on 12 October 1949, on Oct. 12, 1949 and on 1949-10-12.'), [
    ['12 October 1949', 'DATE', '1949-10-12'],
    ['Oct. 12, 1949', 'DATE', '1949-10-12'],
    ['1949-10-12', 'DATE', '1949-10-12'],
  ]);
  assert.deepEqual(values('Between 1933 and 1934 and in the early 1990s.'), [
    ['Between 1933 and 1934', 'DURATION', '1933/1934'],
    ['the early 1990s', 'DATE', '199'],
  ]);
  assert.deepEqual(values('the third quarter of 1989, fiscal 1990 and mid-1995'), [
    ['the third quarter of 1989', 'DATE', '1989-Q3'],
    ['fiscal 1990', 'DATE', '1990'],
    ['mid-1995', 'DATE', '1995'],
  ]);
  assert.equal(findTimes('mid-1995', 'en', {})[0]?.mod, 'MID');
});

test('durations with their qualifiers; "about" stays outside the extent as in TimeBank', () => {
  assert.deepEqual(values('He was held for nearly two years and questioned for about five hours.'), [
    ['nearly two years', 'DURATION', 'P2Y'],
    ['five hours', 'DURATION', 'PT5H'],
  ]);
  const [nearly, about] = findTimes('He was held for nearly two years and questioned for about five hours.', 'en', {});
  assert.equal(nearly!.mod, 'LESS_THAN');
  assert.equal(about!.mod, 'APPROX');
  assert.deepEqual(values('a two-year term and 2 1/2 years'), [
    ['two-year term', 'DURATION', 'P2Y'],
    ['2 1/2 years', 'DURATION', 'P2Y6M'],
  ]);
});

test('times of day attach to their date', () => {
  assert.deepEqual(values('The blast occurred at 10:35 a.m. Friday.'), [['10:35 a.m. Friday', 'TIME', '2024-03-15T10:35']]);
  assert.deepEqual(values('Protesters gathered this morning.'), [['this morning', 'TIME', '2024-03-15TMO']]);
});

test('sets and vague references', () => {
  assert.deepEqual(values('Inspectors visit every Monday and report daily.'), [
    ['every Monday', 'SET', 'XXXX-WXX-1'],
    ['daily', 'SET', 'P1D'],
  ]);
  assert.deepEqual(values('Prices are now higher than in the past.'), [
    ['now', 'DATE', 'PRESENT_REF'],
    ['the past', 'DATE', 'PAST_REF'],
  ]);
});

test('numbers, ages and the verb "may" are not time expressions', () => {
  assert.deepEqual(values('The army sent 1500 troops and 2,000 police.'), []);
  assert.deepEqual(values('A 6-year-old boy and his 44-year-old father may leave.'), []);
  assert.deepEqual(values('Resolution 3070 was adopted.'), []);
  assert.deepEqual(values('They arrived in May.'), [['May', 'DATE', '2024-05']]);
});

test('without a document date, deictic expressions stay unresolved rather than invented', () => {
  assert.deepEqual(values('The report was released last year.', null), [['last year', 'DATE', 'PAST_REF']]);
  assert.deepEqual(values('The council met on Tuesday.', null), [['Tuesday', 'DATE', 'XXXX-WXX-2']]);
});

test('the reference time carries to the next sentence: "the following year", "two years later"', () => {
  const result = resolveDocumentTimes(
    [
      { text: 'The party was banned in 1962.', lang: 'en' },
      { text: 'The following year its leaders fled, and two years later they were tried.', lang: 'en' },
    ],
    '2024-03-15',
  );
  assert.deepEqual(result.sentences[1]!.map((t) => [t.text, t.value, t.inferred ?? false]), [
    ['The following year', '1963', true],
    ['two years later', '1965', true],
  ]);
});

test('a dateline gives the document date', () => {
  const result = resolveDocumentTimes([
    { text: 'GENEVA, March 15, 2024 — The commission met yesterday.', lang: 'en' },
  ]);
  assert.deepEqual(result.documentDate && [result.documentDate.value, result.documentDate.source, result.documentDate.inferred], ['2024-03-15', 'dateline', false]);
  assert.equal(result.sentences[0]!.find((t) => t.text === 'yesterday')?.value, '2024-03-14');
});

test('a malformed document date is a clear error', () => {
  assert.throws(() => findTimes('yesterday', 'en', { dct: 'last Tuesday' }), ConcordError);
});

test('months within a relative year, quarters as adjectives, and yearly sets', () => {
  assert.deepEqual(values('Arrests peaked in June last year; third-quarter results fell; they march every April.'), [
    ['June last year', 'DATE', '2023-06'],
    ['third-quarter', 'DATE', '2023-Q3'], // past tense, and this year's third quarter has not begun
    ['every April', 'SET', 'XXXX-04'],
  ]);
  assert.deepEqual(values('The the third-quarter report.').map((v) => v[0]), ['third-quarter']);
});

test('the rules’ gates, answered in one pass, agree with their regular expressions', () => {
  const texts = [
    'On 12 October 1949, the Republic was founded; any time now, ANYTIME, a Day-Long vigil per day.',
    'İstanbul ſecond K Kelvin NINETEEN ninety, two thousand and one, at the end of the year-ago quarter.',
    'Every Monday in Spring; the 75th Anniversary; 中华人民共和国 1949年; the 1990s and the forties.',
    '', '7', 'x',
  ];
  for (const text of texts) {
    const passed = GATES.scan(text);
    GATES.gates.forEach((gate, i) => assert.equal(passed[i] === 1, gate.test(text), `${gate} on ${JSON.stringify(text)}`));
  }
});
