import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from './index.js';
import { AnalysisPool, ingest, type PoolStats } from './ingest.js';
import { testBackends } from './fixtures/backends.js';

test('with two worker threads, documents are analysed two at a time (analysis is outside the one-writer insert)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-ingest-'));
  try {
    const files = Array.from({ length: 6 }, (_, i) => {
      const path = join(dir, `statement-${i}.txt`);
      const paragraphs = Array.from({ length: 30 }, (_, p) => `On ${(p % 28) + 1} May 20${10 + i}, the committee number ${p} met in Geneva and said that over ${p + i} thousand people were detained.`);
      writeFileSync(path, paragraphs.join('\n\n') + '\n');
      return { path, source: path };
    });
    const archive = await openArchive(join(dir, 'a.sqlite'));
    const poolStats: PoolStats = { busyMs: 0, parallelMs: 0 };
    const events = await ingest(archive, files, { threads: 2, poolStats });
    assert.deepEqual(events.map((e) => e.error ?? e.result?.status), Array(6).fill('added'));
    assert.equal((await archive.stats()).documents, 6);
    await archive.close();
    // Both workers had a document at the same time for part of the run.
    assert.ok(poolStats.parallelMs > 0, `two at once for ${poolStats.parallelMs} ms of ${poolStats.busyMs} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Workers prepare the index terms for the archive they write to: FTS5 streams for SQLite, tsvector literals for PostgreSQL.
for (const backend of await testBackends()) {
  test(`worker threads prepare rows that ${backend.name} stores and searches, revisions included`, { skip: backend.skip }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-ingest-'));
    const { archive, dispose } = await backend.fresh();
    try {
      const files = ['東突厥斯坦流亡政府發表聲明。\nThe government in exile issued a statement.\n', 'The committee cited Resolution 3070 on 12 May 2021.\n'].map((text, i) => {
        const path = join(dir, `note-${i}.txt`);
        writeFileSync(path, text);
        return { path, source: path };
      });
      let events = await ingest(archive, files, { threads: 2 });
      assert.deepEqual(events.map((e) => e.error ?? e.result?.status), ['added', 'added']);
      assert.equal((await archive.search({ query: '东突厥斯坦' })).hits.length, 1);
      assert.equal((await archive.search({ query: '"Resolution 3070"' })).hits[0]?.origin, files[1]!.path);
      writeFileSync(files[1]!.path, 'The committee cited Resolution 3071 on 12 May 2021.\n');
      events = await ingest(archive, files, { threads: 2 });
      assert.deepEqual(events.map((e) => e.error ?? `${e.result?.status} ${e.result?.revision}`).sort(), ['revised 2', 'unchanged 1']);
      assert.equal((await archive.search({ query: '"Resolution 3070"' })).hits.length, 0);
      assert.equal((await archive.search({ query: '"Resolution 3071"' })).hits.length, 1);
    } finally {
      await dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('a worker that dies fails only the document it was analysing; the one it held next is analysed by its replacement', async () => {
  const pool = new AnalysisPool(1);
  try {
    const request = (text: string) => ({ bytes: new TextEncoder().encode(text), origin: 'note.txt', target: 'sqlite' as const });
    const first = pool.analyze(request('The committee met in Geneva on 12 May 2021.\n'));
    const second = pool.analyze(request('The committee cited Resolution 3070.\n'));
    const [worker] = (pool as unknown as { jobs: Map<import('node:worker_threads').Worker, unknown> }).jobs.keys();
    await worker!.terminate();
    await assert.rejects(first, /analysis worker failed/);
    const prepared = await second;
    assert.match(prepared.sentences.map((s) => s.text).join(' '), /Resolution 3070/);
  } finally {
    await pool.close();
  }
});
