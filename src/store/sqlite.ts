/**
 * The SQLite archive: one file, WAL, versioned migrations, FTS5 over the archive's own terms.
 * better-sqlite3 is synchronous; every write of a document runs inside one transaction.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { ConcordError, type Document } from '../model.js';
import type { AddOptions, AddResult, Archive, ArchiveStats, DocumentSummary, EntityEntry, EntityOptions, ListOptions, RevisionInfo, SearchOptions, SearchResult, TimelineEntry, TimelineOptions } from './archive.js';
import { sourceKey } from './rows.js';
import { modelBuffer, prepareDocument, type PreparedDocument } from './prepared.js';
import { parseQuery, toFts5 } from './query.js';
import { boundFrom } from './timex.js';
import { buildTimeline } from './timeline.js';
import { buildEntities, fillQuotes } from './entities.js';
import { DerivedCache, optionsKey } from './derived.js';
import { finishSearch, RANK_WINDOW, type Candidate, type HitSentence, type AlignedLinkRow } from './search.js';
import type { StoredFact } from './facts.js';

/** Each entry runs once, in order, inside a transaction; `migrations` records what is applied. Never edit a shipped one. */
const MIGRATIONS: { name: string; sql: string }[] = [
  {
    name: 'documents, revisions, sentences with FTS5, links, facts',
    sql: `
      CREATE TABLE documents (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        title TEXT,
        date TEXT,
        languages TEXT NOT NULL,
        revision INTEGER NOT NULL,
        content_id TEXT NOT NULL,
        sentences INTEGER NOT NULL,
        f_info INTEGER NOT NULL, f_minor INTEGER NOT NULL, f_major INTEGER NOT NULL, f_critical INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE revisions (
        doc INTEGER NOT NULL REFERENCES documents(seq),
        revision INTEGER NOT NULL,
        content_id TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL,
        encoding TEXT NOT NULL,
        format TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        body BLOB NOT NULL,
        PRIMARY KEY (doc, revision)
      );
      CREATE INDEX revisions_content ON revisions(content_id);
      CREATE TABLE sentences (
        id INTEGER PRIMARY KEY,
        doc INTEGER NOT NULL REFERENCES documents(seq),
        version TEXT NOT NULL,
        language TEXT NOT NULL,
        paragraph TEXT NOT NULL,
        sentence TEXT NOT NULL,
        text TEXT NOT NULL
      );
      CREATE INDEX sentences_doc ON sentences(doc, sentence);
      CREATE INDEX sentences_paragraph ON sentences(doc, paragraph);
      CREATE VIRTUAL TABLE sentence_fts USING fts5(body, tail, content='', contentless_delete=1, tokenize='ascii', detail='full');
      CREATE TABLE links (
        doc INTEGER NOT NULL REFERENCES documents(seq),
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
        doc INTEGER NOT NULL REFERENCES documents(seq),
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
    `,
  },
  {
    name: 'every sentence stating a fact (entity mentions)',
    sql: `ALTER TABLE facts ADD COLUMN mentions TEXT`,
  },
  {
    // Quotes were copies of sentence text (a third of an archive with facts): read them from sentences instead.
    name: 'fact quotes come from the sentences table',
    sql: `ALTER TABLE facts DROP COLUMN quote`,
  },
];

type Db = BetterSqlite3.Database;

export async function openSqliteArchive(path: string): Promise<Archive> {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  let db: Db;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 10000');
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -32768');
    // One transaction per document rewrites the same index pages many times: a larger WAL lets a checkpoint
    // (the only fsyncs under synchronous=NORMAL) copy each page once per ~200 documents instead of per ~15.
    db.pragma('wal_autocheckpoint = 16384');
    db.pragma('journal_size_limit = 67108864');
    migrate(db);
  } catch (error) {
    throw new ConcordError(`cannot open the archive ${file}: ${(error as Error).message}`);
  }
  return new SqliteArchive(db, file);
}

function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM migrations').get() as { v: number }).v;
  if (applied > MIGRATIONS.length) throw new ConcordError(`the archive was written by a newer concord (schema ${applied}, this one knows ${MIGRATIONS.length})`);
  MIGRATIONS.slice(applied).forEach((m, i) => {
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)').run(applied + i + 1, m.name, new Date().toISOString());
    }).immediate();
  });
}

interface DocRow {
  seq: number;
  id: string;
  origin: string;
  source: string;
  title: string | null;
  date: string | null;
  languages: string;
  revision: number;
  content_id: string;
  sentences: number;
  f_info: number;
  f_minor: number;
  f_major: number;
  f_critical: number;
  added_at: string;
  updated_at: string;
  revisions?: number;
}

function summaryOf(r: DocRow): DocumentSummary {
  return {
    id: r.id,
    contentId: r.content_id,
    origin: r.origin,
    source: r.source,
    title: r.title ?? undefined,
    date: r.date ?? undefined,
    languages: JSON.parse(r.languages),
    revision: r.revision,
    revisions: r.revisions ?? r.revision,
    sentences: r.sentences,
    findings: { info: r.f_info, minor: r.f_minor, major: r.f_major, critical: r.f_critical },
    addedAt: r.added_at,
    updatedAt: r.updated_at,
  };
}

const LANGUAGE_SQL = (column: string) => `(${column} = @language OR ${column} LIKE @languagePrefix)`;
const SOURCE_SQL = `(instr(lower(d.source), lower(@source)) > 0 OR instr(lower(d.origin), lower(@source)) > 0)`;

class SqliteArchive implements Archive {
  readonly kind = 'sqlite' as const;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(
    private readonly db: Db,
    readonly location: string,
  ) {}

  private sql(text: string): BetterSqlite3.Statement {
    let s = this.statements.get(text);
    if (!s) this.statements.set(text, (s = this.db.prepare(text)));
    return s;
  }

  async add(doc: Document, options: AddOptions = {}): Promise<AddResult> {
    return this.addPrepared(prepareDocument(doc, sourceKey(doc, options), 'sqlite'), options);
  }

  async addPrepared(rows: PreparedDocument, options: Pick<AddOptions, 'addedAt'> = {}): Promise<AddResult> {
    if (rows.target !== 'sqlite') throw new ConcordError(`a document prepared for ${rows.target} cannot go into a SQLite archive`);
    const key = rows.key;
    const now = (options.addedAt ?? new Date()).toISOString();
    const body = modelBuffer(rows);
    const write = this.db.transaction((): AddResult => {
      const held = this.sql('SELECT d.id, r.revision FROM revisions r JOIN documents d ON d.seq = r.doc WHERE r.sha256 = ?').get(rows.provenance.sha256) as { id: string; revision: number } | undefined;
      if (held) return { status: 'unchanged', id: held.id, revision: held.revision };
      const existing = this.sql('SELECT seq, id, revision FROM documents WHERE origin = ?').get(key) as { seq: number; id: string; revision: number } | undefined;
      const summary = {
        source: rows.source,
        title: rows.title ?? null,
        date: rows.date ?? null,
        languages: JSON.stringify(rows.languages),
        content_id: rows.contentId,
        sentences: rows.sentences.length,
        f_info: rows.findings.info,
        f_minor: rows.findings.minor,
        f_major: rows.findings.major,
        f_critical: rows.findings.critical,
        now,
      };
      let seq: number;
      let id: string;
      let revision: number;
      if (existing) {
        ({ seq, id } = existing);
        revision = existing.revision + 1;
        this.sql('DELETE FROM sentence_fts WHERE rowid IN (SELECT id FROM sentences WHERE doc = ?)').run(seq);
        this.sql('DELETE FROM sentences WHERE doc = ?').run(seq);
        this.sql('DELETE FROM links WHERE doc = ?').run(seq);
        this.sql('DELETE FROM facts WHERE doc = ?').run(seq);
        this.sql(
          `UPDATE documents SET source=@source, title=@title, date=@date, languages=@languages, revision=@revision, content_id=@content_id, sentences=@sentences,
             f_info=@f_info, f_minor=@f_minor, f_major=@f_major, f_critical=@f_critical, updated_at=@now WHERE seq=@seq`,
        ).run({ ...summary, revision, seq });
      } else {
        id = this.uniqueId(rows.contentId);
        revision = 1;
        seq = Number(
          this.sql(
            `INSERT INTO documents (id, origin, source, title, date, languages, revision, content_id, sentences, f_info, f_minor, f_major, f_critical, added_at, updated_at)
             VALUES (@id, @origin, @source, @title, @date, @languages, 1, @content_id, @sentences, @f_info, @f_minor, @f_major, @f_critical, @now, @now)`,
          ).run({ ...summary, id, origin: key }).lastInsertRowid,
        );
      }
      const p = rows.provenance;
      this.sql('INSERT INTO revisions (doc, revision, content_id, sha256, origin, encoding, format, bytes, added_at, body) VALUES (?,?,?,?,?,?,?,?,?,?)').run(seq, revision, rows.contentId, p.sha256, p.origin, p.encoding, p.format, p.bytes, now, body);
      const insertSentence = this.sql('INSERT INTO sentences (doc, version, language, paragraph, sentence, text) VALUES (?,?,?,?,?,?)');
      const insertFts = this.sql('INSERT INTO sentence_fts (rowid, body, tail) VALUES (?,?,?)');
      for (const s of rows.sentences) {
        const rowid = insertSentence.run(seq, s.version, s.language, s.paragraph, s.sentence, s.text).lastInsertRowid;
        insertFts.run(rowid, s.body ?? '', s.tail ?? '');
      }
      const insertLink = this.sql('INSERT INTO links (doc, link, level, side, version, unit, confidence) VALUES (?,?,?,?,?,?,?)');
      for (const l of rows.links) insertLink.run(seq, l.link, l.level, l.side, l.version, l.unit, l.confidence);
      const insertFact = this.sql('INSERT INTO facts (doc, fact, type, value, start, "end", version, sentence, language, mentions, json) VALUES (?,?,?,?,?,?,?,?,?,?,?)');
      for (const f of rows.facts) insertFact.run(seq, f.fact, f.type, f.value ?? null, f.start ?? null, f.end ?? null, f.version ?? null, f.sentence ?? null, f.language ?? null, f.mentions, f.json);
      return { status: existing ? 'revised' : 'added', id, revision };
    });
    return write.immediate();
  }

  /** Content ids are 16 hex digits of SHA-256; a clash with another source's id gets a suffix. */
  private uniqueId(id: string): string {
    let candidate = id;
    for (let n = 2; this.sql('SELECT 1 FROM documents WHERE id = ?').get(candidate); n++) candidate = `${id}-${n}`;
    return candidate;
  }

  async findContent(sha256: string): Promise<{ id: string; revision: number } | undefined> {
    return this.sql('SELECT d.id, r.revision FROM revisions r JOIN documents d ON d.seq = r.doc WHERE r.sha256 = ?').get(sha256) as { id: string; revision: number } | undefined;
  }

  async list(options: ListOptions = {}): Promise<DocumentSummary[]> {
    const where: string[] = [];
    if (options.language) where.push(`EXISTS (SELECT 1 FROM json_each(d.languages) WHERE ${LANGUAGE_SQL('value')})`);
    if (options.source) where.push(SOURCE_SQL);
    const rows = this.sql(
      `SELECT d.* FROM documents d ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY COALESCE(d.date, '') DESC, d.added_at DESC, d.seq DESC LIMIT @limit OFFSET @offset`,
    ).all({ ...languageParams(options.language), source: options.source ?? null, limit: options.limit ?? 100, offset: options.offset ?? 0 }) as DocRow[];
    return rows.map(summaryOf);
  }

  private resolveDoc(id: string): DocRow | undefined {
    return (this.sql('SELECT * FROM documents WHERE id = ?').get(id) ??
      this.sql('SELECT d.* FROM revisions r JOIN documents d ON d.seq = r.doc WHERE r.content_id = ? LIMIT 1').get(id)) as DocRow | undefined;
  }

  async get(id: string, options: { revision?: number } = {}): Promise<Document | undefined> {
    const doc = this.resolveDoc(id);
    if (!doc) return undefined;
    const byContent = options.revision === undefined && doc.id !== id ? (this.sql('SELECT body FROM revisions WHERE content_id = ? AND doc = ?').get(id, doc.seq) as { body: Buffer } | undefined) : undefined;
    const row = byContent ?? (this.sql('SELECT body FROM revisions WHERE doc = ? AND revision = ?').get(doc.seq, options.revision ?? doc.revision) as { body: Buffer } | undefined);
    return row ? (JSON.parse(gunzipSync(row.body).toString('utf8')) as Document) : undefined;
  }

  async summary(id: string): Promise<DocumentSummary | undefined> {
    const doc = this.resolveDoc(id);
    if (!doc) return undefined;
    const { n } = this.sql('SELECT COUNT(*) AS n FROM revisions WHERE doc = ?').get(doc.seq) as { n: number };
    return summaryOf({ ...doc, revisions: n });
  }

  async history(id: string): Promise<RevisionInfo[]> {
    const doc = this.resolveDoc(id);
    if (!doc) return [];
    const rows = this.sql('SELECT revision, content_id, sha256, origin, encoding, format, bytes, added_at FROM revisions WHERE doc = ? ORDER BY revision').all(doc.seq) as Record<string, string & number>[];
    return rows.map((r) => ({ revision: r.revision, contentId: r.content_id, sha256: r.sha256, origin: r.origin, encoding: r.encoding, format: r.format, bytes: r.bytes, addedAt: r.added_at }));
  }

  async search(options: SearchOptions): Promise<SearchResult> {
    const ast = parseQuery(options.query);
    const from = boundFrom(options.from, 'start');
    const to = boundFrom(options.to, 'end');
    const where = ['sentence_fts MATCH @match'];
    if (options.language) where.push(LANGUAGE_SQL('s.language'));
    if (options.source) where.push(SOURCE_SQL);
    if (from || to) where.push(`EXISTS (SELECT 1 FROM facts f WHERE f.doc = s.doc AND f.type IN ('event','time') AND f.start <= @to AND f."end" >= @from)`);
    const match = toFts5(ast);
    const limit = options.limit ?? 20;
    const offset = options.offset ?? 0;
    // Broad queries rank the most recent RANK_WINDOW matches (rowids grow with ingest); the window's floor is
    // the RANK_WINDOW-th newest match, found by walking the doclist backwards without scoring.
    const floorRow = limit + offset <= RANK_WINDOW ? (this.sql(`SELECT rowid AS id FROM sentence_fts WHERE sentence_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ${RANK_WINDOW - 1}`).get(match) as { id: number } | undefined) : undefined;
    const run = (floor: number) => {
      // Without filters, rank inside FTS5 alone (no join per match): the top N are joined afterwards.
      const sql =
        where.length === 1
          ? `SELECT f.key, s.doc AS doc, f.score FROM (SELECT rowid AS key, -bm25(sentence_fts, 1.0, 0.5) AS score FROM sentence_fts
               WHERE sentence_fts MATCH @match AND rowid >= @floor ORDER BY bm25(sentence_fts, 1.0, 0.5), rowid LIMIT @limit OFFSET @offset) f JOIN sentences s ON s.id = f.key ORDER BY f.score DESC, f.key`
          : `SELECT s.id AS key, s.doc AS doc, -bm25(sentence_fts, 1.0, 0.5) AS score
               FROM sentence_fts JOIN sentences s ON s.id = sentence_fts.rowid JOIN documents d ON d.seq = s.doc
               WHERE ${where.join(' AND ')} AND sentence_fts.rowid >= @floor ORDER BY bm25(sentence_fts, 1.0, 0.5), s.id LIMIT @limit OFFSET @offset`;
      return this.sql(sql).all({ match, ...languageParams(options.language), source: options.source ?? null, from: from ?? '0000-01-01', to: to ?? '9999-12-31', limit, offset, floor }) as Candidate[];
    };
    let candidates = run(floorRow?.id ?? 0);
    let rankedWithin: number | undefined = floorRow ? RANK_WINDOW : undefined;
    // Filters may leave the window short of a full page: then rank everything.
    if (floorRow && candidates.length < limit) [candidates, rankedWithin] = [run(0), undefined];
    const result = await finishSearch(options.query, ast, candidates, {
      sentences: async (keys) =>
        this.db
          .prepare(
            `SELECT s.id AS key, s.doc AS doc, d.id AS documentId, d.origin, d.source, d.title, d.revision, d.languages, s.version, s.language, s.paragraph, s.sentence, s.text
             FROM sentences s JOIN documents d ON d.seq = s.doc WHERE s.id IN (${keys.map(() => '?').join(',')})`,
          )
          .all(...keys) as HitSentence[],
      // Pairs go in as one JSON parameter, so one statement serves any number of hits.
      aligned: async (pairs) =>
        this.sql(
          `SELECT hit.doc AS doc, hit.unit AS hit, other.level, other.version, other.unit, other.confidence,
                  COALESCE(s.language, (SELECT language FROM sentences WHERE doc = other.doc AND paragraph = other.unit LIMIT 1)) AS language,
                  CASE WHEN other.level = 'sentence' THEN s.text ELSE NULL END AS text
           FROM json_each(?) AS want
           JOIN links hit ON hit.doc = json_extract(want.value, '$.doc') AND hit.unit = json_extract(want.value, '$.unit')
           JOIN links other ON other.doc = hit.doc AND other.link = hit.link AND other.side <> hit.side
           LEFT JOIN sentences s ON s.doc = other.doc AND s.sentence = other.unit AND other.level = 'sentence'
           ORDER BY other.doc, other.link, other.rowid`,
        ).all(JSON.stringify(pairs)) as AlignedLinkRow[],
      paragraphText: async (pairs) =>
        this.sql(
          `SELECT s.doc AS doc, s.paragraph, s.text FROM json_each(?) AS want
           JOIN sentences s ON s.doc = json_extract(want.value, '$.doc') AND s.paragraph = json_extract(want.value, '$.unit') ORDER BY s.id`,
        ).all(JSON.stringify(pairs)) as { doc: number; paragraph: string; text: string }[],
    });
    if (rankedWithin) result.rankedWithin = rankedWithin;
    return result;
  }

  private storedFacts(types: string[], where: string, params: Record<string, unknown>): StoredFact[] {
    const rows = this.db
      .prepare(
        `SELECT d.id AS documentId, d.origin, d.source, d.title, f.version, f.sentence, f.language, COALESCE(s.text, '') AS quote, f.mentions, f.json
         FROM facts f JOIN documents d ON d.seq = f.doc LEFT JOIN sentences s ON s.doc = f.doc AND s.sentence = f.sentence
         WHERE f.type IN (${types.map((t) => `'${t}'`).join(',')}) ${where} ORDER BY d.seq, f.rowid`,
      )
      .all(params) as (Omit<StoredFact, 'fact' | 'mentions'> & { json: string; title: string | null; mentions: string | null })[];
    return rows.map(({ json, title, mentions, ...r }) => ({ ...r, title: title ?? undefined, mentions: mentions ? JSON.parse(mentions) : undefined, fact: JSON.parse(json) }));
  }

  private readonly derived = new DerivedCache();

  /** Changes whenever facts or revisions are written, by this connection or another (see `DerivedCache`). */
  private changeToken(): string {
    const row = this.sql('SELECT (SELECT MAX(rowid) FROM facts) AS facts, (SELECT COUNT(*) FROM revisions) AS revisions').get() as { facts: number | null; revisions: number };
    return `${row.facts ?? 0}:${row.revisions}`;
  }

  async timeline(options: TimelineOptions = {}): Promise<TimelineEntry[]> {
    boundFrom(options.from, 'start'); // a malformed bound is an error even when a result is cached
    boundFrom(options.to, 'end');
    return this.derived.get(this.changeToken(), optionsKey('timeline', options), () => this.computeTimeline(options));
  }

  private async computeTimeline(options: TimelineOptions): Promise<TimelineEntry[]> {
    // Date bounds are applied after grouping inputs are read: an event may take its date from a time fact.
    const where = options.source ? `AND ${SOURCE_SQL}` : '';
    return buildTimeline(this.storedFacts(['event', 'time', 'figure'], where, { source: options.source ?? null }), options);
  }

  async entities(options: EntityOptions = {}): Promise<EntityEntry[]> {
    return this.derived.get(this.changeToken(), optionsKey('entities', options), () => this.computeEntities(options));
  }

  private async computeEntities(options: EntityOptions): Promise<EntityEntry[]> {
    const entries = buildEntities(this.storedFacts(['entity'], '', {}), options);
    await fillQuotes(entries, async (pairs) =>
      this.sql(
        `SELECT d.id AS documentId, s.sentence, s.text FROM json_each(?) AS want JOIN documents d ON d.id = json_extract(want.value, '$.documentId')
         JOIN sentences s ON s.doc = d.seq AND s.sentence = json_extract(want.value, '$.sentence')`,
      ).all(JSON.stringify(pairs)) as { documentId: string; sentence: string; text: string }[],
    );
    return entries;
  }

  async stats(): Promise<ArchiveStats> {
    const count = (table: string) => (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    let sizeBytes = 0;
    if (this.location !== ':memory:') for (const suffix of ['', '-wal']) sizeBytes += statSync(this.location + suffix, { throwIfNoEntry: false })?.size ?? 0;
    return { documents: count('documents'), revisions: count('revisions'), sentences: count('sentences'), facts: count('facts'), sizeBytes };
  }

  async close(): Promise<void> {
    if (this.db.open) {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
  }
}

function languageParams(language: string | undefined) {
  return { language: language ?? null, languagePrefix: language ? `${language}-%` : null };
}
