/**
 * One supervised worker thread for analysing uploads. If the thread dies (or an analysis exceeds the time
 * limit) the requests in flight fail with a clear error and the next upload starts a fresh thread, so an
 * upload can never hang forever.
 */
import { Worker } from 'node:worker_threads';
import { ConcordError, type Document } from '../model.js';
import { HttpProblem } from './problem.js';
import type { AnalysisReply } from './analysis-worker.js';

interface Pending {
  resolve(doc: Document): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class AnalysisThread {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  constructor(private readonly timeLimitMs = 120_000) {}

  /** Starts the thread now (it loads the pipeline), so the first upload does not wait for it. */
  warm(): void {
    this.ensure();
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const fromSource = import.meta.url.endsWith('.ts');
    const url = new URL(`./analysis-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
    // Under tsx (tests, development) the worker registers tsx itself: Node 20 does not pass --import hooks on.
    const worker = fromSource ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`, { eval: true }) : new Worker(url);
    worker.unref();
    worker.on('message', (reply: AnalysisReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.settle(reply.id);
      if ('doc' in reply) p.resolve(reply.doc);
      else p.reject(reply.readable ? new ConcordError(reply.error) : new Error(reply.error));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, p] of this.pending) (this.settle(id), p.reject(error));
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the analysis thread stopped (exit code ${code})`)));
    return (this.worker = worker);
  }

  private settle(id: number) {
    clearTimeout(this.pending.get(id)?.timer);
    this.pending.delete(id);
  }

  analyze(bytes: Uint8Array, origin: string): Promise<Document> {
    const worker = this.ensure();
    const id = this.next++;
    return new Promise<Document>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.settle(id);
        reject(new HttpProblem(503, `analysing ${origin} took longer than ${Math.round(this.timeLimitMs / 1000)} s; try concord add for very large files`, 'analysis-timeout'));
        // A stuck analysis blocks the thread: replace it.
        void worker.terminate();
      }, this.timeLimitMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, bytes, origin });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}
