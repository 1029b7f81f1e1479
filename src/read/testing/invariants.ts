/** Checks every TextDocument must pass, whatever its format: blocks in order, trimmed, one line each. */
import assert from 'node:assert/strict';
import type { TextDocument } from '../../model.js';

export function assertWellFormed(doc: TextDocument): void {
  assert.equal(doc.text, doc.text.normalize('NFC'), 'text is NFC');
  assert.ok(!/[\r\u2028\u2029\uFEFF]/.test(doc.text), 'text has only \\n line ends and no BOM');
  let previousEnd = 0;
  for (const block of doc.blocks) {
    assert.ok(block.start >= previousEnd && block.end > block.start && block.end <= doc.text.length, `block ${block.start}-${block.end} in order`);
    const text = doc.text.slice(block.start, block.end);
    assert.equal(text, text.trim(), 'block is trimmed');
    assert.ok(!text.includes('\n'), `block has no line break: ${JSON.stringify(text)}`);
    previousEnd = block.end;
  }
}

/** The blocks' texts and kinds, for readable assertions. */
export function blockTexts(doc: TextDocument): string[] {
  return doc.blocks.map((b) => doc.text.slice(b.start, b.end));
}

export function blockKinds(doc: TextDocument): string[] {
  return doc.blocks.map((b) => b.kind);
}
