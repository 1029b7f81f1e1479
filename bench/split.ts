/**
 * bench:split — does `read` + `split` put every paragraph in the right language version, whatever the layout, and
 * how fast? Test inputs are built at run time from the WMT22 zh→en test set (../shared/eval/wmt22-zh-en, never
 * copied into the project): per document, the Chinese source segments and the English reference segments, one
 * paragraph each, laid out as
 *   zh-then-en · en-then-zh · interleaved (zh, en, zh, en …) · Traditional (en then zh-Hant via OpenCC) ·
 *   en + zh-Hans + zh-Hant (three versions) · zh only · en only.
 * Prints the share of paragraphs placed right per layout (target ≥ 99.5 %), paragraphs/s, peak memory, the time to
 * read and split the 305 documents once (target < 2 s), and the cold start of `concord analyze` on the reference
 * (target < 500 ms; needs `npm run build`).
 *
 * Usage: npm run bench:split [-- --verbose]   (--verbose lists misplaced paragraphs)
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { read } from '../src/read/index.js';
import { split } from '../src/split/index.js';
import { toTraditional } from '../src/lang/chinese.js';
import type { Document } from '../src/model.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const wmtPath = resolve(root, '../shared/eval/wmt22-zh-en/wmttest2022.zh-en.xml');
const verbose = process.argv.includes('--verbose');

interface Pair {
  id: string;
  zh: string[];
  en: string[];
}

type Line = { text: string; language: string };
interface Layout {
  name: string;
  build(pair: Pair): Line[];
}

const LAYOUTS: Layout[] = [
  { name: 'zh-then-en', build: (p) => [...p.zh.map(zhHans), ...p.en.map(en)] },
  { name: 'en-then-zh', build: (p) => [...p.en.map(en), ...p.zh.map(zhHans)] },
  { name: 'interleaved', build: (p) => p.zh.flatMap((zh, i) => [zhHans(zh), ...(p.en[i] !== undefined ? [en(p.en[i]!)] : [])]) },
  { name: 'traditional', build: (p) => [...p.en.map(en), ...p.zh.map((zh) => ({ text: toTraditional(zh), language: 'zh-Hant' }))] },
  // The same Chinese twice, Simplified then Traditional: short lines common to both scripts are placed by position.
  { name: 'en+Hans+Hant', build: (p) => [...p.en.map(en), ...p.zh.map(zhHans), ...p.zh.map((zh) => ({ text: toTraditional(zh), language: 'zh-Hant' }))] },
  { name: 'zh only', build: (p) => p.zh.map(zhHans) },
  { name: 'en only', build: (p) => p.en.map(en) },
];
function zhHans(text: string): Line {
  return { text, language: 'zh-Hans' };
}
function en(text: string): Line {
  return { text, language: 'en' };
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!,
  );
}
const segments = (xml: string) => [...xml.matchAll(/<seg[^>]*>([\s\S]*?)<\/seg>/g)].map((m) => unescapeXml(m[1]!).trim()).filter(Boolean);

/** Every document; those without an English reference (48 of 305) come with `en: []` and test one-language input. */
function loadPairs(): { pairs: Pair[]; withoutReference: number } {
  const xml = readFileSync(wmtPath, 'utf8');
  const pairs: Pair[] = [];
  let withoutReference = 0;
  for (const doc of xml.matchAll(/<doc\s+([^>]*)>([\s\S]*?)<\/doc>/g)) {
    const id = /id="([^"]*)"/.exec(doc[1]!)?.[1] ?? String(pairs.length);
    const body = doc[2]!;
    const source = /<src[^>]*>([\s\S]*?)<\/src>/.exec(body)?.[1];
    // Reference A where the document has one, else B.
    const reference = /<ref[^>]*translator="A"[^>]*>([\s\S]*?)<\/ref>/.exec(body)?.[1] ?? /<ref[^>]*>([\s\S]*?)<\/ref>/.exec(body)?.[1];
    if (!source) continue;
    if (!reference) withoutReference++;
    pairs.push({ id, zh: segments(source), en: reference ? segments(reference) : [] });
  }
  return { pairs, withoutReference };
}

interface Outcome {
  paragraphs: number;
  right: number;
  /** Documents whose number of versions differs from the number of languages put in. */
  docsWithWrongVersionCount: number;
  readMs: number;
  splitMs: number;
  /** CPU time (user + system) of read + split: what one core spends, whatever else the machine is doing. */
  cpuMs: number;
  misplaced: string[];
}

/** Paragraphs are separated by blank lines, the one paragraph convention every reader agrees on. */
async function runLayout(layout: Layout, pairs: Pair[], inputs: Map<Pair, { bytes: Uint8Array; lines: Line[] }>): Promise<Outcome> {
  const outcome: Outcome = { paragraphs: 0, right: 0, docsWithWrongVersionCount: 0, readMs: 0, splitMs: 0, cpuMs: 0, misplaced: [] };
  for (const pair of pairs) {
    const input = inputs.get(pair);
    if (!input) continue;
    const { bytes, lines } = input;
    const cpu = process.cpuUsage();
    let t = performance.now();
    const textDocument = await read({ bytes, origin: `${pair.id}.txt` });
    outcome.readMs += performance.now() - t;
    t = performance.now();
    const doc = split(textDocument);
    outcome.splitMs += performance.now() - t;
    const used = process.cpuUsage(cpu);
    outcome.cpuMs += (used.user + used.system) / 1000;
    score(doc, lines, pair.id, outcome);
  }
  return outcome;
}

/** Each paragraph's version language against the language of the line it came from (found by offset). */
function score(doc: Document, lines: Line[], id: string, outcome: Outcome): void {
  const lineStarts: number[] = [];
  const separator = /\n\s*\n/g;
  lineStarts.push(0);
  for (const m of doc.text.matchAll(separator)) lineStarts.push(m.index! + m[0].length);
  if (doc.versions.length !== new Set(lines.map((l) => l.language)).size) outcome.docsWithWrongVersionCount++;
  const seen = new Set<number>();
  for (const version of doc.versions) {
    for (const p of version.paragraphs) {
      const line = lastAtOrBefore(lineStarts, p.start);
      seen.add(line);
      outcome.paragraphs++;
      const expected = lines[line]?.language;
      if (version.language === expected) outcome.right++;
      else if (verbose) outcome.misplaced.push(`${id} line ${line}: expected ${expected}, got ${version.language} (${p.language}): ${p.text.slice(0, 80)}`);
    }
  }
  // A line the reader dropped or merged is a paragraph that did not reach the right version either.
  const lost = lines.length - seen.size;
  if (lost > 0) {
    outcome.paragraphs += lost;
    if (verbose) outcome.misplaced.push(`${id}: ${lost} lines did not become paragraphs of their own`);
  }
}

function lastAtOrBefore(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const pct = (a: number, b: number) => ((100 * a) / Math.max(1, b)).toFixed(2) + ' %';
const ms = (x: number) => x.toFixed(0).padStart(5) + ' ms';

async function main(): Promise<void> {
  if (!existsSync(wmtPath)) {
    console.log(`bench:split skipped: ${wmtPath} not found (the WMT22 evaluation data lives outside the project).`);
    return;
  }
  const loadStart = performance.now();
  const { pairs, withoutReference } = loadPairs();
  const encoder = new TextEncoder();
  const inputsByLayout = LAYOUTS.map((layout) => {
    const inputs = new Map<Pair, { bytes: Uint8Array; lines: Line[] }>();
    for (const pair of pairs) {
      const lines = layout.build(pair);
      if (lines.length === 0) continue;
      inputs.set(pair, { bytes: encoder.encode(lines.map((l) => l.text).join('\n\n') + '\n'), lines });
    }
    return inputs;
  });
  console.log(`WMT22 zh-en: ${pairs.length} documents, ${pairs.length - withoutReference} with an English reference (the others are Chinese only in every layout), inputs built in ${ms(performance.now() - loadStart)}`);
  console.log('');
  console.log('layout          paragraphs    right     share   read wall  split wall  read+split CPU  paragraphs/s (CPU)  docs with wrong version count');
  const row = (name: string, o: Outcome) =>
    console.log(
      `${name.padEnd(14)} ${String(o.paragraphs).padStart(11)} ${String(o.right).padStart(8)} ${pct(o.right, o.paragraphs).padStart(9)}  ${ms(o.readMs).padStart(10)} ${ms(o.splitMs).padStart(11)} ${ms(o.cpuMs).padStart(15)} ${(o.paragraphs / (o.cpuMs / 1000)).toFixed(0).padStart(19)}  ${String(o.docsWithWrongVersionCount).padStart(10)}`,
    );

  const total: Outcome = { paragraphs: 0, right: 0, docsWithWrongVersionCount: 0, readMs: 0, splitMs: 0, cpuMs: 0, misplaced: [] };
  const outcomes: Outcome[] = [];
  for (const [i, layout] of LAYOUTS.entries()) {
    const outcome = await runLayout(layout, pairs, inputsByLayout[i]!);
    outcomes.push(outcome);
    for (const key of ['paragraphs', 'right', 'docsWithWrongVersionCount', 'readMs', 'splitMs', 'cpuMs'] as const) total[key] += outcome[key];
    total.misplaced.push(...outcome.misplaced.map((m) => `[${layout.name}] ${m}`));
    row(layout.name, outcome);
  }
  row('total', total);

  // The whole set once more, warm (the first layout above also paid for loading OpenCC and franc tables).
  const again = await runLayout(LAYOUTS[0]!, pairs, inputsByLayout[0]!);
  console.log('');
  const first = outcomes[0]!;
  console.log(
    `${pairs.length}-document set (zh-then-en), read + split once: cold (first layout) ${ms(first.readMs + first.splitMs)} wall / ${ms(first.cpuMs)} CPU, ` +
      `warm ${ms(again.readMs + again.splitMs)} wall / ${ms(again.cpuMs)} CPU (target < 2000 ms)`,
  );
  console.log(`load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores (wall times suffer when it exceeds the cores)`);
  console.log(`peak memory (max RSS of this process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

  coldStart();
  if (verbose && total.misplaced.length) {
    console.log('\nmisplaced:');
    for (const line of total.misplaced) console.log('  ' + line);
  }
}

/** `node bin/concord.js analyze` on the reference, from a cold process, five times. */
function coldStart(): void {
  const example = join(root, 'examples/statement-etge-2024-en-zh.txt');
  if (!existsSync(join(root, 'dist/src/cli/main.js'))) {
    console.log('cold start: skipped (no dist/ — run `npm run build` first)');
    return;
  }
  const times: { wall: number; cpu?: number }[] = [];
  for (let i = 0; i < 5; i++) {
    // bash's `time` reports the child's CPU seconds (user + system): robust to a busy machine, unlike wall time.
    const t = performance.now();
    const run = spawnSync('bash', ['-c', 'TIMEFORMAT="%U %S"; time node bin/concord.js analyze "$0" > /dev/null', example], { cwd: root, encoding: 'utf8' });
    const wall = performance.now() - t;
    if (run.error || run.status !== 0) {
      console.log(`cold start: concord analyze failed: ${(run.stderr || String(run.error)).trim().split('\n')[0]}`);
      return;
    }
    const [user, system] = run.stderr.trim().split('\n').pop()!.split(' ').map(Number);
    times.push({ wall, cpu: user !== undefined && system !== undefined ? (user + system) * 1000 : undefined });
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const cpus = times.map((t) => t.cpu).filter((c): c is number => c !== undefined && !Number.isNaN(c));
  console.log(
    `cold start, node bin/concord.js analyze examples/statement-etge-2024-en-zh.txt: median ${ms(median(times.map((t) => t.wall)))} wall` +
      (cpus.length ? `, ${ms(median(cpus))} CPU` : '') + ' (target < 500 ms; includes align, check and extract)',
  );
}

main().catch((error) => {
  console.error(`bench:split: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
