import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openArchive } from './index.js';
import { pgUrlWithSchema, postgresSkipReason, uniqueSchema } from './fixtures/backends.js';
import { crashNote, reportB, statementA } from './fixtures/corpus.js';
import type { PostgresArchive } from './postgres.js';

// Checked before any test runs: the spawnSync calls of other tests block the event loop and would time the probe out.
const pgSkip = await postgresSkipReason();

const root = fileURLToPath(new URL('../../', import.meta.url));
const concord = (args: string[], input?: string) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', ...args], { cwd: root, encoding: 'utf8', input });
const dir = mkdtempSync(join(tmpdir(), 'concord-cmd-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Small invented statements, different enough to be distinct documents. */
function writeStatements(folder: string, count: number): void {
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    writeFileSync(join(folder, `s${String(i).padStart(4, '0')}.txt`), `Statement ${i} of ${folder} on the anniversary.\nThe committee met on day ${i} and issued note ${i * 7}.\n委員會第${i}次會議。\n`);
  }
}

describe('concord add', () => {
  const db = join(dir, 'add.sqlite');
  const docs = join(dir, 'docs');
  before(() => {
    writeStatements(join(docs, 'a'), 3);
    writeStatements(join(docs, 'b', 'deep'), 2);
    writeFileSync(join(docs, 'b', 'ignored.bin'), 'not a document');
  });

  test('takes folders recursively, globs and standard input; the same bytes again change nothing', () => {
    let r = concord(['add', join(docs, 'a'), `${docs}/b/**/*.txt`, '--db', db, '--json']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).map((e: { status: string }) => e.status), Array(5).fill('added'));
    r = concord(['add', '-', '--db', db], 'Read from standard input.\n');
    assert.match(r.stdout, /^1 added/);
    r = concord(['add', docs, '--db', db]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^0 added, 0 revised, 5 unchanged, 0 failed/);
  });

  test('a changed file becomes revision 2 of the same document, and history keeps revision 1', async () => {
    const file = join(docs, 'a', 's0001.txt');
    appendFileSync(file, 'A sentence added later.\n');
    const r = concord(['add', file, '--db', db, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const [event] = JSON.parse(r.stdout);
    assert.deepEqual([event.status, event.revision], ['revised', 2]);
    const archive = await openArchive(db);
    try {
      const history = await archive.history(event.id);
      assert.deepEqual(history.map((h) => [h.revision, h.bytes < (history[1]?.bytes ?? 0)]), [[1, true], [2, false]]);
      assert.ok(history.every((h) => h.sha256.length === 64 && h.encoding && h.addedAt));
      assert.doesNotMatch((await archive.get(event.id, { revision: 1 }))!.text, /added later/);
    } finally {
      await archive.close();
    }
  });

  test('a URL is fetched and filed under that URL', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_, res) => res.end('A statement published on the web.\n網上發表的聲明。\n'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/statement.txt`;
    try {
      const r = await new Promise<{ status: number | null; stderr: string }>((done) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', 'add', url, '--db', db], { cwd: root });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.once('exit', (status) => done({ status, stderr }));
      });
      assert.equal(r.status, 0, r.stderr);
    } finally {
      server.close();
    }
    const archive = await openArchive(db);
    try {
      const [doc] = await archive.list({ source: '127.0.0.1' });
      assert.deepEqual([doc?.origin, doc?.source], [url, '127.0.0.1']);
    } finally {
      await archive.close();
    }
  });

  test('a missing path is one clear line, no stack trace', () => {
    const r = concord(['add', join(dir, 'nope.txt'), '--db', db]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^concord add: no such file or folder: .*nope\.txt\n$/);
    const s = concord(['search', 'x', '--db', join(dir, 'none.sqlite')]);
    assert.equal(s.status, 2);
    assert.match(s.stderr, /^concord search: no archive at .*none\.sqlite: add documents first/);
  });
});

describe('concord add killed with SIGKILL in the middle of a batch', () => {
  const db = join(dir, 'killed.sqlite');
  const docs = join(dir, 'many');
  const total = 400;
  before(() => writeStatements(docs, total));

  test('leaves no partial document; running it again stores every file exactly once', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', 'add', docs, '--db', db], { cwd: root, stdio: 'ignore' });
    const exited = new Promise((done) => child.once('exit', done));
    let stored = 0;
    for (let i = 0; i < 6000 && stored < 20; i++) {
      await new Promise((r) => setTimeout(r, 10));
      try {
        const peek = new Database(db, { readonly: true, fileMustExist: true });
        stored = (peek.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
        peek.close();
      } catch {
        // not created yet
      }
    }
    child.kill('SIGKILL');
    await exited;
    const check = new Database(db);
    const count = (sql: string) => (check.prepare(sql).get() as { n: number }).n;
    const atKill = count('SELECT COUNT(*) AS n FROM documents');
    assert.ok(atKill > 0 && atKill < total, `killed after ${atKill} of ${total} documents: the kill must land mid-batch`);
    // Every stored document is whole: its revision, all its sentences and their index rows.
    assert.equal(count('SELECT COUNT(*) AS n FROM revisions'), atKill);
    assert.equal(count('SELECT COUNT(*) AS n FROM documents d WHERE d.sentences <> (SELECT COUNT(*) FROM sentences s WHERE s.doc = d.seq)'), 0);
    assert.equal(count('SELECT COUNT(*) AS n FROM sentences WHERE doc NOT IN (SELECT seq FROM documents)'), 0);
    assert.equal(count('SELECT COUNT(*) AS n FROM sentence_fts'), count('SELECT COUNT(*) AS n FROM sentences'));
    check.close();

    const again = concord(['add', docs, '--db', db]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, new RegExp(`^${total - atKill} added, 0 revised, ${atKill} unchanged, 0 failed`));
    const final = new Database(db, { readonly: true });
    assert.equal((final.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n, total);
    assert.equal((final.prepare('SELECT COUNT(DISTINCT origin) AS n FROM documents').get() as { n: number }).n, total);
    assert.equal((final.prepare('SELECT COUNT(*) AS n FROM revisions').get() as { n: number }).n, total);
    final.close();
  });
});

describe('concord search, timeline, entities', () => {
  const db = join(dir, 'read.sqlite');
  before(async () => {
    const archive = await openArchive(db);
    for (const doc of [statementA(), reportB(), crashNote('/corpus/other/c.txt', '27'), crashNote('/corpus/other/d.txt', '29')]) await archive.add(doc);
    await archive.close();
  });

  test('search prints each hit with its aligned sentence side by side', () => {
    const r = concord(['search', '东突厥斯坦', '--lang', 'zh-Hant', '--db', db]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /«東突厥斯坦»流亡政府紀念蘇聯背叛七十五週年。\n {3}↔ \[en\] The East Turkistan Government in Exile marks the 75th anniversary of the Soviet betrayal\./);
  });

  test('search --json gives the hits; a malformed query exits 2 with one line', () => {
    const r = concord(['search', '"Resolution 3070"', '--json', '--db', db]);
    assert.equal(JSON.parse(r.stdout).hits[0].aligned[0].units[0].text, '聯合國大會於1973年通過第3070號決議。');
    const bad = concord(['search', '(army', '--db', db]);
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr, "concord search: malformed query: the parenthesis opened at character 1 is never closed\n");
  });

  test('timeline --csv has one cited row per mention, disagreements on the rows', () => {
    const r = concord(['timeline', '--csv', '--db', db]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines[0], 'date,start,end,precision,kind,event,documents,origin,document,sentence,quote,disagreements');
    const invasion = lines.filter((l) => l.startsWith('1949-10-12,') && l.includes(',event,'));
    assert.equal(invasion.length, 2);
    assert.ok(invasion.every((l) => /sources give different figures for people killed: (150,000 vs 200,000|200,000 vs 150,000)/.test(l)));
  });

  test('entities lists aliases in both scripts and where each is mentioned', () => {
    const r = concord(['entities', 'East Turkestan', '--db', db]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\(place\) — 2 documents, 3 mentions/);
    assert.match(r.stdout, /東突厥斯坦 \[zh-Hant\]/);
    assert.match(r.stdout, /东突厥斯坦 \[zh-Hans\]/);
  });
});

// REAL PIPELINE: these run the reference statement through read→split→align→check→extract as it is today.
describe('the reference statement through the real pipeline', () => {
  const db = join(dir, 'reference.sqlite');
  const reference = join(dir, 'statement-etge-2024-en-zh.txt');
  before(() => {
    copyFileSync(join(root, 'examples/statement-etge-2024-en-zh.txt'), reference);
    const r = concord(['add', reference, '--db', db]);
    assert.equal(r.status, 0, r.stderr);
  });

  test('a Simplified query finds its Traditional Chinese; "Resolution 3070" finds its English', async () => {
    const archive = await openArchive(db);
    try {
      const zh = await archive.search({ query: '东突厥斯坦' });
      assert.ok(zh.hits.length >= 3 && zh.hits.every((h) => h.origin === reference && h.language.startsWith('zh')));
      const en = await archive.search({ query: '"Resolution 3070"' });
      assert.equal(en.hits[0]?.origin, reference);
      assert.match(en.hits[0]!.snippet, /«Resolution 3070» of 30 November 1973/);
    } finally {
      await archive.close();
    }
  });

  test('hits show the aligned sentence in the other language (needs the real aligner)', async (t) => {
    const archive = await openArchive(db);
    try {
      const doc = (await archive.get((await archive.list())[0]!.id))!;
      if (!doc.alignments.some((a) => a.links.some((l) => l.level === 'sentence'))) {
        t.todo('the pipeline produced no sentence links yet: alignment display is proven on hand-made alignments above');
        return;
      }
      const zh = await archive.search({ query: '东突厥斯坦', language: 'zh' });
      const first = zh.hits.find((h) => h.sentence.endsWith('.p1.s1'))!;
      assert.match(first.aligned[0]!.units.map((u) => u.text).join(' '), /East Turkistan Government in Exile/);
      const en = await archive.search({ query: '"Resolution 3070"' });
      // The Chinese version stops after paragraph 7, so paragraph 11 has no counterpart to show.
      assert.deepEqual(en.hits[0]!.aligned, []);
      assert.deepEqual(en.hits[0]!.unaligned.map((u) => u.language), ['zh-Hant']);
    } finally {
      await archive.close();
    }
  });
});

describe('concord worker on the PostgreSQL queue', () => {
  const skip = pgSkip;
  test('two workers drain the queue; every file is stored exactly once', { skip }, async () => {
    const url = pgUrlWithSchema(uniqueSchema());
    const docs = join(dir, 'queued');
    writeStatements(docs, 30);
    try {
      const q = concord(['add', docs, '--queue', '--db', url]);
      assert.equal(q.status, 0, q.stderr);
      assert.match(q.stdout, /^30 queued/);
      const worker = () =>
        new Promise<number>((done) => spawn(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', 'worker', '--exit-when-empty', '--quiet', '--db', url], { cwd: root, stdio: 'ignore' }).once('exit', (code) => done(code ?? -1)));
      assert.deepEqual(await Promise.all([worker(), worker()]), [0, 0]);
      const archive = (await openArchive(url)) as PostgresArchive;
      try {
        assert.deepEqual(await archive.queueCounts(), { done: 30 });
        const stats = await archive.stats();
        assert.deepEqual([stats.documents, stats.revisions], [30, 30]);
        assert.equal((await archive.search({ query: '委員會' })).hits.length, 20);
      } finally {
        await archive.dropSchema();
        await archive.close();
      }
    } finally {
      rmSync(docs, { recursive: true, force: true });
    }
  });
});
