/** What the archive commands (add, search, timeline, entities, worker) share: the --db option, colours, a progress bar. */
import { ConcordError } from '../model.js';
import type { Archive, SnippetPart } from './archive.js';
import { existsSync } from 'node:fs';
import { defaultArchivePath, isPostgresUrl, openArchive } from './index.js';

export const DB_OPTION = { db: { type: 'string' as const } };
export const DB_HELP = '--db PATH|postgres://…  (default $CONCORD_DB, else $XDG_DATA_HOME/concord/archive.sqlite)';

/** Opens the archive named by --db; read-only commands (`mustExist`) refuse to create an empty SQLite file. */
export async function openFromArgs(db: string | undefined, options: { mustExist?: boolean } = {}): Promise<Archive> {
  const location = db || process.env.CONCORD_DB || defaultArchivePath();
  if (options.mustExist && !isPostgresUrl(location) && !existsSync(location)) {
    throw new ConcordError(`no archive at ${location}: add documents first with \`concord add PATH --db ${location}\``);
  }
  return openArchive(location);
}

const useColour = () => process.stdout.isTTY && !process.env.NO_COLOR;

/** Matches in bold yellow on a terminal, in «…» otherwise. */
export function renderParts(parts: SnippetPart[]): string {
  const colour = useColour();
  return parts.map((p) => (!p.match ? p.text : colour ? `\x1b[1;33m${p.text}\x1b[0m` : `«${p.text}»`)).join('');
}

export function dim(text: string): string {
  return useColour() ? `\x1b[2m${text}\x1b[0m` : text;
}

/** A one-line progress bar on stderr, redrawn at most 10 times a second; silent when stderr is not a terminal. */
export class ProgressBar {
  private last = 0;
  private readonly started = Date.now();
  private readonly enabled = !!process.stderr.isTTY;

  update(done: number, total: number, note = ''): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (done < total && now - this.last < 100) return;
    this.last = now;
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    const rate = done / Math.max(0.001, (now - this.started) / 1000);
    const line = `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}  ${rate.toFixed(1)} docs/s  ${note}`;
    process.stderr.write(`\r${line.slice(0, (process.stderr.columns || 100) - 1).padEnd(Math.min(100, (process.stderr.columns || 100) - 1))}`);
  }

  finish(): void {
    if (this.enabled) process.stderr.write('\n');
  }
}

export function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ConcordError(`--${name} must be a whole number, not '${value}'`);
  return n;
}
