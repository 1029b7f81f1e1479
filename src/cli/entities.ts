import { parseArgs } from 'node:util';
import type { Command } from './main.js';
import { ConcordError, type EntityKind } from '../model.js';
import { DB_HELP, DB_OPTION, dim, openFromArgs, positiveInt } from '../store/cli-support.js';

const KINDS: EntityKind[] = ['person', 'organisation', 'place', 'group'];

const command: Command = {
  summary: 'People, organisations and places across the archive, with their aliases in every script and their mentions.',
  usage: `concord entities [NAME] [--kind person|organisation|place|group] [--limit N] [--mentions N] [--json] [--db …]\n  ${DB_HELP}`,
  async run(argv) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...DB_OPTION, json: { type: 'boolean' }, kind: { type: 'string' }, limit: { type: 'string' }, mentions: { type: 'string' } } });
    if (values.kind && !KINDS.includes(values.kind as EntityKind)) throw new ConcordError(`--kind must be one of ${KINDS.join(', ')}`);
    const archive = await openFromArgs(values.db, { mustExist: true });
    try {
      const entities = await archive.entities({ query: positionals.join(' ') || undefined, kind: values.kind as EntityKind | undefined, limit: positiveInt(values.limit, 'limit', 1000), mentions: positiveInt(values.mentions, 'mentions', 100) });
      if (values.json) {
        process.stdout.write(JSON.stringify(entities, null, 2) + '\n');
        return 0;
      }
      if (!entities.length) {
        process.stdout.write('no entities found\n');
        return 0;
      }
      const lines: string[] = [];
      for (const e of entities) {
        lines.push(`${e.name} ${dim(`(${e.kind}) — ${e.documents} document${e.documents === 1 ? '' : 's'}, ${e.mentionCount} mention${e.mentionCount === 1 ? '' : 's'}`)}`);
        lines.push(`    aliases: ${e.aliases.map((a) => `${a.text} [${a.language}]`).join(', ')}`);
        for (const m of e.mentions.slice(0, 5)) lines.push(`    ${dim(`${m.origin} ${m.sentence}`)}  ${m.quote}`);
        if (e.mentionCount > 5) lines.push(`    … ${e.mentionCount - 5} more (--json for up to 100, --mentions N for more)`);
      }
      process.stdout.write(lines.join('\n') + '\n');
      return 0;
    } finally {
      await archive.close();
    }
  },
};
export default command;
