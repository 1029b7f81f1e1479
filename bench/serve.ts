/**
 * Reader benchmark.
 * 1. Server-side render time of every page for a 5,000-sentence bilingual document (built from the reference
 *    statement's own sentences, aligned sentence by sentence, with findings and facts), through the app with
 *    a SQLite archive — archive read included — and the document page's render alone.
 * 2. Timeline smoothness with 10,000 events: Chromium draws the canvas while the view is zoomed and panned;
 *    prints draw times per frame (skipped with a message when /usr/bin/chromium is absent).
 * Run: npm run bench:serve
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document, Fact } from '../src/model.js';
import { analyze } from '../src/pipeline.js';
import { openArchive } from '../src/store/index.js';
import { createApp } from '../src/serve/app.js';
import { startServer } from '../src/serve/server.js';
import { renderDocumentPage } from '../src/serve/pages/document.js';
import { buildDocument } from '../src/serve/fixtures/documents.js';
import { bigDocument } from '../src/serve/fixtures/big.js';

const root = fileURLToPath(new URL('../', import.meta.url));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const ms = (n: number) => `${n.toFixed(1)} ms`;

const PREDICATES = ['arrested', 'detained', 'released', 'sentenced', 'killed', 'met', 'signed', 'declared', 'invaded', 'occupied', 'protested', 'reported', 'closed', 'opened', 'banned', 'elected', 'founded', 'deported', 'demolished', 'visited'];
const PATIENTS = ['students', 'journalists', 'the council', 'a treaty', 'the region', 'farmers', 'a mosque', 'the school', 'delegates', 'the city', 'workers', 'monks', 'lawyers'];

/** 10,000 dated events, one per sentence, spread over two centuries, some periods, some told twice differently. */
function timelineDocument(events: number): Document {
  const sentences = Array.from({ length: events }, (_, i) => `Event number ${i + 1} happened in the bench timeline.`);
  const paragraphs: string[][] = [];
  for (let i = 0; i < sentences.length; i += 10) paragraphs.push(sentences.slice(i, i + 10));
  const doc = buildDocument({ origin: 'bench://timeline', title: 'Ten thousand events', versions: [{ language: 'en', paragraphs }] });
  const facts: Fact[] = [];
  let n = 0;
  for (const p of doc.versions[0]!.paragraphs)
    for (const s of p.sentences) {
      const day = new Date(Date.UTC(1850, 0, 1) + ((n * 7919) % (170 * 365)) * 86400000);
      const iso = day.toISOString().slice(0, 10);
      const value = n % 5 === 0 ? iso.slice(0, 7) : iso;
      const ev = { version: 'v1', sentence: s.id, start: s.start, end: s.end };
      facts.push({ id: `T${n}`, type: 'time', text: value, timexType: 'DATE', value, precision: n % 5 === 0 ? 'month' : 'day', attributedTo: { kind: 'author', name: 'Bench' }, evidence: [ev] });
      const predicate = PREDICATES[n % PREDICATES.length]!;
      facts.push({ id: `E${n}`, type: 'event', text: `${predicate} ${PATIENTS[n % PATIENTS.length]} (${n + 1})`, predicate, patient: PATIENTS[n % PATIENTS.length], time: `T${n}`, when: value, attributedTo: { kind: 'author', name: 'Bench' }, evidence: [ev] });
      n++;
    }
  doc.facts = facts;
  return doc;
}

/** Wall-clock times, and CPU time of this process per request (steady even when other jobs share the cores). */
async function timeRequests(app: ReturnType<typeof createApp>, path: string, runs: number): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const res = await app.request(path);
    await res.text();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'concord-bench-serve-'));
  const archive = await openArchive(join(dir, 'bench.sqlite'));
  try {
    // `npm run bench:serve -- --timeline` measures only the timeline.
    const onlyTimeline = process.argv.includes('--timeline');
    const doc = bigDocument(await analyze(join(root, 'examples', 'statement-etge-2024-en-zh.txt')), onlyTimeline ? 50 : 5000, 'bench://five-thousand');
    const sentences = doc.versions.reduce((n, v) => n + v.paragraphs.reduce((m, p) => m + p.sentences.length, 0), 0);
    await archive.add(doc);
    await archive.add(await analyze(join(root, 'examples', 'statement-etge-2024-en-zh.txt')));
    const app = createApp({ archive });
    if (!onlyTimeline) {
    console.log(`Server-side render, ${sentences.toLocaleString('en')}-sentence document (${doc.findings.length} findings, ${doc.facts.length} facts), SQLite archive, 20 runs after 3 warm-up`);
    const pages: Array<[string, string]> = [
      ['document page (archive read + render)', `/documents/${doc.id}`],
      ['archive page', '/'],
      ['search page ("Soviet")', '/search?q=Soviet'],
      ['search page (东突厥斯坦)', '/search?q=' + encodeURIComponent('东突厥斯坦')],
      ['timeline page', '/timeline'],
      ['entities page', '/entities'],
    ];
    for (const [label, path] of pages) {
      await timeRequests(app, path, 3);
      const { wall, cpu } = await timeRequests(app, path, 20);
      console.log(`  ${label.padEnd(40)} wall p50 ${ms(percentile(wall, 50)).padStart(9)}  p95 ${ms(percentile(wall, 95)).padStart(9)}   cpu p50 ${ms(percentile(cpu, 50)).padStart(9)}  p95 ${ms(percentile(cpu, 95)).padStart(9)}`);
    }
    const stored = (await archive.get(doc.id))!;
    const renders: number[] = [];
    const rendersCpu: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 23; i++) {
      const t = performance.now();
      const c = process.cpuUsage();
      bytes = renderDocumentPage(stored).toString().length;
      const used = process.cpuUsage(c);
      if (i >= 3) (renders.push(performance.now() - t), rendersCpu.push((used.user + used.system) / 1000));
    }
    console.log(`  ${'document page (render only)'.padEnd(40)} wall p50 ${ms(percentile(renders, 50)).padStart(9)}  p95 ${ms(percentile(renders, 95)).padStart(9)}   cpu p50 ${ms(percentile(rendersCpu, 50)).padStart(9)}  p95 ${ms(percentile(rendersCpu, 95)).padStart(9)}  (${(bytes / 1024).toFixed(0)} KiB of HTML)`);
    const load = (await import('node:os')).loadavg()[0]!;
    console.log(`  (1-minute load average during the run: ${load.toFixed(1)} on ${(await import('node:os')).availableParallelism()} cores; wall times above include waiting for a core)`);

    }
    if (!existsSync('/usr/bin/chromium')) {
      console.log('\nTimeline smoothness: skipped, /usr/bin/chromium is absent (apt-get install -y chromium)');
      return;
    }
    const events = timelineDocument(10_000);
    let t = performance.now();
    await archive.add(events);
    const addMs = performance.now() - t;
    t = performance.now();
    const entries = await archive.timeline();
    const timelineMs = performance.now() - t;
    const server = await startServer({ archive, port: 0 });
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      t = performance.now();
      await page.goto(server.url + '/timeline', { waitUntil: 'domcontentloaded' });
      await page.locator('#timeline[data-ready="true"]').waitFor({ timeout: 120_000 });
      await page.locator('#tl-events li button.ev-open').first().waitFor();
      const loadMs = performance.now() - t;
      const canvas = page.locator('#tl-canvas');
      await canvas.focus();
      await page.evaluate(() => ((window as unknown as { __concordTimeline: { draws: number[] } }).__concordTimeline.draws.length = 0));
      const box = (await canvas.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      for (let i = 0; i < 40; i++) {
        await page.mouse.wheel(0, i < 20 ? -240 : 240);
        await page.waitForTimeout(20);
      }
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
        await page.waitForTimeout(20);
      }
      const draws = await page.evaluate(() => (window as unknown as { __concordTimeline: { draws: number[]; events: number } }).__concordTimeline);
      const inView = await page.locator('#tl-range').textContent();
      console.log(`\nTimeline, ${draws.events.toLocaleString('en')} events on the canvas (${entries.length.toLocaleString('en')} timeline entries; archive.add ${ms(addMs)}, archive.timeline() ${ms(timelineMs)})`);
      console.log(`  page load until drawn and listed (includes /api/timeline) ${ms(loadMs)}`);
      console.log(`  canvas draw over ${draws.draws.length} zoom/pan frames: p50 ${ms(percentile(draws.draws, 50))}  p95 ${ms(percentile(draws.draws, 95))}  max ${ms(Math.max(...draws.draws))}  (a 60 fps frame is 16.7 ms)`);
      console.log(`  last view: ${inView}`);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await archive.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
