import { parseArgs } from 'node:util';
import type { Command } from './main.js';
import { ConcordError } from '../model.js';
import { DB_HELP, DB_OPTION, openFromArgs, positiveInt, ProgressBar } from '../store/cli-support.js';
import { expandInputs, ingest, readInput } from '../store/ingest.js';

const command: Command = {
  summary: 'Analyse documents and store them in the archive (one transaction per document, every core used).',
  usage: `concord add PATH... [--db …] [--threads N] [--json] [--queue]\n  PATH: files, folders (recursively), globs ('docs/**/*.html'), http(s) URLs, or - for standard input\n  --source NAME  file standard input under this source (URL or name) so later versions become revisions\n  --queue        PostgreSQL only: queue the files for \`concord worker\` instead of analysing here\n  ${DB_HELP}`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...DB_OPTION, threads: { type: 'string' }, json: { type: 'boolean' }, queue: { type: 'boolean' }, source: { type: 'string' } },
    });
    if (!positionals.length) throw new ConcordError(`usage: ${command.usage.split('\n')[0]}`);
    const files = await expandInputs(positionals);
    if (values.source) for (const f of files) if (f.path === '-') f.source = values.source;
    const archive = await openFromArgs(values.db);
    try {
      if (values.queue) return await enqueue(archive, files);
      const bar = new ProgressBar();
      const started = Date.now();
      const events = await ingest(archive, files, {
        threads: values.threads === undefined ? undefined : positiveInt(values.threads, 'threads', 0),
        onProgress: (e, done, total) => {
          if (e.error) {
            bar.finish();
            process.stderr.write(`concord add: ${e.file.path}: ${e.error}\n`);
          }
          bar.update(done, total, e.file.path);
        },
      });
      bar.finish();
      const count = (status: string) => events.filter((e) => e.result?.status === status).length;
      const failed = events.filter((e) => e.error).length;
      if (values.json) {
        process.stdout.write(JSON.stringify(events.map((e) => ({ path: e.file.path, ...(e.result ?? {}), ...(e.error ? { status: 'failed', error: e.error } : {}) })), null, 2) + '\n');
      } else {
        const seconds = (Date.now() - started) / 1000;
        process.stdout.write(`${count('added')} added, ${count('revised')} revised, ${count('unchanged')} unchanged, ${failed} failed in ${seconds.toFixed(1)} s → ${archive.location}\n`);
      }
      return failed ? 1 : 0;
    } finally {
      await archive.close();
    }
  },
};
export default command;

async function enqueue(archive: import('../store/archive.js').Archive, files: import('../store/ingest.js').InputFile[]): Promise<number> {
  if (archive.kind !== 'postgres') throw new ConcordError('--queue needs a PostgreSQL archive (--db postgres://…)');
  const pgArchive = archive as import('../store/postgres.js').PostgresArchive;
  let queued = 0;
  for (let i = 0; i < files.length; i += 100) {
    const batch = files.slice(i, i + 100);
    const jobs = await Promise.all(batch.map(async (f) => ({ origin: f.path, source: f.source, bytes: await readInput(f) })));
    queued += await pgArchive.enqueue(jobs);
  }
  process.stdout.write(`${queued} queued for concord worker → ${archive.location}\n`);
  return 0;
}
