/**
 * Opening an archive: `openArchive()` (default SQLite file under the user's data directory),
 * `openArchive('some/file.sqlite')`, or `openArchive('postgres://user@host/db')`.
 * The implementations load lazily so commands that never touch the database never pay for drivers.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Archive } from './archive.js';

export type * from './archive.js';

/** $XDG_DATA_HOME/concord/archive.sqlite, else ~/.local/share/concord/archive.sqlite. */
export function defaultArchivePath(env: NodeJS.ProcessEnv = process.env): string {
  const dataHome = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(dataHome, 'concord', 'archive.sqlite');
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export interface OpenOptions {
  /** PostgreSQL only: the schema to use (created if missing). Default `public`. */
  schema?: string;
}

/** Opens (creating and migrating as needed) the archive at `location` (default: the user's data directory). */
export async function openArchive(location: string = process.env.CONCORD_DB || defaultArchivePath(), options: OpenOptions = {}): Promise<Archive> {
  if (isPostgresUrl(location)) {
    const { openPostgresArchive } = await import('./postgres.js');
    return openPostgresArchive(location, options);
  }
  const { openSqliteArchive } = await import('./sqlite.js');
  return openSqliteArchive(location);
}
