/**
 * Sentence-alignment benchmark on MAC-Dev (../shared/eval/mac-dev, read at run time, never copied).
 *
 *   npm run bench:align            all sections
 *   npm run bench:align -- --quick scores and ablations only
 *
 * Prints: the scorer check against the Bertalign output, lexicon load time and memory, strict / lax P/R/F1 per
 * document and in total, the ablation table, FMM vs Intl.Segmenter, and speed for the set repeated 1×, 4×, 16×
 * (each in a fresh process, lexicon load included).
 */
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { alignSentences, type AlignOptions } from '../src/align/sentences.js';
import { documentCounts, parseBeads, scoresOf, sumCounts, type DocumentCounts, type IndexBead } from '../src/align/beads.js';
import { loadLexicon } from '../src/lang/lexicon.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const macDev = join(root, '..', 'shared', 'eval', 'mac-dev');

interface EvalDocument {
  id: string;
  zh: string[];
  en: string[];
  gold: IndexBead[];
}

function lines(path: string): string[] {
  const text = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

function loadSet(): EvalDocument[] {
  return readdirSync(join(macDev, 'gold'))
    .filter((f) => f.endsWith('.align'))
    .sort()
    .map((f) => {
      const id = f.replace(/\.align$/, '');
      return { id, zh: lines(join(macDev, 'zh', id)), en: lines(join(macDev, 'en', id)), gold: parseBeads(readFileSync(join(macDev, 'gold', f), 'utf8'), f) };
    });
}

const pct = (v: number) => v.toFixed(3);

function row(name: string, counts: DocumentCounts): string {
  const s = scoresOf(counts);
  return `| ${name} | ${pct(s.strict.precision)} | ${pct(s.strict.recall)} | ${pct(s.strict.f1)} | ${pct(s.lax.precision)} | ${pct(s.lax.recall)} | ${pct(s.lax.f1)} |`;
}

const header = ['| document | strict P | strict R | strict F1 | lax P | lax R | lax F1 |', '|---|---|---|---|---|---|---|'];

interface Calibration {
  beads: number;
  exact: number;
}

function evaluate(set: EvalDocument[], options: AlignOptions): { perDocument: DocumentCounts[]; total: DocumentCounts; ms: number; calibration: Calibration[] } {
  const started = performance.now();
  const calibration: Calibration[] = CONFIDENCE_BINS.map(() => ({ beads: 0, exact: 0 }));
  const perDocument = set.map((doc) => {
    const beads = alignSentences(doc.zh, doc.en, 'zh', 'en', options);
    const gold = new Set(doc.gold.map((g) => `${g.a}:${g.b}`));
    for (const bead of beads) {
      const bin = calibration[CONFIDENCE_BINS.findIndex(([lo, hi]) => bead.confidence >= lo && bead.confidence < hi)]!;
      bin.beads++;
      if (gold.has(`${bead.a}:${bead.b}`)) bin.exact++;
    }
    return documentCounts(doc.gold, beads);
  });
  return { perDocument, total: sumCounts(perDocument), ms: performance.now() - started, calibration };
}

const CONFIDENCE_BINS: [number, number][] = [
  [0, 0.5],
  [0.5, 0.8],
  [0.8, 0.95],
  [0.95, 1.01],
];

/** CPU time of this process's main thread in ms (Linux /proc; background JIT and GC threads excluded), or NaN. */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return NaN;
  }
}

/** Child mode: align the set repeated `times` times in this fresh process and print JSON figures. */
function speedRun(times: number): void {
  const cpuStarted = process.cpuUsage();
  const threadStarted = mainThreadCpuMs();
  const started = performance.now();
  loadLexicon();
  const loaded = performance.now();
  const set = loadSet();
  let sentences = 0;
  for (const doc of set) {
    const zh = Array.from({ length: times }, () => doc.zh).flat();
    const en = Array.from({ length: times }, () => doc.en).flat();
    sentences += zh.length + en.length;
    alignSentences(zh, en, 'zh', 'en');
  }
  const done = performance.now();
  const cpu = process.cpuUsage(cpuStarted);
  const threadMs = mainThreadCpuMs() - threadStarted;
  process.stdout.write(JSON.stringify({ times, sentences, loadMs: loaded - started, alignMs: done - loaded, totalMs: done - started, cpuMs: (cpu.user + cpu.system) / 1000, threadMs, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

/** Child mode: a synthetic stress input, run in a fresh process so its memory is measured alone. */
function stressRun(kind: string): void {
  const started = performance.now();
  let beads = 0;
  let note = '';
  try {
    if (kind === 'empty') beads = alignSentences([], [], 'zh', 'en').length;
    else if (kind === 'one-side-empty') beads = alignSentences(loadSet()[0]!.zh, [], 'zh', 'en').length;
    else if (kind === 'long-lines') {
      const zh = Array.from({ length: 20 }, (_, i) => (i % 5 === 0 ? '他們在河邊走了很久，談到了過去的日子。'.repeat(5000) : `第${i}句很短。`));
      const en = Array.from({ length: 20 }, (_, i) => (i % 5 === 0 ? 'They walked by the river for a long time and talked about the old days. '.repeat(1400) : `Sentence ${i} is short.`));
      beads = alignSentences(zh, en, 'zh', 'en').length;
    } else if (kind === '200k') {
      const a = Array.from({ length: 200_000 }, (_, i) => `Line ${i}: the committee met ${i % 7 ? 'again' : 'for the first time'} and adopted ${i % 13} texts.`);
      const b = Array.from({ length: 200_000 }, (_, i) => `Zeile ${i}: der Ausschuss trat ${i % 7 ? 'erneut' : 'zum ersten Mal'} zusammen und nahm ${i % 13} Texte an.`);
      beads = alignSentences(a, b, 'en', 'de').length;
    }
  } catch (error) {
    note = `error: ${(error as Error).message}`;
  }
  process.stdout.write(JSON.stringify({ kind, beads, ms: performance.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024, note }) + '\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const stressIndex = args.indexOf('--stress-run');
  if (stressIndex >= 0) return stressRun(args[stressIndex + 1] ?? '');
  const speedIndex = args.indexOf('--speed-run');
  if (speedIndex >= 0) return speedRun(Number(args[speedIndex + 1] ?? 1));
  if (!existsSync(join(macDev, 'gold'))) {
    console.log(`bench:align skipped: MAC-Dev not found at ${macDev}`);
    return;
  }
  const quick = args.includes('--quick');
  const set = loadSet();
  const zhCount = set.reduce((n, d) => n + d.zh.length, 0);
  const enCount = set.reduce((n, d) => n + d.en.length, 0);
  console.log(`MAC-Dev: ${set.length} documents, ${zhCount} zh × ${enCount} en sentences, ${set.reduce((n, d) => n + d.gold.length, 0)} gold beads\n`);

  // 1. Scorer check: the Bertalign output must score strict F1 0.911, lax F1 0.998.
  const bertalign = sumCounts(set.map((doc) => documentCounts(doc.gold, parseBeads(readFileSync(join(macDev, 'bertalign-output', `${doc.id}.align`), 'utf8')))));
  const b = scoresOf(bertalign);
  console.log(`Scorer check (Bertalign output vs gold): strict F1 ${pct(b.strict.f1)} (published 0.911), lax F1 ${pct(b.lax.f1)} (published 0.998)\n`);

  // 2. Lexicon load in this process (cold: first load).
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  const loadStarted = performance.now();
  const lexicon = loadLexicon();
  const loadMs = performance.now() - loadStarted;
  console.log(`Lexicon: ${lexicon.size} headwords, ${lexicon.stems.length} English stems; load ${loadMs.toFixed(0)} ms, +${((process.memoryUsage().rss - rssBefore) / 1e6).toFixed(0)} MB RSS, +${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(0)} MB heap\n`);

  // 3. Full system per document and total.
  const full = evaluate(set, {});
  console.log('Concord aligner (lexicon + anchors + length + second pass + pinyin):');
  console.log([...header, ...set.map((doc, i) => row(doc.id, full.perDocument[i]!)), row('**total**', full.total)].join('\n'));
  console.log(`(aligned in ${full.ms.toFixed(0)} ms, this process, lexicon already loaded)\n`);
  console.log('Confidence calibration (share of output beads identical to a gold bead):');
  console.log('| confidence | beads | exact |\n|---|---|---|');
  CONFIDENCE_BINS.forEach(([lo, hi], i) => {
    const bin = full.calibration[i]!;
    console.log(`| [${lo.toFixed(2)}, ${Math.min(1, hi).toFixed(2)}${hi > 1 ? ']' : ')'} | ${bin.beads} | ${bin.beads ? pct(bin.exact / bin.beads) : '—'} |`);
  });
  console.log('');

  // 4. Ablations.
  const ablations: [string, AlignOptions][] = [
    ['full system', {}],
    ['no lexicon', { lexicon: false }],
    ['no anchors', { anchors: false }],
    ['no length', { length: false }],
    ['no second pass', { secondPass: false }],
    ['no pinyin names', { pinyin: false }],
    ['Intl.Segmenter instead of FMM', { segmenter: 'intl' }],
  ];
  console.log('Ablation (total over the set):');
  console.log(['| system | strict P | strict R | strict F1 | lax P | lax R | lax F1 | Δ strict F1 |', '|---|---|---|---|---|---|---|---|'].join('\n'));
  const base = scoresOf(full.total).strict.f1;
  for (const [name, options] of ablations) {
    const result = name === 'full system' ? full : evaluate(set, options);
    console.log(`${row(name, result.total)} ${(scoresOf(result.total).strict.f1 - base >= 0 ? '+' : '') + (scoresOf(result.total).strict.f1 - base).toFixed(3)} |`);
  }
  console.log('');
  if (quick) return;

  // 5. Speed and memory, each in a fresh process: lexicon load + alignment of the set repeated 1×, 4×, 16×.
  console.log('Speed (fresh process each, one core, lexicon load included):');
  console.log('| repeat | sentences | lexicon load ms | align ms | total wall ms | CPU ms, all threads | CPU ms, main thread | main-thread ms per 1k sentences | max RSS MB |\n|---|---|---|---|---|---|---|---|---|');
  // The last row runs V8 single-threaded (compiler and collector on the main thread too): the whole cost on one core.
  for (const [times, v8Flags] of [[1, []], [4, []], [16, []], [1, ['--single-threaded']]] as [number, string[]][]) {
    const out = execFileSync(process.execPath, [...v8Flags, '--import', 'tsx', fileURLToPath(import.meta.url), '--speed-run', String(times)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
    const r = JSON.parse(out.trim().split('\n').pop()!);
    console.log(`| ${times}×${v8Flags.length ? ' (V8 single-threaded)' : ''} | ${r.sentences} | ${r.loadMs.toFixed(0)} | ${r.alignMs.toFixed(0)} | ${r.totalMs.toFixed(0)} | ${r.cpuMs.toFixed(0)} | ${r.threadMs.toFixed(0)} | ${((r.threadMs / r.sentences) * 1000).toFixed(1)} | ${r.maxRssMb.toFixed(0)} |`);
  }

  // 6. Bad input, each in a fresh process.
  console.log('\nBad input (fresh process each):');
  console.log('| input | beads | ms | max RSS MB | note |\n|---|---|---|---|---|');
  for (const kind of ['empty', 'one-side-empty', 'long-lines', '200k']) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--stress-run', kind], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
    const r = JSON.parse(out.trim().split('\n').pop()!);
    const label = { empty: 'both sides empty', 'one-side-empty': 'English side empty (001 zh)', 'long-lines': '20 lines, 4 of ~100k characters', '200k': '200k × 200k sentences (en–de)' }[kind as 'empty'];
    console.log(`| ${label} | ${r.beads} | ${r.ms.toFixed(0)} | ${r.maxRssMb.toFixed(0)} | ${r.note || 'ok'} |`);
  }
}

main();
