/**
 * Exports of an aligned pair: TMX 1.4 (translation memory), XLIFF 2.1 (translation exchange), JSON.
 * Both XML formats are written by hand (no dependency): every element and required attribute of the
 * specifications, text escaped, characters XML 1.0 forbids removed.
 */
import type { Alignment, LanguageTag, LinkLevel, Version } from '../model.js';
import type { Bead } from './sentences.js';

/** One link with its texts: what every export writes. */
export interface AlignedSegment {
  /** Ids (or 0-based line numbers as strings) of the segments on each side. */
  a: string[];
  b: string[];
  textA: string;
  textB: string;
  confidence: number;
  level: LinkLevel;
}

export interface ExportInfo {
  languageA: LanguageTag;
  languageB: LanguageTag;
  /** Where the texts came from, written into the file header. */
  originA?: string;
  originB?: string;
}

const CONCORD_VERSION = '0.1.0';

const joinerFor = (language: LanguageTag) => (/^(zh|ja|cmn|yue|lzh)\b/i.test(language) ? '' : ' ');

/** Segments of pre-split input (line numbers) from beads. */
export function segmentsFromBeads(beads: Bead[], textsA: string[], textsB: string[], info: ExportInfo): AlignedSegment[] {
  return beads.map((bead) => ({
    a: bead.a.map(String),
    b: bead.b.map(String),
    textA: bead.a.map((i) => textsA[i]!.trim()).join(joinerFor(info.languageA)),
    textB: bead.b.map((j) => textsB[j]!.trim()).join(joinerFor(info.languageB)),
    confidence: bead.confidence,
    level: 'sentence',
  }));
}

/** Segments of one level of a document alignment. */
export function segmentsFromAlignment(alignment: Alignment, versionA: Version, versionB: Version, level: LinkLevel = 'sentence'): AlignedSegment[] {
  const texts = new Map<string, string>();
  for (const version of [versionA, versionB]) {
    for (const p of version.paragraphs) {
      texts.set(p.id, p.text);
      for (const s of p.sentences) texts.set(s.id, s.text);
    }
  }
  return alignment.links
    .filter((link) => link.level === level)
    .map((link) => ({
      a: link.a,
      b: link.b,
      textA: link.a.map((id) => (texts.get(id) ?? '').trim()).join(joinerFor(versionA.language)),
      textB: link.b.map((id) => (texts.get(id) ?? '').trim()).join(joinerFor(versionB.language)),
      confidence: link.confidence,
      level: link.level,
    }));
}

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 does not allow. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A language tag XML's xml:lang and XLIFF's srcLang accept (BCP 47); `und` when unknown. */
function tag(language: LanguageTag): string {
  return /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(language) ? language : 'und';
}

/** TMX 1.4b: one translation unit per link with text on both sides (links with an empty side are not translations). */
export function toTmx(segments: AlignedSegment[], info: ExportInfo): string {
  const now = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    '<tmx version="1.4">',
    `  <header creationtool="Concord" creationtoolversion="${CONCORD_VERSION}" segtype="sentence" o-tmf="concord" adminlang="en" srclang="${tag(info.languageA)}" datatype="plaintext" creationdate="${now}">`,
  ];
  if (info.originA) lines.push(`    <prop type="x-origin-a">${xmlEscape(info.originA)}</prop>`);
  if (info.originB) lines.push(`    <prop type="x-origin-b">${xmlEscape(info.originB)}</prop>`);
  lines.push('  </header>', '  <body>');
  let n = 0;
  for (const s of segments) {
    if (!s.textA || !s.textB) continue;
    n++;
    lines.push(
      `    <tu tuid="${n}">`,
      `      <prop type="x-confidence">${s.confidence.toFixed(3)}</prop>`,
      `      <prop type="x-segments-a">${xmlEscape(s.a.join(' '))}</prop>`,
      `      <prop type="x-segments-b">${xmlEscape(s.b.join(' '))}</prop>`,
      `      <tuv xml:lang="${tag(info.languageA)}"><seg>${xmlEscape(s.textA)}</seg></tuv>`,
      `      <tuv xml:lang="${tag(info.languageB)}"><seg>${xmlEscape(s.textB)}</seg></tuv>`,
      '    </tu>',
    );
  }
  lines.push('  </body>', '</tmx>');
  return lines.join('\n') + '\n';
}

/**
 * XLIFF 2.1 core: one unit per link, the source side as <source>, the translation as <target>; a passage with
 * no translation has no <target>, a translation with no source an empty <source>. The confidence goes into a
 * unit note (XLIFF core has no attribute for it).
 */
export function toXliff(segments: AlignedSegment[], info: ExportInfo): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="${tag(info.languageA)}" trgLang="${tag(info.languageB)}">`,
    `  <file id="f1"${info.originA ? ` original="${xmlEscape(info.originA)}"` : ''}>`,
  ];
  segments.forEach((s, i) => {
    lines.push(
      `    <unit id="u${i + 1}" name="${xmlEscape([s.a.join(' '), s.b.join(' ')].join(' | '))}">`,
      '      <notes>',
      `        <note category="confidence">${s.confidence.toFixed(3)}</note>`,
      '      </notes>',
      `      <segment id="s${i + 1}"${s.textB ? ' state="translated"' : ''}>`,
      `        <source>${xmlEscape(s.textA)}</source>`,
    );
    if (s.textB) lines.push(`        <target>${xmlEscape(s.textB)}</target>`);
    lines.push('      </segment>', '    </unit>');
  });
  lines.push('  </file>', '</xliff>');
  return lines.join('\n') + '\n';
}

export function toJsonExport(segments: AlignedSegment[], info: ExportInfo): string {
  return JSON.stringify({ languages: [info.languageA, info.languageB], origins: [info.originA ?? null, info.originB ?? null], links: segments }, null, 2) + '\n';
}
