import { test } from 'node:test';
import assert from 'node:assert/strict';
import { learnWordPairs } from './learn.js';
import { ChineseVocabulary, StemSpace } from './features.js';
import { lexiconAvailable, loadLexicon } from '../lang/lexicon.js';
import { stemEnglish } from '../lang/english.js';

test('a name the lexicon lacks is learned from links where it keeps meeting its translation', { skip: !lexiconAvailable() && 'lexicon not built' }, () => {
  const lexicon = loadLexicon();
  const vocabulary = new ChineseVocabulary(lexicon);
  const stems = new StemSpace(lexicon);
  const name = vocabulary.id('嗰嘢仔'); // not a CC-CEDICT headword: no glosses
  const horse = vocabulary.id('马');
  const fillers = ['河', '山', '书', '门', '刀', '船', '灯', '树', '鱼', '鸟', '花', '桥'].map((w) => vocabulary.id(w));
  const rawX: Int32Array[] = [];
  const rawY: Int32Array[] = [];
  fillers.forEach((filler, i) => {
    rawX.push(Int32Array.from(i < 9 ? [name, filler] : [horse, filler]));
    const english = i < 9 ? ['Trinket', 'saw', lexicon.glosses(vocabulary.words[filler]!)[0]!] : ['horse', lexicon.glosses(vocabulary.words[filler]!)[0]!];
    rawY.push(Int32Array.from(english.map((w) => stems.id(stemEnglish(w) || w))));
  });
  const links = rawX.map((_, i) => ({ a: [i], b: [i] }));
  assert.ok(learnWordPairs(links, rawX, rawY, vocabulary, 3, 0.5) >= 1);
  assert.ok(vocabulary.full[name]!.includes(stems.id(stemEnglish('Trinket'))));
  // A word the lexicon already explains in each link learns nothing new from it.
  assert.ok(!vocabulary.full[horse]!.includes(stems.id(stemEnglish('saw'))));
});

test('too few links teach nothing', { skip: !lexiconAvailable() && 'lexicon not built' }, () => {
  const vocabulary = new ChineseVocabulary(loadLexicon());
  const stems = new StemSpace(loadLexicon());
  const rawX = [Int32Array.from([vocabulary.id('嗰嘢仔')])];
  const rawY = [Int32Array.from([stems.id('trinket')])];
  assert.equal(learnWordPairs([{ a: [0], b: [0] }], rawX, rawY, vocabulary, 1, 0.1), 0);
});
