/**
 * bench:check — recall of the translation checks on injected errors, and their false findings on untouched pairs.
 *
 * Data: ../shared/eval/wmt22-zh-en (read at run time, never copied): Chinese source, English reference A,
 * segment N translates segment N. Each WMT document becomes a two-version Document (zh source, en translation).
 * Alignment: the gold 1-1 segment links (`--aligner` uses Concord's own aligner instead).
 *
 * For each kind an error is injected into one pair at a time, in a place where the error is detectable in
 * principle (a number that has its counterpart before it is changed, a name the checker can anchor …), and it
 * counts as found when a finding of the expected kind points at the injected sentence.
 *
 * Usage: npm run bench:check [-- --per-kind 300 --sample 40 --seed 7 --aligner]
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Parser } from 'htmlparser2';
import { buildPairDocument } from '../src/check/build.js';
import { findings } from '../src/check/index.js';
import { findDates } from '../src/check/dates.js';
import { defaultLexicon } from '../src/check/lexicon.js';
import { anchoredNames, nameRenderedIn } from '../src/check/names.js';
import { findNumbers } from '../src/lang/numbers.js';
import { align } from '../src/align/index.js';
import type { Document, Finding, FindingKind } from '../src/model.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataFile = join(root, '..', 'shared', 'eval', 'wmt22-zh-en', 'wmttest2022.zh-en.xml');

const { values } = parseArgs({
  options: { 'per-kind': { type: 'string', default: '300' }, sample: { type: 'string', default: '40' }, seed: { type: 'string', default: '7' }, aligner: { type: 'boolean' }, misses: { type: 'string', default: '3' }, list: { type: 'string' } },
});
const PER_KIND = Number(values['per-kind']);
const SAMPLE = Number(values.sample);
const useAligner = !!values.aligner;
const MISSES = Number(values.misses);

if (!existsSync(dataFile)) {
  console.log(`bench:check skipped: ${dataFile} not found (the WMT22 zh-en evaluation data lives in ../shared/eval)`);
  process.exit(0);
}

// ───────────── data ─────────────

interface WmtDoc {
  id: string;
  zh: string[][];
  en: string[][];
}

function loadWmt(): WmtDoc[] {
  const docs: WmtDoc[] = [];
  let doc: WmtDoc | undefined;
  let side: 'zh' | 'en' | undefined;
  let paragraph: string[] | undefined;
  let seg: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'doc') doc = { id: attrs.id ?? '', zh: [], en: [] };
        else if (name === 'src') side = 'zh';
        else if (name === 'ref') side = attrs.translator === 'A' ? 'en' : undefined;
        else if (name === 'p' && side && doc) doc[side].push((paragraph = []));
        else if (name === 'seg' && side) seg = '';
      },
      ontext(text) {
        if (seg !== undefined) seg += text;
      },
      onclosetag(name) {
        if (name === 'seg' && seg !== undefined) {
          paragraph?.push(seg.trim());
          seg = undefined;
        } else if (name === 'src' || name === 'ref') side = undefined;
        else if (name === 'doc' && doc) docs.push(doc);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(readFileSync(dataFile, 'utf8'));
  parser.end();
  return docs.filter((d) => d.zh.flat().length === d.en.flat().length && d.zh.length === d.en.length);
}

/** Seeded PRNG (mulberry32): the same injections on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(Number(values.seed));
const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!;
const shuffle = <T>(list: T[]): T[] => {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

type Beads = Array<[number[], number[]]>;

function documentOf(zh: string[][], en: string[][], beads?: Beads): Document {
  const doc = buildPairDocument({ a: zh, b: en, languageA: 'zh-Hans', languageB: 'en', beads });
  return useAligner ? align({ ...doc, alignments: [] }) : doc;
}

/** Global sentence index → [paragraph, index in paragraph]. */
function positions(paragraphs: string[][]): Array<[number, number]> {
  return paragraphs.flatMap((p, i) => p.map((_, j) => [i, j] as [number, number]));
}
const sentenceId = (version: string, paragraphs: string[][], global: number) => {
  const [p, s] = positions(paragraphs)[global]!;
  return `${version}.p${p + 1}.s${s + 1}`;
};
const clone = (p: string[][]) => p.map((x) => [...x]);
const oneToOne = (n: number): Beads => Array.from({ length: n }, (_, i) => [[i], [i]]);

// ───────────── injections ─────────────

interface Injection {
  kind: string;
  expect: FindingKind[];
  doc: Document;
  /** The sentence id (either version) a finding must point at. */
  at: string[];
  note?: string;
}

type Injector = (d: WmtDoc) => Injection | undefined;

const lexicon = defaultLexicon();

/** Replaces the i-th sentence of the English side. */
function withEnglish(d: WmtDoc, global: number, text: string): string[][] {
  const en = clone(d.en);
  const [p, s] = positions(d.en)[global]!;
  en[p]![s] = text;
  return en;
}

const injectNumber: Injector = (d) => {
  const flat = d.en.flat();
  const zhFlat = d.zh.flat();
  const options = flat.flatMap((s, i) =>
    findNumbers(s)
      .filter((n) => /^\d[\d,.]*$/.test(n.text) && !n.approximate && findNumbers(zhFlat[i]!).some((m) => m.value === n.value) && !findDates(s).some((x) => x.start <= n.start && n.end <= x.end))
      .map((n) => ({ i, n })),
  );
  if (!options.length) return undefined;
  const { i, n } = pick(options);
  const digits = n.text;
  // Change one digit: the kind of slip a translator makes.
  const positionsOfDigits = [...digits].map((c, k) => (/\d/.test(c) ? k : -1)).filter((k) => k >= 0);
  const k = pick(positionsOfDigits);
  const old = Number(digits[k]);
  const changed = digits.slice(0, k) + String((old + 1 + Math.floor(rand() * 8)) % 10) + digits.slice(k + 1);
  if (k === 0 && changed[0] === '0') return undefined;
  const s = flat[i]!;
  const en = withEnglish(d, i, s.slice(0, n.start) + changed + s.slice(n.end));
  return { kind: 'change a number', expect: ['number'], doc: documentOf(d.zh, en), at: [sentenceId('v2', d.en, i)] };
};

const injectDate: Injector = (d) => {
  const flat = d.en.flat();
  const zhFlat = d.zh.flat();
  // Dates whose counterpart states the same fields (a day the Chinese leaves out cannot be seen to shift).
  const options = flat.flatMap((s, i) =>
    findDates(s)
      .filter((x) => x.hour === undefined && x.decade === undefined && (x.day !== undefined || x.month !== undefined))
      .filter((x) => findDates(zhFlat[i]!).some((z) => z.day === x.day && z.month === x.month))
      .map((x) => ({ i, x })),
  );
  if (!options.length) return undefined;
  const { i, x } = pick(options);
  const s = flat[i]!;
  let text: string;
  if (x.day !== undefined) {
    const shifted = x.day >= 28 ? x.day - 1 - Math.floor(rand() * 3) : x.day + 1 + Math.floor(rand() * 3);
    text = x.text.replace(/\b\d{1,2}(?=(?:st|nd|rd|th)?\b(?!\d))(?!\d{2})/, String(shifted));
  } else {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    text = x.text.replace(/[A-Z][a-z]+\.?/, months[(x.month! + Math.floor(rand() * 10)) % 12]!);
  }
  if (text === x.text) return undefined;
  const en = withEnglish(d, i, s.slice(0, x.start) + text + s.slice(x.end));
  return { kind: 'shift a date', expect: ['date'], doc: documentOf(d.zh, en), at: [sentenceId('v2', d.en, i)] };
};

const injectDrop: Injector = (d) => {
  const flat = d.en.flat();
  const options = flat.map((s, i) => ({ s, i })).filter(({ s }) => s.length >= 20);
  if (options.length < 2) return undefined;
  const { i } = pick(options);
  const en = clone(d.en);
  const [p, s] = positions(d.en)[i]!;
  en[p]!.splice(s, 1);
  const beads: Beads = flat.map((_, k) => [[k], k < i ? [k] : k === i ? [] : [k - 1]]);
  return { kind: 'drop a sentence', expect: ['untranslated'], doc: documentOf(d.zh, en, beads), at: [sentenceId('v1', d.zh, i)] };
};

const injectDuplicate: Injector = (d) => {
  const flat = d.en.flat();
  const options = flat.map((s, i) => ({ s, i })).filter(({ s }) => s.length >= 20);
  if (!options.length) return undefined;
  const { i } = pick(options);
  const en = clone(d.en);
  const [p, s] = positions(d.en)[i]!;
  en[p]!.splice(s + 1, 0, flat[i]!);
  const beads: Beads = flat.map((_, k) => [[k], k < i ? [k] : k === i ? [k, k + 1] : [k + 1]]);
  const dupId = `v2.p${p + 1}.s${s + 2}`;
  return { kind: 'duplicate a sentence', expect: ['duplicated'], doc: documentOf(d.zh, en, beads), at: [dupId] };
};

const cutWithin = (minimum: number): Injector => (d) => {
  const flat = d.en.flat();
  if (flat.length < minimum) return undefined;
  // Cut somewhere in the last 40% of the translation, at a word boundary, dropping everything after it.
  const from = Math.floor(flat.length * 0.6);
  const i = from + Math.floor(rand() * (flat.length - from));
  const s = flat[i]!;
  const words = s.split(' ');
  if (words.length < 4) return undefined;
  const keep = 1 + Math.floor(rand() * (words.length - 2));
  const cutText = words.slice(0, keep).join(' ').replace(/[.!?。！？”"’)]+$/, '');
  const en = clone(d.en);
  const [p, si] = positions(d.en)[i]!;
  en[p] = en[p]!.slice(0, si).concat([cutText]);
  en.splice(p + 1);
  const beads: Beads = flat.map((_, k) => [[k], k <= i ? [k] : []]);
  return { kind: 'cut the end', expect: ['cut-off'], doc: documentOf(d.zh, en, beads), at: [sentenceId('v2', d.en, i)] };
};

const injectDoubleEnglish: Injector = (d) => {
  const flat = d.en.flat();
  const options = flat.flatMap((s, i) => [...s.matchAll(/\b[A-Za-z]{2,}\b/g)].map((m) => ({ i, m })));
  if (!options.length) return undefined;
  const { i, m } = pick(options);
  const s = flat[i]!;
  const en = withEnglish(d, i, s.slice(0, m.index! + m[0].length) + ' ' + m[0] + s.slice(m.index! + m[0].length));
  return { kind: 'double a word (en)', expect: ['doubled-word'], doc: documentOf(d.zh, en), at: [sentenceId('v2', d.en, i)] };
};

const injectDoubleChinese: Injector = (d) => {
  if (!lexicon) return undefined;
  const flat = d.zh.flat();
  const options = flat.flatMap((s, i) => {
    const words: Array<{ start: number; end: number }> = [];
    for (const run of s.matchAll(/[\u4e00-\u9fff]+/g)) {
      let k = run.index!;
      const end = k + run[0].length;
      while (k < end) {
        let n = Math.min(6, end - k);
        while (n > 1 && !lexicon.has(s.slice(k, k + n))) n--;
        words.push({ start: k, end: k + n });
        k += n;
      }
    }
    return words.map((w) => ({ i, w }));
  });
  if (!options.length) return undefined;
  const { i, w } = pick(options);
  const s = flat[i]!;
  const zh = clone(d.zh);
  const [p, si] = positions(d.zh)[i]!;
  zh[p]![si] = s.slice(0, w.end) + s.slice(w.start, w.end) + s.slice(w.end);
  return { kind: 'double a word (zh)', expect: ['doubled-word'], doc: documentOf(zh, d.en), at: [sentenceId('v1', d.zh, i)] };
};

/** English names the checker anchors to a Chinese name in the same pair: the only swaps it can hope to see. */
function anchored(d: WmtDoc): Array<{ i: number; start: number; end: number; name: string; zh: string }> {
  if (!lexicon) return [];
  const zhFlat = d.zh.flat();
  return d.en.flat().flatMap((s, i) => anchoredNames(s, zhFlat[i]!, lexicon).map((a) => ({ i, start: a.start, end: a.end, name: a.text, zh: a.zh })));
}

let namePool: string[] = [];
const injectName: Injector = (d) => {
  const options = anchored(d);
  if (!options.length) return undefined;
  const o = pick(options);
  const zh = d.zh.flat()[o.i]!;
  const s = d.en.flat()[o.i]!;
  // A name said twice in the sentence would still be rendered by its other mention.
  if (s.split(o.name).length > 2) return undefined;
  // Another entity, one that is not rendered anywhere in this sentence (else the swap would be no error).
  const others = namePool.filter((n) => n !== o.name && !s.includes(n) && !nameRenderedIn(n, zh, lexicon!));
  if (!others.length) return undefined;
  const replacement = pick(others);
  const swapped = s.slice(0, o.start) + replacement + s.slice(o.end);
  // The entity must leave the sentence: "China" swapped while "Chinese" still renders 中国 replaces nothing.
  if (anchoredNames(swapped, zh, lexicon!).some((a) => a.zh === o.zh)) return undefined;
  const en = withEnglish(d, o.i, swapped);
  return { kind: 'swap a name', expect: ['name', 'terminology'], doc: documentOf(d.zh, en), at: [sentenceId('v2', d.en, o.i)], note: `${o.name} → ${replacement}` };
};

// ───────────── run ─────────────

function pointsAt(f: Finding, ids: string[]): boolean {
  const sentences = [f.a, f.b, ...f.evidence].map((l) => l?.sentence).filter(Boolean);
  const paragraphs = [f.a, f.b, ...f.evidence].map((l) => l?.paragraph).filter(Boolean);
  return ids.some((id) => sentences.includes(id) || paragraphs.includes(id.replace(/\.s\d+$/, '')));
}

const wmt = loadWmt();
console.log(`WMT22 zh→en: ${wmt.length} documents, ${wmt.reduce((n, d) => n + d.zh.flat().length, 0)} segment pairs (reference A), alignment: ${useAligner ? 'Concord aligner' : 'gold 1-1 segments'}, lexicon: ${lexicon ? 'yes' : 'NOT BUILT'}`);

// Untouched pairs.
const baseline = new Map<string, Finding[]>();
const counts = new Map<string, number>();
let t0 = performance.now();
for (const d of wmt) {
  const fs = findings(documentOf(d.zh, d.en, oneToOne(d.zh.flat().length)));
  baseline.set(d.id, fs);
  for (const f of fs) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
}
const untouchedMs = performance.now() - t0;
console.log(`\nUntouched pairs: ${[...baseline.values()].reduce((n, f) => n + f.length, 0)} findings in ${untouchedMs.toFixed(0)} ms`);
for (const [kind, n] of [...counts].sort((x, y) => y[1] - x[1])) console.log(`  ${kind.padEnd(18)} ${n}`);

// `--list KIND`: every untouched finding of that kind with its sentence, for judging by hand.
if (values.list) {
  for (const d of wmt) {
    for (const f of (baseline.get(d.id) ?? []).filter((x) => x.kind === values.list)) {
      const doc = documentOf(d.zh, d.en, oneToOne(d.zh.flat().length));
      const at = f.a ?? f.b;
      const sentence = doc.versions.flatMap((v) => v.paragraphs.flatMap((p) => p.sentences)).find((s) => s.id === at?.sentence);
      console.log(`  [${f.severity}] ${d.id} ${at?.sentence ?? ''}: ${f.message}\n      ${sentence?.text.slice(0, 160) ?? ''}`);
    }
  }
}

namePool = [...new Set(wmt.flatMap((d) => anchored(d).map((o) => o.name)))];

// Injections.
const injectors: Array<[string, Injector]> = [
  ['change a number', injectNumber],
  ['shift a date', injectDate],
  ['drop a sentence', injectDrop],
  ['duplicate a sentence', injectDuplicate],
  ['swap a name', injectName],
  ['cut the end', cutWithin(2)],
  ['cut the end (≥3 segs)', cutWithin(3)],
  ['double a word (en)', injectDoubleEnglish],
  ['double a word (zh)', injectDoubleChinese],
];
console.log(`\nInjected errors (one per document copy, up to ${PER_KIND} per kind; found = a finding of that kind at the injected sentence)`);
console.log(`  ${'kind'.padEnd(22)} ${'injected'.padStart(8)} ${'found'.padStart(6)} ${'recall'.padStart(7)}`);
const misses: string[] = [];
for (const [name, inject] of injectors) {
  let injected = 0;
  let found = 0;
  for (const d of shuffle(wmt)) {
    if (injected >= PER_KIND) break;
    const injection = inject(d);
    if (!injection) continue;
    injected++;
    const fs = findings(injection.doc);
    const before = baseline.get(d.id) ?? [];
    // Found: a finding of the expected kind at the injected sentence that the untouched pair did not already have there.
    const hit = fs.some((f) => injection.expect.includes(f.kind) && pointsAt(f, injection.at) && !before.some((b) => b.message === f.message && pointsAt(b, injection.at)));
    if (hit) found++;
    else if (misses.filter((m) => m.startsWith(name)).length < MISSES) {
      const sentences = injection.doc.versions.flatMap((v) => v.paragraphs.flatMap((p) => p.sentences));
      const sentence = sentences.find((s) => s.id === injection.at[0]);
      // The counterpart: the sentence of the same position in the other version, when there is one.
      const otherId = injection.at[0]!.startsWith('v1') ? injection.at[0]!.replace(/^v1/, 'v2') : injection.at[0]!.replace(/^v2/, 'v1');
      const other = sentences.find((s) => s.id === otherId);
      misses.push(`${name}: ${injection.at[0]}${injection.note ? ` (${injection.note})` : ''} “${sentence?.text.slice(0, 140) ?? ''}”${MISSES > 3 && other ? `\n      ↔ “${other.text.slice(0, 140)}”` : ''}`);
    }
  }
  console.log(`  ${name.padEnd(22)} ${String(injected).padStart(8)} ${String(found).padStart(6)} ${(injected ? (100 * found) / injected : 0).toFixed(1).padStart(6)}%`);
}
if (misses.length) console.log('\nSome misses (to see why):\n' + misses.map((m) => '  ' + m).join('\n'));

// Sample of number/date/name findings on untouched pairs, for hand judgement.
// Info findings ("probably added for explicitness", "possibly doubled") claim no error: listed apart, not judged.
const content = wmt.flatMap((d) => (baseline.get(d.id) ?? []).filter((f) => f.kind === 'number' || f.kind === 'date' || f.kind === 'name' || f.kind === 'terminology').map((f) => ({ d, f })));
const judged = content.filter(({ f }) => f.severity !== 'info');
console.log(`\nUntouched pairs: ${content.length} findings of kind number/date/name/terminology, ${content.length - judged.length} of them info (worth a look, no error claimed); seeded sample of ${Math.min(SAMPLE, judged.length)} of the other ${judged.length} to judge by hand:`);
for (const { d, f } of shuffle(judged).slice(0, SAMPLE)) {
  const doc = documentOf(d.zh, d.en, oneToOne(d.zh.flat().length));
  const sentence = (id: string | undefined) => doc.versions.flatMap((v) => v.paragraphs.flatMap((p) => p.sentences)).find((s) => s.id === id)?.text ?? '';
  console.log(`- [${f.kind}/${f.severity}] ${d.id} ${f.a?.sentence ?? ''}: ${f.message}\n    zh: ${sentence(f.a?.sentence).slice(0, 160)}\n    en: ${sentence(f.b?.sentence).slice(0, 200)}`);
}

// Speed: one pair of 5,000 sentences.
const allZh = wmt.flatMap((d) => d.zh.flat());
const allEn = wmt.flatMap((d) => d.en.flat());
const zhBig: string[][] = [];
const enBig: string[][] = [];
for (let i = 0; i < 5000; i += 5) {
  zhBig.push(Array.from({ length: 5 }, (_, k) => allZh[(i + k) % allZh.length]!));
  enBig.push(Array.from({ length: 5 }, (_, k) => allEn[(i + k) % allEn.length]!));
}
const big = buildPairDocument({ a: zhBig, b: enBig, languageA: 'zh-Hans', languageB: 'en' });
console.log(`\nSpeed: one pair of 5,000 sentences per side (${big.text.length.toLocaleString('en-US')} characters), load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
for (const label of ['first run', 'second run', 'third run']) {
  t0 = performance.now();
  const cpu = process.cpuUsage();
  const fs = findings(big);
  const used = process.cpuUsage(cpu);
  console.log(`  ${label.padEnd(10)} ${(performance.now() - t0).toFixed(0).padStart(5)} ms wall, ${((used.user + used.system) / 1000).toFixed(0).padStart(5)} ms CPU, ${fs.length} findings`);
}
