/**
 * Time-expression benchmark: TempEval-3 Task A on the TimeBank + AQUAINT training data (`../shared/eval/timebank-aquaint`),
 * split into a tuning part and a held-out part, plus our own English and Chinese fixtures.
 *
 *   npm run bench:time               scores and speed
 *   npm run bench:time -- --errors   also prints the mismatches of the tuning part
 *   npm run bench:time -- --errors=test   … of the held-out part
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDocumentTimes } from '../src/extract/time/index.js';
import type { Timex } from '../src/extract/time/index.js';
import {
  type Counts, type Mismatch, type TimeMLDocument, addCounts, emptyCounts, flattenIntervals, parseTimeML, score, scores, sentenceSpans,
} from '../src/extract/time/timeml.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = resolve(root, '../shared/eval/timebank-aquaint');
const fixtureDir = join(root, 'src/extract/time/fixtures');
const showErrors = process.argv.find((a) => a.startsWith('--errors'));

/** Deterministic split: a file is held out when its name hashes to 0 mod 5 (about a fifth of the documents). */
function heldOut(name: string): boolean {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h % 5 === 0;
}

function runDocument(doc: TimeMLDocument, lang: 'en' | 'zh'): { timexes: Timex[]; sentences: number } {
  const spans = sentenceSpans(doc.text);
  const result = resolveDocumentTimes(spans.map((s) => ({ text: doc.text.slice(s.start, s.end), lang })), doc.dct);
  const timexes: Timex[] = [];
  result.sentences.forEach((list, i) => {
    const offset = spans[i]!.start;
    for (const t of flattenIntervals(list)) timexes.push({ ...t, start: t.start + offset, end: t.end + offset });
  });
  return { timexes, sentences: spans.length };
}

const pct = (x: number) => (100 * x).toFixed(2).padStart(6);

function report(label: string, c: Counts): void {
  const s = scores(c);
  console.log(
    `${label.padEnd(28)} gold ${String(c.gold).padStart(4)}  sys ${String(c.system).padStart(4)} | relaxed P ${pct(s.relaxed.p)} R ${pct(s.relaxed.r)} F1 ${pct(s.relaxed.f1)}` +
      ` | strict P ${pct(s.strict.p)} R ${pct(s.strict.r)} F1 ${pct(s.strict.f1)} | type acc ${pct(s.typeAccuracy)} F1 ${pct(s.typeF1)} | value acc ${pct(s.valueAccuracy)} F1 ${pct(s.valueF1)}`,
  );
}

function printMismatches(doc: TimeMLDocument, list: Mismatch[]): void {
  for (const m of list) {
    const g = m.gold ? `${m.gold.text} [${m.gold.type} ${m.gold.value}${m.gold.mod ? ' ' + m.gold.mod : ''}]` : '';
    const s = m.system ? `${m.system.text} [${m.system.type} ${m.system.value}]` : '';
    const at = m.gold ?? m.system!;
    const context = doc.text.slice(Math.max(0, at.start - 40), at.end + 40).replace(/\s+/g, ' ');
    console.log(`  ${m.kind.padEnd(8)} ${doc.id} dct=${doc.dct}  gold: ${g}  sys: ${s}  «${context}»`);
  }
}

function scoreSet(docs: { doc: TimeMLDocument; lang: 'en' | 'zh' }[], errors: boolean): { counts: Counts; sentences: number; ms: number } {
  let counts = emptyCounts();
  let sentences = 0;
  let ms = 0;
  for (const { doc, lang } of docs) {
    const t0 = performance.now();
    const run = runDocument(doc, lang);
    ms += performance.now() - t0;
    sentences += run.sentences;
    const mismatches: Mismatch[] | undefined = errors ? [] : undefined;
    counts = addCounts(counts, score(doc.timexes, run.timexes, mismatches));
    if (mismatches) printMismatches(doc, mismatches);
  }
  return { counts, sentences, ms };
}

function loadDir(dir: string): { name: string; doc: TimeMLDocument }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tml'))
    .sort()
    .map((f) => ({ name: f, doc: parseTimeML(readFileSync(join(dir, f), 'utf8'), f) }));
}

console.log('TempEval-3 Task A scoring (relaxed/strict extent P/R/F1; type and value accuracy over relaxed matches; attribute F1 = relaxed F1 × accuracy)\n');

if (!existsSync(evalDir)) {
  console.log(`SKIP TimeBank/AQUAINT: ${evalDir} not found (the evaluation data lives outside the project).`);
} else {
  const all = [...loadDir(join(evalDir, 'TimeBank')), ...loadDir(join(evalDir, 'AQUAINT'))];
  const dev = all.filter((d) => !heldOut(d.name)).map((d) => ({ doc: d.doc, lang: 'en' as const }));
  const test = all.filter((d) => heldOut(d.name)).map((d) => ({ doc: d.doc, lang: 'en' as const }));
  const devRun = scoreSet(dev, showErrors === '--errors');
  const testRun = scoreSet(test, showErrors === '--errors=test');
  report(`tuning part (${dev.length} docs)`, devRun.counts);
  report(`held-out part (${test.length} docs)`, testRun.counts);
  report(`all (${all.length} docs)`, addCounts(devRun.counts, testRun.counts));
  console.log('published on the TempEval-3 platinum test set: HeidelTime relaxed 90.30 strict 81.34 value 77.61; SUTime value 67.38; chrono-node ≈41');
  const sentences = devRun.sentences + testRun.sentences;
  const ms = devRun.ms + testRun.ms;
  console.log(`\nspeed: ${sentences} sentences in ${ms.toFixed(0)} ms = ${((ms / sentences) * 1000).toFixed(1)} ms per 1,000 sentences (first pass, includes warm-up)`);

  // A 5,000-sentence English document, warmed up: what the extract stage pays for time expressions.
  const pool = all.flatMap(({ doc }) => sentenceSpans(doc.text).map((s) => doc.text.slice(s.start, s.end)));
  const big = Array.from({ length: 5000 }, (_, i) => ({ text: pool[i % pool.length]!, lang: 'en' as const }));
  resolveDocumentTimes(big.slice(0, 500), '2000-01-01');
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const [t0, c0] = [performance.now(), cpu()];
  resolveDocumentTimes(big, '2000-01-01');
  const [t1, c1] = [performance.now(), cpu()];
  resolveDocumentTimes(big);
  const [t2, c2] = [performance.now(), cpu()];
  console.log(
    `speed: 5,000-sentence document ${(t1 - t0).toFixed(0)} ms wall / ${(c1 - c0).toFixed(0)} ms CPU with a DCT, ` +
      `${(t2 - t1).toFixed(0)} ms wall / ${(c2 - c1).toFixed(0)} ms CPU without (document date inferred) → ${((c1 - c0) / 5).toFixed(1)} ms CPU per 1,000 sentences`,
  );
}

console.log('\nOwn fixtures (written for this project, src/extract/time/fixtures):');
for (const [file, lang] of [['en.tml', 'en'], ['zh.tml', 'zh']] as const) {
  const path = join(fixtureDir, file);
  if (!existsSync(path)) {
    console.log(`SKIP ${file}: not found`);
    continue;
  }
  const doc = parseTimeML(readFileSync(path, 'utf8'), file);
  const run = scoreSet([{ doc, lang }], showErrors === '--errors=fixtures');
  report(`fixtures ${file}`, run.counts);
}
