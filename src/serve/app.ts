/**
 * The reader's web application: HTML pages and the JSON API over one archive.
 * `createApp` builds it without listening, so tests drive it with `app.request()`; `server.ts` listens.
 */
import { Hono, type Context } from 'hono';
import type { Archive } from '../store/archive.js';
import { ConcordError } from '../model.js';
import { loadAssets } from './assets.js';
import { CONTENT_SECURITY_POLICY } from './layout.js';
import { HttpProblem, PROBLEM_CONTENT_TYPE } from './problem.js';
import { registerApi } from './api.js';
import { registerPages, renderErrorPage } from './routes.js';
import { isWrite, writeGuard, type AccessPolicy } from './access.js';
import type { Analyzer } from './upload.js';

export interface AppOptions {
  archive: Archive;
  /** How uploads are analysed (default: in this thread; the server uses a worker thread). */
  analyzer?: Analyzer;
  /** Who may write and from where; see access.ts. */
  access?: Partial<AccessPolicy>;
}

export type ConcordApp = Hono;

export function createApp(options: AppOptions): ConcordApp {
  const app = new Hono();
  const access: AccessPolicy = { token: undefined, loopbackOnly: true, ...options.access };
  const assets = loadAssets();

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
  });
  app.use('*', writeGuard(access));

  app.get('/assets/:name', (c) => {
    const asset = assets.get(c.req.param('name'));
    if (!asset) throw new HttpProblem(404, `no asset named ${c.req.param('name')}`);
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304);
    c.header('Content-Type', asset.type);
    c.header('ETag', asset.etag);
    c.header('Cache-Control', 'no-cache');
    return c.body(asset.body as Uint8Array<ArrayBuffer>);
  });

  registerApi(app, { archive: options.archive, access, analyzer: options.analyzer });
  registerPages(app, { archive: options.archive, access });

  app.notFound((c) => respondWithProblem(c, new HttpProblem(404, `nothing at ${new URL(c.req.url).pathname}`)));
  app.onError((error, c) => respondWithProblem(c, toProblem(error)));
  return app;
}

/** Any error → the problem it stands for; unexpected ones become a 500 without internals. */
export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof ConcordError) return new HttpProblem(400, error.message);
  if (process.env.CONCORD_DEBUG) console.error(error);
  else console.error(`concord serve: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  return new HttpProblem(500, 'the server failed to answer this request; it has been logged');
}

function wantsHtml(c: Context): boolean {
  const path = new URL(c.req.url).pathname;
  if (path.startsWith('/api/') || path === '/openapi.json' || path.startsWith('/assets/')) return false;
  return isWrite(c.req.method) ? false : (c.req.header('accept') ?? '').includes('text/html');
}

export function respondWithProblem(c: Context, problem: HttpProblem): Response {
  for (const [k, v] of Object.entries(problem.headers)) c.header(k, v);
  if (wantsHtml(c)) return c.html(renderErrorPage(problem).toString(), problem.status as 404);
  return c.body(JSON.stringify(problem.body(new URL(c.req.url).pathname)), problem.status as 404, { 'Content-Type': PROBLEM_CONTENT_TYPE });
}
