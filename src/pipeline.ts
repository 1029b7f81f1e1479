import type { Document } from './model.js';
import { read, type ReadInput } from './read/index.js';
import { split } from './split/index.js';
import { align } from './align/index.js';
import { check, type CheckOptions } from './check/index.js';
import { extract } from './extract/index.js';

export interface AnalyzeOptions {
  check?: CheckOptions;
}

/** The whole path of one document: read → split → align → check → extract. */
export async function analyze(input: ReadInput, options: AnalyzeOptions = {}): Promise<Document> {
  const text = await read(input);
  return analyzeText(text, options);
}

/** The same from text already read (used by workers that read elsewhere). */
export function analyzeText(text: Awaited<ReturnType<typeof read>>, options: AnalyzeOptions = {}): Document {
  return extract(check(align(split(text)), options.check));
}
