import { parseArgs } from 'node:util';
import type { Command } from './main.js';
import { ConcordError } from '../model.js';
import { DB_HELP, DB_OPTION, dim, openFromArgs, positiveInt, renderParts } from '../store/cli-support.js';

const command: Command = {
  summary: 'Search every version of every archived document; hits show the aligned sentence of the other language.',
  usage: `concord search QUERY [--json] [--lang L] [--source S] [--from DATE] [--to DATE] [--limit N] [--db …]\n  QUERY: words (all must match), "a phrase", OR, NOT or -word, ( ); Traditional and Simplified Chinese match each other\n  --from/--to: only documents with events in that range (1949, 1949-10, 1949-10-12)\n  ${DB_HELP}`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...DB_OPTION, json: { type: 'boolean' }, lang: { type: 'string' }, source: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } },
    });
    if (!positionals.length) throw new ConcordError(`usage: ${command.usage.split('\n')[0]}`);
    const archive = await openFromArgs(values.db, { mustExist: true });
    try {
      const result = await archive.search({
        query: positionals.join(' '),
        language: values.lang,
        source: values.source,
        from: values.from,
        to: values.to,
        limit: positiveInt(values.limit, 'limit', 20),
        offset: positiveInt(values.offset, 'offset', 0),
      });
      if (values.json) {
        process.stdout.write(JSON.stringify(result, null, 2) + '\n');
        return 0;
      }
      if (!result.hits.length) {
        process.stdout.write(`no results for ${result.parsed}\n`);
        return 0;
      }
      const lines: string[] = [];
      result.hits.forEach((hit, i) => {
        lines.push(`${i + 1}. ${dim(`${hit.origin}  ${hit.sentence}  [${hit.language}]  score ${hit.score.toFixed(3)}`)}`);
        lines.push(`   ${renderParts(hit.parts)}`);
        for (const a of hit.aligned) lines.push(`   ↔ [${a.language}${a.level === 'paragraph' ? ', paragraph' : ''}] ${a.units.map((u) => u.text).join(' ')}`);
        for (const u of hit.unaligned) lines.push(`   ↔ [${u.language}] ${dim('no counterpart in this version (untranslated or cut off)')}`);
      });
      if (result.rankedWithin) lines.push(dim(`(a broad query: ranked among the ${result.rankedWithin} most recently added matching sentences; add words to rank all)`));
      process.stdout.write(lines.join('\n') + '\n');
      return 0;
    } finally {
      await archive.close();
    }
  },
};
export default command;
