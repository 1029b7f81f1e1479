/**
 * Ingest for `concord add`: expand paths (files, folders recursively, globs, `-`), skip bytes the archive
 * already holds, analyse the rest on every core (worker threads running the pipeline), and store each
 * document in its own transaction as soon as it is analysed — a crash loses at most the documents in flight.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ConcordError } from '../model.js';
import type { AddResult, Archive } from './archive.js';
import type { AnalyzeReply, AnalyzeRequest } from './ingest-worker.js';
import type { IndexTarget, PreparedDocument } from './prepared.js';

/** Extensions taken when walking a folder (files named explicitly are always taken). */
const DOCUMENT_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm', 'xhtml', 'docx', 'pdf'];

export interface InputFile {
  /** As the user gave it (or found under a folder), `-` for standard input. */
  path: string;
  /** Source key: absolute path, or undefined for standard input (filed by content). */
  source?: string;
}

export async function expandInputs(paths: string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const seen = new Set<string>();
  const push = (path: string) => {
    const source = resolve(path);
    if (!seen.has(source)) {
      seen.add(source);
      out.push({ path, source });
    }
  };
  const fg = (await import('fast-glob')).default;
  for (const path of paths) {
    if (path === '-') {
      out.push({ path: '-' });
      continue;
    }
    if (/^https?:\/\//i.test(path)) {
      out.push({ path, source: path });
      continue;
    }
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) push(path);
    else if (info?.isDirectory()) {
      const found = await fg(`**/*.{${DOCUMENT_EXTENSIONS.join(',')}}`, { cwd: path, onlyFiles: true, caseSensitiveMatch: false, dot: false, followSymbolicLinks: true });
      found.sort().forEach((f) => push(`${path.replace(/\/+$/, '')}/${f}`));
    } else if (fg.isDynamicPattern(path)) {
      const found = await fg(path, { onlyFiles: true, dot: false });
      if (!found.length) throw new ConcordError(`no file matches ${path}`);
      found.sort().forEach(push);
    } else throw new ConcordError(`no such file or folder: ${path}`);
  }
  return out;
}

export interface IngestEvent {
  file: InputFile;
  result?: AddResult;
  error?: string;
}

export interface IngestOptions {
  /** Worker threads (default: every core). 0 analyses in this thread. */
  threads?: number;
  /** Standard input, when a path is `-`. */
  stdin?: () => Promise<Uint8Array>;
  /** Called after each file is stored (or failed). */
  onProgress?: (event: IngestEvent, done: number, total: number) => void;
  /** Filled in when given: how long the worker threads were analysing, and how long two or more at once. */
  poolStats?: PoolStats;
}

export interface PoolStats {
  /** Wall milliseconds with at least one worker analysing. */
  busyMs: number;
  /** Wall milliseconds with two or more workers analysing at the same time (0 means they ran one after another). */
  parallelMs: number;
}

export async function ingest(archive: Archive, files: InputFile[], options: IngestOptions = {}): Promise<IngestEvent[]> {
  const events: IngestEvent[] = [];
  const threads = options.threads ?? Math.min(availableParallelism(), Math.max(1, files.length));
  const pool = threads > 0 && files.length > 1 ? new AnalysisPool(threads, options.poolStats) : undefined;
  let done = 0;
  // Writes go one at a time (SQLite has one writer; it also keeps the order of revisions deterministic).
  let writes: Promise<unknown> = Promise.resolve();
  const record = (event: IngestEvent) => {
    events.push(event);
    options.onProgress?.(event, ++done, files.length);
  };
  try {
    // Reading ahead is bounded so a million files never sit in memory at once.
    const inFlight = new Set<Promise<void>>();
    const limit = Math.max(2, threads * 4);
    for (const file of files) {
      const task = (async () => {
        try {
          const bytes = await readInput(file, options.stdin);
          const sha256 = createHash('sha256').update(bytes).digest('hex');
          const held = await archive.findContent(sha256);
          if (held) {
            record({ file, result: { status: 'unchanged', ...held } });
            return;
          }
          const prepared = pool ? await pool.analyze({ bytes, origin: file.path, source: file.source, target: archive.kind }) : await prepareHere(bytes, file, archive.kind);
          const write = writes.then(() => archive.addPrepared(prepared));
          writes = write.catch(() => undefined);
          record({ file, result: await write });
        } catch (error) {
          record({ file, error: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
        }
      })();
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
      if (inFlight.size >= limit) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await pool?.close();
  }
  return events;
}

/** Without worker threads: the same analysis and preparation, in this thread. */
async function prepareHere(bytes: Uint8Array, file: InputFile, target: IndexTarget): Promise<PreparedDocument> {
  const [{ analyze }, { prepareDocument }, { sourceKey }] = await Promise.all([import('../pipeline.js'), import('./prepared.js'), import('./rows.js')]);
  const doc = await analyze({ bytes, origin: file.path });
  return prepareDocument(doc, sourceKey(doc, { source: file.source }), target);
}

/** The bytes of a file, a URL (fetched, 30 s limit) or standard input. */
export async function readInput(file: InputFile, stdin: () => Promise<Uint8Array> = readStdin): Promise<Uint8Array> {
  if (file.path === '-') return stdin();
  if (/^https?:\/\//i.test(file.path)) {
    const response = await fetch(file.path, { signal: AbortSignal.timeout(30_000), redirect: 'follow' }).catch((e: Error) => {
      throw new ConcordError(`cannot fetch ${file.path}: ${e.message}`);
    });
    if (!response.ok) throw new ConcordError(`cannot fetch ${file.path}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
  // Synchronous: one call instead of four thread-pool round trips (open, stat, read, close) per small file.
  try {
    return readFileSync(file.path);
  } catch (error) {
    throw new ConcordError(`cannot read ${file.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

interface Job {
  request: Omit<AnalyzeRequest, 'id'>;
  resolve(prepared: PreparedDocument): void;
  reject(e: Error): void;
}

/**
 * Worker threads running the pipeline and preparing the rows. Each worker holds up to two jobs — the one it runs
 * and the next — so it never waits for the main thread between documents. Under tsx (tests, development) the
 * worker is the .ts file, loaded through tsx.
 */
export class AnalysisPool {
  /**
   * Jobs each worker holds, by request id (a worker runs them in the order sent). A worker that dies fails the job
   * it was running, is replaced, and the job it held next is sent again.
   */
  private readonly jobs = new Map<Worker, Map<number, Job>>();
  private readonly waiting: (() => void)[] = [];
  private closing = false;
  private nextId = 1;
  private changedAt = performance.now();
  private static readonly DEPTH = 2;

  constructor(size: number, private readonly stats?: PoolStats) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): Worker {
    const fromSource = import.meta.url.endsWith('.ts');
    const url = new URL(`./ingest-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
    // Node 20 does not pass `--import tsx` hooks to workers reliably: register tsx inside the worker instead.
    const worker = fromSource
      ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`, { eval: true })
      : new Worker(url);
    this.jobs.set(worker, new Map());
    worker.on('message', (reply: AnalyzeReply) => {
      const held = this.jobs.get(worker);
      const job = held?.get(reply.id);
      if (!held || !job) return;
      this.account();
      held.delete(reply.id);
      this.waiting.shift()?.();
      if ('prepared' in reply) job.resolve(reply.prepared);
      else job.reject(new ConcordError(reply.error));
    });
    const fail = (error: Error) => {
      const held = this.jobs.get(worker);
      if (!held) return;
      this.account();
      this.jobs.delete(worker);
      const [running, ...next] = [...held.values()];
      running?.reject(new ConcordError(`analysis worker failed: ${error.message.split('\n')[0]}`));
      if (this.closing) {
        for (const job of next) job.reject(new ConcordError('analysis stopped'));
        return;
      }
      this.spawn();
      for (const job of next) void this.analyze(job.request).then(job.resolve, job.reject);
      this.waiting.shift()?.();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
    return worker;
  }

  /** Adds the time since the last change of the busy set to the stats, before it changes. */
  private account() {
    const now = performance.now();
    if (this.stats) {
      let busy = 0;
      for (const held of this.jobs.values()) if (held.size) busy++;
      if (busy >= 1) this.stats.busyMs += now - this.changedAt;
      if (busy >= 2) this.stats.parallelMs += now - this.changedAt;
    }
    this.changedAt = now;
  }

  /** The worker holding the fewest jobs, if it has room for one more. */
  private leastBusy(): Worker | undefined {
    let best: Worker | undefined;
    let fewest: number = AnalysisPool.DEPTH;
    for (const [worker, held] of this.jobs) if (held.size < fewest) [best, fewest] = [worker, held.size];
    return best;
  }

  async analyze(request: Omit<AnalyzeRequest, 'id'>): Promise<PreparedDocument> {
    let worker = this.leastBusy();
    while (!worker) {
      await new Promise<void>((r) => this.waiting.push(r));
      worker = this.leastBusy();
    }
    const id = this.nextId++;
    const held = this.jobs.get(worker)!;
    return new Promise<PreparedDocument>((resolve, reject) => {
      this.account();
      held.set(id, { request, resolve, reject });
      // The bytes are copied, not moved: they are kept until the job is done, to send again if the worker dies.
      worker.postMessage({ id, ...request } satisfies AnalyzeRequest);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    const workers = [...this.jobs.keys()];
    this.jobs.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
