import { ConcordError } from '../model.js';

/** A CLI command: parses its own arguments, returns the process exit code. */
export interface Command {
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

// Commands load lazily so `concord analyze` never pays for the database or the web server.
const commands: Record<string, () => Promise<Command>> = {
  analyze: async () => (await import('./analyze.js')).default,
  facts: async () => (await import('./facts.js')).default,
  align: async () => (await import('./align.js')).default,
  check: async () => (await import('./check.js')).default,
  add: async () => (await import('./add.js')).default,
  search: async () => (await import('./search.js')).default,
  timeline: async () => (await import('./timeline.js')).default,
  entities: async () => (await import('./entities.js')).default,
  worker: async () => (await import('./worker.js')).default,
  serve: async () => (await import('./serve.js')).default,
};

function help(): string {
  return ['usage: concord <command> [options]', '', 'commands:', ...Object.keys(commands).map((c) => `  ${c}`), '', 'concord <command> --help for its options'].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(help() + '\n');
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`concord: unknown command '${name}'\n${help()}\n`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.summary}\n\nusage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    process.stderr.write(`concord ${name}: ${describe(error)}\n`);
    return error instanceof ConcordError ? error.exitCode : 1;
  }
}

/** One line for the user; never a stack trace (set CONCORD_DEBUG=1 to see it). */
export function describe(error: unknown): string {
  if (process.env.CONCORD_DEBUG) return error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (error instanceof ConcordError) return error.message;
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return `no such file: ${e.path ?? ''}`.trim();
  if (e?.code === 'EISDIR') return `is a directory, not a file: ${e.path ?? ''}`.trim();
  if (e?.code === 'EACCES') return `permission denied: ${e.path ?? ''}`.trim();
  if (e?.code === 'EPIPE') return 'output closed';
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? 'unknown error';
}
