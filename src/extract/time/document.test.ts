import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimes, resolveDocumentTimes } from './index.js';

// Invented sentences (not from any evaluation set): a founding year, an anniversary, weak elapsed-time clues.
const founding = { text: 'The society was founded in March 1901 by three teachers.', lang: 'en' as const };
const anniversary = { text: 'This week members celebrate the 120th anniversary of the society.', lang: 'en' as const };
const weak = { text: 'Ten years later a second school opened.', lang: 'en' as const };
const filler = { text: 'Its members meet every Tuesday to read together.', lang: 'en' as const };

test('an anniversary of a mentioned year dates the document, cited from the anniversary, however long the text', () => {
  for (const repeats of [1, 400]) {
    const sentences = Array.from({ length: repeats }, () => [founding, filler, weak, anniversary]).flat();
    const { documentDate } = resolveDocumentTimes(sentences);
    assert.equal(documentDate?.value, '2021');
    assert.equal(documentDate?.inferred, true);
    assert.equal(documentDate?.source, 'anniversary');
    assert.equal(documentDate?.evidence?.text, '120th anniversary');
    assert.equal(documentDate?.evidence?.sentence, 3);
  }
});

test('an anniversary with no year mentioned to count from leaves the document undated', () => {
  const { documentDate } = resolveDocumentTimes([filler, anniversary, weak]);
  assert.equal(documentDate, undefined);
});

test('a sentence read alone or inside a long text gives the same expressions', () => {
  const sentence = 'On 3 May 1950, a week after the vote, the council met again.';
  const alone = findTimes(sentence, 'en', { dct: '2024-01-01' }).map((t) => [t.text, t.value]);
  const padding = 'Nothing was dated here. '.repeat(2000);
  const inside = findTimes(padding + sentence + ' ' + padding, 'en', { dct: '2024-01-01' }).map((t) => [t.text, t.value]);
  assert.deepEqual(inside, alone);
  assert.deepEqual(alone[0], ['3 May 1950', '1950-05-03']);
});
