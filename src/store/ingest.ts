/**
 * Ingest for `concord add`: expand paths (files, folders recursively, globs, `-`), skip bytes the archive
 * already holds, analyse the rest on every core (worker threads running the pipeline), and store each
 * document in its own transaction as soon as it is analysed — a crash loses at most the documents in flight.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
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
  return readFile(file.path);
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Worker threads running the pipeline and preparing the rows. Under tsx (tests, development) the worker is the .ts file, loaded through tsx. */
export class AnalysisPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: (() => void)[] = [];
  /** The job each busy worker is running, so a worker that dies fails its job alone and is replaced. */
  private readonly running = new Map<Worker, { resolve(prepared: PreparedDocument): void; reject(e: Error): void }>();
  private readonly all = new Set<Worker>();
  private closing = false;
  private changedAt = performance.now();

  constructor(size: number, private readonly stats?: PoolStats) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    const fromSource = import.meta.url.endsWith('.ts');
    const url = new URL(`./ingest-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
    // Node 20 does not pass `--import tsx` hooks to workers reliably: register tsx inside the worker instead.
    const worker = fromSource
      ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`, { eval: true })
      : new Worker(url);
    this.all.add(worker);
    worker.on('message', (reply: AnalyzeReply) => {
      const job = this.running.get(worker);
      this.account();
      this.running.delete(worker);
      this.release(worker);
      if ('prepared' in reply) job?.resolve(reply.prepared);
      else job?.reject(new ConcordError(reply.error));
    });
    const fail = (error: Error) => {
      if (!this.all.delete(worker)) return;
      const job = this.running.get(worker);
      this.account();
      this.running.delete(worker);
      job?.reject(new ConcordError(`analysis worker failed: ${error.message.split('\n')[0]}`));
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      if (!this.closing) this.release(this.spawn());
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
    return worker;
  }

  /** Adds the time since the last change of the running set to the stats, before it changes. */
  private account() {
    const now = performance.now();
    if (this.stats) {
      if (this.running.size >= 1) this.stats.busyMs += now - this.changedAt;
      if (this.running.size >= 2) this.stats.parallelMs += now - this.changedAt;
    }
    this.changedAt = now;
  }

  private release(worker: Worker) {
    this.idle.push(worker);
    this.waiting.shift()?.();
  }

  async analyze(request: Omit<AnalyzeRequest, 'id'>): Promise<PreparedDocument> {
    while (!this.idle.length) await new Promise<void>((r) => this.waiting.push(r));
    const worker = this.idle.pop()!;
    return new Promise<PreparedDocument>((resolve, reject) => {
      this.account();
      this.running.set(worker, { resolve, reject });
      // The bytes are not used here after hashing: move them when they own their buffer (no copy), else clone.
      const { bytes } = request;
      const movable = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      worker.postMessage({ id: 0, ...request } satisfies AnalyzeRequest, movable ? [bytes.buffer as ArrayBuffer] : []);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    const workers = [...this.all];
    this.all.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
