/** A stored fact with the document it comes from, as both databases return it to the timeline and entity index. */
import type { Fact } from '../model.js';
import type { Citation } from './archive.js';

export interface StoredFact {
  documentId: string;
  origin: string;
  source: string;
  title?: string;
  version?: string;
  sentence?: string;
  language?: string;
  /** The text of `sentence`. */
  quote: string;
  /** Every sentence stating it (entity mentions); absent for rows stored before migration 2. */
  mentions?: { version: string; sentence: string; language: string; quote?: string }[];
  fact: Fact;
}

export function citation(f: StoredFact): Citation {
  return { documentId: f.documentId, origin: f.origin, source: f.source, title: f.title, factId: f.fact.id, version: f.version ?? '', sentence: f.sentence ?? '', quote: f.quote };
}
