/** The JSON API: everything the reader's pages show, for scripts and other tools. Described in openapi.ts. */
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Archive } from '../store/archive.js';
import { toJson } from '../cli/analyze.js';
import type { AccessPolicy } from './access.js';
import { HttpProblem } from './problem.js';
import { documentQuery, entitiesQuery, entityKeyParam, exportQuery, idParam, listQuery, MAX_UPLOAD_BYTES, searchQuery, timelineQuery, uploadName } from './schemas.js';
import { validate, validParam, validQuery } from './validate.js';
import { exportDocument } from './exports.js';
import { analyzeHere, ingestUpload, uploadSource, type Analyzer, type UploadResult } from './upload.js';
import { openApiDocument } from './openapi.js';
import { basename } from './pages/common.js';

export interface ApiContext {
  archive: Archive;
  access: AccessPolicy;
  analyzer?: Analyzer;
}

const MAX_FILES_PER_UPLOAD = 50;

/** The API's paths and their methods, for 405 answers with an Allow header. */
const ROUTES: Array<[RegExp, string[]]> = [
  [/^\/api\/documents\/?$/, ['GET', 'HEAD', 'POST']],
  [/^\/api\/documents\/[^/]+(\/(history|export))?\/?$/, ['GET', 'HEAD']],
  [/^\/api\/(search|timeline|entities|health)\/?$/, ['GET', 'HEAD']],
  [/^\/api\/entities\/[^/]+\/?$/, ['GET', 'HEAD']],
];

export function registerApi(app: Hono, { archive, access, analyzer = analyzeHere }: ApiContext): void {
  app.get('/openapi.json', (c) => c.json(openApiDocument()));

  app.get('/api/health', async (c) => {
    const stats = await archive.stats();
    return c.json({ ok: true, archive: archive.kind, documents: stats.documents, sentences: stats.sentences, writesNeedToken: Boolean(access.token) });
  });

  app.get('/api/documents', async (c) => {
    const q = validQuery(c, listQuery);
    return c.json({ documents: await archive.list(q) });
  });

  app.post(
    '/api/documents',
    bodyLimit({
      maxSize: MAX_UPLOAD_BYTES * 2,
      onError: () => {
        throw new HttpProblem(413, `an upload may be at most ${MAX_UPLOAD_BYTES * 2} bytes; send large batches with concord add`, 'upload-too-large');
      },
    }),
    async (c) => {
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      const files: Array<{ name: string; bytes: Uint8Array }> = [];
      if (type.startsWith('multipart/form-data')) {
        const body = await c.req.parseBody({ all: true });
        const entries = body['file'];
        const list = Array.isArray(entries) ? entries : entries === undefined ? [] : [entries];
        for (const entry of list) {
          if (typeof entry === 'string') throw new HttpProblem(400, "the form field 'file' must hold a file, not text", 'invalid-parameter');
          files.push({ name: validate(uploadName, basename(entry.name || 'upload.txt'), 'file name', 'file'), bytes: new Uint8Array(await entry.arrayBuffer()) });
        }
      } else if (type && !type.startsWith('application/x-www-form-urlencoded')) {
        const name = validate(uploadName, c.req.query('name') ?? '', 'query parameter', 'name');
        files.push({ name, bytes: new Uint8Array(await c.req.arrayBuffer()) });
      } else throw new HttpProblem(415, 'send multipart/form-data with a "file" field, or the raw bytes with ?name=FILE', 'unsupported-media-type');
      if (!files.length) throw new HttpProblem(400, "no file in the upload (form field 'file')", 'invalid-parameter');
      if (files.length > MAX_FILES_PER_UPLOAD) throw new HttpProblem(400, `at most ${MAX_FILES_PER_UPLOAD} files per upload; use concord add for more`, 'invalid-parameter');
      for (const f of files) {
        if (f.bytes.length > MAX_UPLOAD_BYTES) throw new HttpProblem(413, `${f.name} is larger than ${MAX_UPLOAD_BYTES} bytes`, 'upload-too-large');
        if (!f.bytes.length) throw new HttpProblem(422, `${f.name} is empty`, 'unreadable-document');
      }
      const results: UploadResult[] = [];
      for (const f of files) results.push(await ingestUpload(archive, f.name, f.bytes, uploadSource(f.name), analyzer));
      const created = results.some((r) => r.status !== 'unchanged');
      if (results.length === 1) c.header('Location', `/api/documents/${results[0]!.id}`);
      return c.json({ results }, created ? 201 : 200);
    },
  );

  app.get('/api/documents/:id', async (c) => {
    const id = validParam(c, 'id', idParam);
    const { revision } = validQuery(c, documentQuery);
    const doc = await archive.get(id, revision ? { revision } : undefined);
    if (!doc) throw new HttpProblem(404, revision ? `document ${id} has no revision ${revision}` : `no document with id ${id}`, 'document-not-found');
    return c.json({ summary: await archive.summary(id), document: toJson(doc) });
  });

  app.get('/api/documents/:id/history', async (c) => {
    const id = validParam(c, 'id', idParam);
    const revisions = await archive.history(id);
    if (!revisions.length) throw new HttpProblem(404, `no document with id ${id}`, 'document-not-found');
    return c.json({ revisions });
  });

  app.get('/api/documents/:id/export', async (c) => {
    const id = validParam(c, 'id', idParam);
    const { format, pair } = validQuery(c, exportQuery);
    const doc = await archive.get(id);
    if (!doc) throw new HttpProblem(404, `no document with id ${id}`, 'document-not-found');
    const file = await exportDocument(doc, format, pair);
    const name = `${basename(doc.provenance.origin).replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '_') || doc.id}.${file.extension}`;
    return c.body(file.body, 200, { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${name}"` });
  });

  app.get('/api/search', async (c) => {
    const q = validQuery(c, searchQuery);
    const result = await archive.search({ query: q.q, language: q.language, source: q.source, from: q.from, to: q.to, limit: q.limit, offset: q.offset });
    return c.json(result);
  });

  app.get('/api/timeline', async (c) => {
    const q = validQuery(c, timelineQuery);
    return c.json({ entries: await archive.timeline(q) });
  });

  app.get('/api/entities', async (c) => {
    const q = validQuery(c, entitiesQuery);
    return c.json({ entities: await archive.entities({ query: q.q, kind: q.kind, limit: q.limit }) });
  });

  app.get('/api/entities/:key', async (c) => {
    const key = validParam(c, 'key', entityKeyParam);
    const entity = await findEntity(archive, key);
    if (!entity) throw new HttpProblem(404, `no entity '${key}'`, 'entity-not-found');
    return c.json(entity);
  });

  app.all('/api/*', (c) => {
    const path = new URL(c.req.url).pathname;
    const route = ROUTES.find(([pattern]) => pattern.test(path));
    if (route) throw new HttpProblem(405, `${c.req.method} is not allowed on ${path}; use ${route[1].join(' or ')}`, 'method-not-allowed', {}, { Allow: route[1].join(', ') });
    throw new HttpProblem(404, `no API endpoint ${c.req.method} ${path}; see /openapi.json`);
  });
}

/** An entity by its key: the archive finds candidates by name, the key picks the one. */
export async function findEntity(archive: Archive, key: string) {
  const candidates = await archive.entities({ query: key, limit: 50 });
  return candidates.find((e) => e.key === key) ?? candidates.find((e) => e.name === key);
}
