import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConcordError } from '../model.js';
import { AnalysisThread } from './analysis-thread.js';

test('uploads are analysed on a worker thread; unreadable bytes give a readable error; a closed thread restarts', async () => {
  const thread = new AnalysisThread();
  try {
    const doc = await thread.analyze(new TextEncoder().encode('The council met in Geneva.\n'), 'note.txt');
    assert.equal(doc.versions[0]?.paragraphs[0]?.text, 'The council met in Geneva.');
    await assert.rejects(thread.analyze(new Uint8Array([0, 1, 2, 0, 255]), 'x.bin'), (e: unknown) => e instanceof ConcordError);
    await thread.close();
    const again = await thread.analyze(new TextEncoder().encode('Second life.\n'), 'again.txt');
    assert.equal(again.provenance.origin, 'again.txt');
  } finally {
    await thread.close();
  }
});

test('an analysis over the time limit fails with 503 instead of hanging', async () => {
  const thread = new AnalysisThread(1);
  try {
    await assert.rejects(thread.analyze(new TextEncoder().encode('Too slow for one millisecond.\n'), 'slow.txt'), (e: unknown) => (e as { status?: number }).status === 503);
  } finally {
    await thread.close();
  }
});
