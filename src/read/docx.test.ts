import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { read } from './index.js';
import { ConcordError } from '../model.js';
import { makeDocx, makeZip } from './testing/docx-writer.js';
import { assertWellFormed, blockKinds, blockTexts } from './testing/invariants.js';

const DOCX = makeDocx(
  [
    { text: 'East Turkistan marks 75 years', style: 'Title' },
    { text: 'Washington, D.C. — The ETGE solemnly marks the anniversary.' },
    { text: 'Demands', style: 'Heading1' },
    { text: 'Condemn the occupation.', list: 'number' },
    { text: 'Recognize East Turkistan.', list: 'number' },
    { text: 'A bullet point.', list: 'bullet' },
    { text: '東突厥斯坦流亡政府隆重紀念。' },
  ],
  { title: 'ETGE Statement', creator: 'ETGE Press Office', created: '2024-09-27T12:00:00Z' },
);

test('DOCX: headings, paragraphs and numbered and bulleted list items, whatever the file is called', async () => {
  const doc = await read({ bytes: DOCX, origin: 'statement.bin' });
  assertWellFormed(doc);
  assert.equal(doc.provenance.format, 'docx');
  assert.equal(doc.provenance.encoding, 'binary');
  assert.deepEqual(blockKinds(doc), ['heading', 'paragraph', 'heading', 'list-item', 'list-item', 'list-item', 'paragraph']);
  assert.deepEqual(blockTexts(doc), [
    'East Turkistan marks 75 years',
    'Washington, D.C. — The ETGE solemnly marks the anniversary.',
    'Demands',
    '1. Condemn the occupation.',
    '2. Recognize East Turkistan.',
    'A bullet point.',
    '東突厥斯坦流亡政府隆重紀念。',
  ]);
});

test('DOCX core properties give title, author and date', async () => {
  const doc = await read({ bytes: DOCX, origin: 'statement.docx' });
  assert.deepEqual(doc.metadata, { title: 'ETGE Statement', author: 'ETGE Press Office', date: '2024-09-27T12:00:00Z' });
});

test('a damaged DOCX is a one-line error', async () => {
  const damaged = makeZip({ 'word/document.xml': '<w:document><w:body><w:p>' });
  await assert.rejects(read({ bytes: damaged, origin: 'bad.docx' }), (e: Error) => e instanceof ConcordError && /^bad\.docx: cannot read this DOCX/.test(e.message) && !e.message.includes('\n'));
});

test('a ZIP that is not a DOCX is refused by name', async () => {
  const zip = makeZip({ 'content.xml': '<office:document/>', 'mimetype': 'application/vnd.oasis.opendocument.text' });
  await assert.rejects(read({ bytes: zip, origin: 'x.odt' }), /OpenDocument/);
});

test('a DOCX made by LibreOffice from the reference statement reads to the same 22 blocks as the text', async () => {
  const docx = await read(fileURLToPath(new URL('./fixtures/statement-etge-2024-en-zh.docx', import.meta.url)));
  const txt = await read(fileURLToPath(new URL('../../examples/statement-etge-2024-en-zh.txt', import.meta.url)));
  assertWellFormed(docx);
  assert.deepEqual(blockTexts(docx), blockTexts(txt));
});
