import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Archive } from '../store/archive.js';
import { openArchive } from '../store/index.js';
import { ConcordError } from '../model.js';
import { createApp, type ConcordApp } from './app.js';
import { startServer } from './server.js';
import { smallStatement } from './fixtures/documents.js';

const HOSTILE = 'Statement of the day.\n<script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> in the text.\n';

function form(name: string, text: string): FormData {
  const body = new FormData();
  body.append('file', new File([text], name, { type: 'text/plain' }));
  return body;
}

describe('reader app over a SQLite archive', () => {
  let dir: string;
  let archive: Archive;
  let app: ConcordApp;
  let small: ReturnType<typeof smallStatement>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'concord-serve-'));
    archive = await openArchive(join(dir, 'archive.sqlite'));
    small = smallStatement();
    await archive.add(small, { source: '/fixtures/small.txt' });
    app = createApp({ archive });
  });
  after(async () => {
    await archive.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every page is served with a strict CSP and carries no inline script, style or handler', async () => {
    for (const path of ['/', `/documents/${small.id}`, '/search?q=committee', '/timeline', '/entities']) {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'(;|$)/, path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
      const body = await res.text();
      assert.doesNotMatch(body, /<script(?![^>]*\bsrc=)[^>]*>/i, `${path} has an inline script`);
      assert.doesNotMatch(body, /\sstyle=/i, `${path} has a style attribute`);
      assert.doesNotMatch(body, /<[^>]+\son[a-z]+=/i, `${path} has an event handler attribute`);
      assert.doesNotMatch(body, /https?:\/\/(?!127\.0\.0\.1)/, `${path} refers to another host`);
    }
  });

  test('document text is shown as text: <script> and onerror= arrive escaped', async () => {
    const body = await (await app.request(`/documents/${small.id}`)).text();
    assert.ok(body.includes('&lt;script&gt;window.__pwned=1&lt;/script&gt;'));
    assert.ok(body.includes('&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;'));
    assert.ok(!body.includes('<img src=x'));
  });

  test('the document page puts versions side by side: aligned, untranslated and cut-off rows', async () => {
    const body = await (await app.request(`/documents/${small.id}`)).text();
    assert.equal(body.match(/data-status="aligned"/g)?.length, 2);
    assert.equal(body.match(/data-status="untranslated"/g)?.length, 1);
    assert.equal(body.match(/data-cut-off="true"/g)?.length, 1);
    // Sentences know their counterparts, both ways.
    assert.match(body, /id="v1\.p1\.s2"[^>]*data-pair="v2\.p1\.s2"/);
    assert.match(body, /id="v2\.p1\.s2"[^>]*data-pair="v1\.p1\.s2"/);
  });

  test('findings are marked inline with their severity and listed with a link to their sentence', async () => {
    const body = await (await app.request(`/documents/${small.id}`)).text();
    assert.match(body, /<mark class="f sev-major" data-findings="F1"[^>]*>1,200<\/mark>/);
    assert.match(body, /<li id="finding-F1"[^>]*><a class="jump" href="#v2\.p1\.s2"/);
    assert.match(body, /<li id="finding-F2"[^>]*><a class="jump" href="#v2\.p2\.s2"/);
    assert.match(body, /<li id="finding-F3"[^>]*><a class="jump" href="#v1\.p3"/);
  });

  test('facts sit beside the text, each linked to the sentences that state it', async () => {
    const body = await (await app.request(`/documents/${small.id}`)).text();
    assert.match(body, /<li id="fact-E1"[^>]*data-sentences="v1\.p1\.s1 v2\.p1\.s1"/);
    assert.match(body, /id="v1\.p1\.s1"[^>]*data-facts="T1 E1"/);
  });

  test('an upload is analysed and stored; the same bytes again change nothing', async () => {
    const first = await app.request('/api/documents', { method: 'POST', body: form('note.txt', 'The assembly met in Geneva on 4 June 2022.\n') });
    assert.equal(first.status, 201);
    const created = (await first.json()) as { results: Array<{ status: string; id: string; url: string }> };
    assert.equal(created.results[0]!.status, 'added');
    assert.equal(first.headers.get('location'), `/api/documents/${created.results[0]!.id}`);
    const again = await app.request('/api/documents', { method: 'POST', body: form('note.txt', 'The assembly met in Geneva on 4 June 2022.\n') });
    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as { results: Array<{ status: string; id: string }> }).results[0]!.status, 'unchanged');
    const page = await app.request(created.results[0]!.url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /The assembly met in Geneva/);
  });

  test('a changed file of the same name becomes a revision; the page shows both', async () => {
    const first = await app.request('/api/documents', { method: 'POST', body: form('minutes.txt', 'The board met on Monday.\n') });
    const second = await app.request('/api/documents', { method: 'POST', body: form('minutes.txt', 'The board met on Tuesday.\n') });
    const a = ((await first.json()) as { results: Array<{ id: string }> }).results[0]!;
    const b = ((await second.json()) as { results: Array<{ id: string; status: string; revision: number }> }).results[0]!;
    assert.deepEqual([b.status, b.revision, b.id], ['revised', 2, a.id]);
    const current = await (await app.request(`/documents/${a.id}`)).text();
    assert.match(current, /Revision 2 of 2/);
    assert.match(current, /Tuesday/);
    const old = await (await app.request(`/documents/${a.id}?revision=1`)).text();
    assert.match(old, /Older revision/);
    assert.match(old, /Monday/);
    assert.equal((await app.request(`/documents/${a.id}?revision=9`)).status, 404);
  });

  test('a hostile upload is stored and shown literally', async () => {
    const res = await app.request('/api/documents', { method: 'POST', body: form('hostile.txt', HOSTILE) });
    assert.equal(res.status, 201);
    const { results } = (await res.json()) as { results: Array<{ url: string }> };
    const body = await (await app.request(results[0]!.url)).text();
    assert.ok(body.includes('&lt;script&gt;window.__pwned = 1&lt;/script&gt;'));
    assert.doesNotMatch(body, /<script>window/);
  });

  test('errors are problem details with the right status', async () => {
    const cases: Array<[string, RequestInit, number]> = [
      ['/api/documents/not-an-id', {}, 400],
      ['/api/documents/0123456789abcdef', {}, 404],
      ['/api/documents', { method: 'DELETE' }, 405],
      ['/api/search', {}, 400],
      ['/api/search?q=x&limit=9999', {}, 400],
      ['/api/timeline?from=yesterday', {}, 400],
      [`/api/documents/${small.id}/export?format=doc`, {}, 400],
      ['/api/documents', { method: 'POST', body: 'plain', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415],
      ['/api/documents', { method: 'POST', body: new FormData() }, 400],
      ['/api/nothing-here', {}, 404],
      ['/api/documents?name=big.txt', { method: 'POST', body: new Uint8Array(21 * 1024 * 1024), headers: { 'content-type': 'text/plain' } }, 413],
      ['/api/documents?name=x.bin', { method: 'POST', body: new Uint8Array([0, 1, 2, 3, 255]), headers: { 'content-type': 'application/octet-stream' } }, 422],
      ['/api/documents?name=../../etc/passwd', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } }, 400],
    ];
    for (const [path, init, status] of cases) {
      const res = await app.request(path, init);
      assert.equal(res.status, status, `${init.method ?? 'GET'} ${path}`);
      assert.equal(res.headers.get('content-type'), 'application/problem+json', path);
      const problem = (await res.json()) as { status: number; title: string; detail: string; type: string };
      assert.equal(problem.status, status);
      assert.ok(problem.title && problem.detail && problem.type, path);
    }
    const notAllowed = await app.request('/api/documents', { method: 'DELETE' });
    assert.equal(notAllowed.headers.get('allow'), 'GET, HEAD, POST');
  });

  test('a malformed search query gets a clear 400, never a server error', async () => {
    const res = await app.request('/api/search?q=' + encodeURIComponent('"unclosed phrase'));
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { detail: string }).detail, /\S/);
    const page = await app.request('/search?q=' + encodeURIComponent('"unclosed phrase'));
    assert.equal(page.status, 400);
    assert.match(await page.text(), /role="alert"/);
  });

  test('a page for a missing document is an HTML 404 for browsers', async () => {
    const res = await app.request('/documents/0123456789abcdef', { headers: { accept: 'text/html' } });
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
  });

  test('the API lists, gets and exports documents', async () => {
    const list = (await (await app.request('/api/documents')).json()) as { documents: Array<{ id: string }> };
    assert.ok(list.documents.some((d) => d.id === small.id));
    const one = (await (await app.request(`/api/documents/${small.id}`)).json()) as { document: { versions: unknown[] } };
    assert.equal(one.document.versions.length, 2);
    const csv = await app.request(`/api/documents/${small.id}/export?format=csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="small\.csv"/);
    assert.match(await csv.text(), /v1-v2,sentence,v1\.p1\.s2,en,"It counted 1,200 delegates\.",v2\.p1\.s2,zh-Hant,"共有1,000名代表。",0\.900/);
    const json = await app.request(`/api/documents/${small.id}/export?format=json`);
    assert.equal(((await json.json()) as { id: string }).id, small.id);
  });

  test('TMX and XLIFF exports hold the aligned sentence pairs, escaped; a one-language document has none', async () => {
    const tmx = await app.request(`/api/documents/${small.id}/export?format=tmx&pair=v1,v2`);
    assert.equal(tmx.status, 200);
    assert.match(tmx.headers.get('content-type') ?? '', /tmx\+xml/);
    const tmxText = await tmx.text();
    assert.equal(tmxText.match(/<tu[ >]/g)?.length, 4);
    assert.ok(tmxText.includes('&lt;script&gt;'));
    assert.ok(tmxText.includes('委員投票支持該決議。'));
    const xliff = await (await app.request(`/api/documents/${small.id}/export?format=xliff`)).text();
    assert.match(xliff, /<xliff[^>]+version="2\.1"/);
    assert.match(xliff, /srcLang="en"[^>]*trgLang="zh-Hant"|trgLang="zh-Hant"[^>]*srcLang="en"/);
    const single = await app.request('/api/documents', { method: 'POST', body: form('single.txt', 'Only one language here.\n') });
    const { results } = (await single.json()) as { results: Array<{ id: string }> };
    assert.equal((await app.request(`/api/documents/${results[0]!.id}/export?format=tmx`)).status, 422);
  });

  test('/openapi.json describes every API path as OpenAPI 3.1', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, { parameters?: Array<{ name: string }> }>> };
    assert.equal(doc.openapi, '3.1.0');
    for (const path of ['/api/documents', '/api/documents/{id}', '/api/documents/{id}/export', '/api/search', '/api/timeline', '/api/entities', '/api/entities/{key}'])
      assert.ok(doc.paths[path]?.get, path);
    assert.ok(doc.paths['/api/documents']!.post);
    // Every API route the app registers is documented, with its method.
    for (const route of app.routes) {
      if (!route.path.startsWith('/api/') || route.path.includes('*') || route.method === 'ALL') continue;
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      assert.ok(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path} is missing from /openapi.json`);
    }
    assert.deepEqual(doc.paths['/api/search']!.get!.parameters!.map((p) => p.name).sort(), ['from', 'language', 'limit', 'offset', 'q', 'source', 'to']);
  });

  test('bound to loopback, requests naming another host are refused (DNS rebinding)', async () => {
    const res = await app.request('http://evil.example/api/documents', { headers: { host: 'evil.example' } });
    assert.equal(res.status, 403);
  });

  test('a write from another site is refused even without a token', async () => {
    const res = await app.request('/api/documents', { method: 'POST', body: form('x.txt', 'Cross-site text.\n'), headers: { origin: 'http://evil.example' } });
    assert.equal(res.status, 403);
    const opaque = await app.request('/api/documents', { method: 'POST', body: form('x.txt', 'Cross-site text.\n'), headers: { origin: 'null' } });
    assert.equal(opaque.status, 403);
  });

  test('with a token, writes need it and reads do not', async () => {
    const token = 'a-long-enough-test-token';
    const guarded = createApp({ archive, access: { token, loopbackOnly: false } });
    const none = await guarded.request('/api/documents', { method: 'POST', body: form('t.txt', 'Token text one.\n') });
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
    const wrong = await guarded.request('/api/documents', { method: 'POST', body: form('t.txt', 'Token text one.\n'), headers: { authorization: 'Bearer wrong-token-wrong-token' } });
    assert.equal(wrong.status, 403);
    const right = await guarded.request('/api/documents', { method: 'POST', body: form('t.txt', 'Token text one.\n'), headers: { authorization: `Bearer ${token}` } });
    assert.equal(right.status, 201);
    assert.equal((await guarded.request('/api/documents')).status, 200);
  });
});

describe('listening', () => {
  test('refuses a non-loopback address without a token, and binds 127.0.0.1 by default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-serve-'));
    const archive = await openArchive(join(dir, 'a.sqlite'));
    try {
      await assert.rejects(startServer({ archive, host: '0.0.0.0', port: 0 }), (e: unknown) => e instanceof ConcordError && /token/.test(e.message));
      const server = await startServer({ archive, port: 0 });
      try {
        assert.equal(server.host, '127.0.0.1');
        const res = await fetch(`${server.url}/api/health`);
        assert.equal(res.status, 200);
      } finally {
        await server.close();
      }
    } finally {
      await archive.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
