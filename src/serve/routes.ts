/** The reader's HTML pages. Each one reads the archive and renders on the server; scripts only add behaviour. */
import type { Context, Hono } from 'hono';
import type { Archive } from '../store/archive.js';
import { ConcordError } from '../model.js';
import type { AccessPolicy } from './access.js';
import { html, type SafeHtml } from './html.js';
import { page } from './layout.js';
import { HttpProblem } from './problem.js';
import { documentQuery, entitiesQuery, idParam, listQuery, pairParam, searchQuery, timelineQuery } from './schemas.js';
import { validate } from './validate.js';
import { findEntity } from './api.js';
import { renderArchivePage } from './pages/archive.js';
import { FILTER_LANGUAGES } from './pages/common.js';
import { renderDocumentPage } from './pages/document.js';
import { renderSearchPage } from './pages/search.js';
import { renderTimelinePage } from './pages/timeline.js';
import { renderEntitiesPage, renderEntityPage } from './pages/entities.js';

export interface PagesContext {
  archive: Archive;
  access: AccessPolicy;
}

function send(c: Context, body: SafeHtml, status = 200): Response {
  return c.html(body.toString(), status as 200);
}

/** Query string without empty fields (a submitted form sends them all). */
function filledQuery(c: Context): Record<string, string> {
  return Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v.trim() !== ''));
}

export function registerPages(app: Hono, { archive, access }: PagesContext): void {
  app.get('/', async (c) => {
    const filter = validate(listQuery, filledQuery(c), 'filter');
    const [documents, stats] = await Promise.all([archive.list(filter), archive.stats()]);
    return send(c, renderArchivePage({ documents, stats, writesNeedToken: Boolean(access.token), filter, languages: FILTER_LANGUAGES }));
  });

  app.get('/documents/:id', async (c) => {
    const id = validate(idParam, c.req.param('id'), 'document id', 'id');
    const { revision } = validate(documentQuery, filledQuery(c), 'query parameter');
    const doc = await archive.get(id, revision ? { revision } : undefined);
    if (!doc) throw new HttpProblem(404, revision ? `document ${id} has no revision ${revision}` : `no document with id ${id}`, 'document-not-found');
    const summary = await archive.summary(id);
    const pair = c.req.query('pair');
    return send(c, renderDocumentPage(doc, { pair: pair && pairParam.safeParse(pair).success ? pair : undefined, addedAt: summary?.addedAt, archiveId: summary?.id, revision: revision ?? summary?.revision, revisions: summary?.revisions }));
  });

  app.get('/search', async (c) => {
    const raw = filledQuery(c);
    if (!raw.q) return send(c, renderSearchPage({ query: raw }));
    const parsed = searchQuery.safeParse(raw);
    if (!parsed.success) return send(c, renderSearchPage({ query: raw, error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }), 400);
    const q = parsed.data;
    try {
      const result = await archive.search({ query: q.q, language: q.language, source: q.source, from: q.from, to: q.to, limit: q.limit, offset: q.offset });
      return send(c, renderSearchPage({ query: q, result }));
    } catch (error) {
      if (error instanceof ConcordError) return send(c, renderSearchPage({ query: q, error: error.message }), 400);
      throw error;
    }
  });

  app.get('/timeline', async (c) => {
    const filter = validate(timelineQuery, filledQuery(c), 'filter');
    // The events themselves come from /api/timeline (the page's script draws them): the page stays fast at any size.
    const [documents, entities] = await Promise.all([archive.list({ limit: 1000 }), archive.entities({ limit: 300, mentions: 0 })]);
    const sources = [...new Set(documents.map((d) => d.source))].sort();
    return send(c, renderTimelinePage({ filter, sources, entityNames: entities.map((e) => e.name) }));
  });

  app.get('/entities', async (c) => {
    const q = validate(entitiesQuery, filledQuery(c), 'filter');
    const entities = await archive.entities({ query: q.q, kind: q.kind, limit: q.limit, mentions: 0 });
    return send(c, renderEntitiesPage(entities, q));
  });

  app.get('/entities/:key', async (c) => {
    const key = c.req.param('key');
    const entity = await findEntity(archive, key);
    if (!entity) throw new HttpProblem(404, `no entity '${key}'`, 'entity-not-found');
    return send(c, renderEntityPage(entity));
  });
}

export function renderErrorPage(problem: HttpProblem): SafeHtml {
  const body = html`<div class="page-head error-page"><h1>${problem.status} · ${problem.body().title}</h1><p class="lede">${problem.message}</p><p><a class="button" href="/">Back to the archive</a></p></div>`;
  return page({ title: problem.body().title, section: 'archive', body });
}
