import { test } from 'node:test';
import assert from 'node:assert/strict';
import { read } from './index.js';
import { assertWellFormed, blockKinds, blockTexts } from './testing/invariants.js';

const md = (s: string, origin = 'statement.md') => read({ bytes: Buffer.from(s, 'utf8'), origin });

const STATEMENT = `---
title: "ETGE Statement"
author: East Turkistan Government in Exile
date: 2024-09-27
---
# Statement on the *75th* Anniversary

Washington, D.C. — The **East Turkistan Government in Exile** ([ETGE](https://example.org/etge))
solemnly marks the anniversary. See ![a map](map.png) and \`Resolution 3070\`.

Demands
-------

1) Condemn the _occupation_.
2) Recognize East Turkistan.
- A bullet that
  continues here.

> “A quotation in a block quote,” he said.

東突厥斯坦流亡政府**隆重**紀念
佔領七十五週年。
`;

test('Markdown: headings, paragraphs, list items and quotes become blocks of the text a reader sees', async () => {
  const doc = await md(STATEMENT);
  assertWellFormed(doc);
  assert.equal(doc.provenance.format, 'md');
  assert.deepEqual(blockKinds(doc), ['heading', 'paragraph', 'heading', 'list-item', 'list-item', 'list-item', 'paragraph', 'paragraph']);
  assert.deepEqual(blockTexts(doc), [
    'Statement on the 75th Anniversary',
    'Washington, D.C. — The East Turkistan Government in Exile (ETGE) solemnly marks the anniversary. See a map and Resolution 3070.',
    'Demands',
    '1) Condemn the occupation.',
    '2) Recognize East Turkistan.',
    'A bullet that continues here.',
    '“A quotation in a block quote,” he said.',
    '東突厥斯坦流亡政府隆重紀念佔領七十五週年。',
  ]);
});

test('Markdown front matter gives title, author and date and is not part of the text', async () => {
  const doc = await md(STATEMENT);
  assert.deepEqual(doc.metadata, { title: 'ETGE Statement', author: 'East Turkistan Government in Exile', date: '2024-09-27' });
  assert.ok(!doc.text.includes('title:'));
});

test('Markdown is recognised by its syntax when the name says nothing', async () => {
  const doc = await md('# A heading\n\nSome text with a [link](http://example.org).\n', 'stdin-upload');
  assert.equal(doc.provenance.format, 'md');
  assert.deepEqual(blockTexts(doc), ['A heading', 'Some text with a link.']);
});

test('arithmetic and snake_case survive emphasis stripping', async () => {
  const doc = await md('Five * three = 15, and my_variable_name stays; so does 2*3*4.\n');
  assert.deepEqual(blockTexts(doc), ['Five * three = 15, and my_variable_name stays; so does 2*3*4.']);
});

test('a front-matter date in words becomes ISO 8601; a date without a year is dropped', async () => {
  const words = await md('---\ndate: September 27, 2024\n---\nText.\n');
  assert.equal(words.metadata.date, '2024-09-27');
  const yearless = await md('---\ndate: May\n---\nText.\n');
  assert.equal(yearless.metadata.date, undefined);
});
