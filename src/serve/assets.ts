/**
 * The reader's static files (CSS, JS, icon), served from the app itself: nothing is fetched from elsewhere.
 * Read once at start-up into memory with a content hash for ETags; the directory is found whether the
 * server runs from source (tsx) or from the compiled `dist/`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  body: Uint8Array;
  type: string;
  etag: string;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export function assetsDirectory(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const candidates = [join(here, 'assets'), join(here, '..', '..', '..', 'src', 'serve', 'assets')];
  const found = candidates.find((dir) => existsSync(join(dir, 'reader.css')));
  if (!found) throw new Error(`the reader's assets are missing (looked in ${candidates.join(', ')})`);
  return found;
}

let cache: Map<string, Asset> | undefined;

export function loadAssets(): Map<string, Asset> {
  if (cache) return cache;
  const dir = assetsDirectory();
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (!type) continue;
    const body = readFileSync(join(dir, name));
    assets.set(name, { body, type, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 20)}"` });
  }
  return (cache = assets);
}
