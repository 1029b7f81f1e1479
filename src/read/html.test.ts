import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { read } from './index.js';
import { ConcordError } from '../model.js';
import { assertWellFormed, blockKinds, blockTexts } from './testing/invariants.js';

const html = (s: string, origin = 'page.html') => read({ bytes: Buffer.from(s, 'utf8'), origin });

const PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Statement | ETGE</title>
<meta property="og:title" content="ETGE marks 75 years of occupation">
<meta name="author" content="ETGE Press Office">
<meta property="article:published_time" content="2024-09-27T10:00:00Z">
<style>p { color: red }</style><script>document.write("<p>not content</p>")</script></head>
<body>
<header class="site-header"><div class="logo">ETGE</div>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<div class="layout">
<aside><h3>Popular</h3><p>A sidebar paragraph that belongs to no article whatsoever.</p></aside>
<article>
  <header><h1>East Turkistan marks 75 years of occupation</h1></header>
  <p>Washington, D.C. — The East Turkistan Government in Exile &amp; its friends solemnly
  mark the 75th anniversary.</p>
  <p>A second paragraph with <a href="/x">a link</a>, <strong>bold</strong> and <em>emphasis</em>.</p>
  <h2>Demands</h2>
  <ol><li>Condemn the occupation.</li><li>Recognize East Turkistan.</li></ol>
  <ul><li>A bullet item.</li></ul>
  <blockquote><p>“A quotation,” he said.</p></blockquote>
  <p>東突厥斯坦流亡政府
  隆重紀念。<br>另一段。</p>
  <div class="share-buttons"><a href="#">Facebook</a> <a href="#">X</a></div>
  <form class="newsletter"><input type="email"><button>Subscribe</button></form>
  <p hidden>Hidden text.</p>
</article>
</div>
<footer><p>Copyright 2024 ETGE. All rights reserved.</p></footer>
</body></html>`;

test('HTML: the article body only, with paragraphs, headings, list items and quotes', async () => {
  const doc = await html(PAGE);
  assertWellFormed(doc);
  assert.equal(doc.provenance.format, 'html');
  assert.deepEqual(blockTexts(doc), [
    'East Turkistan marks 75 years of occupation',
    'Washington, D.C. — The East Turkistan Government in Exile & its friends solemnly mark the 75th anniversary.',
    'A second paragraph with a link, bold and emphasis.',
    'Demands',
    '1. Condemn the occupation.',
    '2. Recognize East Turkistan.',
    'A bullet item.',
    '“A quotation,” he said.',
    '東突厥斯坦流亡政府隆重紀念。',
    '另一段。',
  ]);
  assert.deepEqual(blockKinds(doc), ['heading', 'paragraph', 'paragraph', 'heading', 'list-item', 'list-item', 'list-item', 'paragraph', 'paragraph', 'paragraph']);
});

test('HTML metadata: title, author and date from meta tags', async () => {
  const doc = await html(PAGE);
  assert.deepEqual(doc.metadata, { title: 'ETGE marks 75 years of occupation', author: 'ETGE Press Office', date: '2024-09-27T10:00:00Z' });
});

test('without <article> or <main>, the element with most paragraph text is the content', async () => {
  const page = `<html><body>
    <div id="top"><a href="/">Home</a> | <a href="/about">About</a> | <a href="/contact">Contact</a></div>
    <div id="menu"><p>Menu</p><p>Links</p></div>
    <div id="content"><div class="text">
      <p>The first paragraph of the statement is long enough to count as real content here.</p>
      <p>The second paragraph of the statement is also long enough to count as content.</p>
      <p>第三段是中文，也足夠長，可以算作正文的一部分。</p>
    </div></div>
    <div id="bottom"><p>Contact us</p></div>
  </body></html>`;
  const doc = await html(page);
  assert.deepEqual(blockTexts(doc), [
    'The first paragraph of the statement is long enough to count as real content here.',
    'The second paragraph of the statement is also long enough to count as content.',
    '第三段是中文，也足夠長，可以算作正文的一部分。',
  ]);
});

test('text written straight into a div with <br> separators reads as paragraphs', async () => {
  const page = `<html><body><div class="nav"><a href="/">首页</a></div><div id="main-text">
    東突厥斯坦流亡政府今天發表聲明，紀念被佔領七十五週年。<br><br>
    我們呼籲國際社會立即採取行動，追究中國政府的責任。<br>
  </div></body></html>`;
  const doc = await html(page);
  assert.deepEqual(blockTexts(doc), ['東突厥斯坦流亡政府今天發表聲明，紀念被佔領七十五週年。', '我們呼籲國際社會立即採取行動，追究中國政府的責任。']);
});

test('an HTML fragment without <html> is recognised by its tags', async () => {
  const doc = await html('<p>First paragraph.</p>\n<p>Second paragraph.</p>\n', 'fragment.txt');
  assert.equal(doc.provenance.format, 'html');
  assert.deepEqual(blockTexts(doc), ['First paragraph.', 'Second paragraph.']);
});

test('a Big5 page declared in <meta http-equiv> decodes by its declaration', async () => {
  const page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body><p>我們呼籲國際社會立即採取行動。</p></body></html>';
  const doc = await read({ bytes: iconv.encode(page, 'big5'), origin: 'page.htm' });
  assert.equal(doc.provenance.encoding, 'big5');
  assert.deepEqual(blockTexts(doc), ['我們呼籲國際社會立即採取行動。']);
});

test('a page with no text outside navigation and scripts is an error', async () => {
  const page = '<html><body><nav><a href="/">Home</a></nav><script>var a = 1;</script></body></html>';
  await assert.rejects(html(page), (e: Error) => e instanceof ConcordError && /contains no text/.test(e.message));
});
