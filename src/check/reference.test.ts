/**
 * The reference statement (examples/, the project's own copy): English 1–15, a Chinese translation of 1–7 that
 * breaks off. What the checks must find there, through general checks only, and what they must leave alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { read } from '../read/index.js';
import { split } from '../split/index.js';
import { align } from '../align/index.js';
import { check } from './index.js';
import { lexiconAvailable } from '../lang/lexicon.js';
import type { Document, Finding } from '../model.js';

const file = fileURLToPath(new URL('../../examples/statement-etge-2024-en-zh.txt', import.meta.url));
let cached: Document | undefined;
async function reference(): Promise<Document> {
  return (cached ??= check(align(split(await read(file)))));
}
const text = (doc: Document, f: Finding, side: 'a' | 'b') => doc.text.slice(f[side]!.start, f[side]!.end);

test('reference: the translation is cut off, once, at its last words', async () => {
  const doc = await reference();
  const cut = doc.findings.filter((f) => f.kind === 'cut-off');
  assert.equal(cut.length, 1);
  assert.equal(cut[0]!.severity, 'critical');
  assert.match(text(doc, cut[0]!, 'b'), /、$/);
});

test('reference: English paragraphs 8–15 are one untranslated passage', async () => {
  const doc = await reference();
  const untranslated = doc.findings.filter((f) => f.kind === 'untranslated' && f.severity === 'major');
  assert.equal(untranslated.length, 1, untranslated.map((f) => f.message).join('\n'));
  assert.match(untranslated[0]!.message, /Paragraphs 8–15/);
});

test('reference: the untranslated dateline is reported as a dateline, not as a lost acronym', async () => {
  const doc = await reference();
  const dateline = doc.findings.filter((f) => /D\.C\./.test(f.message));
  assert.equal(dateline.length, 1, doc.findings.map((f) => f.message).join('\n'));
  assert.equal(dateline[0]!.kind, 'untranslated');
  assert.match(dateline[0]!.message, /dateline “Washington, D\.C\. —” is not translated/);
});

test('reference: the Turkic finding explains the wrong rendering with a real gloss', { skip: !lexiconAvailable() && 'lexicon not built (npm run build)' }, async () => {
  const doc = await reference();
  const turkic = doc.findings.find((f) => /Turkic/.test(f.message))!;
  assert.match(turkic.message, /“土耳其”, which means “Turkey”/);
});

test('reference: the doubled 的 and the half-width punctuation are found, each once', async () => {
  const doc = await reference();
  const doubled = doc.findings.filter((f) => f.kind === 'doubled-word');
  assert.deepEqual(doubled.map((f) => text(doc, f, 'b')), ['的的']);
  const punctuation = doc.findings.filter((f) => f.kind === 'punctuation');
  assert.equal(punctuation.length, 1);
  assert.ok(punctuation[0]!.evidence.length > 20);
});

test('reference: Turkic rendered as 土耳其 (Turkey) is found through the lexicon', { skip: !lexiconAvailable() && 'lexicon not built (npm run build)' }, async () => {
  const doc = await reference();
  const turkic = doc.findings.filter((f) => /Turkic/.test(f.message) && /土耳其/.test(f.message));
  assert.ok(turkic.length >= 2, doc.findings.map((f) => f.message).join('\n'));
  for (const f of turkic) {
    assert.equal(text(doc, f, 'a'), 'Turkic');
    assert.equal(text(doc, f, 'b'), '土耳其');
  }
});

test('reference: correct renderings are not flagged (75 years, over a million, 150,000, dates, Sinkiang)', async () => {
  const doc = await reference();
  const numeric = doc.findings.filter((f) => f.kind === 'number' || f.kind === 'date');
  assert.deepEqual(numeric.map((f) => f.message), []);
  assert.ok(!doc.findings.some((f) => /Sinkiang|新疆|Seventy|million/.test(f.message)));
});
