import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chineseVariant, isChinese, toSimplified, toTraditional, variantEvidence } from './chinese.js';

test('toSimplified and toTraditional convert between the scripts, phrase-aware', () => {
  assert.equal(toSimplified('東突厥斯坦流亡政府發表聲明'), '东突厥斯坦流亡政府发表声明');
  assert.equal(toTraditional('东突厥斯坦流亡政府发表声明'), '東突厥斯坦流亡政府發表聲明');
  // 头发 is hair (髮), 发表 is to publish (發): the converter must pick by phrase, not by character.
  assert.equal(toTraditional('头发'), '頭髮');
  assert.equal(toSimplified('Latin text, 123.'), 'Latin text, 123.');
});

test('isChinese accepts ideographs and rejects kana, Hangul, Latin and punctuation', () => {
  for (const ch of ['中', '國', '〇', '𠀀']) assert.ok(isChinese(ch), ch);
  for (const ch of ['の', 'カ', '한', 'A', '。', '，', '1']) assert.ok(!isChinese(ch), ch);
});

test('chineseVariant tells Traditional from Simplified and admits when there is no signal', () => {
  assert.equal(chineseVariant('這一背叛行為導致東突厥斯坦核心領導層被刺殺。'), 'zh-Hant');
  assert.equal(chineseVariant('这一背叛行为导致东突厥斯坦核心领导层被刺杀。'), 'zh-Hans');
  // Characters common to both scripts say nothing.
  assert.equal(chineseVariant('中文'), undefined);
  assert.equal(chineseVariant('English only'), undefined);
});

test('variantEvidence counts the giveaway characters of each script', () => {
  const evidence = variantEvidence('東突厥斯坦 ETGE 东突厥斯坦');
  assert.equal(evidence.han, 10);
  assert.equal(evidence.traditional, 1);
  assert.equal(evidence.simplified, 1);
});

test('variantEvidence skips the Simplified count only when asked and the text is plainly Traditional', () => {
  assert.equal(variantEvidence('這一背叛行為導致東突厥斯坦核心領導層被刺殺。', true).complete, false);
  assert.equal(variantEvidence('這一背叛行為導致東突厥斯坦核心領導層被刺殺。').complete, true);
  assert.equal(variantEvidence('这一背叛行为导致东突厥斯坦核心领导层被刺杀。', true).complete, true);
});

test('variantEvidence counts characters beyond the BMP and ignores lone surrogates', () => {
  const evidence = variantEvidence('𠀀𠀁 發 \ud840 x \udc00 发');
  assert.equal(evidence.han, 4);
  assert.equal(evidence.traditional, 1);
  assert.equal(evidence.simplified, 1);
});
