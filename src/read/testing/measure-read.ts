/**
 * Measures `read` on the WMT22 zh–en test set (read at run time from ../shared/eval, never copied):
 * each document as Chinese then English paragraphs, in UTF-8, GB18030, Big5 (Traditional via OpenCC) and
 * UTF-16, plus as HTML. Prints documents, blocks, the share of documents decoded as the right encoding
 * with the right block count, and time. Run: node --import tsx src/read/testing/measure-read.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { read } from '../index.js';
import { toTraditional } from '../../lang/chinese.js';

const xmlPath = fileURLToPath(new URL('../../../../shared/eval/wmt22-zh-en/wmttest2022.zh-en.xml', import.meta.url));
if (!existsSync(xmlPath)) {
  console.log(`skipped: ${xmlPath} not found (the WMT22 evaluation data lives outside the project)`);
  process.exit(0);
}
const xml = readFileSync(xmlPath, 'utf8');
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const segments = (block: string) => [...block.matchAll(/<seg id="\d+">([\s\S]*?)<\/seg>/g)].map((m) => unescape(m[1]!).trim()).filter(Boolean);
const docs = [...xml.matchAll(/<doc\b[\s\S]*?<\/doc>/g)].map((m) => ({
  zh: segments(/<src lang="zh">([\s\S]*?)<\/src>/.exec(m[0])![1]!),
  en: segments(/<ref lang="en"[^>]*>([\s\S]*?)<\/ref>/.exec(m[0])?.[1] ?? ''),
}));

type Variant = { name: string; encoding: string; make: (zh: string[], en: string[]) => Uint8Array; expected: (zh: string[], en: string[]) => number };
const plain = (zh: string[], en: string[]) => [...zh, ...en].join('\n') + '\n';
const variants: Variant[] = [
  { name: 'txt utf-8', encoding: 'utf-8', make: (zh, en) => Buffer.from(plain(zh, en)), expected: (zh, en) => zh.length + en.length },
  { name: 'txt gb18030', encoding: 'gb18030', make: (zh, en) => iconv.encode(plain(zh, en), 'gb18030'), expected: (zh, en) => zh.length + en.length },
  { name: 'txt big5 (Traditional)', encoding: 'big5', make: (zh, en) => iconv.encode(plain(zh.map(toTraditional), en), 'big5'), expected: (zh, en) => zh.length + en.length },
  { name: 'txt utf-16le', encoding: 'utf-16le', make: (zh, en) => iconv.encode(plain(zh, en), 'utf-16le', { addBOM: true }), expected: (zh, en) => zh.length + en.length },
  {
    name: 'html utf-8',
    encoding: 'utf-8',
    make: (zh, en) => Buffer.from(`<!doctype html><html><body><nav><a href="/">Home</a></nav><article>${[...zh, ...en].map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n')}</article></body></html>`),
    expected: (zh, en) => zh.length + en.length,
  },
];

for (const variant of variants) {
  const inputs = docs.map((d) => ({ bytes: variant.make(d.zh, d.en), expected: variant.expected(d.zh, d.en) }));
  const start = performance.now();
  let right = 0;
  let blocks = 0;
  for (const [i, input] of inputs.entries()) {
    const doc = await read({ bytes: input.bytes, origin: `wmt22-${i}` });
    blocks += doc.blocks.length;
    if (doc.provenance.encoding.startsWith(variant.encoding) && doc.blocks.length === input.expected) right++;
  }
  const ms = performance.now() - start;
  console.log(`${variant.name.padEnd(24)} ${docs.length} docs ${blocks} blocks  right encoding+blocks ${(100 * right / docs.length).toFixed(1)}%  ${ms.toFixed(0)} ms`);
}
