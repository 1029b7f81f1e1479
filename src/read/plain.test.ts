import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { read } from './index.js';
import { assertWellFormed, blockKinds, blockTexts } from './testing/invariants.js';

const text = (s: string, origin = 'statement.txt') => read({ bytes: Buffer.from(s, 'utf8'), origin });

test('the reference statement reads to 22 blocks, its numbered demands as list items', async () => {
  const path = fileURLToPath(new URL('../../examples/statement-etge-2024-en-zh.txt', import.meta.url));
  assert.ok(existsSync(path), 'examples/statement-etge-2024-en-zh.txt is part of the project');
  const doc = await read(path);
  assertWellFormed(doc);
  assert.equal(doc.blocks.length, 22);
  assert.equal(doc.provenance.format, 'txt');
  assert.equal(doc.provenance.encoding, 'utf-8');
  assert.equal(blockKinds(doc).filter((k) => k === 'list-item').length, 4);
  assert.ok(blockTexts(doc)[0]!.startsWith('Washington, D.C. —'));
  assert.equal(blockTexts(doc).filter((t) => t.startsWith('1) ')).length, 2, 'two numbered lists, each starting at 1)');
});

test('one paragraph per line: every line is a block, offsets point into the unchanged text', async () => {
  const source = 'First paragraph, long enough to be a paragraph of its own.\nSecond paragraph follows on the next line.\n第三段是中文。\n';
  const doc = await text(source);
  assert.equal(doc.text, source);
  assert.deepEqual(blockTexts(doc), source.trim().split('\n'));
  assertWellFormed(doc);
});

test('every kind of line end becomes \\n, and text is NFC', async () => {
  const doc = await text('Cafe\u0301 one.\r\nTwo.\rThree.\u2028Four.\u2029Five.\n');
  assert.equal(doc.text, 'Café one.\nTwo.\nThree.\nFour.\nFive.\n');
  assert.equal(doc.blocks.length, 5);
  assertWellFormed(doc);
});

const WRAPPED = `The East Turkistan Government in Exile solemnly marks the 75th anniversary
of the occupation of East Turkistan by the People's Republic of China. In
September 1949, the Soviet Union orchestrated the deaths of the leaders of
the East Turkistan Republic.

A second paragraph, also wrapped at seventy-two columns, calls upon the
international community to act urgently and to hold China accountable for
its crimes.

1) Condemn China's belligerent armed invasion and occupation of East
   Turkistan, which began in October 1949.
2) Recognize East Turkistan as an occupied country.
`;

test('hard-wrapped paragraphs are joined with a space, list items keep their continuation lines', async () => {
  const doc = await text(WRAPPED);
  assertWellFormed(doc);
  assert.deepEqual(blockKinds(doc), ['paragraph', 'paragraph', 'list-item', 'list-item']);
  const [first, second, item] = blockTexts(doc);
  assert.ok(first!.endsWith('In September 1949, the Soviet Union orchestrated the deaths of the leaders of the East Turkistan Republic.'));
  assert.ok(second!.startsWith('A second paragraph, also wrapped at seventy-two columns, calls upon the international'));
  assert.equal(item, "1) Condemn China's belligerent armed invasion and occupation of East Turkistan, which began in October 1949.");
});

test('hard-wrapped Chinese is joined without spaces', async () => {
  const source = '東突厥斯坦流亡政府隆重紀念東突厥斯坦\n被中華人民共和國佔領七十五週年。一九\n四九年九月，蘇聯策劃了東突厥斯坦共和\n國領導人的死亡，為中國的入侵鋪平了道\n路。\n\n第二段很短。\n';
  const doc = await text(source);
  assertWellFormed(doc);
  assert.deepEqual(blockTexts(doc), [
    '東突厥斯坦流亡政府隆重紀念東突厥斯坦被中華人民共和國佔領七十五週年。一九四九年九月，蘇聯策劃了東突厥斯坦共和國領導人的死亡，為中國的入侵鋪平了道路。',
    '第二段很短。',
  ]);
});

test('too few wrapped-looking lines are no evidence: a title and a long paragraph stay apart', async () => {
  const doc = await text('Beijing expects 268,000 graduates in 2022 - Xinhua News\nXinhua News Agency Beijing December 11th - a paragraph long enough to run well past any wrap column anybody would choose for text.\n');
  assert.equal(doc.blocks.length, 2);
});

test('short lines broken on purpose stay separate even between blank lines', async () => {
  const doc = await text('Contact:\nJohn Smith\nPress Office\n\nA long closing paragraph that ends the statement with a full sentence.\n');
  assert.deepEqual(blockTexts(doc), ['Contact:', 'John Smith', 'Press Office', 'A long closing paragraph that ends the statement with a full sentence.']);
});

test('a dateline on its own line runs into the paragraph it opens', async () => {
  const doc = await text('WASHINGTON —\nThe East Turkistan Government in Exile marks the anniversary.\nAnother paragraph.\n');
  assert.deepEqual(blockTexts(doc), ['WASHINGTON — The East Turkistan Government in Exile marks the anniversary.', 'Another paragraph.']);
});

test('list markers: numbers and labels stay in the block, bullets are left outside it', async () => {
  const doc = await text('Demands:\n1) First demand.\n2. Second demand.\n- A dash item.\n• A bullet item.\n一、中文列表項。\n（二）第二項。\n');
  assert.deepEqual(blockKinds(doc), ['paragraph', 'list-item', 'list-item', 'list-item', 'list-item', 'list-item', 'list-item']);
  assert.deepEqual(blockTexts(doc).slice(1), ['1) First demand.', '2. Second demand.', 'A dash item.', 'A bullet item.', '一、中文列表項。', '（二）第二項。']);
});

test('a short title-case line before a longer paragraph is a heading; sentences and datelines are not', async () => {
  const doc = await text(
    'Statement on the 75th Anniversary\nThe East Turkistan Government in Exile solemnly marks the anniversary of the occupation.\n' +
      'Thank you for reading this.\nThe ETGE calls upon the international community to act urgently:\n1) Act now.\n',
  );
  assert.deepEqual(blockKinds(doc), ['heading', 'paragraph', 'paragraph', 'paragraph', 'list-item']);
  const chinese = await text('佔領七十五週年聲明\n東突厥斯坦流亡政府隆重紀念東突厥斯坦被中華人民共和國佔領七十五週年。\n');
  assert.deepEqual(blockKinds(chinese), ['heading', 'paragraph']);
});
