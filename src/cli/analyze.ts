import { parseArgs } from 'node:util';
import type { Command } from './main.js';
import { ConcordError, type Document } from '../model.js';
import { analyze } from '../pipeline.js';

const command: Command = {
  summary: 'Read a statement, split it into language versions, align, check and extract.',
  usage: 'concord analyze FILE|- [--json]',
  async run(argv) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' } } });
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new ConcordError(`usage: ${command.usage}`);
    const doc = await analyze(file);
    process.stdout.write(values.json ? JSON.stringify(toJson(doc), null, 2) + '\n' : summarize(doc));
    return 0;
  },
};
export default command;

/** The stable JSON shape other tools script against. */
export function toJson(doc: Document) {
  return {
    id: doc.id,
    provenance: doc.provenance,
    metadata: doc.metadata,
    versions: doc.versions,
    alignments: doc.alignments,
    findings: doc.findings,
    facts: doc.facts,
  };
}

export function summarize(doc: Document): string {
  const lines = [`${doc.provenance.origin} (${doc.provenance.format}, ${doc.provenance.encoding}, ${doc.provenance.bytes} bytes)`];
  for (const v of doc.versions) {
    const sentences = v.paragraphs.reduce((n, p) => n + p.sentences.length, 0);
    lines.push(`  ${v.id}  ${v.language.padEnd(8)} ${String(v.paragraphs.length).padStart(4)} paragraphs ${String(sentences).padStart(5)} sentences`);
  }
  for (const a of doc.alignments) {
    const paragraphLinks = a.links.filter((l) => l.level === 'paragraph');
    const paired = paragraphLinks.filter((l) => l.a.length && l.b.length).length;
    const onlyA = paragraphLinks.filter((l) => !l.b.length).reduce((n, l) => n + l.a.length, 0);
    const onlyB = paragraphLinks.filter((l) => !l.a.length).reduce((n, l) => n + l.b.length, 0);
    lines.push(`  ${a.versions[0]} ↔ ${a.versions[1]}: ${paired} paragraph links, ${onlyA} paragraphs only in ${a.versions[0]}, ${onlyB} only in ${a.versions[1]}`);
  }
  if (doc.findings.length) lines.push(`  ${doc.findings.length} findings (concord check for the report)`);
  if (doc.facts.length) lines.push(`  ${doc.facts.length} facts (concord facts for the timeline and lists)`);
  return lines.join('\n') + '\n';
}
