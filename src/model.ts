/**
 * Concord's data model: Document → Version → Paragraph → Sentence → Alignment → Finding / Fact.
 *
 * Every stage of the pipeline (read → split → align → check → extract → store → serve) is a function
 * from this model to this model. Offsets are always UTF-16 code-unit offsets into `Document.text`,
 * the document's *normalised* text (NFC, `\n` line ends, no BOM), end exclusive, so any span can be
 * found again with `text.slice(start, end)`.
 *
 * Ids are stable and readable: version `v1`, paragraph `v1.p3`, sentence `v1.p3.s2` (1-based).
 */

/** BCP 47 tag: `en`, `zh-Hant`, `zh-Hans`, `ug-Arab`, `ru`, `tr`, `kk`, `ja`, `ko`, `ar`; `und` when unknown. */
export type LanguageTag = string;

/** A span of the document's normalised text. */
export interface Span {
  start: number;
  end: number;
}

// ───────────────────────────── read ─────────────────────────────

export type SourceFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

/** Provenance of a document: where its bytes came from and how they were decoded. */
export interface Provenance {
  /** File path as given, `-` for standard input, or a URL. */
  origin: string;
  /** SHA-256 of the original bytes, hex. */
  sha256: string;
  /** Detected encoding: `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `gb18030`, `big5`, or `binary` for DOCX/PDF. */
  encoding: string;
  format: SourceFormat;
  /** Size of the original bytes. */
  bytes: number;
  /** Byte sequences that could not be decoded and stand as U+FFFD in the text; absent when none (see ADR 0002). */
  invalidSequences?: number;
}

/** What the document says about itself (HTML meta, DOCX core properties, PDF info). */
export interface DocumentMetadata {
  title?: string;
  author?: string;
  /** ISO 8601 date as found in metadata; the dateline date is found later by `extract`. */
  date?: string;
}

export type BlockKind = 'paragraph' | 'heading' | 'list-item';

/** A paragraph-level block as the reader found it, before languages are known. */
export interface Block extends Span {
  kind: BlockKind;
}

/** The output of `read`: normalised text cut into blocks. */
export interface TextDocument {
  text: string;
  blocks: Block[];
  provenance: Provenance;
  metadata: DocumentMetadata;
}

// ───────────────────────────── split ─────────────────────────────

export interface Sentence extends Span {
  /** `v1.p3.s2` */
  id: string;
  text: string;
}

export interface Paragraph extends Span {
  /** `v1.p3` */
  id: string;
  text: string;
  kind: BlockKind;
  /** Language detected for this paragraph alone (a version may mix in a stray paragraph). */
  language: LanguageTag;
  sentences: Sentence[];
}

/** One language version of the document, its paragraphs in document order (maybe interleaved with others). */
export interface Version {
  /** `v1`, `v2` … in order of first appearance. */
  id: string;
  language: LanguageTag;
  paragraphs: Paragraph[];
}

// ───────────────────────────── align ─────────────────────────────

export type LinkLevel = 'paragraph' | 'sentence';

/**
 * A bead: paragraphs or sentences of version A that translate paragraphs or sentences of version B.
 * One side may be empty (an untranslated or added passage). Ids refer to `Paragraph.id` / `Sentence.id`.
 */
export interface Link {
  level: LinkLevel;
  a: string[];
  b: string[];
  /** How sure the aligner is, in [0, 1]. */
  confidence: number;
}

/** The alignment of two versions; `versions[0]` is the source side (`a`), `versions[1]` the translation (`b`). */
export interface Alignment {
  versions: [string, string];
  links: Link[];
}

// ───────────────────────────── check ─────────────────────────────

export type Severity = 'info' | 'minor' | 'major' | 'critical';
export const SEVERITIES: readonly Severity[] = ['info', 'minor', 'major', 'critical'];

export type FindingKind =
  | 'untranslated' // source passage with no counterpart
  | 'added' // translation passage with no source
  | 'cut-off' // version ends mid-sentence or mid-list
  | 'duplicated' // a passage translated twice
  | 'number' // a number without its counterpart
  | 'date' // a date that differs
  | 'name' // a name or acronym missing or rendered as another entity
  | 'terminology' // glossary or lexicon term rendered wrongly
  | 'doubled-word'
  | 'unbalanced' // quotes or brackets
  | 'punctuation' // half-width in Chinese, or the reverse
  | 'untranslated-text'; // text left in the source language

/** Where a finding sits in one version. */
export interface Location extends Span {
  version: string;
  paragraph?: string;
  sentence?: string;
}

export interface Finding {
  id: string;
  kind: FindingKind;
  severity: Severity;
  /** One line a translator understands. */
  message: string;
  a?: Location;
  b?: Location;
  /** The exact spans that show it. */
  evidence: Location[];
}

// ───────────────────────────── extract ─────────────────────────────

/** Where a fact is stated: a sentence, and the span within the document text. */
export interface Evidence extends Span {
  version: string;
  sentence: string;
}

/**
 * Who asserts a fact. A chain: the statement's author quoting a speaker, or citing a source that says it.
 * `via` is the outer asserter (the author relaying a quote has `via: undefined`, the quote has `via: author`).
 */
export interface Attribution {
  kind: 'author' | 'speaker' | 'source';
  name: string;
  /** Id of the entity fact, when known. */
  entity?: string;
  /** Id of the source fact (report, broadcast …) when the assertion comes from a cited text. */
  source?: string;
  via?: Attribution;
}

export type FactType = 'event' | 'time' | 'figure' | 'quotation' | 'source' | 'demand' | 'entity';

interface FactBase {
  id: string;
  type: FactType;
  attributedTo: Attribution;
  /** The fact's sentences in every version where it is stated. */
  evidence: Evidence[];
}

export type TimePrecision = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'season' | 'year' | 'decade' | 'century' | 'vague';

/** A time expression, normalised to TimeML (TIMEX3) values. */
export interface TimeFact extends FactBase {
  type: 'time';
  text: string;
  timexType: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** TimeML value: `1949-08-27`, `1949-09`, `P75Y`, `PRESENT_REF`, `XXXX-08-27`; intervals `1949-10/1954-01`. */
  value: string;
  precision: TimePrecision;
  /** Interval bounds for intervals and durations anchored in time. */
  interval?: { start: string; end: string };
  /** True when the value was resolved from context (another date in the document) rather than stated in full. */
  inferred?: boolean;
  /** TIMEX3 mod (`BEFORE`, `APPROX`, `MORE_THAN` …) when the expression qualifies its value. */
  mod?: string;
  /** True for the statement's own date (from its dateline or metadata, or inferred). */
  documentDate?: boolean;
}

export type FigureQualifier = 'exact' | 'at-least' | 'more-than' | 'at-most' | 'less-than' | 'about' | 'range' | 'vague';

export interface FigureFact extends FactBase {
  type: 'figure';
  text: string;
  /** The number; for vague figures ("millions") the lower bound it implies. */
  value: number;
  upper?: number;
  qualifier: FigureQualifier;
  /** What it counts: "people killed", "children". */
  counts: string;
  unit?: string;
}

export interface QuotationFact extends FactBase {
  type: 'quotation';
  text: string;
  speaker?: string;
  role?: string;
  organisation?: string;
}

export interface SourceFact extends FactBase {
  type: 'source';
  kind: 'report' | 'broadcast' | 'resolution' | 'law' | 'court' | 'statement' | 'other';
  name: string;
  number?: string;
  date?: string;
  issuer?: string;
}

export interface DemandFact extends FactBase {
  type: 'demand';
  text: string;
  addressee?: string;
  /** The item's number in a numbered list of demands. */
  item?: number;
}

export type EntityKind = 'person' | 'organisation' | 'place' | 'group';

export interface Alias {
  text: string;
  language: LanguageTag;
  /** `acronym`, `transliteration`, `variant` (Traditional/Simplified), `translation`. */
  relation?: string;
}

export interface EntityFact extends FactBase {
  type: 'entity';
  kind: EntityKind;
  name: string;
  aliases: Alias[];
}

export interface EventFact extends FactBase {
  type: 'event';
  /** Short description: "assassinated 30 ETR leaders". */
  text: string;
  predicate: string;
  agent?: string;
  patient?: string;
  /** Id of the time fact that dates it. */
  time?: string;
  /** Normalised TimeML value copied from the time fact for convenience. */
  when?: string;
  place?: string;
  /** Ids of figure facts about this event. */
  figures?: string[];
}

export type Fact = TimeFact | FigureFact | QuotationFact | SourceFact | DemandFact | EntityFact | EventFact;

// ───────────────────────────── document ─────────────────────────────

/** The analysed document: what every later stage reads and extends. */
export interface Document {
  /** Content id: the first 16 hex digits of the SHA-256 of the original bytes. */
  id: string;
  text: string;
  provenance: Provenance;
  metadata: DocumentMetadata;
  versions: Version[];
  alignments: Alignment[];
  findings: Finding[];
  facts: Fact[];
}

/** An error with a one-line message meant for the user (no stack trace is shown for it). */
export class ConcordError extends Error {
  constructor(
    message: string,
    /** Process exit code the CLI uses for it. */
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'ConcordError';
  }
}
