import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Command } from './main.js';
import { ConcordError, type Document, type Paragraph, type Version } from '../model.js';
import { read } from '../read/index.js';
import { split } from '../split/index.js';
import { alignSentences } from '../align/sentences.js';
import { alignVersions } from '../align/index.js';
import { formatBeads } from '../align/beads.js';
import { segmentsFromAlignment, segmentsFromBeads, toJsonExport, toTmx, toXliff, type AlignedSegment, type ExportInfo } from '../align/export.js';

const FORMATS = ['beads', 'json', 'tmx', 'xliff', 'text'] as const;
type Format = (typeof FORMATS)[number];

const command: Command = {
  summary: 'Align two texts: pre-split sentences (one per line) or two whole documents, one per language.',
  usage: 'concord align [--sentences] A B [--format beads|json|tmx|xliff|text] [--lang-a TAG] [--lang-b TAG] [--level sentence|paragraph]',
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        sentences: { type: 'boolean' },
        format: { type: 'string' },
        'lang-a': { type: 'string' },
        'lang-b': { type: 'string' },
        level: { type: 'string' },
      },
    });
    if (positionals.length !== 2) throw new ConcordError(`usage: ${command.usage}`);
    const format = (values.format ?? (values.sentences ? 'beads' : 'text')) as Format;
    if (!FORMATS.includes(format)) throw new ConcordError(`unknown format '${format}' (one of ${FORMATS.join(', ')})`);
    const level = values.level ?? 'sentence';
    if (level !== 'sentence' && level !== 'paragraph') throw new ConcordError(`unknown level '${level}' (sentence or paragraph)`);
    const [fileA, fileB] = positionals as [string, string];
    process.stdout.write(values.sentences ? await alignLines(fileA, fileB, format, values['lang-a'], values['lang-b']) : await alignDocuments(fileA, fileB, format, level, values['lang-a'], values['lang-b']));
    return 0;
  },
};
export default command;

async function readLines(path: string): Promise<string[]> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A language guess from the script, enough to pick the aligner's model: Han → zh, Latin → en, else und. */
export function guessLanguage(texts: string[]): string {
  let han = 0;
  let latin = 0;
  for (const text of texts.slice(0, 200)) {
    han += (text.match(/\p{Script=Han}/gu) ?? []).length;
    latin += (text.match(/[A-Za-z]/g) ?? []).length;
  }
  if (han === 0 && latin === 0) return 'und';
  return han * 3 >= latin ? 'zh' : 'en';
}

async function alignLines(fileA: string, fileB: string, format: Format, langA?: string, langB?: string): Promise<string> {
  const [a, b] = await Promise.all([readLines(fileA), readLines(fileB)]);
  const info: ExportInfo = { languageA: langA ?? guessLanguage(a), languageB: langB ?? guessLanguage(b), originA: fileA, originB: fileB };
  const beads = alignSentences(a, b, info.languageA, info.languageB);
  if (format === 'beads') return formatBeads(beads);
  return render(segmentsFromBeads(beads, a, b, info), info, format);
}

async function alignDocuments(fileA: string, fileB: string, format: Format, level: 'sentence' | 'paragraph', langA?: string, langB?: string): Promise<string> {
  const [docA, docB] = await Promise.all([read(fileA).then(split), read(fileB).then(split)]);
  const versionA = mainVersion(docA, fileA, langA);
  const versionB = renumber(mainVersion(docB, fileB, langB), versionA.id === 'v1' ? 'v2' : 'v1');
  const alignment = alignVersions(versionA, versionB);
  const info: ExportInfo = { languageA: versionA.language, languageB: versionB.language, originA: fileA, originB: fileB };
  if (format === 'beads') {
    const index = (version: Version) => new Map(version.paragraphs.flatMap((p) => (level === 'paragraph' ? [p.id] : p.sentences.map((s) => s.id))).map((id, i) => [id, i]));
    const ia = index(versionA);
    const ib = index(versionB);
    return formatBeads(alignment.links.filter((l) => l.level === level).map((l) => ({ a: l.a.map((id) => ia.get(id)!), b: l.b.map((id) => ib.get(id)!) })));
  }
  if (format === 'text') return summary(alignment.links.filter((l) => l.level === 'paragraph'), versionA, versionB, fileA, fileB);
  return render(segmentsFromAlignment(alignment, versionA, versionB, level), info, format);
}

/** The document's longest version (a document given for one language may still quote another). */
function mainVersion(doc: Document, origin: string, language?: string): Version {
  if (!doc.versions.length) throw new ConcordError(`${origin}: no text to align`);
  const size = (v: Version) => v.paragraphs.reduce((n, p) => n + p.text.length, 0);
  const version = [...doc.versions].sort((x, y) => size(y) - size(x))[0]!;
  return language ? { ...version, language } : version;
}

function renumber(version: Version, id: string): Version {
  const paragraphs: Paragraph[] = version.paragraphs.map((p, i) => ({
    ...p,
    id: `${id}.p${i + 1}`,
    sentences: p.sentences.map((s, j) => ({ ...s, id: `${id}.p${i + 1}.s${j + 1}` })),
  }));
  return { ...version, id, paragraphs };
}

function summary(links: { a: string[]; b: string[]; confidence: number }[], a: Version, b: Version, fileA: string, fileB: string): string {
  const lines = [`${fileA} (${a.language}, ${a.paragraphs.length} paragraphs) ↔ ${fileB} (${b.language}, ${b.paragraphs.length} paragraphs)`];
  for (const l of links) lines.push(`  ${(l.a.join('+') || '—').padEnd(16)} ↔ ${(l.b.join('+') || '—').padEnd(16)} ${l.confidence.toFixed(2)}`);
  return lines.join('\n') + '\n';
}

function render(segments: AlignedSegment[], info: ExportInfo, format: Format): string {
  if (format === 'tmx') return toTmx(segments, info);
  if (format === 'xliff') return toXliff(segments, info);
  if (format === 'json') return toJsonExport(segments, info);
  return segments.map((s) => `${s.a.join(',') || '—'} ↔ ${s.b.join(',') || '—'} (${s.confidence.toFixed(2)})\n  ${s.textA}\n  ${s.textB}\n`).join('');
}
