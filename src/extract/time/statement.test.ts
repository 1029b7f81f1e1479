/**
 * The time expressions of the reference statement (examples/statement-etge-2024-en-zh.txt), English and Chinese,
 * resolved as a document: no document date is given, so it must be inferred from the 75th anniversary.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { resolveDocumentTimes, type Timex } from './index.js';
import { sentenceSpans } from './timeml.js';

const example = join(dirname(fileURLToPath(import.meta.url)), '../../../examples/statement-etge-2024-en-zh.txt');

function analyse() {
  const text = readFileSync(example, 'utf8');
  const spans = sentenceSpans(text);
  const sentences = spans.map((s) => {
    const sentence = text.slice(s.start, s.end);
    return { text: sentence, lang: (/[\u4e00-\u9fff]/.test(sentence) ? 'zh' : 'en') as 'en' | 'zh' };
  });
  const result = resolveDocumentTimes(sentences);
  const all: Timex[] = result.sentences.flat();
  const find = (text: string) => {
    const hit = all.find((t) => t.text === text);
    assert.ok(hit, `expected a time expression "${text}"; found: ${all.map((t) => t.text).join(' | ')}`);
    return hit;
  };
  return { result, all, find };
}

const skip = existsSync(example) ? false : 'examples/statement-etge-2024-en-zh.txt is missing';

test('the statement is dated 2024 from its 75th anniversary of 1949, and the date is marked inferred', { skip }, () => {
  const { result, find } = analyse();
  assert.deepEqual({ value: result.documentDate?.value, inferred: result.documentDate?.inferred, source: result.documentDate?.source }, { value: '2024', inferred: true, source: 'anniversary' });
  const anniversary = find('the 75th anniversary');
  assert.equal(anniversary.value, '2024');
  assert.equal(anniversary.inferred, true);
  assert.equal(find('75週年').value, '2024');
});

test('explicit English dates keep their stated precision', { skip }, () => {
  const { find } = analyse();
  assert.deepEqual([find('September 1949').value, find('September 1949').precision], ['1949-09', 'month']);
  assert.deepEqual([find('October 12, 1949').value, find('October 12, 1949').precision], ['1949-10-12', 'day']);
  assert.equal(find('March 1954').value, '1954-03');
  assert.deepEqual([find('30 November 1973').value, find('30 November 1973').type], ['1973-11-30', 'DATE']);
});

test('"on August 27" in a sentence about September 1949 is 1949-08-27, inferred', { skip }, () => {
  const { find } = analyse();
  const august = find('August 27');
  assert.equal(august.value, '1949-08-27');
  assert.equal(august.inferred, true);
  assert.equal(find('8月27日').value, '1949-08-27');
});

test('"between October 1949 and January 1954" is one interval with its two end points', { skip }, () => {
  const { find } = analyse();
  const interval = find('between October 1949 and January 1954');
  assert.equal(interval.value, '1949-10/1954-01');
  assert.deepEqual(interval.interval, { start: '1949-10', end: '1954-01' });
  assert.deepEqual(interval.parts?.map((p) => p.value), ['1949-10', '1954-01']);
  const zh = find('自1949年10月至1954年1月');
  assert.equal(zh.value, '1949-10/1954-01');
});

test('"for the past 75 years" is P75Y anchored 1949–2024', { skip }, () => {
  const { find } = analyse();
  const past = find('the past 75 years');
  assert.deepEqual([past.type, past.value, past.precision], ['DURATION', 'P75Y', 'year']);
  assert.deepEqual(past.interval, { start: '1949', end: '2024' });
  assert.equal(find('過去的75年').value, 'P75Y');
});

test('"decades later" stays vague: no made-up date', { skip }, () => {
  const { find } = analyse();
  const later = find('decades later');
  assert.deepEqual([later.type, later.value, later.precision], ['DURATION', 'PXDE', 'vague']);
  assert.equal(find('幾十年後').value, 'PXDE');
});

test('every time expression of the statement, in order, and nothing invented', { skip }, () => {
  const { all } = analyse();
  const expected = [
    ['the 75th anniversary', 'DATE', '2024'], ['decades', 'DURATION', 'PXDE'], ['September 1949', 'DATE', '1949-09'],
    ['August 27', 'DATE', '1949-08-27'], ['October 12, 1949', 'DATE', '1949-10-12'], ['March 1954', 'DATE', '1954-03'],
    ['between October 1949 and January 1954', 'DURATION', '1949-10/1954-01'], ['decades later', 'DURATION', 'PXDE'],
    ['Seventy-five years later', 'DATE', '2024'], ['the past 75 years', 'DURATION', 'P75Y'], ['the 21st century', 'DATE', '20'],
    ['October 12, 1949', 'DATE', '1949-10-12'], ['30 November 1973', 'DATE', '1973-11-30'], ['Every day', 'SET', 'P1D'],
    ['21st-century', 'DATE', '20'], ['September 1949', 'DATE', '1949-09'],
    ['75週年', 'DATE', '2024'], ['數十年', 'DURATION', 'PXDE'], ['1949年9月', 'DATE', '1949-09'], ['8月27日', 'DATE', '1949-08-27'],
    ['1949年10月12日', 'DATE', '1949-10-12'], ['1954年3月', 'DATE', '1954-03'], ['自1949年10月至1954年1月', 'DURATION', '1949-10/1954-01'],
    ['幾十年後', 'DURATION', 'PXDE'], ['75年後', 'DATE', '2024'], ['過去的75年', 'DURATION', 'P75Y'], ['21世紀', 'DATE', '20'],
  ];
  assert.deepEqual(all.map((t) => [t.text, t.type, t.value]), expected);
});

test('"Seventy-five years later" and "75年後", said in the present, mean the statement year', { skip }, () => {
  const { find } = analyse();
  assert.equal(find('Seventy-five years later').value, '2024');
  assert.equal(find('75年後').value, '2024');
});

test('centuries, sets and Chinese dates of the statement', { skip }, () => {
  const { find } = analyse();
  assert.equal(find('the 21st century').value, '20');
  assert.deepEqual([find('21st-century').value, find('21st-century').precision], ['20', 'century']);
  assert.deepEqual([find('Every day').type, find('Every day').value], ['SET', 'P1D']);
  assert.equal(find('1949年10月12日').value, '1949-10-12');
  assert.equal(find('1949年9月').value, '1949-09');
  assert.equal(find('21世紀').value, '20');
});
