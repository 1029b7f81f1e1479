// The reader's analysis thread: runs the pipeline on uploaded bytes so the server keeps answering meanwhile.
import { parentPort } from 'node:worker_threads';
import { analyze } from '../pipeline.js';

export interface AnalysisRequest {
  id: number;
  bytes: Uint8Array;
  origin: string;
}
export type AnalysisReply = { id: number; doc: import('../model.js').Document } | { id: number; error: string; readable: boolean };

parentPort!.on('message', async (request: AnalysisRequest) => {
  try {
    const doc = await analyze({ bytes: request.bytes, origin: request.origin });
    parentPort!.postMessage({ id: request.id, doc } satisfies AnalysisReply);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    parentPort!.postMessage({ id: request.id, error: message, readable: error instanceof Error && error.name === 'ConcordError' } satisfies AnalysisReply);
  }
});
