import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConcordError } from '../../model.js';
import { resolveDocumentTimes, type Timex } from './index.js';
import { flattenIntervals, parseTimeML, score, scores, sentenceSpans } from './timeml.js';

const here = dirname(fileURLToPath(import.meta.url));

const SAMPLE = `<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-11-20" functionInDocument="CREATION_TIME">1998-11-20</TIMEX3></DCT>
<TEXT>Smith &amp; Co. <EVENT eid="e1">left</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-10" functionInDocument="NONE">last month</TIMEX3>
and returned <TIMEX3 tid="t2" type="DATE" value="1998-11-20">Friday</TIMEX3>.</TEXT></TimeML>`;

test('TimeML: text without tags, entities decoded, TIMEX3 offsets into it, DCT found and not counted', () => {
  const doc = parseTimeML(SAMPLE, 'sample');
  assert.equal(doc.dct, '1998-11-20');
  assert.ok(doc.text.startsWith('Smith & Co. left last month'));
  assert.deepEqual(doc.timexes.map((t) => [doc.text.slice(t.start, t.end), t.type, t.value]), [
    ['last month', 'DATE', '1998-10'],
    ['Friday', 'DATE', '1998-11-20'],
  ]);
  assert.throws(() => parseTimeML('<TimeML></TimeML>', 'empty'), ConcordError);
});

test('TempEval-3 scoring: relaxed overlap, strict extent, attribute F1 = relaxed F1 × accuracy', () => {
  const doc = parseTimeML(SAMPLE, 'sample');
  const [lastMonth, friday] = doc.timexes;
  const sys = (start: number, end: number, value: string): Timex => ({ start, end, text: doc.text.slice(start, end), type: 'DATE', value, precision: 'day' });
  const system = [
    sys(lastMonth!.start, lastMonth!.end, '1998-10'), // exact, right value
    sys(friday!.start - 3, friday!.end, '1998-11-13'), // overlapping, wrong value
    sys(0, 5, '1999'), // spurious
  ];
  const c = score(doc.timexes, system);
  assert.deepEqual([c.gold, c.system, c.relaxedGold, c.relaxedSystem, c.strict, c.valueCorrect], [2, 3, 2, 2, 1, 1]);
  const s = scores(c);
  assert.ok(Math.abs(s.relaxed.p - 2 / 3) < 1e-9 && s.relaxed.r === 1);
  assert.ok(Math.abs(s.relaxed.f1 - 0.8) < 1e-9);
  assert.ok(Math.abs(s.valueF1 - 0.4) < 1e-9);
});

test('intervals are scored as their two end points, as TimeML annotates them', () => {
  const interval: Timex = {
    start: 0, end: 30, text: '', type: 'DURATION', value: '1949-10/1954-01', precision: 'month',
    parts: [
      { start: 8, end: 20, text: '', type: 'DATE', value: '1949-10', precision: 'month' },
      { start: 25, end: 30, text: '', type: 'DATE', value: '1954-01', precision: 'month' },
    ],
  };
  assert.deepEqual(flattenIntervals([interval]).map((t) => t.value), ['1949-10', '1954-01']);
});

test('sentence spans do not break after abbreviations and do split Chinese after 。', () => {
  const text = 'He left on Oct. 23. She stayed.\n\n他走了。她留下。';
  assert.deepEqual(sentenceSpans(text).map((s) => text.slice(s.start, s.end)), ['He left on Oct. 23.', 'She stayed.', '他走了。', '她留下。']);
});

for (const [file, lang] of [['en.tml', 'en'], ['zh.tml', 'zh']] as const) {
  test(`own annotated fixture ${file} scores at least 90 value F1 and 90 strict F1`, () => {
    const doc = parseTimeML(readFileSync(join(here, 'fixtures', file), 'utf8'), file);
    const spans = sentenceSpans(doc.text);
    const result = resolveDocumentTimes(spans.map((s) => ({ text: doc.text.slice(s.start, s.end), lang })), doc.dct);
    const system = result.sentences.flatMap((list, i) => flattenIntervals(list).map((t) => ({ ...t, start: t.start + spans[i]!.start, end: t.end + spans[i]!.start })));
    const s = scores(score(doc.timexes, system));
    assert.ok(s.valueF1 >= 0.9, `value F1 ${s.valueF1}`);
    assert.ok(s.strict.f1 >= 0.9, `strict F1 ${s.strict.f1}`);
  });
}
