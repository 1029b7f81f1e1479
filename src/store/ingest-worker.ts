// A worker thread of `concord add`: runs the analysis pipeline on bytes the main thread read, returns the Document.
import { parentPort } from 'node:worker_threads';
import { analyze } from '../pipeline.js';

export interface AnalyzeRequest {
  id: number;
  bytes: Uint8Array;
  origin: string;
}
export type AnalyzeReply = { id: number; doc: import('../model.js').Document } | { id: number; error: string };

parentPort!.on('message', async (request: AnalyzeRequest) => {
  try {
    const doc = await analyze({ bytes: request.bytes, origin: request.origin });
    parentPort!.postMessage({ id: request.id, doc } satisfies AnalyzeReply);
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message.split('\n')[0]! : String(error) } satisfies AnalyzeReply);
  }
});
