/**
 * The PostgreSQL archive: the same tables as SQLite, a tsvector (built from the archive's own terms, cast
 * verbatim, no text-search parser involved) with a GIN index, and an ingest job queue for `concord worker`.
 * Every document is written in one transaction; concurrent writers of the same content or source retry.
 */
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { ConcordError, type Document } from '../model.js';
import type { AddOptions, AddResult, Archive, ArchiveStats, DocumentSummary, EntityEntry, EntityOptions, ListOptions, RevisionInfo, SearchOptions, SearchResult, TimelineEntry, TimelineOptions } from './archive.js';
import type { OpenOptions } from './index.js';
import { sourceKey } from './rows.js';
import { modelBuffer, prepareDocument, type PreparedDocument } from './prepared.js';
import { parseQuery, toTsquery } from './query.js';
import { boundFrom } from './timex.js';
import { buildTimeline } from './timeline.js';
import { buildEntities, fillQuotes } from './entities.js';
import { DerivedCache, optionsKey } from './derived.js';
import { finishSearch, RANK_WINDOW, type AlignedLinkRow, type Candidate, type HitSentence } from './search.js';
import type { StoredFact } from './facts.js';

const MIGRATIONS: { name: string; sql: string }[] = [
  {
    name: 'documents, revisions, sentences with tsvector, links, facts, jobs',
    sql: `
      CREATE TABLE documents (
        seq BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        title TEXT,
        date TEXT,
        languages TEXT[] NOT NULL,
        revision INTEGER NOT NULL,
        content_id TEXT NOT NULL,
        sentences INTEGER NOT NULL,
        f_info INTEGER NOT NULL, f_minor INTEGER NOT NULL, f_major INTEGER NOT NULL, f_critical INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE revisions (
        doc BIGINT NOT NULL REFERENCES documents(seq),
        revision INTEGER NOT NULL,
        content_id TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL,
        encoding TEXT NOT NULL,
        format TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        body BYTEA NOT NULL,
        PRIMARY KEY (doc, revision)
      );
      CREATE INDEX revisions_content ON revisions(content_id);
      CREATE TABLE sentences (
        id BIGSERIAL PRIMARY KEY,
        doc BIGINT NOT NULL REFERENCES documents(seq),
        version TEXT NOT NULL,
        language TEXT NOT NULL,
        paragraph TEXT NOT NULL,
        sentence TEXT NOT NULL,
        text TEXT NOT NULL,
        tsv TSVECTOR NOT NULL
      );
      CREATE INDEX sentences_doc ON sentences(doc, sentence);
      CREATE INDEX sentences_paragraph ON sentences(doc, paragraph);
      CREATE INDEX sentences_tsv ON sentences USING GIN (tsv);
      CREATE TABLE links (
        id BIGSERIAL PRIMARY KEY,
        doc BIGINT NOT NULL REFERENCES documents(seq),
        link INTEGER NOT NULL,
        level TEXT NOT NULL,
        side TEXT NOT NULL,
        version TEXT NOT NULL,
        unit TEXT NOT NULL,
        confidence REAL NOT NULL
      );
      CREATE INDEX links_unit ON links(doc, unit);
      CREATE INDEX links_link ON links(doc, link);
      CREATE TABLE facts (
        id BIGSERIAL PRIMARY KEY,
        doc BIGINT NOT NULL REFERENCES documents(seq),
        fact TEXT NOT NULL,
        type TEXT NOT NULL,
        value TEXT,
        start TEXT,
        "end" TEXT,
        version TEXT,
        sentence TEXT,
        language TEXT,
        quote TEXT NOT NULL,
        json TEXT NOT NULL
      );
      CREATE INDEX facts_doc ON facts(doc, type);
      CREATE INDEX facts_type ON facts(type, start);
      CREATE TABLE jobs (
        id BIGSERIAL PRIMARY KEY,
        origin TEXT NOT NULL,
        source TEXT,
        bytes BYTEA NOT NULL,
        status TEXT NOT NULL DEFAULT 'queued',
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        result TEXT,
        enqueued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        finished_at TIMESTAMPTZ
      );
      CREATE INDEX jobs_queued ON jobs(id) WHERE status = 'queued';
    `,
  },
  {
    name: 'every sentence stating a fact (entity mentions)',
    sql: `ALTER TABLE facts ADD COLUMN mentions TEXT`,
  },
  {
    name: 'fact quotes come from the sentences table',
    sql: `ALTER TABLE facts DROP COLUMN quote`,
  },
];

type Queryable = pg.Pool | pg.PoolClient;

/** `?schema=name` in the URL (or options.schema) selects a schema; it is stripped before connecting. */
function parseLocation(url: string, options: OpenOptions): { connectionString: string; schema: string; display: string } {
  const u = new URL(url);
  const schema = options.schema ?? u.searchParams.get('schema') ?? 'public';
  u.searchParams.delete('schema');
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new ConcordError(`invalid PostgreSQL schema name: ${schema}`);
  const display = new URL(u.toString());
  display.password = '';
  return { connectionString: u.toString(), schema, display: display.toString() };
}

export async function openPostgresArchive(url: string, options: OpenOptions = {}): Promise<PostgresArchive> {
  const { connectionString, schema, display } = parseLocation(url, options);
  const pool = new pg.Pool({ connectionString, max: 4, connectionTimeoutMillis: 5000, options: `-c search_path=${schema}` });
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      await client.query(`SET search_path TO "${schema}"`);
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`concord-migrate-${schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      const applied = Number((await client.query('SELECT COALESCE(MAX(version), 0) AS v FROM migrations')).rows[0].v);
      if (applied > MIGRATIONS.length) throw new ConcordError(`the archive was written by a newer concord (schema ${applied}, this one knows ${MIGRATIONS.length})`);
      for (let i = applied; i < MIGRATIONS.length; i++) {
        await client.query(MIGRATIONS[i]!.sql);
        await client.query('INSERT INTO migrations (version, name) VALUES ($1, $2)', [i + 1, MIGRATIONS[i]!.name]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof ConcordError) throw error;
    throw new ConcordError(`cannot open the archive ${display}: ${(error as Error).message.split('\n')[0]}`);
  }
  return new PostgresArchive(pool, display, schema);
}

interface DocRow {
  seq: string;
  id: string;
  origin: string;
  source: string;
  title: string | null;
  date: string | null;
  languages: string[];
  revision: number;
  content_id: string;
  sentences: number;
  f_info: number;
  f_minor: number;
  f_major: number;
  f_critical: number;
  added_at: string;
  updated_at: string;
  revisions?: string;
}

function summaryOf(r: DocRow): DocumentSummary {
  return {
    id: r.id,
    contentId: r.content_id,
    origin: r.origin,
    source: r.source,
    title: r.title ?? undefined,
    date: r.date ?? undefined,
    languages: r.languages,
    revision: r.revision,
    revisions: r.revisions !== undefined ? Number(r.revisions) : r.revision,
    sentences: r.sentences,
    findings: { info: r.f_info, minor: r.f_minor, major: r.f_major, critical: r.f_critical },
    addedAt: r.added_at,
    updatedAt: r.updated_at,
  };
}

/** Builds `$n` placeholders from named values so filters compose without string-pasting user input. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

function languageSql(column: string, language: string, p: Params): string {
  return `(${column} = ${p.add(language)} OR ${column} LIKE ${p.add(`${language}-%`)})`;
}
function sourceSql(source: string, p: Params): string {
  const s = p.add(source.toLowerCase());
  return `(strpos(lower(d.source), ${s}) > 0 OR strpos(lower(d.origin), ${s}) > 0)`;
}

export interface QueuedJob {
  origin: string;
  bytes: Uint8Array;
  /** Source key (absolute path or URL) the document is filed under. */
  source?: string;
}

export type JobOutcome = { status: 'empty' } | { status: 'done'; id: number; result: AddResult } | { status: 'failed'; id: number; error: string };

export class PostgresArchive implements Archive {
  readonly kind = 'postgres' as const;

  constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
    readonly schema: string,
  ) {}

  async add(doc: Document, options: AddOptions = {}): Promise<AddResult> {
    return this.transaction((client) => this.addWith(client, doc, options));
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        // Two writers raced on the same content or source: the retry sees the winner's row.
        const code = (error as { code?: string }).code;
        if ((code === '23505' || code === '40001' || code === '40P01') && attempt < 5) continue;
        throw error;
      } finally {
        client.release();
      }
    }
  }

  async addPrepared(prepared: PreparedDocument, options: Pick<AddOptions, 'addedAt'> = {}): Promise<AddResult> {
    return this.transaction((client) => this.addPreparedWith(client, prepared, options));
  }

  /** The body of `add`, on a client already inside a transaction (the worker adds within its job's transaction). */
  async addWith(client: Queryable, doc: Document, options: AddOptions = {}): Promise<AddResult> {
    return this.addPreparedWith(client, prepareDocument(doc, sourceKey(doc, options), 'postgres'), options);
  }

  async addPreparedWith(client: Queryable, rows: PreparedDocument, options: Pick<AddOptions, 'addedAt'> = {}): Promise<AddResult> {
    if (rows.target !== 'postgres') throw new ConcordError(`a document prepared for ${rows.target} cannot go into a PostgreSQL archive`);
    const key = rows.key;
    const held = (await client.query('SELECT d.id, r.revision FROM revisions r JOIN documents d ON d.seq = r.doc WHERE r.sha256 = $1', [rows.provenance.sha256])).rows[0];
    if (held) return { status: 'unchanged', id: held.id, revision: held.revision };
    const now = (options.addedAt ?? new Date()).toISOString();
    const existing = (await client.query('SELECT seq, id, revision FROM documents WHERE origin = $1 FOR UPDATE', [key])).rows[0] as { seq: string; id: string; revision: number } | undefined;
    const summary = [rows.source, rows.title ?? null, rows.date ?? null, rows.languages, rows.contentId, rows.sentences.length, rows.findings.info, rows.findings.minor, rows.findings.major, rows.findings.critical, now];
    let seq: string;
    let id: string;
    let revision: number;
    if (existing) {
      ({ seq, id } = existing);
      revision = existing.revision + 1;
      for (const table of ['sentences', 'links', 'facts']) await client.query(`DELETE FROM ${table} WHERE doc = $1`, [seq]);
      await client.query(
        `UPDATE documents SET source=$1, title=$2, date=$3, languages=$4, content_id=$5, sentences=$6, f_info=$7, f_minor=$8, f_major=$9, f_critical=$10, updated_at=$11, revision=$12 WHERE seq=$13`,
        [...summary, revision, seq],
      );
    } else {
      id = rows.contentId;
      for (let n = 2; (await client.query('SELECT 1 FROM documents WHERE id = $1', [id])).rowCount; n++) id = `${rows.contentId}-${n}`;
      revision = 1;
      seq = (
        await client.query(
          `INSERT INTO documents (source, title, date, languages, content_id, sentences, f_info, f_minor, f_major, f_critical, added_at, updated_at, revision, id, origin)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$11,1,$12,$13) RETURNING seq`,
          [...summary, id, key],
        )
      ).rows[0].seq;
    }
    const p = rows.provenance;
    await client.query('INSERT INTO revisions (doc, revision, content_id, sha256, origin, encoding, format, bytes, added_at, body) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)', [
      seq,
      revision,
      rows.contentId,
      p.sha256,
      p.origin,
      p.encoding,
      p.format,
      p.bytes,
      now,
      modelBuffer(rows),
    ]);
    const s = rows.sentences;
    if (s.length)
      await client.query(
        `INSERT INTO sentences (doc, version, language, paragraph, sentence, text, tsv)
         SELECT $1, v, l, p, s, t, tv::tsvector FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS x(v, l, p, s, t, tv, n) ORDER BY n`,
        [seq, s.map((r) => r.version), s.map((r) => r.language), s.map((r) => r.paragraph), s.map((r) => r.sentence), s.map((r) => r.text), s.map((r) => r.tsv ?? '')],
      );
    const l = rows.links;
    if (l.length)
      await client.query(
        `INSERT INTO links (doc, link, level, side, version, unit, confidence)
         SELECT $1, k, lv, sd, v, u, c FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::real[]) WITH ORDINALITY AS x(k, lv, sd, v, u, c, n) ORDER BY n`,
        [seq, l.map((r) => r.link), l.map((r) => r.level), l.map((r) => r.side), l.map((r) => r.version), l.map((r) => r.unit), l.map((r) => r.confidence)],
      );
    const f = rows.facts;
    if (f.length)
      await client.query(
        `INSERT INTO facts (doc, fact, type, value, start, "end", version, sentence, language, json, mentions)
         SELECT $1, fa, ty, va, st, en, ve, se, la, js, me FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
           WITH ORDINALITY AS x(fa, ty, va, st, en, ve, se, la, js, me, n) ORDER BY n`,
        [
          seq,
          f.map((r) => r.fact),
          f.map((r) => r.type),
          f.map((r) => r.value ?? null),
          f.map((r) => r.start ?? null),
          f.map((r) => r.end ?? null),
          f.map((r) => r.version ?? null),
          f.map((r) => r.sentence ?? null),
          f.map((r) => r.language ?? null),
          f.map((r) => r.json),
          f.map((r) => r.mentions),
        ],
      );
    return { status: existing ? 'revised' : 'added', id, revision };
  }

  async findContent(sha256: string): Promise<{ id: string; revision: number } | undefined> {
    return (await this.pool.query('SELECT d.id, r.revision FROM revisions r JOIN documents d ON d.seq = r.doc WHERE r.sha256 = $1', [sha256])).rows[0];
  }

  async list(options: ListOptions = {}): Promise<DocumentSummary[]> {
    const p = new Params();
    const where: string[] = [];
    if (options.language) where.push(`EXISTS (SELECT 1 FROM unnest(d.languages) AS lang WHERE ${languageSql('lang', options.language, p)})`);
    if (options.source) where.push(sourceSql(options.source, p));
    const rows = (
      await this.pool.query(
        `SELECT d.* FROM documents d ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY COALESCE(d.date, '') DESC, d.added_at DESC, d.seq DESC LIMIT ${p.add(options.limit ?? 100)} OFFSET ${p.add(options.offset ?? 0)}`,
        p.values,
      )
    ).rows as DocRow[];
    return rows.map(summaryOf);
  }

  private async resolveDoc(id: string): Promise<DocRow | undefined> {
    return ((await this.pool.query('SELECT * FROM documents WHERE id = $1', [id])).rows[0] ??
      (await this.pool.query('SELECT d.* FROM revisions r JOIN documents d ON d.seq = r.doc WHERE r.content_id = $1 LIMIT 1', [id])).rows[0]) as DocRow | undefined;
  }

  async get(id: string, options: { revision?: number } = {}): Promise<Document | undefined> {
    const doc = await this.resolveDoc(id);
    if (!doc) return undefined;
    const byContent = options.revision === undefined && doc.id !== id ? (await this.pool.query('SELECT body FROM revisions WHERE content_id = $1 AND doc = $2', [id, doc.seq])).rows[0] : undefined;
    const row = byContent ?? (await this.pool.query('SELECT body FROM revisions WHERE doc = $1 AND revision = $2', [doc.seq, options.revision ?? doc.revision])).rows[0];
    return row ? (JSON.parse(gunzipSync(row.body as Buffer).toString('utf8')) as Document) : undefined;
  }

  async summary(id: string): Promise<DocumentSummary | undefined> {
    const doc = await this.resolveDoc(id);
    if (!doc) return undefined;
    const n = (await this.pool.query('SELECT COUNT(*) AS n FROM revisions WHERE doc = $1', [doc.seq])).rows[0].n;
    return summaryOf({ ...doc, revisions: n });
  }

  async history(id: string): Promise<RevisionInfo[]> {
    const doc = await this.resolveDoc(id);
    if (!doc) return [];
    const rows = (await this.pool.query('SELECT revision, content_id, sha256, origin, encoding, format, bytes, added_at FROM revisions WHERE doc = $1 ORDER BY revision', [doc.seq])).rows;
    return rows.map((r) => ({ revision: r.revision, contentId: r.content_id, sha256: r.sha256, origin: r.origin, encoding: r.encoding, format: r.format, bytes: r.bytes, addedAt: r.added_at }));
  }

  async search(options: SearchOptions): Promise<SearchResult> {
    const ast = parseQuery(options.query);
    const from = boundFrom(options.from, 'start');
    const to = boundFrom(options.to, 'end');
    const p = new Params();
    const q = p.add(toTsquery(ast));
    const where = [`s.tsv @@ ${q}::tsquery`];
    if (options.language) where.push(languageSql('s.language', options.language, p));
    if (options.source) where.push(sourceSql(options.source, p));
    if (from || to) where.push(`EXISTS (SELECT 1 FROM facts f WHERE f.doc = s.doc AND f.type IN ('event','time') AND f.start <= ${p.add(to ?? '9999-12-31')} AND f."end" >= ${p.add(from ?? '0000-01-01')})`);
    const limit = options.limit ?? 20;
    const offset = options.offset ?? 0;
    // The same rank window as SQLite (search.ts), so both archives return the same hits for broad queries.
    const floorRow =
      limit + offset <= RANK_WINDOW ? (await this.pool.query(`SELECT id FROM sentences WHERE tsv @@ $1::tsquery ORDER BY id DESC OFFSET ${RANK_WINDOW - 1} LIMIT 1`, [p.values[0]])).rows[0] : undefined;
    const floorParam = p.add(0);
    const limitParam = p.add(limit);
    const offsetParam = p.add(offset);
    const run = async (floor: string | number) => {
      p.values[Number(floorParam.slice(1)) - 1] = floor;
      return (
        await this.pool.query(
          `SELECT s.id AS key, s.doc AS doc, ts_rank_cd(s.tsv, ${q}::tsquery) AS score
           FROM sentences s JOIN documents d ON d.seq = s.doc
           WHERE ${where.join(' AND ')} AND s.id >= ${floorParam} ORDER BY score DESC, s.id LIMIT ${limitParam} OFFSET ${offsetParam}`,
          p.values,
        )
      ).rows as Candidate[];
    };
    let candidates = await run(floorRow?.id ?? 0);
    let rankedWithin: number | undefined = floorRow ? RANK_WINDOW : undefined;
    if (floorRow && candidates.length < limit) [candidates, rankedWithin] = [await run(0), undefined];
    const result = await finishSearch(options.query, ast, candidates, {
      sentences: async (keys) =>
        (
          await this.pool.query(
            `SELECT s.id AS key, s.doc AS doc, d.id AS "documentId", d.origin, d.source, d.title, d.revision, d.languages, s.version, s.language, s.paragraph, s.sentence, s.text
             FROM sentences s JOIN documents d ON d.seq = s.doc WHERE s.id = ANY($1::bigint[])`,
            [keys],
          )
        ).rows as HitSentence[],
      aligned: async (pairs) =>
        (
          await this.pool.query(
            `SELECT hit.doc AS doc, hit.unit AS hit, other.level, other.version, other.unit, other.confidence,
                    COALESCE(s.language, (SELECT language FROM sentences WHERE doc = other.doc AND paragraph = other.unit LIMIT 1)) AS language,
                    CASE WHEN other.level = 'sentence' THEN s.text ELSE NULL END AS text
             FROM unnest($1::bigint[], $2::text[]) AS want(doc, unit)
             JOIN links hit ON hit.doc = want.doc AND hit.unit = want.unit
             JOIN links other ON other.doc = hit.doc AND other.link = hit.link AND other.side <> hit.side
             LEFT JOIN sentences s ON s.doc = other.doc AND s.sentence = other.unit AND other.level = 'sentence'
             ORDER BY other.doc, other.link, other.id`,
            [pairs.map((p) => p.doc), pairs.map((p) => p.unit)],
          )
        ).rows as AlignedLinkRow[],
      paragraphText: async (pairs) =>
        (
          await this.pool.query(
            `SELECT s.doc AS doc, s.paragraph, s.text FROM unnest($1::bigint[], $2::text[]) AS want(doc, unit)
             JOIN sentences s ON s.doc = want.doc AND s.paragraph = want.unit ORDER BY s.id`,
            [pairs.map((p) => p.doc), pairs.map((p) => p.unit)],
          )
        ).rows,
    });
    if (rankedWithin) result.rankedWithin = rankedWithin;
    return result;
  }

  private async storedFacts(types: string[], source: string | undefined): Promise<StoredFact[]> {
    const p = new Params();
    const where = [`f.type = ANY(${p.add(types)}::text[])`];
    if (source) where.push(sourceSql(source, p));
    const rows = (
      await this.pool.query(
        `SELECT d.id AS "documentId", d.origin, d.source, d.title, f.version, f.sentence, f.language, COALESCE(s.text, '') AS quote, f.mentions, f.json
         FROM facts f JOIN documents d ON d.seq = f.doc LEFT JOIN sentences s ON s.doc = f.doc AND s.sentence = f.sentence
         WHERE ${where.join(' AND ')} ORDER BY d.seq, f.id`,
        p.values,
      )
    ).rows;
    return rows.map(({ json, title, version, sentence, language, mentions, ...r }) => ({
      ...r,
      title: title ?? undefined,
      version: version ?? undefined,
      sentence: sentence ?? undefined,
      language: language ?? undefined,
      mentions: mentions ? JSON.parse(mentions) : undefined,
      fact: JSON.parse(json),
    }));
  }

  private readonly derived = new DerivedCache();

  /** Changes whenever facts or revisions are written, by this process or another (see `DerivedCache`). */
  private async changeToken(): Promise<string> {
    const row = (await this.pool.query('SELECT (SELECT MAX(id) FROM facts) AS facts, (SELECT COUNT(*) FROM revisions) AS revisions')).rows[0];
    return `${row.facts ?? 0}:${row.revisions}`;
  }

  async timeline(options: TimelineOptions = {}): Promise<TimelineEntry[]> {
    boundFrom(options.from, 'start'); // a malformed bound is an error even when a result is cached
    boundFrom(options.to, 'end');
    return this.derived.get(await this.changeToken(), optionsKey('timeline', options), () => this.computeTimeline(options));
  }

  private async computeTimeline(options: TimelineOptions): Promise<TimelineEntry[]> {
    return buildTimeline(await this.storedFacts(['event', 'time', 'figure'], options.source), options);
  }

  async entities(options: EntityOptions = {}): Promise<EntityEntry[]> {
    return this.derived.get(await this.changeToken(), optionsKey('entities', options), () => this.computeEntities(options));
  }

  private async computeEntities(options: EntityOptions): Promise<EntityEntry[]> {
    const entries = buildEntities(await this.storedFacts(['entity'], undefined), options);
    await fillQuotes(entries, async (pairs) =>
      (
        await this.pool.query(
          `SELECT d.id AS "documentId", s.sentence, s.text FROM unnest($1::text[], $2::text[]) AS want(id, sentence)
           JOIN documents d ON d.id = want.id JOIN sentences s ON s.doc = d.seq AND s.sentence = want.sentence`,
          [pairs.map((x) => x.documentId), pairs.map((x) => x.sentence)],
        )
      ).rows,
    );
    return entries;
  }

  async stats(): Promise<ArchiveStats> {
    const r = (
      await this.pool.query(
        `SELECT (SELECT COUNT(*) FROM documents) AS documents, (SELECT COUNT(*) FROM revisions) AS revisions,
                (SELECT COUNT(*) FROM sentences) AS sentences, (SELECT COUNT(*) FROM facts) AS facts,
                (SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r','m')) AS size`,
        [this.schema],
      )
    ).rows[0];
    return { documents: Number(r.documents), revisions: Number(r.revisions), sentences: Number(r.sentences), facts: Number(r.facts), sizeBytes: Number(r.size) };
  }

  // ───────────── the ingest queue (PostgreSQL only) ─────────────

  /** Queues files for `concord worker`; the bytes travel in the job so workers need no shared disk. */
  async enqueue(jobs: QueuedJob[]): Promise<number> {
    if (!jobs.length) return 0;
    await this.pool.query(`INSERT INTO jobs (origin, source, bytes) SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[])`, [
      jobs.map((j) => j.origin),
      jobs.map((j) => j.source ?? null),
      jobs.map((j) => Buffer.from(j.bytes)),
    ]);
    await this.pool.query(`NOTIFY concord_jobs`);
    return jobs.length;
  }

  /**
   * Takes one queued job (FOR UPDATE SKIP LOCKED, so workers never block each other), analyses it and stores
   * the document in the SAME transaction as the job's completion: a worker killed midway leaves the job queued.
   */
  async processNextJob(analyze: (bytes: Uint8Array, origin: string) => Promise<Document>): Promise<JobOutcome> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const job = (await client.query(`SELECT id, origin, source, bytes FROM jobs WHERE status = 'queued' ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1`)).rows[0] as
        | { id: string; origin: string; source: string | null; bytes: Buffer }
        | undefined;
      if (!job) {
        await client.query('COMMIT');
        return { status: 'empty' };
      }
      const id = Number(job.id);
      // The job's completion commits with its document, so a commit lost in a server crash only puts the job back
      // in the queue (nothing lost, nothing twice): the worker need not wait for the WAL flush.
      await client.query('SET LOCAL synchronous_commit = off');
      await client.query('SAVEPOINT store');
      try {
        const doc = await analyze(new Uint8Array(job.bytes), job.origin);
        const result = await this.addWith(client, doc, { source: job.source ?? undefined });
        await client.query(`UPDATE jobs SET status = 'done', attempts = attempts + 1, result = $2, finished_at = now(), bytes = ''::bytea WHERE id = $1`, [id, `${result.status} ${result.id} r${result.revision}`]);
        await client.query('COMMIT');
        return { status: 'done', id, result };
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        await client.query('ROLLBACK TO SAVEPOINT store').catch(() => undefined);
        await client.query(`UPDATE jobs SET status = 'failed', attempts = attempts + 1, error = $2, finished_at = now() WHERE id = $1`, [id, message]).catch(() => undefined);
        await client.query('COMMIT').catch(() => undefined);
        return { status: 'failed', id, error: message };
      }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async queueCounts(): Promise<Record<string, number>> {
    const rows = (await this.pool.query('SELECT status, COUNT(*) AS n FROM jobs GROUP BY status')).rows;
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  /** Resolves when a job is queued (LISTEN/NOTIFY) or after `ms`, whichever comes first. */
  async waitForJobs(ms: number): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('LISTEN concord_jobs');
      await new Promise<void>((done) => {
        const timer = setTimeout(done, ms);
        client.once('notification', () => {
          clearTimeout(timer);
          done();
        });
      });
      await client.query('UNLISTEN concord_jobs');
    } finally {
      client.release();
    }
  }

  /** Drops the whole schema: for tests and benchmarks that made a throwaway one. */
  async dropSchema(): Promise<void> {
    if (this.schema === 'public') throw new ConcordError('refusing to drop the public schema');
    await this.pool.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
