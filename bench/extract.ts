/**
 * Extraction speed: a synthetic document of ~5,000 sentences built by repeating the reference statement's
 * English and Chinese paragraphs with varied numbers and years (every repetition a new passage), aligned
 * paragraph by paragraph, then `extract` timed on one core. Target: < 2 s.
 *
 *   npm run bench:extract [-- --sentences N]
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Alignment, Document, Link } from '../src/model.js';
import { read } from '../src/read/index.js';
import { split } from '../src/split/index.js';
import { extract } from '../src/extract/index.js';
import { buildView } from '../src/extract/view.js';
import { findEntities } from '../src/extract/entities.js';
import { findDocumentTimes } from '../src/extract/times.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = Number(process.argv[process.argv.indexOf('--sentences') + 1]) || 5000;
const reference = readFileSync(join(root, 'examples', 'statement-etge-2024-en-zh.txt'), 'utf8');
const paragraphs = reference.split('\n').filter((p) => p.trim());
const english = paragraphs.filter((p) => !/[\u4e00-\u9fff]/.test(p));
const chinese = paragraphs.filter((p) => /[\u4e00-\u9fff]/.test(p));

/** Years and counts shifted by the repetition number, the same way in both languages. */
const vary = (p: string, k: number) => p.replace(/\d[\d,]*/g, (n) => {
  const v = Number(n.replace(/,/g, ''));
  if (v <= 31) return n;
  const shifted = v >= 1900 && v <= 2100 ? v + (k % 10) : v + k * 7;
  return n.includes(',') ? shifted.toLocaleString('en-US') : String(shifted);
});

const perBlock = 51; // sentences of the reference (33 English, 18 Chinese)
const blocks = Math.max(1, Math.round(target / perBlock));
const en: string[] = [];
const zh: string[] = [];
for (let k = 0; k < blocks; k++) {
  en.push(...english.map((p) => vary(p, k)));
  zh.push(...chinese.map((p) => vary(p, k)));
}
const text = [...en, ...zh].join('\n') + '\n';

const t0 = performance.now();
const base = split(await read({ bytes: new TextEncoder().encode(text), origin: 'synthetic.txt' }));
const tSplit = performance.now() - t0;
const [v1, v2] = base.versions;
if (!v1 || !v2) throw new Error('synthetic document did not split into two versions');
const links: Link[] = [];
for (let k = 0; k < blocks; k++) {
  chinese.forEach((_, i) => {
    const pa = v1.paragraphs[k * english.length + i];
    const pb = v2.paragraphs[k * chinese.length + i];
    if (pa && pb) links.push({ level: 'paragraph', a: [pa.id], b: [pb.id], confidence: 1 });
  });
}
const alignment: Alignment = { versions: [v1.id, v2.id], links };
const doc: Document = { ...base, alignments: [alignment] };
const sentences = doc.versions.reduce((n, v) => n + v.paragraphs.reduce((m, p) => m + p.sentences.length, 0), 0);

// Warm the lazily loaded resources (lexicon, pinyin) on the reference, as a CLI run would pay them once.
extract({ ...doc, versions: doc.versions.map((v) => ({ ...v, paragraphs: v.paragraphs.slice(0, 15) })), alignments: [] });

/** Wall time and CPU time (user + system) of one call: CPU time is what one core spends, whatever else runs. */
function measure<T>(run: () => T): { result: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = run();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { result, wall, cpu: (c.user + c.system) / 1000 };
}

const whole = measure(() => extract(doc));
const out = whole.result;
const view = buildView(doc);
const times = measure(() => findDocumentTimes(view));
const entities = measure(() => findEntities(view));

const byType = new Map<string, number>();
for (const f of out.facts) byType.set(f.type, (byType.get(f.type) ?? 0) + 1);
console.log(`document: ${sentences} sentences (${blocks} repetitions), ${(text.length / 1024).toFixed(0)} KiB; read+split ${tSplit.toFixed(0)} ms (not counted)`);
console.log(`extract:  ${whole.cpu.toFixed(0)} ms CPU (${whole.wall.toFixed(0)} ms wall)  target < 2000 ms  ${((whole.cpu / sentences) * 1000).toFixed(0)} µs/sentence`);
console.log(`  of which time expressions (src/extract/time) ≈ ${times.cpu.toFixed(0)} ms CPU, entities ≈ ${entities.cpu.toFixed(0)} ms CPU`);
console.log(`  extract without time expressions ≈ ${(whole.cpu - times.cpu).toFixed(0)} ms CPU`);
console.log(`facts: ${out.facts.length} (${[...byType].map(([t, n]) => `${t} ${n}`).join(', ')})`);
