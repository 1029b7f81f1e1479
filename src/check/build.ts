/**
 * Builds an aligned two-version Document from sentences and beads: for tests, benchmarks and for checking
 * two files that arrive already split (`concord check SOURCE TRANSLATION` on pre-aligned segments).
 */
import { createHash } from 'node:crypto';
import type { Alignment, Document, Link, Paragraph, Version } from '../model.js';

export interface PairInput {
  /** Source paragraphs, each a list of sentences. */
  a: string[][];
  b: string[][];
  languageA?: string;
  languageB?: string;
  /**
   * Sentence beads as 0-based indexes into each side's sentences counted across paragraphs (the MAC-Dev
   * `[i, j]:[k]` convention). Default: 1-1 by position, leftovers 1-0 / 0-1.
   */
  beads?: Array<[number[], number[]]>;
}

/** A Document with versions `v1` (a) and `v2` (b), one alignment with paragraph and sentence links. */
export function buildPairDocument(input: PairInput): Document {
  let text = '';
  const versions: Version[] = [];
  for (const [index, paragraphs] of [input.a, input.b].entries()) {
    const id = `v${index + 1}`;
    const language = (index === 0 ? input.languageA : input.languageB) ?? (index === 0 ? 'en' : 'zh-Hant');
    const version: Version = { id, language, paragraphs: [] };
    for (const sentences of paragraphs) {
      if (text) text += '\n';
      const pid = `${id}.p${version.paragraphs.length + 1}`;
      const start = text.length;
      const paragraph: Paragraph = { id: pid, text: '', start, end: start, kind: 'paragraph', language, sentences: [] };
      const joiner = /^zh/.test(language) ? '' : ' ';
      sentences.forEach((s, i) => {
        if (i > 0) text += joiner;
        paragraph.sentences.push({ id: `${pid}.s${i + 1}`, text: s, start: text.length, end: text.length + s.length });
        text += s;
      });
      paragraph.end = text.length;
      paragraph.text = text.slice(start, paragraph.end);
      version.paragraphs.push(paragraph);
    }
    versions.push(version);
  }
  const ids = versions.map((v) => v.paragraphs.flatMap((p) => p.sentences.map((s) => s.id)));
  const beads = input.beads ?? defaultBeads(ids[0]!.length, ids[1]!.length);
  const sentenceLinks: Link[] = beads.map(([x, y]) => ({
    level: 'sentence',
    a: x.map((i) => ids[0]![i]!).filter(Boolean),
    b: y.map((i) => ids[1]![i]!).filter(Boolean),
    confidence: 1,
  }));
  const alignment: Alignment = { versions: ['v1', 'v2'], links: [...paragraphLinks(versions, sentenceLinks), ...sentenceLinks] };
  const sha256 = createHash('sha256').update(text).digest('hex');
  return {
    id: sha256.slice(0, 16),
    text,
    provenance: { origin: 'built', sha256, encoding: 'utf-8', format: 'txt', bytes: Buffer.byteLength(text) },
    metadata: {},
    versions,
    alignments: [alignment],
    findings: [],
    facts: [],
  };
}

function defaultBeads(na: number, nb: number): Array<[number[], number[]]> {
  const beads: Array<[number[], number[]]> = [];
  for (let i = 0; i < Math.max(na, nb); i++) beads.push([i < na ? [i] : [], i < nb ? [i] : []]);
  return beads;
}

/** Paragraph links implied by sentence links: paragraphs joined by any bead form one group. */
function paragraphLinks(versions: Version[], sentenceLinks: Link[]): Link[] {
  const paragraphOf = (sentenceId: string) => sentenceId.replace(/\.s\d+$/, '');
  const groups: Array<{ a: Set<string>; b: Set<string> }> = [];
  for (const link of sentenceLinks) {
    const a = new Set(link.a.map(paragraphOf));
    const b = new Set(link.b.map(paragraphOf));
    const last = groups[groups.length - 1];
    const overlaps = last && ([...a].some((p) => last.a.has(p)) || [...b].some((p) => last.b.has(p)));
    if (overlaps && last) {
      a.forEach((p) => last.a.add(p));
      b.forEach((p) => last.b.add(p));
    } else groups.push({ a, b });
  }
  const linked = new Set(groups.flatMap((g) => [...g.a, ...g.b]));
  const links: Link[] = groups.map((g) => ({ level: 'paragraph', a: [...g.a], b: [...g.b], confidence: 1 }));
  // Paragraphs with no sentence at all in any bead (empty paragraphs) still get a one-sided link.
  for (const [side, version] of versions.entries())
    for (const p of version.paragraphs)
      if (!linked.has(p.id)) links.push({ level: 'paragraph', a: side === 0 ? [p.id] : [], b: side === 1 ? [p.id] : [], confidence: 1 });
  return links;
}
