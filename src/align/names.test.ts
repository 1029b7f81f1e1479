import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countNameMatches, keyPrefixes, nameWords, pinyinKeys, skeleton } from './names.js';
import { lexiconAvailable, loadLexicon } from '../lang/lexicon.js';

const skip = !lexiconAvailable() && 'lexicon not built';
const isGloss = (stem: string) => loadLexicon().stemId(stem) >= 0;

test('a consonant skeleton ignores vowels and doubled letters', () => {
  assert.equal(skeleton('Mamtimin'), 'mtmn');
  assert.equal(skeleton('mamutimin'), skeleton('Mamtimin'));
  assert.notEqual(skeleton('Salih'), skeleton('Mamtimin'));
});

test('a name transliterated through another language matches loosely (馬木提敏 ~ Mamtimin)', { skip }, () => {
  const keys = pinyinKeys('ETGE總統馬木提敏·阿拉說。', loadLexicon());
  const names = nameWords('said ETGE President Mamtimin Ala.', isGloss);
  assert.ok(names.some((n) => n.keys.includes('mamtimin')));
  assert.equal(countNameMatches(names.filter((n) => n.keys[0] === 'mamtimin'), keys), 1);
});

test('a pinyin name matches exactly (陈清扬 ~ Chen Qingyang); English words at a sentence start do not', { skip }, () => {
  const keys = pinyinKeys('陈清扬把我拽住。', loadLexicon());
  const names = nameWords('Finally Chen Qingyang caught me.', isGloss);
  assert.equal(countNameMatches(names.filter((n) => n.keys[0] === 'qingyang'), keys), 1);
  assert.equal(countNameMatches(names.filter((n) => n.keys[0] === 'finally'), keys), 0);
  assert.deepEqual(nameWords('She said There', isGloss), []);
});

test('pruning pinyin windows by key prefixes finds exactly the keys found without it', { skip }, () => {
  const text = 'ETGE總統馬木提敏·阿拉說，陈清扬把我拽住，阿拉木图很远。';
  const wanted = new Set(['mamtimin', 'mamutimin', '~mtmn', 'qingyang', '~chnqngyng', 'ala', 'almaty', '~lmt', 'nowhere']);
  const pruned = pinyinKeys(text, loadLexicon(), wanted, keyPrefixes(wanted));
  assert.deepEqual([...pruned].sort(), [...pinyinKeys(text, loadLexicon(), wanted)].sort());
  assert.ok(pruned.has('mamutimin') && pruned.has('~mtmn') && pruned.has('qingyang'));
});
