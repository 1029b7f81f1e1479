import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chineseFor, glosses, lexiconAvailable, loadLexicon, pinyin, segment } from './lexicon.js';
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
