import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { read } from './index.js';
import { pdfDate } from './pdf.js';
import { ConcordError } from '../model.js';
import { makePdf, type PdfLine } from './testing/pdf-writer.js';
import { assertWellFormed, blockKinds, blockTexts } from './testing/invariants.js';

const line = (text: string, y: number, x = 72, size = 11): PdfLine => ({ text, x, y, size });

// Lines of one paragraph end near the right margin; the last line of a paragraph ends short.
const PDF = makePdf(
  [
    [
      line('East Turkistan Marks 75 Years', 780, 72, 18),
      line('Washington, D.C. - The East Turkistan Government in Exile solemnly marks the', 740),
      line('75th anniversary of the occupation of East Turkistan by the People\'s Republic of', 726),
      line('China. The Soviet Union orchestrated the deaths of its leaders in an intention-', 712),
      line('al betrayal that paved the way for the invasion.', 698),
      line('A second paragraph starts after a gap and runs on until the end of this line and', 676),
      line('beyond it, then it ends.', 662),
      line('1) Condemn the occupation of East Turkistan, which began in October 1949 and', 640),
      line('continues to this day.', 626, 86),
      line('2) Recognize East Turkistan as an occupied country.', 612),
      line('The last paragraph of the first page does not end on this page but runs on to', 590),
      line('3', 60),
    ],
    [
      line('the next one, where it ends.', 780),
      line('東突厥斯坦流亡政府隆重紀念東突厥斯坦被中華人民共和國佔領七十五週年，', 750),
      line('並悼念遇害的領導人。', 736),
    ],
  ],
  { title: 'ETGE Statement', author: 'ETGE Press Office', creationDate: "D:20240927103000+02'00'" },
);

test('PDF: lines join into paragraphs by layout; headings by size; list items by marker; pages by sentence', async () => {
  const doc = await read({ bytes: PDF, origin: 'statement.pdf' });
  assertWellFormed(doc);
  assert.equal(doc.provenance.format, 'pdf');
  assert.deepEqual(blockTexts(doc), [
    'East Turkistan Marks 75 Years',
    "Washington, D.C. - The East Turkistan Government in Exile solemnly marks the 75th anniversary of the occupation of East Turkistan by the People's Republic of China. The Soviet Union orchestrated the deaths of its leaders in an intentional betrayal that paved the way for the invasion.",
    'A second paragraph starts after a gap and runs on until the end of this line and beyond it, then it ends.',
    '1) Condemn the occupation of East Turkistan, which began in October 1949 and continues to this day.',
    '2) Recognize East Turkistan as an occupied country.',
    'The last paragraph of the first page does not end on this page but runs on to the next one, where it ends.',
    '東突厥斯坦流亡政府隆重紀念東突厥斯坦被中華人民共和國佔領七十五週年，並悼念遇害的領導人。',
  ]);
  assert.deepEqual(blockKinds(doc), ['heading', 'paragraph', 'paragraph', 'list-item', 'list-item', 'paragraph', 'paragraph']);
});

test('PDF info gives title, author and date', async () => {
  const doc = await read({ bytes: PDF, origin: 'statement.pdf' });
  assert.deepEqual(doc.metadata, { title: 'ETGE Statement', author: 'ETGE Press Office', date: '2024-09-27T10:30:00+02:00' });
});

test('PDF dates convert to ISO 8601 at the precision given', () => {
  assert.equal(pdfDate('D:2024'), '2024');
  assert.equal(pdfDate('D:20240927'), '2024-09-27');
  assert.equal(pdfDate('D:20240927103000Z'), '2024-09-27T10:30:00Z');
  assert.equal(pdfDate('not a date'), undefined);
});

test('a PDF without a text layer says so', async () => {
  const empty = makePdf([[]]);
  await assert.rejects(read({ bytes: empty, origin: 'scan.pdf' }), (e: Error) => e instanceof ConcordError && /no text layer/.test(e.message));
});

test('a damaged PDF is a one-line error', async () => {
  const damaged = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog\ngarbage');
  await assert.rejects(read({ bytes: damaged, origin: 'bad.pdf' }), (e: Error) => e instanceof ConcordError && /^bad\.pdf/.test(e.message) && !e.message.includes('\n'));
});

test('a PDF made by LibreOffice from the reference statement reads back its paragraphs', async () => {
  const pdf = await read(fileURLToPath(new URL('./fixtures/statement-etge-2024-en-zh.pdf', import.meta.url)));
  const txt = await read(fileURLToPath(new URL('../../examples/statement-etge-2024-en-zh.txt', import.meta.url)));
  assertWellFormed(pdf);
  const fromPdf = blockTexts(pdf);
  const fromTxt = blockTexts(txt);
  // All 15 English paragraphs come back exactly: lines joined, compounds broken at their hyphen kept whole.
  for (const paragraph of fromTxt.slice(0, 15)) assert.ok(fromPdf.includes(paragraph), `missing: ${paragraph.slice(0, 60)}`);
  assert.ok(fromPdf.some((p) => p.includes('counter-revolutionaries')) && fromPdf.some((p) => p.includes('self-determination')));
  // The Chinese lines join without the gaps the typesetter put between Chinese and Latin letters or digits.
  const squash = (blocks: string[]) => blocks.join('').replace(/\s+/g, '');
  assert.equal(squash(fromPdf), squash(fromTxt));
  assert.ok(fromPdf.some((p) => p.startsWith('1949年9月,蘇聯在8月27日')));
  // One Chinese paragraph ends on a full line with nothing below it to tell: 21 or 22 blocks, never fewer.
  assert.ok(fromPdf.length >= 21 && fromPdf.length <= 22, `${fromPdf.length} blocks`);
});

test('a running head repeated on every page is dropped after the first page', async () => {
  const page = (n: number, body: string) => [line('ETGE Press Release', 800, 72, 9), line(body, 760), line(`Page ${n} of 3`, 40, 72, 9)];
  const pdf = makePdf([page(1, 'The first page says one thing.'), page(2, 'The second page says another.'), page(3, 'The third page ends it.')]);
  const doc = await read({ bytes: pdf, origin: 'heads.pdf' });
  assert.deepEqual(blockTexts(doc), ['ETGE Press Release', 'The first page says one thing.', 'The second page says another.', 'The third page ends it.']);
});
