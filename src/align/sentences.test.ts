import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignSentences, MAX_SEGMENTS, type Bead } from './sentences.js';
import { lexiconAvailable } from '../lang/lexicon.js';

const skip = !lexiconAvailable() && 'compiled lexicon missing: run `npm run build`';
const shape = (beads: Bead[]) => beads.map((b) => `${b.a.join(',')}:${b.b.join(',')}`);

// Written for these tests: a short story told in both languages, with a split, a merge and an untranslated line.
const zh = [
  '清晨，老農夫牽著他的牛走到河邊。',
  '河水很冷，牛不肯喝水。',
  '農夫笑了笑，坐在石頭上等待。',
  '這一段沒有英文翻譯，只是作者的附註而已，說明寫作的日期與地點。',
  '太陽升起以後，牛終於低下頭喝水，農夫也吃了他的早飯。',
  '2024年，村裡一共有120頭牛。',
  '他問：「你累了嗎？」',
];
const en = [
  'Early in the morning, the old farmer led his cow to the river.',
  'The river water was cold, and the cow refused to drink.',
  'The farmer smiled.',
  'He sat down on a stone and waited.',
  'After the sun rose, the cow finally lowered its head and drank.',
  'The farmer ate his breakfast too.',
  'In 2024 the village had 120 cows in all.',
  'He asked: "Are you tired?"',
];

test('Chinese–English: 1-1, 1-2 and 1-0 beads found, every sentence in exactly one bead', { skip }, () => {
  const beads = alignSentences(zh, en, 'zh-Hant', 'en');
  assert.deepEqual(shape(beads), ['0:0', '1:1', '2:2,3', '3:', '4:4,5', '5:6', '6:7']);
  for (const b of beads) assert.ok(b.confidence >= 0 && b.confidence <= 1);
});

test('the same alignment comes out when English is given first', { skip }, () => {
  const beads = alignSentences(en, zh, 'en', 'zh');
  assert.deepEqual(shape(beads), ['0:0', '1:1', '2,3:2', ':3', '4,5:4', '6:5', '7:6']);
});

test('a translated sentence scores a higher confidence than an untranslated one', { skip }, () => {
  const beads = alignSentences(zh, en, 'zh', 'en');
  const linked = beads.find((b) => b.a[0] === 0)!;
  const untranslated = beads.find((b) => b.a[0] === 3)!;
  assert.ok(linked.confidence > untranslated.confidence);
});

test('other language pairs align on length and anchors: numbers and punctuation', () => {
  const de = ['Am Morgen regnete es stark.', 'Im Jahr 1998 gab es 45 Häuser im Dorf.', 'Wer kommt heute?', 'Niemand.'];
  const fr = ['Le matin, il a plu très fort.', 'En 1998, le village comptait 45 maisons.', 'Qui vient aujourd’hui ?', 'Personne.'];
  assert.deepEqual(shape(alignSentences(de, fr, 'de', 'fr')), ['0:0', '1:1', '2:2', '3:3']);
});

test('empty input gives no beads; one empty side gives one-sided beads', () => {
  assert.deepEqual(alignSentences([], [], 'zh', 'en'), []);
  assert.deepEqual(shape(alignSentences(['一。', '二。'], [], 'zh', 'en')), ['0:', '1:']);
  assert.deepEqual(shape(alignSentences([], ['One.'], 'zh', 'en')), [':0']);
});

test('a 100,000-character line is aligned without error', () => {
  const long = '這是一個很長的句子，'.repeat(10_000);
  const beads = alignSentences(['短句。', long, '結束。'], ['A short sentence.', 'This is a very long sentence. '.repeat(3_000), 'The end.'], 'zh', 'en');
  assert.equal(beads.flatMap((b) => b.a).length, 3);
  assert.equal(beads.flatMap((b) => b.b).length, 3);
});

test('thousands of sentences align in a banded search (every index once, monotonic)', () => {
  const a = Array.from({ length: 3000 }, (_, i) => `Sentence number ${i} is here.`);
  const b = Array.from({ length: 3000 }, (_, i) => `Satz Nummer ${i} ist hier.`);
  const beads = alignSentences(a, b, 'en', 'de');
  assert.deepEqual(beads.flatMap((x) => x.a), a.map((_, i) => i));
  assert.deepEqual(beads.flatMap((x) => x.b), b.map((_, i) => i));
  assert.ok(beads.filter((x) => x.a.length === 1 && x.b.length === 1 && x.a[0] === x.b[0]).length > 2900);
});

test('more segments than the limit is a clear error, not an exhausted heap', () => {
  const huge = { length: MAX_SEGMENTS + 1 } as unknown as string[];
  assert.throws(() => alignSentences(huge, ['x'], 'en', 'de'), /too many segments/);
});

test('one sentence against a thousand still finds a path (every index once)', () => {
  const many = Array.from({ length: 1000 }, (_, i) => `Sentence ${i}.`);
  for (const [a, b] of [[['一句话。'], many], [many.map((_, i) => `第${i}句。`), ['One.']]] as [string[], string[]][]) {
    const beads = alignSentences(a, b, 'zh', 'en');
    assert.deepEqual(beads.flatMap((x) => x.a), a.map((_, i) => i));
    assert.deepEqual(beads.flatMap((x) => x.b), b.map((_, i) => i));
  }
});

test('empty and punctuation-only segments are aligned, not dropped', () => {
  const beads = alignSentences(['', '。。。', '你好。'], ['', '...', 'Hello.'], 'zh', 'en');
  assert.deepEqual(beads.flatMap((x) => x.a), [0, 1, 2]);
  assert.deepEqual(beads.flatMap((x) => x.b), [0, 1, 2]);
});

test('a Han character no headword starts (㐀) is a word of its own: alignment finishes', { skip }, () => {
  // Maximum matching used to try length 0 for such a character and never move on.
  const beads = alignSentences(['㐀先生來了。', '他很高興。'], ['Mr. Qiu came.', 'He was very happy.'], 'zh', 'en');
  assert.deepEqual(shape(beads), ['0:0', '1:1']);
});

test('aligners that run one after another (sharing buffers) give the same beads as a fresh one', { skip }, () => {
  const first = alignSentences(zh, en, 'zh-Hant', 'en');
  alignSentences(['一二三', '四五六'], ['one two three', 'four five six'], 'zh', 'en');
  alignSentences(zh.slice(2), en.slice(3), 'zh-Hant', 'en');
  assert.deepEqual(alignSentences(zh, en, 'zh-Hant', 'en'), first);
});
