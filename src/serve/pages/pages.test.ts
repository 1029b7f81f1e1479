import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, html } from '../html.js';
import { csvCell } from '../exports.js';
import { buildDocument, smallStatement } from '../fixtures/documents.js';
import { countRows, sideBySide } from './document-view.js';
import { markNames, renderEntitiesPage, renderEntityPage, scriptOf } from './entities.js';
import type { EntityEntry } from '../../store/archive.js';
import { renderDocumentPage } from './document.js';

test('the html template escapes every interpolated value, including attribute quotes', () => {
  const hostile = `"><img src=x onerror=alert(1)>`;
  assert.equal(html`<a title="${hostile}">${hostile}</a>`.toString(), '<a title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</a>');
  assert.equal(escapeHtml("it's `x` & <y>"), 'it&#39;s &#96;x&#96; &amp; &lt;y&gt;');
});

test('paragraphs no link mentions still get a row, right after their predecessor', () => {
  const doc = buildDocument({
    origin: 'x.txt',
    versions: [
      { language: 'en', paragraphs: [['One.'], ['Two.'], ['Three.']] },
      { language: 'zh-Hant', paragraphs: [['一。'], ['多出的。'], ['三。']] },
    ],
    links: [
      ['paragraph', ['v1.p1'], ['v2.p1']],
      ['paragraph', ['v1.p3'], ['v2.p3']],
    ],
  });
  const view = sideBySide(doc, doc.versions[0]!, doc.versions[1]!);
  assert.deepEqual(
    view.rows.map((r) => [r.a.map((p) => p.id), r.b.map((p) => p.id), r.status]),
    [
      [['v1.p1'], ['v2.p1'], 'aligned'],
      [['v1.p2'], [], 'untranslated'],
      [[], ['v2.p2'], 'added'],
      [['v1.p3'], ['v2.p3'], 'aligned'],
    ],
  );
  assert.deepEqual(countRows(view.rows), { aligned: 2, unaligned: 0, untranslated: 1, added: 1, cutOff: 0 });
});

test('without an alignment the versions flow in their own columns instead of pretending to align', () => {
  const doc = buildDocument({ origin: 'x.txt', versions: [{ language: 'en', paragraphs: [['One.'], ['Two.']] }, { language: 'zh-Hant', paragraphs: [['一。']] }] });
  const view = sideBySide(doc, doc.versions[0]!, doc.versions[1]!);
  assert.equal(view.rows.length, 1);
  assert.equal(view.rows[0]!.status, 'unaligned');
  assert.match(renderDocumentPage(doc).toString(), /Not aligned/);
});

test('a cut-off finding marks the row it points into', () => {
  const view = sideBySide(smallStatement(), smallStatement().versions[0]!, smallStatement().versions[1]!);
  assert.deepEqual(view.rows.map((r) => r.cutOff), [false, true, false]);
});

test('entity names are marked in their quotes in any script, and the quote stays escaped', () => {
  assert.equal(markNames('The <b>ETGE</b> said; 東突厥斯坦流亡政府說', ['ETGE', '東突厥斯坦流亡政府']).toString(), 'The &lt;b&gt;<mark class="hit">ETGE</mark>&lt;/b&gt; said; <mark class="hit">東突厥斯坦流亡政府</mark>說');
});

test('aliases are grouped by the script they are written in', () => {
  assert.equal(scriptOf({ text: '東突厥斯坦', language: 'zh-Hant' }), 'Chinese (Traditional)');
  assert.equal(scriptOf({ text: '东突厥斯坦', language: 'zh-Hans' }), 'Chinese (Simplified)');
  assert.equal(scriptOf({ text: 'شەرقىي تۈركىستان', language: 'ug-Arab' }), 'Arabic script');
  assert.equal(scriptOf({ text: 'Восточный Туркестан', language: 'ru' }), 'Cyrillic');
  assert.equal(scriptOf({ text: 'East Turkistan', language: 'en' }), 'Latin');
});

test('CSV cells are quoted per RFC 4180 and never start a spreadsheet formula', () => {
  assert.equal(csvCell('a, "b"'), '"a, ""b"""');
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell('+1'), "'+1");
  assert.equal(csvCell('東突厥斯坦'), '東突厥斯坦');
});

test('entity pages count every mention, not just the ones listed', () => {
  const mention = { documentId: 'd1', origin: '/a.txt', source: 'a', factId: 'entity-1', version: 'v1', sentence: 'v1.p1.s1', quote: 'Uyghurs met.', name: 'Uyghurs' };
  const entry: EntityEntry = { key: 'uyghurs', name: 'Uyghurs', kind: 'group', aliases: [], mentions: [mention, { ...mention, sentence: 'v1.p1.s2' }], mentionCount: 250, documents: 40 };
  const one = renderEntityPage(entry).toString();
  assert.match(one, /250 mentions in 40 documents/);
  assert.match(one, /Showing 2 of 250 mentions/);
  assert.match(renderEntitiesPage([{ ...entry, mentions: [] }], {}).toString(), /data-label="Mentions">250</);
});
