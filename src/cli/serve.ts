import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from './main.js';
import { ConcordError } from '../model.js';

/** The bundled example, found from the source tree or from dist/. */
export function examplePath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++, dir = dirname(dir)) {
    const candidate = join(dir, 'examples', 'statement-etge-2024-en-zh.txt');
    if (existsSync(candidate)) return candidate;
  }
  throw new ConcordError('the bundled example (examples/statement-etge-2024-en-zh.txt) is missing');
}

const command: Command = {
  summary: 'Serve the web reader and the JSON API over an archive (127.0.0.1 by default).',
  usage: 'concord serve [--port N] [--host H] [--db PATH|postgres://…] [--token T] [--example]',
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' }, token: { type: 'string' }, example: { type: 'boolean' } },
    });
    if (positionals.length) throw new ConcordError(`unexpected argument '${positionals[0]}'; usage: ${command.usage}`);
    const { DEFAULT_PORT, startServer } = await import('../serve/server.js');
    let port = DEFAULT_PORT;
    if (values.port !== undefined) {
      port = Number(values.port);
      if (!/^\d+$/.test(values.port) || port > 65535) throw new ConcordError(`--port must be a number from 0 to 65535, not '${values.port}'`);
    }
    const { openArchive } = await import('../store/index.js');
    const archive = await openArchive(values.db);
    try {
      if (values.example) {
        const { readFile } = await import('node:fs/promises');
        const { ingestUpload } = await import('../serve/upload.js');
        const path = examplePath();
        const result = await ingestUpload(archive, path, await readFile(path), path);
        process.stderr.write(`example: ${result.status} ${result.title}\n`);
      }
      const server = await startServer({ archive, host: values.host, port, token: values.token ?? process.env.CONCORD_TOKEN });
      process.stdout.write(`Concord reader on ${server.url}/ (archive: ${archive.location}; Ctrl-C stops)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
    } finally {
      await archive.close();
    }
    return 0;
  },
};
export default command;
