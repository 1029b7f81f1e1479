import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { buildPairDocument } from './build.js';
import { findings } from './index.js';
import { loadGlossary, parseCsv } from './glossary.js';
import { ConcordError } from '../model.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

test('a CSV glossary gives required and forbidden renderings, quoted fields and a header', () => {
  const g = loadGlossary(fixture('glossary.csv'));
  assert.equal(g.entries.length, 3);
  const turkic = g.entries.find((e) => e.source[0]?.text === 'Turkic')!;
  assert.deepEqual(turkic.targets.map((t) => [t.text, t.status]), [['突厥', 'required'], ['土耳其', 'forbidden']]);
  assert.ok(g.entries.some((e) => e.source[0]?.text === 'East Turkistan, the homeland'));
  assert.ok(g.entries.some((e) => !e.source.length && e.targets[0]?.status === 'forbidden'));
});

test('a TBX glossary reads preferred and deprecated terms per language', () => {
  const g = loadGlossary(fixture('glossary.tbx'));
  assert.equal(g.entries.length, 1);
  assert.deepEqual(g.entries[0]!.source.map((t) => t.text), ['genocide']);
  assert.deepEqual(g.entries[0]!.targets.map((t) => [t.text, t.language, t.status]), [['種族滅絕', 'zh-Hant', 'required'], ['大屠殺', 'zh-Hant', 'forbidden']]);
});

test('glossary findings: a required rendering missing, a forbidden one used, Traditional and Simplified alike', () => {
  const glossary = loadGlossary(fixture('glossary.csv'));
  const doc = buildPairDocument({ a: [['Uyghurs and other Turkic peoples.', 'The Turkic roots.']], b: [['維吾爾族和其他土耳其民族。', '突厥根基。']] });
  const fs = findings(doc, { glossary, lexicon: false }).filter((f) => f.kind === 'terminology');
  assert.equal(fs.length, 2, JSON.stringify(fs));
  assert.ok(fs.some((f) => /should be rendered “突厥”/.test(f.message) && f.a?.sentence === 'v1.p1.s1'));
  assert.ok(fs.some((f) => /“土耳其” is a forbidden rendering of “Turkic”/.test(f.message) && doc.text.slice(f.b!.start, f.b!.end) === '土耳其'));
  const simplified = buildPairDocument({ a: [['The Turkic roots.']], b: [['突厥根基，维族。']], languageB: 'zh-Hans' });
  const fs2 = findings(simplified, { glossary, lexicon: false }).filter((f) => f.kind === 'terminology');
  assert.deepEqual(fs2.map((f) => f.message), ['Glossary: “維族” is a forbidden rendering.']);
});

test('a TBX glossary checks its own language pair', () => {
  const glossary = loadGlossary(fixture('glossary.tbx'));
  const doc = buildPairDocument({ a: [['It was a genocide.']], b: [['這是一場大屠殺。']] });
  const messages = findings(doc, { glossary, lexicon: false }).filter((f) => f.kind === 'terminology').map((f) => f.message);
  assert.deepEqual(messages.sort(), ['Glossary: “genocide” should be rendered “種族滅絕”.', 'Glossary: “大屠殺” is a forbidden rendering of “genocide”.']);
});

test('a malformed glossary is refused with a one-line error', () => {
  assert.throws(() => parseCsv('Turkic\n'), ConcordError);
  assert.throws(() => parseCsv('a,b,maybe\n'), /status must be/);
  assert.throws(() => loadGlossary('no/such/glossary.csv'), ConcordError);
});
