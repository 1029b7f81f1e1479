import { parseArgs } from 'node:util';
import type { Command } from './main.js';
import { ConcordError } from '../model.js';
import { DB_HELP, DB_OPTION, openFromArgs } from '../store/cli-support.js';
import type { PostgresArchive } from '../store/postgres.js';

const command: Command = {
  summary: 'Take ingest jobs from the PostgreSQL queue (filled by `concord add --queue`) and store the documents; run one per core or machine.',
  usage: `concord worker --db postgres://… [--exit-when-empty] [--quiet]\n  ${DB_HELP}`,
  async run(argv) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...DB_OPTION, 'exit-when-empty': { type: 'boolean' }, quiet: { type: 'boolean' } } });
    if (positionals.length) throw new ConcordError(`usage: ${command.usage.split('\n')[0]}`);
    const archive = await openFromArgs(values.db);
    if (archive.kind !== 'postgres') {
      await archive.close();
      throw new ConcordError('concord worker needs a PostgreSQL archive: --db postgres://…');
    }
    const queue = archive as PostgresArchive;
    const { analyze } = await import('../pipeline.js');
    let stopping = false;
    const stop = () => (stopping = true);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    let done = 0;
    let failed = 0;
    try {
      while (!stopping) {
        const outcome = await queue.processNextJob((bytes, origin) => analyze({ bytes, origin }));
        if (outcome.status === 'empty') {
          if (values['exit-when-empty']) break;
          await queue.waitForJobs(2000);
          continue;
        }
        if (outcome.status === 'done') done++;
        else {
          failed++;
          process.stderr.write(`concord worker: job ${outcome.id}: ${outcome.error}\n`);
        }
        if (!values.quiet && process.stderr.isTTY) process.stderr.write(`\r${done} stored, ${failed} failed`);
      }
    } finally {
      await queue.close();
    }
    if (!values.quiet) process.stdout.write(`${done} stored, ${failed} failed\n`);
    return failed ? 1 : 0;
  },
};
export default command;
