import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConcordError } from '../model.js';
import { testBackends } from './fixtures/backends.js';
import { reportB, statementA } from './fixtures/corpus.js';
import { prepareDocument } from './prepared.js';
import { sourceKey } from './rows.js';

// What `concord add` does across threads, on every backend: prepare in one thread, clone with the model moved, insert in another.
for (const backend of await testBackends()) {
  describe(`prepared documents on ${backend.name}`, { skip: backend.skip }, () => {
    test('a document prepared and sent across threads is stored exactly as add() stores it', async () => {
      const viaAdd = await backend.fresh();
      const viaPrepared = await backend.fresh();
      try {
        for (const doc of [statementA(), reportB()]) {
          await viaAdd.archive.add(doc);
          const prepared = prepareDocument(doc, sourceKey(doc), backend.name);
          const received = structuredClone(prepared, { transfer: [prepared.model.buffer as ArrayBuffer] });
          assert.equal(prepared.model.byteLength, 0, 'the compressed model was moved, not copied');
          const result = await viaPrepared.archive.addPrepared(received);
          assert.equal(result.status, 'added');
        }
        for (const query of ['东突厥斯坦', '"Resolution 3070"', 'killed OR 殺害']) {
          const strip = (r: Awaited<ReturnType<typeof viaAdd.archive.search>>) => r.hits.map(({ score: _score, ...hit }) => hit);
          assert.deepEqual(strip(await viaPrepared.archive.search({ query })), strip(await viaAdd.archive.search({ query })), query);
        }
        const id = (await viaAdd.archive.list())[0]!.id;
        assert.deepEqual(await viaPrepared.archive.get(id), await viaAdd.archive.get(id));
        assert.deepEqual(await viaPrepared.archive.timeline(), await viaAdd.archive.timeline());
        const { sizeBytes: _a, ...statsAdd } = await viaAdd.archive.stats();
        const { sizeBytes: _b, ...statsPrepared } = await viaPrepared.archive.stats();
        assert.deepEqual(statsPrepared, statsAdd);
        // The same bytes prepared again change nothing.
        const again = await viaPrepared.archive.addPrepared(prepareDocument(statementA(), sourceKey(statementA()), backend.name));
        assert.equal(again.status, 'unchanged');
      } finally {
        await viaAdd.dispose();
        await viaPrepared.dispose();
      }
    });

    test('a document prepared for the other database is refused with a clear error', async () => {
      const { archive, dispose } = await backend.fresh();
      try {
        const other = backend.name === 'sqlite' ? 'postgres' : 'sqlite';
        const doc = statementA();
        await assert.rejects(archive.addPrepared(prepareDocument(doc, sourceKey(doc), other)), (e) => e instanceof ConcordError && /prepared for/.test(e.message));
        assert.equal((await archive.stats()).documents, 0);
      } finally {
        await dispose();
      }
    });
  });
}
