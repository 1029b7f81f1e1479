import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GlossTables, type GlossSlot } from './gloss.js';

/** Tokens listed under a stem (level 1 word gloss, 2 character gloss), sorted; [] when the stem has no entry. */
function tokensOf(slot: GlossSlot, stem: number, list: 1 | 2): number[] {
  if (slot.entries[stem * 3] !== slot.build) return [];
  const found: number[] = [];
  for (let cell = slot.entries[stem * 3 + list]!; cell >= 0; cell = slot.next[cell]!) found.push(slot.token[cell]!);
  return found.sort((p, q) => p - q);
}

// Words 0..2 with their word glosses (full) and character glosses (half), as stem ids.
const full = [[1, 2], [2], []];
const half = [[], [3], [4, 1]];
const vocabulary = {
  glossCodes: (word: number) => Int32Array.from([...full[word]!.map((s) => s * 3 + 1), ...half[word]!.map((s) => s * 3 + 2)]),
};

test('a gloss table lists, per stem, the tokens whose words or characters translate it', () => {
  const tables = new GlossTables(8, 2);
  const slot = tables.of(0, Int32Array.from([0, 1, 2, 1]), vocabulary);
  assert.deepEqual(tokensOf(slot, 2, 1), [0, 1, 3]);
  assert.deepEqual(tokensOf(slot, 1, 1), [0]);
  assert.deepEqual(tokensOf(slot, 1, 2), [2]);
  assert.deepEqual(tokensOf(slot, 3, 2), [1, 3]);
  assert.deepEqual(tokensOf(slot, 5, 1), []);
});

test('rebuilding a slot for another segment leaves no entry of the previous one', () => {
  const tables = new GlossTables(8, 1);
  tables.of(0, Int32Array.from([0, 1]), vocabulary);
  const slot = tables.of(1, Int32Array.from([2]), vocabulary);
  assert.deepEqual(tokensOf(slot, 2, 1), []);
  assert.deepEqual(tokensOf(slot, 4, 2), [0]);
  // The same segment asked again is not rebuilt; after clear() it is.
  const build = slot.build;
  assert.equal(tables.of(1, Int32Array.from([2]), vocabulary).build, build);
  tables.clear();
  assert.notEqual(tables.of(1, Int32Array.from([2]), vocabulary).build, build);
});

test('a table grows past its initial buffers without losing tokens', () => {
  const many = Int32Array.from({ length: 1000 }, () => 0);
  const slot = new GlossTables(8, 1).of(0, many, vocabulary);
  assert.equal(tokensOf(slot, 1, 1).length, 1000);
  assert.equal(tokensOf(slot, 2, 1).length, 1000);
});
