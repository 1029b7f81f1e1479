// temporary debug (deleted after): dropped sentence under the aligner
import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { buildPairDocument } from './src/check/build.js';
import { align } from './src/align/index.js';
import { pairOf } from './src/check/pair.js';
import { defaultLexicon } from './src/check/lexicon.js';
import { chineseWordMatches, weight } from './src/check/coverage.js';
const dataFile = '../shared/eval/wmt22-zh-en/wmttest2022.zh-en.xml';
const docs: any[] = []; let doc: any, side: any, para: any, seg: any;
const parser = new Parser({ onopentag(n, a) { if (n === 'doc') doc = { id: a.id, zh: [], en: [] }; else if (n === 'src') side = 'zh'; else if (n === 'ref') side = a.translator === 'A' ? 'en' : undefined; else if (n === 'p' && side && doc) doc[side].push((para = [])); else if (n === 'seg' && side) seg = ''; }, ontext(t) { if (seg !== undefined) seg += t; }, onclosetag(n) { if (n === 'seg' && seg !== undefined) { para?.push(seg.trim()); seg = undefined; } else if (n === 'src' || n === 'ref') side = undefined; else if (n === 'doc' && doc) docs.push(doc); } }, { xmlMode: true, decodeEntities: true });
parser.write(readFileSync(dataFile, 'utf8')); parser.end();
const lex = defaultLexicon()!;
let shown = 0; let merged = 0, lonely = 0, other = 0;
for (const d of docs.filter((d) => d.zh.flat().length === d.en.flat().length && d.zh.length === d.en.length)) {
  const flat = d.en.flat(); if (flat.length < 2) continue;
  const i = Math.floor(flat.length / 2);
  const en = d.en.map((p: string[]) => [...p]);
  let g = 0; outer: for (const p of en) for (let s = 0; s < p.length; s++) { if (g === i) { p.splice(s, 1); break outer; } g++; }
  const built = buildPairDocument({ a: d.zh, b: en.filter((p: string[]) => p.length), languageA: 'zh-Hans', languageB: 'en' });
  const aligned = align({ ...built, alignments: [] });
  const pair = pairOf(aligned, aligned.alignments[0]!)!;
  const target = pair.a.sentences[i]!;
  const bead = pair.beads.find((b) => b.a.some((s) => s.id === target.id));
  if (!bead || !bead.b.length) { lonely++; continue; }
  if (bead.a.length < 2) { other++; if (shown < 40 && process.argv[2]==='o') { shown++; console.log('OTHER', bead.a.length, bead.b.length, bead.confidence.toFixed(2), '|', bead.aText.slice(0,80), '|', bead.bText.slice(0,80)); } continue; }
  merged++;
  if (shown < 40 && process.argv[2]!=='o') {
    shown++;
    const ratios = pair.beads.filter((b) => b.a.length && b.b.length).map((b) => weight(b.bText, false) / Math.max(1, weight(b.aText, true))).sort((x, y) => x - y);
    const med = ratios[Math.floor(ratios.length / 2)];
    console.log(`bead ${bead.a.length}-${bead.b.length} conf ${bead.confidence.toFixed(2)} median ${med?.toFixed(2)} ratio ${(weight(bead.bText,false)/weight(bead.aText,true)).toFixed(2)}`);
    for (const s of bead.a) { const m = chineseWordMatches(s.text, bead.bText, lex); console.log(`  ${s === target ? 'X' : ' '} [${m.filter((x) => x.matched).length}/${m.length}] w=${weight(s.text,true)} ${s.text.slice(0, 70)}`); }
    console.log(`    EN: ${bead.bText.slice(0, 160)}`);
  }
}
console.log({ merged, lonely, other });
