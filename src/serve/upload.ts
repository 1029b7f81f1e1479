/**
 * Upload: bytes from the browser (or any HTTP client) analysed and stored exactly like `concord add`
 * does for a file — read → split → align → check → extract, then one archive transaction.
 */
import { createHash } from 'node:crypto';
import type { Archive } from '../store/archive.js';
import { ConcordError, type Document } from '../model.js';
import { analyze } from '../pipeline.js';
import { HttpProblem } from './problem.js';
import { documentTitle } from './pages/common.js';

export interface UploadResult {
  name: string;
  status: 'added' | 'revised' | 'unchanged';
  id: string;
  revision: number;
  url: string;
  title: string;
  languages: string[];
  findings: number;
}

/**
 * The source key of an upload: one source per file name, so a changed file of the same name becomes a
 * revision. The archive labels it with the statement's author, or else the file name.
 */
export function uploadSource(name: string): string {
  return `upload://uploaded/${encodeURIComponent(name)}`;
}

/** Runs the pipeline on bytes: in this thread by default; the server passes a worker thread. */
export type Analyzer = (bytes: Uint8Array, origin: string) => Promise<Document>;

export const analyzeHere: Analyzer = (bytes, origin) => analyze({ bytes, origin });

/** `source`: the archive's source key; default the upload key of `name` (a file on disk passes its path). */
export async function ingestUpload(archive: Archive, name: string, bytes: Uint8Array, source = uploadSource(name), analyzer: Analyzer = analyzeHere): Promise<UploadResult> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const held = await archive.findContent(sha256);
  if (held) {
    const summary = await archive.summary(held.id);
    const findings = summary ? summary.findings.info + summary.findings.minor + summary.findings.major + summary.findings.critical : 0;
    return { name, status: 'unchanged', id: held.id, revision: held.revision, url: `/documents/${held.id}`, title: summary?.title ?? name, languages: summary?.languages ?? [], findings };
  }
  let doc;
  try {
    doc = await analyzer(bytes, name);
  } catch (error) {
    if (error instanceof ConcordError) throw new HttpProblem(422, error.message.includes(name) ? error.message : `${name}: ${error.message}`, 'unreadable-document');
    throw error;
  }
  const added = await archive.add(doc, { source });
  return {
    name,
    status: added.status,
    id: added.id,
    revision: added.revision,
    url: `/documents/${added.id}`,
    title: documentTitle(doc),
    languages: doc.versions.map((v) => v.language),
    findings: doc.findings.length,
  };
}
