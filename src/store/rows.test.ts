import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Fact } from '../model.js';
import { makeDocument } from './fixtures/make-document.js';
import { sourceLabel } from './rows.js';

const plain = () => makeDocument({ origin: '/corpus/inbox/statement-2024.txt', versions: [{ language: 'en', paragraphs: [['The committee met on 3 May 2024.']] }] });

function said(by: Fact['attributedTo']): Fact {
  return { id: 'time-1', type: 'time', text: '3 May 2024', timexType: 'DATE', value: '2024-05-03', precision: 'day', attributedTo: by, evidence: [] } as Fact;
}

test('a statement is cited by the author its facts are attributed to, quoted speakers aside', () => {
  const doc = plain();
  const author = { kind: 'author' as const, name: 'World Uyghur Congress' };
  doc.facts = [said(author), said({ kind: 'speaker', name: 'Dolkun Isa', via: author }), said({ kind: 'speaker', name: 'Dolkun Isa', via: author })];
  assert.equal(sourceLabel(doc, '/corpus/inbox/statement-2024.txt'), 'World Uyghur Congress');
  assert.equal(sourceLabel(doc, 'upload://uploaded/statement.txt'), 'World Uyghur Congress');
  // A web page is cited by its host, which names the publisher more surely than an inferred author.
  assert.equal(sourceLabel(doc, 'https://www.example.org/news/1.html'), 'example.org');
});

test('without a known author, an upload or a file is cited by its file name and a URL by its host', () => {
  const doc = plain();
  assert.equal(sourceLabel(doc, 'upload://uploaded/press%20release%20%E4%B8%AD.txt'), 'press release 中.txt');
  assert.equal(sourceLabel(doc, '/corpus/inbox/statement-2024.txt'), 'statement-2024.txt');
  assert.equal(sourceLabel(doc, 'https://www.example.org/news/1.html'), 'example.org');
  doc.metadata.author = 'Metadata Author';
  assert.equal(sourceLabel(doc, '/corpus/inbox/statement-2024.txt'), 'Metadata Author');
});
