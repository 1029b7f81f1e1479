import { parseArgs } from 'node:util';
import type { Command } from './main.js';
import { ConcordError } from '../model.js';
import type { TimelineEntry } from '../store/archive.js';
import { DB_HELP, DB_OPTION, dim, openFromArgs } from '../store/cli-support.js';

const command: Command = {
  summary: 'Events across the archive in date order: the same event from several documents grouped, disagreements flagged.',
  usage: `concord timeline [--json|--csv] [--from DATE] [--to DATE] [--source S] [--entity NAME] [--db …]\n  ${DB_HELP}`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...DB_OPTION, json: { type: 'boolean' }, csv: { type: 'boolean' }, from: { type: 'string' }, to: { type: 'string' }, source: { type: 'string' }, entity: { type: 'string' } },
    });
    if (positionals.length) throw new ConcordError(`usage: ${command.usage.split('\n')[0]}`);
    if (values.json && values.csv) throw new ConcordError('choose one of --json and --csv');
    const archive = await openFromArgs(values.db, { mustExist: true });
    try {
      const entries = await archive.timeline({ from: values.from, to: values.to, source: values.source, entity: values.entity });
      process.stdout.write(values.json ? JSON.stringify(entries, null, 2) + '\n' : values.csv ? toCsv(entries) : toText(entries));
      return 0;
    } finally {
      await archive.close();
    }
  },
};
export default command;

function toText(entries: TimelineEntry[]): string {
  if (!entries.length) return 'no dated events in the archive\n';
  const lines: string[] = [];
  for (const e of entries) {
    lines.push(`${e.value.padEnd(12)} ${dim(`(${e.precision})`)} ${e.text}  ${dim(`[${e.documents} document${e.documents === 1 ? '' : 's'}]`)}`);
    for (const m of e.mentions) lines.push(`    ${dim(`${m.origin} ${m.sentence}`)}  ${m.quote}`);
    for (const d of e.disagreements) {
      lines.push(`    ⚠ ${d.message}`);
      for (const side of d.sides) for (const c of side.citations) lines.push(`        ${side.value}: ${c.origin} ${c.sentence}`);
    }
  }
  return lines.join('\n') + '\n';
}

const csvCell = (v: unknown) => {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One row per mention, so every claim keeps its citation. */
function toCsv(entries: TimelineEntry[]): string {
  const rows = [['date', 'start', 'end', 'precision', 'kind', 'event', 'documents', 'origin', 'document', 'sentence', 'quote', 'disagreements']];
  for (const e of entries) {
    const flags = e.disagreements.map((d) => d.message).join('; ');
    for (const m of e.mentions) rows.push([e.value, e.start, e.end, e.precision, e.kind, e.text, String(e.documents), m.origin, m.documentId, m.sentence, m.quote, flags]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}
