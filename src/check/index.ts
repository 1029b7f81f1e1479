import type { Document } from '../model.js';

export interface CheckOptions {
  /** Path of a glossary (CSV or TBX), already loaded by the caller. */
  glossary?: unknown;
}

/** Adds translation-check findings. (Initial version: none.) */
export function check(doc: Document, _options: CheckOptions = {}): Document {
  return { ...doc, findings: [] };
}
