/**
 * The reader in a real browser: Playwright (playwright-core) driving Debian's Chromium against a server on a
 * random port over a temporary SQLite archive. Saves the README's screenshots to docs/screenshots/.
 * Skips with a message when Chromium is absent, unless CI=true (then it fails).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import type { Archive } from '../store/archive.js';
import { openArchive } from '../store/index.js';
import { startServer, type RunningServer } from './server.js';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../../', import.meta.url));
const screenshots = join(root, 'docs', 'screenshots');
const reference = join(root, 'examples', 'statement-etge-2024-en-zh.txt');
const missing = !existsSync(CHROMIUM);
if (missing && process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: the browser tests cannot run in CI (apt-get install -y chromium)`);
const skip = missing ? `Chromium not found at ${CHROMIUM}: browser tests skipped (apt-get install -y chromium)` : false;

const HOSTILE_HTML = `<!doctype html><html><head><title>Hostile &lt;b&gt;title</title><script>window.__pwned = 'head'; alert('head')</script></head>
<body><p>A statement with an image <img src=x onerror="window.__pwned='img'; alert('img')"> and a vector <svg onload="window.__pwned='svg'"></svg>.</p>
<p>It quotes markup as text: &lt;script&gt;window.__pwned='text'; alert('text')&lt;/script&gt; and &lt;img src=y onerror=alert(5)&gt; here.</p>
<p><a href="javascript:window.__pwned='link'">A link</a> that must stay inert.</p></body></html>`;
const HOSTILE_TEXT = "Plain text that looks like markup.\n<script>window.__pwned = 'txt'; alert('txt')</script>\n<img src=z onerror=\"window.__pwned = 'txt-img'\"> end.\n";

describe('the reader in Chromium', { skip }, () => {
  let dir: string;
  let archive: Archive;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  let documentUrl = '';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'concord-e2e-'));
    archive = await openArchive(join(dir, 'archive.sqlite'));
    server = await startServer({ archive, port: 0 });
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    // Every page records CSP violations: escaped text never even tries to run.
    await context.addInitScript(() => {
      (window as unknown as { __violations: string[] }).__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    context.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await context?.close();
    await server?.close();
    await archive?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function dropFile(name: string, text: string, type = 'text/plain') {
    await page.evaluate(
      ([n, t, ty]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([t!], n!, { type: ty }));
        const zone = document.getElementById('dropzone')!;
        for (const kind of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      [name, text, type],
    );
  }

  test('dropping the reference statement shows 7 aligned paragraph rows and 8 untranslated', async () => {
    await page.goto(server.url + '/');
    await dropFile('statement-etge-2024-en-zh.txt', readFileSync(reference, 'utf8'));
    const open = page.locator('.upload-list li.done a.open');
    await open.waitFor({ timeout: 90_000 });
    await page.locator('table.docs tbody tr').first().waitFor();
    await page.screenshot({ path: join(screenshots, 'archive.png'), fullPage: true });
    await open.click();
    await page.waitForURL(/\/documents\/[0-9a-f]{16}$/);
    documentUrl = page.url();
    assert.equal(await page.locator('.row[data-status="aligned"]').count(), 7);
    assert.equal(await page.locator('.row[data-status="untranslated"]').count(), 8);
    await page.screenshot({ path: join(screenshots, 'document.png') });
  });

  test('hovering an English sentence highlights its Chinese counterpart', async () => {
    await page.goto(documentUrl);
    const first = page.locator('.cell.a .s.linked').first();
    const pair = (await first.getAttribute('data-pair'))!.split(' ')[0]!;
    await first.hover();
    assert.equal(await page.locator(`[id="${pair}"]`).getAttribute('class').then((c) => c?.includes('counterpart')), true);
    assert.match(pair, /^v2\./);
  });

  test('opening the cut-off finding lands on its sentence', async () => {
    await page.goto(documentUrl);
    const link = page.locator('li[data-kind="cut-off"] a.jump');
    const target = (await link.getAttribute('data-target'))!;
    assert.match(target, /^v2\.p7\.s\d+$/, 'the cut-off is in the last Chinese paragraph');
    await link.click();
    await page.waitForFunction((id) => location.hash === '#' + id, target);
    const landed = page.locator(`[id="${target}"]`);
    assert.match((await landed.getAttribute('class')) ?? '', /\blanded\b/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), target);
    assert.ok(await landed.isVisible());
    const box = (await landed.boundingBox())!;
    assert.ok(box.y >= 0 && box.y < 900, 'the sentence is scrolled into view');
    await page.screenshot({ path: join(screenshots, 'document-finding.png') });
  });

  test('the keyboard walks sentences and crosses to the counterpart', async () => {
    await page.goto(documentUrl);
    await page.locator('section.versions').focus();
    await page.keyboard.press('ArrowDown');
    const first = await page.evaluate(() => document.activeElement?.id);
    assert.match(first ?? '', /^v1\.p1\.s1$/);
    await page.keyboard.press('Enter');
    assert.match((await page.evaluate(() => document.activeElement?.id)) ?? '', /^v2\.p1\.s\d+$/);
  });

  test('a Simplified query finds the Traditional text, with the aligned English beside it', async () => {
    await page.goto(server.url + '/');
    await page.locator('#top-q').fill('东突厥斯坦');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    const marks = await page.locator('.hit-item mark.hit').allTextContents();
    assert.ok(marks.includes('東突厥斯坦'), `highlighted: ${marks.join(', ')}`);
    const aligned = await page.locator('.hit-item .side-b a.aligned-text').allTextContents();
    assert.ok(aligned.some((t) => /East Turkistan/.test(t)), 'an aligned English sentence is shown');
    await page.screenshot({ path: join(screenshots, 'search.png') });
    await page.locator('.hit-item .hit-text').first().click();
    await page.waitForURL(/\/documents\/[0-9a-f]{16}#v2\./);
    assert.equal(await page.locator('.s.landed').count(), 1);
  });

  test('the timeline shows events; one leads to its sentence', async () => {
    await page.goto(server.url + '/timeline');
    await page.locator('#timeline[data-ready="true"]').waitFor();
    await page.locator('#tl-events li button.ev-open').first().waitFor();
    assert.ok((await page.locator('#tl-events li').count()) >= 3, 'several events on the timeline');
    const event = page.locator('#tl-events li', { hasText: '1949' }).first();
    await event.locator('button.ev-open').click();
    await page.screenshot({ path: join(screenshots, 'timeline.png') });
    const mention = page.locator('#tl-detail .mentions-list a').first();
    const href = (await mention.getAttribute('href'))!;
    await mention.click();
    await page.waitForURL((url) => url.pathname.startsWith('/documents/') && url.hash.length > 1);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    assert.ok(href.endsWith(encodeURIComponent(id)));
    assert.match((await page.locator(`[id="${id}"]`).getAttribute('class')) ?? '', /\blanded\b/);
  });

  test('the timeline works from the keyboard: N selects the next event, Enter opens its sentence', async () => {
    await page.goto(server.url + '/timeline');
    await page.locator('#timeline[data-ready="true"]').waitFor();
    await page.locator('#tl-canvas').focus();
    await page.keyboard.press('+');
    await page.keyboard.press('0');
    await page.keyboard.press('n');
    await page.locator('#tl-detail h3').waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.startsWith('/documents/') && url.hash.length > 1);
    assert.equal(await page.locator('.s.landed').count(), 1);
  });

  test('an entity page lists aliases in every script and its mentions', async () => {
    await page.goto(server.url + '/entities?q=ETGE');
    await page.locator('table.entities tbody a').first().click();
    await page.waitForURL(/\/entities\/.+/);
    const scripts = await page.locator('.scripts dt').allTextContents();
    assert.ok(scripts.includes('Latin') && scripts.some((s) => s.startsWith('Chinese')), `scripts: ${scripts.join(', ')}`);
    assert.ok((await page.locator('.mentions li').count()) >= 2);
    await page.screenshot({ path: join(screenshots, 'entity.png'), fullPage: true });
  });

  test('hostile HTML and text uploads are shown as text and execute nothing', async () => {
    await page.goto(server.url + '/');
    await page.locator('#upload-input').setInputFiles([
      { name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(HOSTILE_HTML) },
      { name: 'hostile.txt', mimeType: 'text/plain', buffer: Buffer.from(HOSTILE_TEXT) },
    ]);
    await page.locator('.upload-list li.done a.open').nth(1).waitFor({ timeout: 90_000 });
    const links = await page.locator('.upload-list li.done a.open').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of [...links, server.url + '/', server.url + '/search?q=' + encodeURIComponent('script')]) {
      await page.goto(href);
      await page.waitForLoadState('load');
      await page.waitForTimeout(100);
      const state = await page.evaluate(() => ({ pwned: (window as unknown as { __pwned?: unknown }).__pwned, violations: (window as unknown as { __violations: string[] }).__violations }));
      assert.equal(state.pwned, undefined, `${href} ran document content`);
      assert.deepEqual(state.violations, [], `${href} tried to run something the CSP blocked`);
    }
    const texts: string[] = [];
    for (const link of links) {
      await page.goto(link);
      texts.push(await page.locator('section.versions').innerText());
    }
    assert.ok(texts.some((t) => t.includes("<script>window.__pwned = 'txt'; alert('txt')</script>")), 'the text file shows its markup literally');
    assert.ok(texts.some((t) => t.includes("<script>window.__pwned='text'; alert('text')</script>")), 'markup quoted in HTML text shows literally');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(pageErrors, []);
  });

  test('at phone width the document reads as one column', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(documentUrl);
    const row = phone.locator('.row[data-status="aligned"]').first();
    const [a, b] = [await row.locator('.cell.a').boundingBox(), await row.locator('.cell.b').boundingBox()];
    assert.ok(a && b && b.y >= a.y + a.height - 1, 'the translation sits under the source');
    assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scrolling');
    await phone.screenshot({ path: join(screenshots, 'document-phone.png') });
    await phone.close();
  });
});
