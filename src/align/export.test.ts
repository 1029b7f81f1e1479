import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { segmentsFromBeads, toJsonExport, toTmx, toXliff, xmlEscape, type ExportInfo } from './export.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const zh = ['天氣很好。', '我們去公園 & 散步 <慢慢地>。', '沒有翻譯的一句。'];
const en = ['The weather is fine.', 'We walk in the park & "slowly".'];
const beads = [
  { a: [0], b: [0], confidence: 0.9 },
  { a: [1], b: [1], confidence: 0.8 },
  { a: [2], b: [], confidence: 0.6 },
];
const info: ExportInfo = { languageA: 'zh-Hant', languageB: 'en', originA: 'a.txt', originB: 'b.txt' };
const segments = segmentsFromBeads(beads, zh, en, info);
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

function validate(xml: string, args: string[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'concord-export-'));
  try {
    const file = join(dir, 'out.xml');
    writeFileSync(file, xml);
    execFileSync('xmllint', ['--noout', ...args, file], { stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('xmlEscape escapes markup and drops characters XML 1.0 forbids', () => {
  assert.equal(xmlEscape('a<b>&"c"\u0001'), 'a&lt;b&gt;&amp;&quot;c&quot;');
});

test('TMX export has the required header attributes and one tu per two-sided link', () => {
  const tmx = toTmx(segments, info);
  assert.match(tmx, /<tmx version="1.4">/);
  for (const attribute of ['creationtool', 'creationtoolversion', 'segtype', 'o-tmf', 'adminlang', 'srclang', 'datatype']) assert.match(tmx, new RegExp(`<header[^>]* ${attribute}="[^"]+"`));
  assert.equal(tmx.match(/<tu /g)?.length, 2, 'the untranslated sentence is not a translation unit');
  assert.match(tmx, /<tuv xml:lang="zh-Hant"><seg>我們去公園 &amp; 散步 &lt;慢慢地&gt;。<\/seg><\/tuv>/);
});

test('TMX export is valid against the TMX 1.4b DTD', { skip: !hasXmllint && 'xmllint not installed (apt-get install libxml2-utils)' }, () => {
  validate(toTmx(segments, info), ['--dtdvalid', join(fixtures, 'tmx14.dtd')]);
});

test('XLIFF export keeps every link, a source without translation has no target', () => {
  const xliff = toXliff(segments, info);
  assert.match(xliff, /<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="zh-Hant" trgLang="en">/);
  assert.equal(xliff.match(/<unit /g)?.length, 3);
  assert.equal(xliff.match(/<target>/g)?.length, 2);
  assert.match(xliff, /<source>沒有翻譯的一句。<\/source>\n      <\/segment>/);
});

test('XLIFF export is valid against the XLIFF 2.1 core schema subset it uses', { skip: !hasXmllint && 'xmllint not installed (apt-get install libxml2-utils)' }, () => {
  validate(toXliff(segments, info), ['--schema', join(fixtures, 'xliff21-core-subset.xsd')]);
});

test('the XLIFF schema check rejects a unit without a segment (the validation can fail)', { skip: !hasXmllint && 'xmllint not installed' }, () => {
  const broken = toXliff(segments, info).replace(/<segment id="s1"[\s\S]*?<\/segment>/, '');
  assert.throws(() => validate(broken, ['--schema', join(fixtures, 'xliff21-core-subset.xsd')]));
});

test('JSON export lists the links with their texts and confidences', () => {
  const json = JSON.parse(toJsonExport(segments, info));
  assert.deepEqual(json.languages, ['zh-Hant', 'en']);
  assert.equal(json.links.length, 3);
  assert.deepEqual(json.links[2], { a: ['2'], b: [], textA: '沒有翻譯的一句。', textB: '', confidence: 0.6, level: 'sentence' });
});
