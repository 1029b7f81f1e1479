import type { Document } from '../model.js';

/** Adds the facts the document asserts. (Initial version: none.) */
export function extract(doc: Document): Document {
  return { ...doc, facts: [] };
}
