/**
 * The archive: many analysed statements, their history, and the indexes built over them.
 *
 * One interface, two implementations with the same behaviour (and one shared test suite):
 * SQLite (embedded, one file, the default) and PostgreSQL (`postgres://…`, for teams and scale-out).
 * Open one with `openArchive(location)` from `src/store/index.ts`.
 *
 * Identity. A *source* (a file's absolute path, a URL, or a name given for standard input) is one archive
 * document; every distinct content read from it is a *revision*. The archive document's `id` is the content
 * id (`Document.id`) of its first revision and never changes; `get` also accepts the content id of any
 * revision. Adding bytes the archive already holds (same SHA-256, from any source) changes nothing.
 *
 * Indexes (search, timeline, entities) cover the current revision of every document; older revisions are
 * kept whole and can be read back with `get(id, { revision })` and listed with `history(id)`.
 */
import type { Alias, Document, EntityKind, FigureQualifier, LanguageTag, Severity, TimePrecision } from '../model.js';

// ───────────────────────────── documents and revisions ─────────────────────────────

export interface AddOptions {
  /** Time the document is recorded as added (default: now). */
  addedAt?: Date;
  /**
   * The source key: an absolute path or URL. Default: `doc.provenance.origin` (resolved to an absolute path
   * when it is a relative file path; standard input `-` becomes `stdin:<content id>`, one source per content).
   */
  source?: string;
}

export interface AddResult {
  /** `added`: new source; `revised`: new content from a known source; `unchanged`: these bytes are already held. */
  status: 'added' | 'revised' | 'unchanged';
  /** The archive document id (stable across revisions). */
  id: string;
  /** The revision number now current for this content (1-based). */
  revision: number;
}

export interface FindingCounts {
  info: number;
  minor: number;
  major: number;
  critical: number;
}

/** One line of the document list. */
export interface DocumentSummary {
  /** Archive document id (content id of revision 1). */
  id: string;
  /** Content id (`Document.id`) of the current revision. */
  contentId: string;
  /** Source key: absolute path, URL, or `stdin:…`. */
  origin: string;
  /** Short label of who published it: metadata author, URL host, or the file's folder name. */
  source: string;
  title?: string;
  /** Date of the statement: metadata date, else the earliest dated fact, as ISO `YYYY-MM-DD` or shorter. */
  date?: string;
  /** Languages of its versions, in version order. */
  languages: LanguageTag[];
  revision: number;
  revisions: number;
  sentences: number;
  findings: FindingCounts;
  /** ISO timestamp of the first and of the latest revision. */
  addedAt: string;
  updatedAt: string;
}

export interface ListOptions {
  /** Only documents with a version in this language (`zh` matches `zh-Hant` and `zh-Hans`). */
  language?: string;
  /** Substring of the source label or origin, case-insensitive. */
  source?: string;
  limit?: number;
  offset?: number;
}

/** Provenance of one revision. */
export interface RevisionInfo {
  revision: number;
  contentId: string;
  sha256: string;
  origin: string;
  encoding: string;
  format: string;
  bytes: number;
  addedAt: string;
}

// ───────────────────────────── search ─────────────────────────────

export interface SearchOptions {
  /**
   * The query: words (implicit AND), `"quoted phrases"`, `AND`, `OR`, `NOT` (or `-word`), parentheses.
   * Chinese in Traditional or Simplified script matches both. Malformed queries throw `ConcordError`.
   */
  query: string;
  /** Only sentences in this language (`zh` matches `zh-Hant` and `zh-Hans`). */
  language?: string;
  /** Substring of the document's source label or origin, case-insensitive. */
  source?: string;
  /** Only documents with an event or time fact overlapping [from, to] (ISO dates, any precision). */
  from?: string;
  to?: string;
  /** Default 20. */
  limit?: number;
  offset?: number;
}

/** A run of a sentence's text; `match` runs are the query's words (render them highlighted). */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SentenceRef {
  version: string;
  language: LanguageTag;
  paragraph: string;
  sentence: string;
  text: string;
}

/** Sentences of another version aligned with a hit (side by side), from the stored sentence links. */
export interface AlignedText {
  version: string;
  language: LanguageTag;
  /** `sentence` from a sentence link; `paragraph` when only a paragraph link covers the hit. */
  level: 'sentence' | 'paragraph';
  confidence: number;
  units: { id: string; text: string }[];
}

export interface SearchHit extends SentenceRef {
  /** Archive document id, its origin, title and current revision. */
  documentId: string;
  origin: string;
  source: string;
  title?: string;
  revision: number;
  /** Higher is better (negated bm25 on SQLite, ts_rank_cd on PostgreSQL). */
  score: number;
  /** The sentence cut into plain and matching parts; `snippet` is the same with matches in «…». */
  parts: SnippetPart[];
  snippet: string;
  aligned: AlignedText[];
  /** Other versions of the document with no counterpart for this sentence (untranslated, or the version is cut off). */
  unaligned: { version: string; language: LanguageTag }[];
}

export interface SearchResult {
  query: string;
  /** The parsed query, normalised, e.g. `(AND "resolution 3070" (OR 东突 …))`. */
  parsed: string;
  hits: SearchHit[];
  /**
   * Set when the query matched more sentences than the archive ranks in full: hits are then the best by
   * bm25/ts_rank among the `rankedWithin` most recently added matching sentences (see ADR 0008).
   */
  rankedWithin?: number;
}

// ───────────────────────────── timeline ─────────────────────────────

export interface TimelineOptions {
  from?: string;
  to?: string;
  /** Substring of the source label or origin. */
  source?: string;
  /** Only entries mentioning this entity name or alias (folded: script, case). */
  entity?: string;
}

/** Where one document tells it. */
export interface Citation {
  documentId: string;
  origin: string;
  source: string;
  title?: string;
  factId: string;
  version: string;
  sentence: string;
  /** The sentence that states it. */
  quote: string;
}

export interface TimelineMention extends Citation {
  kind: 'event' | 'time';
  /** The event's description or the time expression. */
  text: string;
  /** The TimeML value as this document gives it. */
  value: string;
  precision: TimePrecision;
  predicate?: string;
  agent?: string;
  patient?: string;
  place?: string;
  figures: { value: number; upper?: number; qualifier: FigureQualifier; counts: string; text: string }[];
}

export interface Disagreement {
  kind: 'figure' | 'date';
  /** One line: "150,000 vs 200,000 people killed". */
  message: string;
  /** Both (or all) sides, each cited. */
  sides: { value: string; citations: Citation[] }[];
}

/** One event (or date) as told by one or more documents. */
export interface TimelineEntry {
  /** Normalised date of the group: the most precise value the sources agree on. */
  value: string;
  /** ISO bounds of `value` (`1949-09` → 1949-09-01 … 1949-09-30). */
  start: string;
  end: string;
  precision: TimePrecision;
  kind: 'event' | 'time';
  /** The description most sources use. */
  text: string;
  mentions: TimelineMention[];
  /** Number of distinct documents telling it. */
  documents: number;
  disagreements: Disagreement[];
}

// ───────────────────────────── entities ─────────────────────────────

export interface EntityOptions {
  /** Only entities with a name or alias matching this text (folded: script, case, spacing). */
  query?: string;
  kind?: EntityKind;
  limit?: number;
  /** Mentions listed per entity (default 100); `mentionCount` always gives the total. */
  mentions?: number;
}

export interface EntityMention extends Citation {
  /** The name as this document writes it. */
  name: string;
}

export interface EntityEntry {
  /** Stable key: the folded form of the most used name. */
  key: string;
  name: string;
  kind: EntityKind;
  /** Every spelling in every script, with the language it is written in. */
  aliases: Alias[];
  /** Where it is named: documents with the most mentions first, then document order (at most `options.mentions`). */
  mentions: EntityMention[];
  /** All mentions, including those not listed. */
  mentionCount: number;
  documents: number;
}

// ───────────────────────────── the archive ─────────────────────────────

export interface ArchiveStats {
  documents: number;
  revisions: number;
  sentences: number;
  facts: number;
  /** Bytes on disk (SQLite file + WAL) or of the schema's relations (PostgreSQL). */
  sizeBytes: number;
}

export interface Archive {
  /** `sqlite` or `postgres`. */
  readonly kind: 'sqlite' | 'postgres';
  /** Where it lives: a file path or the connection string without password. */
  readonly location: string;

  /** Stores an analysed document in ONE transaction: all of it or nothing. */
  add(doc: Document, options?: AddOptions): Promise<AddResult>;
  /**
   * Stores a document prepared elsewhere (`prepareDocument`, e.g. in a worker thread) for this kind of
   * archive, in ONE transaction like `add`: the caller's thread only runs the inserts.
   */
  addPrepared(prepared: import('./prepared.js').PreparedDocument, options?: Pick<AddOptions, 'addedAt'>): Promise<AddResult>;
  /** The document and revision holding bytes with this SHA-256, if any (lets callers skip analysing them). */
  findContent(sha256: string): Promise<{ id: string; revision: number } | undefined>;

  list(options?: ListOptions): Promise<DocumentSummary[]>;
  /** The full Document model of the current revision (or of `revision`); `id` may be any revision's content id. */
  get(id: string, options?: { revision?: number }): Promise<Document | undefined>;
  summary(id: string): Promise<DocumentSummary | undefined>;
  /** Every revision of a document, oldest first. */
  history(id: string): Promise<RevisionInfo[]>;

  search(options: SearchOptions): Promise<SearchResult>;
  /** Events and dates across documents in date order, grouped, with disagreements flagged. */
  timeline(options?: TimelineOptions): Promise<TimelineEntry[]>;
  /** Entities merged across documents by alias (after folding script and case), with their mentions. */
  entities(options?: EntityOptions): Promise<EntityEntry[]>;

  stats(): Promise<ArchiveStats>;
  close(): Promise<void>;
}
