import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LEXICON_FORMAT, Lexicon, chineseFor, glosses, indexLexiconText, lexiconAvailable, loadLexicon, pinyin, readLexiconIndex, searchSortedLines, segment, serializeLexiconIndex } from './lexicon.js';
import { englishContentStems, stemEnglish } from './english.js';

const skip = !lexiconAvailable() && 'compiled lexicon missing: run `npm run build`';

test('English stems: stop words dropped, irregular forms joined to their lemma', () => {
  assert.equal(stemEnglish('the'), '');
  assert.equal(stemEnglish('went'), stemEnglish('go'));
  assert.equal(stemEnglish('horses'), stemEnglish('horse'));
  assert.deepEqual(englishContentStems('She bought two books'), [stemEnglish('buy'), 'two', stemEnglish('book')]);
});

test('glosses of Simplified and Traditional headwords are the same stems', { skip }, () => {
  assert.ok(glosses('马').includes(stemEnglish('horse')));
  assert.deepEqual(glosses('馬'), glosses('马'));
  assert.ok(glosses('友谊').includes(stemEnglish('friendship')));
  assert.deepEqual(glosses('不存在的詞語'), []);
});

test('gloss noise is dropped: no "surname", no place-name definitions on a common word', { skip }, () => {
  assert.ok(!glosses('陈').includes('surnam'));
  assert.ok(!glosses('友谊').includes('counti'));
});

test('English → Chinese finds words in both scripts', { skip }, () => {
  const horse = chineseFor('horses');
  assert.ok(horse.some((w) => w.includes('马')) && horse.some((w) => w.includes('馬')));
  assert.deepEqual(chineseFor('the'), []);
});

test('pinyin of known words and of unknown names character by character', { skip }, () => {
  assert.equal(pinyin('北京'), 'Bei3 jing1');
  assert.equal(pinyin('馬木提敏').replace(/\d/g, '').toLowerCase(), 'ma mu ti min');
});

test('forward maximum matching keeps dictionary words and Latin runs whole', { skip }, () => {
  assert.deepEqual(segment('我们参观了北京大学。UN 2024年'), ['我们', '参观', '了', '北京大学', 'UN', '2024', '年']);
  assert.deepEqual(segment(''), []);
});

test('the lexicon loads once per process', { skip }, () => {
  assert.equal(loadLexicon(), loadLexicon());
  assert.ok(loadLexicon().size > 100_000);
});

test('the prebuilt headword index finds what hashing the text finds, and a stale index is refused', () => {
  const text = `${LEXICON_FORMAT}\t3\ttest\nhors friend\n朋友\tpeng2 you5\t1\t\n馬\tma3\t0\t\n马\tma3\t0\t\n`;
  const index = indexLexiconText(text, 3);
  const dir = mkdtempSync(join(tmpdir(), 'concord-lexicon-'));
  const file = join(dir, 'test.idx');
  writeFileSync(file, serializeLexiconIndex(index, text.length));
  const read = readLexiconIndex(file, text.length);
  assert.ok(read);
  const prebuilt = new Lexicon(text, undefined, read);
  const hashed = new Lexicon(text);
  for (const word of ['朋友', '馬', '马', '牛']) assert.deepEqual(prebuilt.glosses(word), hashed.glosses(word), word);
  assert.deepEqual(prebuilt.glosses('朋友'), ['friend']);
  assert.equal(readLexiconIndex(file, text.length + 1), undefined, 'an index built for another text is not used');
  rmSync(dir, { recursive: true, force: true });
});

test('definitions are CC-CEDICT’s own words for messages, proper-name readings first', { skip }, () => {
  assert.deepEqual(loadLexicon().definitions('朋友'), ['friend']);
  assert.equal(loadLexicon().definitions('土耳其')[0], 'Turkey');
  assert.deepEqual(loadLexicon().definitions('不存在的詞語'), []);
});

test('sorted lines are searched in place: first, middle, last and absent keys', () => {
  const text = 'apple\t苹果 蘋果\nhorse\t马 馬\nriver\t河\nzebra\t斑马\n';
  assert.deepEqual(searchSortedLines(text, 'apple'), ['苹果', '蘋果']);
  assert.deepEqual(searchSortedLines(text, 'horse'), ['马', '馬']);
  assert.deepEqual(searchSortedLines(text, 'zebra'), ['斑马']);
  assert.equal(searchSortedLines(text, 'hors'), undefined);
  assert.equal(searchSortedLines(text, 'zzz'), undefined);
  assert.equal(searchSortedLines('', 'apple'), undefined);
});

test('a stem is the same whatever the case or apostrophe of the word, asked in any order', () => {
  assert.equal(stemEnglish('Children’s'), stemEnglish("children's"));
  assert.equal(stemEnglish('CHILDREN'), stemEnglish('children'));
  assert.equal(stemEnglish('The'), '');
});

test('segmentations are shared between callers, so they are frozen', { skip }, () => {
  const first = segment('東突厥斯坦流亡政府');
  assert.deepEqual(segment('東突厥斯坦流亡政府'), first);
  assert.ok(Object.isFrozen(first));
});
