import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { read } from '../read/index.js';
import { split } from '../split/index.js';
import { align } from './index.js';
import { lexiconAvailable } from '../lang/lexicon.js';
import type { Document } from '../model.js';

const skip = !lexiconAvailable() && 'compiled lexicon missing: run `npm run build`';
const reference = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'statement-etge-2024-en-zh.txt');

test('reference statement: Chinese paragraphs 1–7 ↔ English 1–7, English 8–15 aligned to nothing', { skip }, async () => {
  const doc = align(split(await read(reference)));
  assert.equal(doc.alignments.length, 1);
  const [alignment] = doc.alignments;
  const english = doc.versions.find((v) => v.language === 'en')!;
  const chinese = doc.versions.find((v) => v.language.startsWith('zh'))!;
  assert.deepEqual(alignment!.versions, [english.id, chinese.id]);
  const paragraphLinks = alignment!.links.filter((l) => l.level === 'paragraph');
  const number = (id: string) => Number(id.split('.p')[1]);
  const paired = paragraphLinks.filter((l) => l.a.length && l.b.length).map((l) => [l.a.map(number), l.b.map(number)]);
  assert.deepEqual(paired, [1, 2, 3, 4, 5, 6, 7].map((n) => [[n], [n]]));
  const untranslated = paragraphLinks.filter((l) => !l.b.length).flatMap((l) => l.a.map(number));
  assert.deepEqual(untranslated, [8, 9, 10, 11, 12, 13, 14, 15]);
  assert.equal(paragraphLinks.filter((l) => !l.a.length).length, 0);
});

test('sentence links cover every sentence of both versions exactly once, inside the paragraph links', { skip }, async () => {
  const doc = align(split(await read(reference)));
  const links = doc.alignments[0]!.links;
  for (const version of doc.versions) {
    const side = version.id === doc.alignments[0]!.versions[0] ? 'a' : 'b';
    const linked = links.filter((l) => l.level === 'sentence').flatMap((l) => l[side]);
    assert.deepEqual(linked, version.paragraphs.flatMap((p) => p.sentences.map((s) => s.id)));
  }
  for (const l of links) assert.ok(l.confidence >= 0 && l.confidence <= 1);
});

test('a document with one version gets no alignments', () => {
  const doc: Document = {
    id: 'x', text: 'Hello.', provenance: { origin: '-', sha256: '0', encoding: 'utf-8', format: 'txt', bytes: 6 }, metadata: {},
    versions: [{ id: 'v1', language: 'en', paragraphs: [{ id: 'v1.p1', text: 'Hello.', start: 0, end: 6, kind: 'paragraph', language: 'en', sentences: [{ id: 'v1.p1.s1', text: 'Hello.', start: 0, end: 6 }] }] }],
    alignments: [], findings: [], facts: [],
  };
  assert.deepEqual(align(doc).alignments, []);
});
