import { parseArgs } from 'node:util';
import type { Command } from './main.js';
import { ConcordError, SEVERITIES, type Document, type Severity, type TextDocument } from '../model.js';
import { read } from '../read/index.js';
import { split } from '../split/index.js';
import { align } from '../align/index.js';
import { check, loadGlossary } from '../check/index.js';
import { parseSeverity, severityRank } from '../check/findings.js';
import { renderReport } from '../check/report.js';

const command: Command = {
  summary: 'Check a translation: omissions, additions, cut-offs, numbers, dates, names, terminology and form.',
  usage: 'concord check FILE | SOURCE TRANSLATION [--json] [--glossary FILE.csv|FILE.tbx] [--fail-on info|minor|major|critical|never]',
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, glossary: { type: 'string' }, 'fail-on': { type: 'string', default: 'major' } },
    });
    if (positionals.length < 1 || positionals.length > 2) throw new ConcordError(`usage: ${command.usage}`);
    const failOnName = values['fail-on']!;
    const failOn: Severity | undefined = failOnName === 'never' ? undefined : parseSeverity(failOnName);
    if (!failOn && failOnName !== 'never') throw new ConcordError(`--fail-on must be one of ${SEVERITIES.join(', ')} or never, not "${failOnName}"`);
    const glossary = values.glossary ? loadGlossary(values.glossary) : undefined;

    const text = positionals.length === 2 ? joined(await read(positionals[0]!), await read(positionals[1]!)) : await read(positionals[0]!);
    const doc: Document = check(align(split(text)), { glossary });
    if (doc.versions.length < 2) process.stderr.write(`concord check: only one language version found in ${text.provenance.origin}; only form checks ran\n`);
    process.stdout.write(values.json ? JSON.stringify({ findings: doc.findings }, null, 2) + '\n' : renderReport(doc));
    const failing = failOn ? doc.findings.filter((f) => severityRank(f.severity) >= severityRank(failOn)) : [];
    return failing.length ? 1 : 0;
  },
};
export default command;

/** Two files as one document: the source's blocks, then the translation's, offsets shifted past a blank line. */
function joined(source: TextDocument, translation: TextDocument): TextDocument {
  const gap = '\n\n';
  const shift = source.text.length + gap.length;
  return {
    text: source.text + gap + translation.text,
    blocks: [...source.blocks, ...translation.blocks.map((b) => ({ ...b, start: b.start + shift, end: b.end + shift }))],
    provenance: {
      ...source.provenance,
      origin: `${source.provenance.origin} + ${translation.provenance.origin}`,
      sha256: source.provenance.sha256,
      bytes: source.provenance.bytes + translation.provenance.bytes,
    },
    metadata: source.metadata,
  };
}
