// A worker thread of `concord add`: runs the analysis pipeline on bytes the main thread read, then prepares the
// rows (index terms, JSON, gzip) so the main thread — the one database writer — only runs the inserts.
import { parentPort } from 'node:worker_threads';
import { analyze } from '../pipeline.js';
import { prepareDocument, type IndexTarget, type PreparedDocument } from './prepared.js';
import { sourceKey } from './rows.js';

export interface AnalyzeRequest {
  id: number;
  bytes: Uint8Array;
  origin: string;
  /** Source key given by the caller (else derived from the origin, see `sourceKey`). */
  source?: string;
  target: IndexTarget;
}
export type AnalyzeReply = { id: number; prepared: PreparedDocument } | { id: number; error: string };

parentPort!.on('message', async (request: AnalyzeRequest) => {
  try {
    const doc = await analyze({ bytes: request.bytes, origin: request.origin });
    const prepared = prepareDocument(doc, sourceKey(doc, { source: request.source }), request.target);
    // The compressed model is the one large buffer: moved to the main thread, not copied.
    parentPort!.postMessage({ id: request.id, prepared } satisfies AnalyzeReply, [prepared.model.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message.split('\n')[0]! : String(error) } satisfies AnalyzeReply);
  }
});
