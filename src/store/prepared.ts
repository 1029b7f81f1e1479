/**
 * A document ready to insert: everything the archive writes that does not need the database connection —
 * summary, sentence rows with their index terms already built, links, facts as JSON, and the gzipped model.
 *
 * Why a separate step: `concord add` prepares in its worker threads, so the main thread (the one writer)
 * only runs the short transaction per document. Plain data only (strings, numbers, one Uint8Array), so it
 * crosses `postMessage` by structured clone with the compressed body transferred, not copied.
 */
import { gzipSync } from 'node:zlib';
import type { Document } from '../model.js';
import type { FindingCounts } from './archive.js';
import { documentRows, type FactRow, type LinkRow } from './rows.js';
import { termsText, tsvectorLiteral } from './tokens.js';

/** Which database the index terms are shaped for: FTS5 term streams (SQLite) or tsvector literals (PostgreSQL). */
export type IndexTarget = 'sqlite' | 'postgres';

export interface PreparedSentence {
  version: string;
  language: string;
  paragraph: string;
  sentence: string;
  text: string;
  /** SQLite: the FTS5 `body` and `tail` term streams. PostgreSQL: `tsv`, the tsvector literal. */
  body?: string;
  tail?: string;
  tsv?: string;
}

export interface PreparedDocument {
  target: IndexTarget;
  /** Source key (see `sourceKey`): decides between a new document and a revision. */
  key: string;
  contentId: string;
  provenance: { sha256: string; origin: string; encoding: string; format: string; bytes: number };
  source: string;
  title?: string;
  date?: string;
  languages: string[];
  findings: FindingCounts;
  sentences: PreparedSentence[];
  links: LinkRow[];
  facts: FactRow[];
  /** The whole Document model as gzipped JSON (revisions.body); its own ArrayBuffer, so it can be transferred. */
  model: Uint8Array;
}

export function prepareDocument(doc: Document, key: string, target: IndexTarget): PreparedDocument {
  const rows = documentRows(doc, key);
  // Built field by field (no rest/spread: this runs for every sentence of every document).
  const sentences = rows.sentences.map(({ version, language, paragraph, sentence, text, tokens }): PreparedSentence =>
    target === 'sqlite'
      ? { version, language, paragraph, sentence, text, body: termsText(tokens.body), tail: termsText(tokens.tail) }
      : { version, language, paragraph, sentence, text, tsv: tsvectorLiteral(tokens) },
  );
  const gzipped = gzipSync(JSON.stringify(doc), { level: 1 });
  // gzipSync may hand back a view into a larger buffer: copy when it does, so transferring never takes more.
  const model = gzipped.byteOffset === 0 && gzipped.byteLength === gzipped.buffer.byteLength ? new Uint8Array(gzipped.buffer) : new Uint8Array(gzipped);
  const { sha256, origin, encoding, format, bytes } = doc.provenance;
  return {
    target,
    key,
    contentId: doc.id,
    provenance: { sha256, origin, encoding, format, bytes },
    source: rows.source,
    title: rows.title,
    date: rows.date,
    languages: rows.languages,
    findings: rows.findings,
    sentences,
    links: rows.links,
    facts: rows.facts,
    model,
  };
}

/** The gzipped model as a Buffer (what both drivers bind as a blob), without copying. */
export function modelBuffer(prepared: PreparedDocument): Buffer {
  const m = prepared.model;
  return Buffer.from(m.buffer, m.byteOffset, m.byteLength);
}
