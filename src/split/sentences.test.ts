import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from './sentences.js';

const sentences = (text: string, language: string) => splitSentences(text, language).map((s) => text.slice(s.start, s.end));

test('English titles, initials and dotted acronyms do not end a sentence', () => {
  assert.deepEqual(sentences('ETGE President Dr. Mamtimin Ala spoke. Mr. J. R. Smith of the U.N. Human Rights Council listened.', 'en'), [
    'ETGE President Dr. Mamtimin Ala spoke.',
    'Mr. J. R. Smith of the U.N. Human Rights Council listened.',
  ]);
  // After "U.S." a word that opens sentences means the sentence did end there.
  assert.deepEqual(sentences('They flew to the U.S. The talks began at once.', 'en'), ['They flew to the U.S.', 'The talks began at once.']);
});

test('a dateline stays in the first sentence', () => {
  assert.deepEqual(sentences('Washington, D.C. — The government in exile marks the day. It calls for action.', 'en'), [
    'Washington, D.C. — The government in exile marks the day.',
    'It calls for action.',
  ]);
});

test('numbers after No., months and decimals do not break sentences', () => {
  assert.deepEqual(sentences('Resolution No. 5 was adopted on Jan. 12 by 1.5 times the quorum. It passed.', 'en'), [
    'Resolution No. 5 was adopted on Jan. 12 by 1.5 times the quorum.',
    'It passed.',
  ]);
  assert.deepEqual(sentences('Compare the reports, e.g. Amnesty International and others. Then decide.', 'en'), [
    'Compare the reports, e.g. Amnesty International and others.',
    'Then decide.',
  ]);
});

test('ellipses end a sentence before a capital and not before a lower-case continuation', () => {
  assert.deepEqual(sentences('We waited... and waited. Nothing came... Then it rained.', 'en'), ['We waited... and waited.', 'Nothing came...', 'Then it rained.']);
});

test('closing quotes stay with their sentence, and a quotation with its attribution is one sentence', () => {
  assert.deepEqual(sentences('They were labelled “enemies of China.” These massacres followed.', 'en'), [
    'They were labelled “enemies of China.”',
    'These massacres followed.',
  ]);
  assert.deepEqual(sentences('“This betrayal paved the way,” said Dr. Ala. “We remember.”', 'en'), ['“This betrayal paved the way,” said Dr. Ala.', '“We remember.”']);
  assert.deepEqual(sentences('“Is it over?” he asked. “No!” she said.', 'en'), ['“Is it over?” he asked.', '“No!” she said.']);
});

test('Chinese splits on 。！？… and half-width ! ?, closing quotes and brackets kept', () => {
  assert.deepEqual(sentences('他說：「我們會贏。」然後離開了！真的嗎？是的……我們走吧。', 'zh-Hant'), ['他說：「我們會贏。」', '然後離開了！', '真的嗎？', '是的……', '我們走吧。']);
  assert.deepEqual(sentences('報告指出，“中國共產黨打算佔領新疆。”蘇聯確保了這一點(見附件。)最後一句', 'zh-Hant'), [
    '報告指出，“中國共產黨打算佔領新疆。”',
    '蘇聯確保了這一點(見附件。)',
    '最後一句',
  ]);
  assert.deepEqual(sentences('真的吗?是的!好『很好。』', 'zh-Hans'), ['真的吗?', '是的!', '好『很好。』']);
});

test('a straight quote after 。 closes the sentence only if the sentence opened one', () => {
  assert.deepEqual(sentences('他说"我们走。"然后离开。"明天见。"', 'zh-Hans'), ['他说"我们走。"', '然后离开。', '"明天见。"']);
});

test('Chinese does not split on a half-width point inside a number or an acronym', () => {
  assert.deepEqual(sentences('增长了3.5%。美国U.S.政府回应。', 'zh-Hans'), ['增长了3.5%。', '美国U.S.政府回应。']);
});

test('other languages use their own sentence rules', () => {
  assert.deepEqual(sentences('Правительство отметило годовщину. Мир должен помнить!', 'ru'), ['Правительство отметило годовщину.', 'Мир должен помнить!']);
  assert.deepEqual(sentences('本日は記念日です。世界は忘れてはならない。', 'ja'), ['本日は記念日です。', '世界は忘れてはならない。']);
  assert.deepEqual(sentences('بىز ئەسلەيمىز. دۇنيا ئۇنتۇماسلىقى كېرەك؟ ھەئە.', 'ug-Arab'), ['بىز ئەسلەيمىز.', 'دۇنيا ئۇنتۇماسلىقى كېرەك؟', 'ھەئە.']);
});

test('sentence spans are trimmed and never empty', () => {
  const text = '  First one.   Second one.  ';
  const spans = splitSentences(text, 'en');
  assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ['First one.', 'Second one.']);
  assert.deepEqual(splitSentences('   ', 'en'), []);
});

test('a lower-case start continues the sentence only in scripts that capitalise sentences', () => {
  assert.deepEqual(sentences('Он спросил: «Правда?» она ответила.', 'ru'), ['Он спросил: «Правда?» она ответила.']);
  assert.deepEqual(sentences('გამარჯობა. როგორ ხარ?', 'ka'), ['გამარჯობა.', 'როგორ ხარ?']);
});

test('company and place abbreviations end a sentence only before a sentence opener', () => {
  assert.deepEqual(sentences('Shares of Acme Inc. rose. They sold it to Acme Inc. The deal closed near Mt. Everest.', 'en'), [
    'Shares of Acme Inc. rose.',
    'They sold it to Acme Inc.',
    'The deal closed near Mt. Everest.',
  ]);
});
