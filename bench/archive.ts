/**
 * bench:archive — how fast the archive ingests and searches, on SQLite and PostgreSQL.
 *
 * Corpus: generated at run time by varying real documents — the reference statement (through the real
 * pipeline) and the WMT22 zh→en test set (../shared/eval/wmt22-zh-en, read at run time, never copied): each
 * WMT document becomes a bilingual Document (English reference A + Chinese source, segments linked 1-1).
 * Variant k of a seed renumbers its figures, rotates its paragraphs, and writes every third Chinese version in
 * Traditional script, so no two documents have the same bytes.
 *
 * Prints, per database and size (10k and 100k sentences, plus 10k documents on SQLite; --full adds 1M sentences):
 * ingest documents/s (pre-analysed Documents through Archive.add, one transaction each), database size, and
 * search p50/p95 over 20 representative queries (English, phrase, boolean, Traditional, Simplified,
 * cross-language with aligned sentences). Then the full pipeline: `concord add` throughput with 1 and 2
 * worker threads (SQLite), and `concord worker` throughput with 1 and 2 worker processes (PostgreSQL queue).
 *
 * Then timeline() and entities() over 10k dated facts (analysed variants of the reference with shifted dates/figures).
 *
 * Usage: npm run bench:archive [-- --timeline  (timeline/entities only)] [-- --pipeline  (concord add 1 vs 2 threads only) [-- --count N  (files, default 10000)] [-- --pg-count N  (queued files, default 2000)] [-- --diagnose  (also ingest() in-process: CPU and main-thread share)]] [-- --full] [-- --no-pg] [-- --sizes 10000,50000  (only these sizes)] [-- --keep DIR  (keep the SQLite files)] [-- --search FILE  (search figures only)] [-- --write-files DIR [--count N]  (only write the pipeline's text files)]
 * Targets: 10k documents ingested in ≤ 60 s on 2 cores; search p95 ≤ 50 ms at 1M sentences on SQLite.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { performance as nodePerformance } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/pipeline.js';
import { toTraditional } from '../src/lang/chinese.js';
import type { Document } from '../src/model.js';
import type { Archive } from '../src/store/archive.js';
import { openArchive } from '../src/store/index.js';
import { makeDocument, type HandDocument } from '../src/store/fixtures/make-document.js';
import { ingest } from '../src/store/ingest.js';
import type { PostgresArchive } from '../src/store/postgres.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const wmtPath = resolve(root, '../shared/eval/wmt22-zh-en/wmttest2022.zh-en.xml');
const referencePath = resolve(root, 'examples/statement-etge-2024-en-zh.txt');
const args = process.argv.slice(2);
const full = args.includes('--full');
const withPg = !args.includes('--no-pg');
const pgUrl = process.env.CONCORD_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';
const sizesArg = args[args.indexOf('--sizes') + 1];
const SENTENCE_SIZES = args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : full ? [10_000, 100_000, 1_000_000] : [10_000, 100_000];

/** 20 queries: what a researcher would type, in each script and shape the archive supports. */
const QUERIES: { kind: string; query: string }[] = [
  { kind: 'english', query: 'China' },
  { kind: 'english', query: 'occupation' },
  { kind: 'english', query: 'economic growth' },
  { kind: 'english', query: 'government policy' },
  { kind: 'english', query: 'genocide Uyghurs' },
  { kind: 'phrase', query: '"Resolution 3070"' },
  { kind: 'phrase', query: '"East Turkistan"' },
  { kind: 'phrase', query: '"the United States"' },
  { kind: 'boolean', query: 'Soviet OR Russia' },
  { kind: 'boolean', query: 'market NOT stock' },
  { kind: 'simplified', query: '东突厥斯坦' },
  { kind: 'simplified', query: '经济发展' },
  { kind: 'simplified', query: '中国' },
  { kind: 'simplified', query: '疫情' },
  { kind: 'traditional', query: '東突厥斯坦' },
  { kind: 'traditional', query: '經濟' },
  { kind: 'traditional', query: '蘇聯背叛' },
  { kind: 'cross-language', query: 'independence 独立' },
  { kind: 'cross-language', query: '"self-determination" OR 自決' },
  { kind: 'cross-language', query: 'president OR 主席' },
];

// ───────────────────────────── corpus ─────────────────────────────

interface Seed {
  hand: HandDocument;
  sentences: number;
}

function wmtSeeds(): Seed[] {
  if (!existsSync(wmtPath)) {
    console.log(`(WMT22 not found at ${wmtPath}: the corpus varies the reference statement alone)`);
    return [];
  }
  const xml = readFileSync(wmtPath, 'utf8');
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const paragraphsOf = (block: string) => [...block.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((p) => [...p[1]!.matchAll(/<seg id="[^"]*">([\s\S]*?)<\/seg>/g)].map((s) => decode(s[1]!).trim()));
  const seeds: Seed[] = [];
  for (const doc of xml.matchAll(/<doc [^>]*id="([^"]+)"[^>]*>([\s\S]*?)<\/doc>/g)) {
    const zh = paragraphsOf(doc[2]!.match(/<src lang="zh">([\s\S]*?)<\/src>/)?.[1] ?? '');
    const en = paragraphsOf(doc[2]!.match(/<ref lang="en" translator="A">([\s\S]*?)<\/ref>/)?.[1] ?? '');
    if (!zh.length || zh.length !== en.length) continue;
    const links: [string[], string[]][] = [];
    zh.forEach((p, pi) => p.forEach((_, si) => si < en[pi]!.length && links.push([[`v1.p${pi + 1}.s${si + 1}`], [`v2.p${pi + 1}.s${si + 1}`]])));
    seeds.push({
      hand: { origin: `wmt22/${doc[1]}`, versions: [{ language: 'en', paragraphs: en }, { language: 'zh-Hans', paragraphs: zh }], links },
      sentences: zh.flat().length + en.flat().length,
    });
  }
  return seeds;
}

async function referenceSeed(): Promise<{ seed: Seed; doc: Document }> {
  const doc = await analyze(referencePath);
  const versions = doc.versions.map((v) => ({ language: v.language, paragraphs: v.paragraphs.map((p) => p.sentences.map((s) => s.text)) }));
  const links = doc.alignments.flatMap((a) => a.links.filter((l) => l.level === 'sentence' && l.a.length && l.b.length && a.versions[0] === 'v1' && a.versions[1] === 'v2').map((l) => [l.a, l.b] as [string[], string[]]));
  return { doc, seed: { hand: { origin: 'reference', versions, links }, sentences: versions.reduce((n, v) => n + v.paragraphs.flat().length, 0) } };
}

/** Variant k of a seed: figures renumbered, paragraphs rotated, every third Chinese version in Traditional. */
function variant(seed: Seed, k: number): Document {
  const bump = (s: string) => s.replace(/\d+/g, (d) => String((Number(d.slice(0, 9)) + k) % 10 ** Math.max(2, Math.min(9, d.length))));
  const versions = seed.hand.versions.map((v) => {
    const shift = v.paragraphs.length > 1 ? k % v.paragraphs.length : 0;
    const rotated = [...v.paragraphs.slice(shift), ...v.paragraphs.slice(0, shift)];
    const traditional = v.language === 'zh-Hans' && k % 3 === 1;
    return { language: traditional ? 'zh-Hant' : v.language, paragraphs: rotated.map((p) => p.map((s) => (traditional ? toTraditional(bump(s)) : bump(s)))), shift, count: v.paragraphs.length };
  });
  // Paragraph rotation renumbers sentence ids: map the links through it.
  const remap = (id: string, vi: number) => {
    const m = id.match(/^v(\d+)\.p(\d+)\.s(\d+)$/)!;
    const v = versions[vi]!;
    const p = ((Number(m[2]) - 1 - v.shift + v.count) % v.count) + 1;
    return `v${m[1]}.p${p}.s${m[3]}`;
  };
  return makeDocument({
    ...seed.hand,
    origin: `https://bench.example/${seed.hand.origin}/${k}`,
    salt: `#${k}`,
    versions: versions.map(({ language, paragraphs }) => ({ language, paragraphs })),
    links: (seed.hand.links ?? []).map(([a, b]) => [a.map((id) => remap(id, 0)), b.map((id) => remap(id, 1))]),
  });
}

/** Documents until `sentences` sentences (or `documents` documents) are reached, cycling through the seeds. */
function* corpus(seeds: Seed[], limit: { sentences?: number; documents?: number }): Generator<Document> {
  let sentences = 0;
  let documents = 0;
  for (let k = 0; ; k++) {
    for (const seed of seeds) {
      if ((limit.sentences && sentences >= limit.sentences) || (limit.documents && documents >= limit.documents)) return;
      sentences += seed.sentences;
      documents++;
      yield variant(seed, k);
    }
  }
}

// ───────────────────────────── measuring ─────────────────────────────

const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 1048576)} MB`;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measureIngest(archive: Archive, docs: Iterable<Document>): Promise<{ documents: number; sentences: number; seconds: number }> {
  const started = performance.now();
  let documents = 0;
  let sentences = 0;
  for (const doc of docs) {
    await archive.add(doc, { addedAt: new Date(0) });
    documents++;
    sentences += doc.versions.reduce((n, v) => n + v.paragraphs.reduce((m, p) => m + p.sentences.length, 0), 0);
    if (process.stderr.isTTY && documents % 200 === 0) process.stderr.write(`\r  ${documents} documents, ${sentences} sentences…`);
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  return { documents, sentences, seconds: (performance.now() - started) / 1000 };
}

async function measureSearch(archive: Archive): Promise<{ p50: number; p95: number; max: number; cpuP50: number; cpuP95: number; byKind: Map<string, number[]>; aligned: number }> {
  const times: number[] = [];
  // CPU time of this process per query: on SQLite that is the whole search, and unlike wall time it does not
  // grow when other processes compete for the cores (the machine this was written on was shared).
  const cpu: number[] = [];
  const byKind = new Map<string, number[]>();
  let aligned = 0;
  for (const q of QUERIES) await archive.search({ query: q.query }); // warm the caches once
  for (let round = 0; round < 5; round++) {
    for (const q of QUERIES) {
      const t = performance.now();
      const c = process.cpuUsage();
      const r = await archive.search({ query: q.query, limit: 20 });
      const used = process.cpuUsage(c);
      const ms = performance.now() - t;
      times.push(ms);
      cpu.push((used.user + used.system) / 1000);
      byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), ms]);
      if (round === 0) aligned += r.hits.filter((h) => h.aligned.length).length;
    }
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]!, cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95), byKind, aligned };
}

async function benchDatabase(name: string, open: () => Promise<{ archive: Archive; dispose(): Promise<void> }>, seeds: Seed[], limit: { sentences?: number; documents?: number }, label: string) {
  const { archive, dispose } = await open();
  try {
    const ingestResult = await measureIngest(archive, corpus(seeds, limit));
    const stats = await archive.stats();
    const search = await measureSearch(archive);
    // SQLite: the size once closed (the WAL checkpointed into the file), not the file plus a WAL of up to 64 MB.
    if (archive.kind === 'sqlite') {
      await archive.close();
      stats.sizeBytes = statSync(archive.location).size;
    }
    const kinds = [...search.byKind].map(([k, v]) => `${k} ${fmt(v.sort((a, b) => a - b)[Math.floor(v.length / 2)]!)}`).join(', ');
    console.log(
      `${name.padEnd(10)} ${label.padEnd(14)} ${String(ingestResult.documents).padStart(6)} docs ${String(ingestResult.sentences).padStart(8)} sent  ingest ${fmt(ingestResult.seconds)} s = ${fmt(ingestResult.documents / ingestResult.seconds, 0).padStart(5)} docs/s  size ${mb(stats.sizeBytes).padStart(9)}  search p50 ${fmt(search.p50)} ms p95 ${fmt(search.p95)} ms max ${fmt(search.max)} ms`,
    );
    const cpuNote = archive.kind === 'sqlite' ? `search CPU p50 ${fmt(search.cpuP50)} ms p95 ${fmt(search.cpuP95)} ms; ` : '';
    console.log(`${''.padEnd(26)}${cpuNote}median by kind (ms): ${kinds}; ${search.aligned} hits of round 1 show an aligned sentence`);
  } finally {
    await dispose();
  }
}

const keepDir = args.includes('--keep') ? resolve(args[args.indexOf('--keep') + 1] ?? 'bench-archives') : undefined;

/** A fresh SQLite archive in a temporary folder (or kept under --keep DIR for later queries). */
function sqliteOpener(label = 'archive') {
  return async () => {
    const dir = keepDir ?? mkdtempSync(join(tmpdir(), 'concord-bench-'));
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${label.replace(/\W+/g, '-')}.sqlite`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    const archive = await openArchive(file);
    return { archive, dispose: async () => (await archive.close(), keepDir ? undefined : rmSync(dir, { recursive: true, force: true })) };
  };
}

function pgOpener() {
  return async () => {
    const url = new URL(pgUrl);
    url.searchParams.set('schema', `concord_bench_${process.pid}_${Date.now().toString(36)}`);
    const archive = (await openArchive(url.toString())) as PostgresArchive;
    return { archive, url: url.toString(), dispose: async () => (await archive.dropSchema(), await archive.close()) };
  };
}

async function pgAvailable(): Promise<boolean> {
  try {
    const { archive, dispose } = await pgOpener()();
    await archive.stats();
    await dispose();
    return true;
  } catch (error) {
    console.log(`(PostgreSQL not reachable at ${pgUrl}: ${(error as Error).message}; its rows are skipped)`);
    return false;
  }
}

/**
 * Bilingual text files for the full pipeline: English paragraphs, then the Chinese ones. Each version opens with
 * a dateline numbered by the file (as press releases do), so no two files have the same bytes — variants of a
 * seed without figures or paragraphs to move would otherwise repeat, and `concord add` skips held bytes.
 */
function writeTextFiles(dir: string, seeds: Seed[], count: number): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let i = 0;
  for (const doc of corpus(seeds, { documents: count })) {
    const file = join(dir, `doc${String(i).padStart(5, '0')}.txt`);
    writeFileSync(file, doc.versions.map((v) => [dateline(v.language, i), ...v.paragraphs.map((p) => p.text)].join('\n')).join('\n') + '\n');
    files.push(file);
    i++;
  }
  return files;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function dateline(language: string, n: number): string {
  const [day, month, year] = [(n % 28) + 1, Math.floor(n / 28) % 12, 1990 + (n % 35)];
  if (language === 'en') return `Statement No. ${n + 1}, issued on ${day} ${MONTHS[month]} ${year}.`;
  return language === 'zh-Hant' ? `第${n + 1}號聲明,${year}年${month + 1}月${day}日發布。` : `第${n + 1}号声明,${year}年${month + 1}月${day}日发布。`;
}

async function pipelineThroughput(seeds: Seed[]) {
  const count = args.includes('--count') ? Number(args[args.indexOf('--count') + 1]) || 10_000 : 10_000;
  const pgCount = args.includes('--pg-count') ? Number(args[args.indexOf('--pg-count') + 1]) || 2_000 : Math.min(count, 2_000);
  const dir = mkdtempSync(join(tmpdir(), 'concord-bench-files-'));
  try {
    const files = writeTextFiles(join(dir, 'docs'), seeds, count);
    // The figure users get: the compiled CLI (`node bin/concord.js add FOLDER`) in its own process, timed by bash
    // (wall, and user + system CPU of every thread). dist/ is rebuilt first so it measures the current source.
    execFileSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: 'ignore' });
    for (const threads of [1, 2]) {
      const db = join(dir, `cli-t${threads}.sqlite`);
      const run = spawnSync('bash', ['-c', `TIMEFORMAT='%R %U %S'; time ("$0" bin/concord.js add "$1" --db "$2" --threads "$3" > /dev/null 2>&1)`, process.execPath, join(dir, 'docs'), db, String(threads)], { cwd: root, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`concord add failed: ${run.stderr}`);
      const [wall, user, system] = run.stderr.trim().split('\n').pop()!.split(' ').map(Number) as [number, number, number];
      const archive = await openArchive(db);
      const stored = (await archive.stats()).documents;
      await archive.close();
      console.log(
        `concord add FOLDER (compiled CLI, SQLite), ${threads} worker thread${threads > 1 ? 's' : ''}: ${fmt(count, 0)} documents in ${fmt(wall)} s = ${fmt(count / wall)} docs/s; ${fmt(((user + system) * 1000) / count, 2)} ms CPU per document, ${fmt((user + system) / wall, 2)} cores busy; ${fmt(stored, 0)} documents stored`,
      );
    }
    // In this process: where the time goes (CPU per document, the main thread's share, the workers' overlap).
    for (const threads of args.includes('--diagnose') ? [1, 2] : []) {
      const archive = await openArchive(join(dir, `t${threads}.sqlite`));
      const started = performance.now();
      const cpu = process.cpuUsage();
      const poolStats = { busyMs: 0, parallelMs: 0 };
      // The main thread's event-loop activity: receiving prepared rows and running the inserts (the one writer).
      const mainLoop = nodePerformance.eventLoopUtilization();
      const events = await ingest(archive, files.map((f) => ({ path: f, source: f })), { threads, poolStats });
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const mainMs = nodePerformance.eventLoopUtilization(mainLoop).active;
      await archive.close();
      const failed = events.filter((e) => e.error).length;
      // CPU seconds (all threads) per wall second shows how many cores the run actually got on a shared machine.
      const cores = (used.user + used.system) / 1e6 / seconds;
      console.log(
        `ingest() in this process (tsx), ${threads} worker thread${threads > 1 ? 's' : ''}: ${count} documents in ${fmt(seconds)} s = ${fmt(count / seconds)} docs/s; ${fmt((used.user + used.system) / 1000 / count)} ms CPU per document, ${fmt(cores, 2)} cores busy; main thread active ${fmt(mainMs / count, 2)} ms per document; workers analysing ${fmt(poolStats.busyMs / 1000)} s, two at once ${fmt(poolStats.parallelMs / 1000)} s${failed ? ` (${failed} failed)` : ''}`,
      );
    }
    if (withPg && (await pgAvailable())) {
      for (const workers of [1, 2]) {
        const opener = pgOpener();
        const { archive, url, dispose } = await opener();
        try {
          // Workers start first and wait on LISTEN; the clock runs from the enqueue to the last job done.
          const children = Array.from({ length: workers }, () => spawn(process.execPath, ['bin/concord.js', 'worker', '--quiet', '--db', url], { cwd: root, stdio: 'ignore' }));
          await new Promise((r) => setTimeout(r, 2500));
          const started = performance.now();
          await archive.enqueue(files.slice(0, pgCount).map((f) => ({ origin: f, source: f, bytes: readFileSync(f) })));
          for (;;) {
            const counts = await archive.queueCounts();
            if ((counts.done ?? 0) + (counts.failed ?? 0) >= pgCount) break;
            await new Promise((r) => setTimeout(r, 50));
          }
          const seconds = (performance.now() - started) / 1000;
          children.forEach((c) => c.kill('SIGTERM'));
          await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
          console.log(`concord worker (compiled CLI, PostgreSQL queue), ${workers} worker process${workers > 1 ? 'es' : ''}: ${fmt(pgCount, 0)} documents in ${fmt(seconds)} s = ${fmt(pgCount / seconds)} docs/s`);
        } finally {
          await dispose();
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ───────────────────────────── timeline and entities ─────────────────────────────

/**
 * Variant k of the analysed reference statement, facts included: every date moved by k mod 60 years (and,
 * for odd k, by a month), every fourth variant keeps the original dates with its figures changed (so the
 * timeline has events told by many sources, and disagreements), entity facts as analysed.
 */
function factVariant(doc: Document, k: number): Document {
  const shiftYears = k % 4 === 0 ? 0 : k % 60;
  const shiftMonth = k % 4 !== 0 && k % 2 === 1;
  const moveDate = (v: string) =>
    v.replace(/(^|\/)(\d{4})(-(\d{2}))?/g, (_, lead: string, year: string, __: string, month: string | undefined) => {
      const y = Number(year) + shiftYears;
      const m = month && shiftMonth ? ((Number(month) % 12) + 1).toString().padStart(2, '0') : month;
      return `${lead}${y}${m ? `-${m}` : ''}`;
    });
  const copy = JSON.parse(JSON.stringify(doc)) as Document;
  for (const fact of copy.facts) {
    if (fact.type === 'time') {
      if (/^\d{4}/.test(fact.value)) fact.value = moveDate(fact.value);
      if (fact.interval) fact.interval = { start: moveDate(fact.interval.start), end: moveDate(fact.interval.end) };
    } else if (fact.type === 'event' && fact.when) fact.when = moveDate(fact.when);
    else if (fact.type === 'figure' && k % 4 === 0 && k > 0) fact.value += (k / 4) * 1000;
  }
  const sha = createHash('sha256').update(`timeline-variant-${k}`).digest('hex');
  copy.id = sha.slice(0, 16);
  copy.provenance = { ...copy.provenance, origin: `https://bench.example/timeline/${k}`, sha256: sha };
  return copy;
}

/** Ingests fact-rich variants until the timeline holds ~`events` entries' worth of dated facts, then times timeline() and entities(). */
async function benchTimeline(name: string, open: () => Promise<{ archive: Archive; dispose(): Promise<void> }>, reference: Document, events: number) {
  const { archive, dispose } = await open();
  try {
    const perDoc = reference.facts.filter((f) => f.type === 'event' || (f.type === 'time' && f.timexType !== 'DURATION' && f.timexType !== 'SET')).length;
    console.log(`(${reference.facts.length} facts per document, ${perDoc} dated)`);
    const documents = Math.ceil(events / Math.max(1, perDoc));
    const started = performance.now();
    for (let k = 0; k < documents; k++) await archive.add(factVariant(reference, k), { addedAt: new Date(0) });
    const ingestSeconds = (performance.now() - started) / 1000;
    // The first call for a set of options computes (archive changed or new filter); later calls hit the cache.
    const time = async <T>(run: () => Promise<T>) => {
      const t0 = performance.now();
      const result = await run();
      const first = performance.now() - t0;
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await run();
        times.push(performance.now() - t);
      }
      return { first, cached: times.sort((a, b) => a - b)[2]!, result };
    };
    const timeline = await time(() => archive.timeline());
    const filtered = await time(() => archive.timeline({ from: '1990', to: '2000' }));
    const entity = await time(() => archive.timeline({ entity: 'Soviet Union' }));
    const entities = await time(() => archive.entities({ mentions: 20 }));
    // One more document, then the first call again: what a reader waits for right after an ingest.
    await archive.add(factVariant(reference, documents), { addedAt: new Date(0) });
    const afterAdd = await time(() => archive.timeline());
    const entitiesAfterAdd = await time(() => archive.entities({ mentions: 20 }));
    const disagreeing = timeline.result.filter((e) => e.disagreements.length).length;
    console.log(
      `${name.padEnd(10)} timeline  ${documents} docs, ${documents * perDoc} dated facts (ingest ${fmt(ingestSeconds)} s) → ${timeline.result.length} entries, ${disagreeing} with disagreements\n` +
        `${''.padEnd(20)}computed: timeline() ${fmt(timeline.first, 0)} ms (after one more add ${fmt(afterAdd.first, 0)} ms), from/to ${fmt(filtered.first, 0)} ms, entity ${fmt(entity.first, 0)} ms; ` +
        `entities() ${fmt(entities.first, 0)} ms (after an add ${fmt(entitiesAfterAdd.first, 0)} ms, ${entities.result.length} entities)\n` +
        `${''.padEnd(20)}unchanged archive: timeline() ${fmt(timeline.cached)} ms, from/to ${fmt(filtered.cached)} ms, entity ${fmt(entity.cached)} ms, entities() ${fmt(entities.cached)} ms`,
    );
  } finally {
    await dispose();
  }
}

// ───────────────────────────── main ─────────────────────────────

// --write-files DIR: only write the pipeline's text files (for profiling the pipeline outside the bench).
if (args.includes('--write-files')) {
  const { seed } = await referenceSeed();
  const count = args.includes('--count') ? Number(args[args.indexOf('--count') + 1]) || 200 : 200;
  const files = writeTextFiles(resolve(args[args.indexOf('--write-files') + 1]!), [seed, ...wmtSeeds()], count);
  console.log(`${files.length} files written`);
  process.exit(0);
}

// --pipeline: only `concord add` with 1 and 2 worker threads (and the PostgreSQL queue unless --no-pg).
if (args.includes('--pipeline')) {
  const { seed } = await referenceSeed();
  console.log(`load average before: ${(await import('node:os')).loadavg().map((l) => fmt(l, 2)).join(' ')}`);
  await pipelineThroughput([seed, ...wmtSeeds()]);
  console.log(`load average after: ${(await import('node:os')).loadavg().map((l) => fmt(l, 2)).join(' ')}`);
  process.exit(0);
}

// --timeline: only the timeline/entities measurement (10k dated facts, SQLite and PostgreSQL).
if (args.includes('--timeline')) {
  const { doc } = await referenceSeed();
  const events = Number(args[args.indexOf('--events') + 1]) || 10_000;
  await benchTimeline('sqlite', sqliteOpener('timeline'), doc, events);
  if (withPg && (await pgAvailable())) await benchTimeline('postgres', pgOpener(), doc, events);
  process.exit(0);
}

// --search FILE: only the search measurement, on an archive kept by an earlier --keep run.
if (args.includes('--search')) {
  const archive = await openArchive(resolve(args[args.indexOf('--search') + 1]!));
  const stats = await archive.stats();
  const search = await measureSearch(archive);
  console.log(`${archive.kind} ${stats.documents} docs ${stats.sentences} sentences ${mb(stats.sizeBytes)}: search p50 ${fmt(search.p50)} ms p95 ${fmt(search.p95)} ms max ${fmt(search.max)} ms; CPU p50 ${fmt(search.cpuP50)} ms p95 ${fmt(search.cpuP95)} ms`);
  console.log(`median by kind (ms): ${[...search.byKind].map(([k, v]) => `${k} ${fmt(v.sort((a, b) => a - b)[Math.floor(v.length / 2)]!)}`).join(', ')}`);
  await archive.close();
  process.exit(0);
}

const { seed: reference } = await referenceSeed();
const seeds = [reference, ...wmtSeeds()];
console.log(`seeds: ${seeds.length} documents, ${seeds.reduce((n, s) => n + s.sentences, 0)} sentences (reference statement + WMT22 zh-en)`);
console.log(`machine: ${(await import('node:os')).availableParallelism()} cores, node ${process.version}\n`);

const pg = withPg && (await pgAvailable());
for (const sentences of SENTENCE_SIZES) {
  const label = `${sentences >= 1e6 ? sentences / 1e6 + 'M' : sentences / 1e3 + 'k'} sentences`;
  await benchDatabase('sqlite', sqliteOpener(label), seeds, { sentences }, label);
  if (pg) await benchDatabase('postgres', pgOpener(), seeds, { sentences }, label);
}
// --sizes runs just those sizes (for one-off measurements); the default run adds the 10k-document target and the pipeline.
if (!args.includes('--sizes')) {
  await benchDatabase('sqlite', sqliteOpener('10k documents'), seeds, { documents: 10_000 }, '10k documents');
  console.log('');
  await pipelineThroughput(seeds);
  console.log('');
  await benchTimeline('sqlite', sqliteOpener('timeline'), (await referenceSeed()).doc, 10_000);
  if (pg) await benchTimeline('postgres', pgOpener(), (await referenceSeed()).doc, 10_000);
}
