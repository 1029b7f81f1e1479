/**
 * What the checks need from the Chinese–English lexicon (src/lang/lexicon.ts), as a small interface so tests
 * can hand in a few entries and the checks degrade gracefully when the compiled lexicon is not built.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REVERSE_FILE, lexiconAvailable, lexiconDirectory, loadLexicon } from '../lang/lexicon.js';
import { stemEnglish } from '../lang/english.js';

export interface CheckLexicon {
  has(zhWord: string): boolean;
  /** English gloss stems (`stemEnglish`) of a Chinese word. */
  glosses(zhWord: string): string[];
  /** The word has a proper-name reading (a person, place, people or organisation). */
  isName(zhWord: string): boolean;
  /** Chinese words glossed by an English word, most specific first. */
  chineseFor(english: string): string[];
  /** Greedy word segmentation of Chinese text. */
  segment(zhText: string): string[];
  /** Pinyin with tone numbers, syllables space-separated. */
  pinyin?(zhWord: string): string;
}

let cached: CheckLexicon | null | undefined;

/** The compiled lexicon behind the CheckLexicon interface, or undefined when it is not built. */
export function defaultLexicon(): CheckLexicon | undefined {
  if (cached !== undefined) return cached ?? undefined;
  if (!lexiconAvailable()) {
    cached = null;
    return undefined;
  }
  const lexicon = loadLexicon();
  cached = {
    has: (w) => lexicon.has(w),
    glosses: (w) => lexicon.glosses(w),
    isName: (w) => lexicon.entry(w)?.name ?? false,
    chineseFor: lazyReverse() ?? ((e) => lexicon.chineseFor(e)),
    segment: (t) => lexicon.segment(t),
    pinyin: (w) => lexicon.pinyin(w),
  };
  return cached;
}

/**
 * English → Chinese lookups that index the reverse file's lines (~20 ms) and decode a line only when asked,
 * instead of splitting all 34,000 lines up front (~170 ms): check usually asks for a few dozen names.
 */
function lazyReverse(): ((english: string) => string[]) | undefined {
  const path = join(lexiconDirectory(), REVERSE_FILE);
  if (!existsSync(path)) return undefined;
  let text: string | undefined;
  let lineStart: Map<string, number> | undefined;
  const decoded = new Map<string, string[]>();
  return (english) => {
    const stem = stemEnglish(english.trim().split(/\s+/)[0] ?? '');
    if (!stem) return [];
    const hit = decoded.get(stem);
    if (hit) return hit;
    if (!text || !lineStart) {
      text = readFileSync(path, 'utf8');
      lineStart = new Map();
      for (let pos = 0; pos < text.length; ) {
        const tab = text.indexOf('\t', pos);
        let end = text.indexOf('\n', pos);
        if (end < 0) end = text.length;
        if (tab < 0 || tab > end) break;
        lineStart.set(text.slice(pos, tab), tab + 1);
        pos = end + 1;
      }
    }
    const start = lineStart.get(stem);
    let words: string[] = [];
    if (start !== undefined) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      words = text.slice(start, end).split(' ');
    }
    decoded.set(stem, words);
    return words;
  };
}

/** A lexicon from a handful of entries (tests, glossaries): `{ 土耳其: { glosses: ['Turkey'], name: true } }`. */
export function lexiconFrom(entries: Record<string, { glosses: string[]; name?: boolean }>): CheckLexicon {
  const words = new Map(Object.entries(entries).map(([w, e]) => [w, { stems: e.glosses.flatMap((g) => g.split(/\s+/).map(stemEnglish).filter(Boolean)), name: !!e.name }]));
  const reverse = new Map<string, string[]>();
  for (const [w, e] of words) for (const s of e.stems) reverse.set(s, [...(reverse.get(s) ?? []), w]);
  const max = Math.max(1, ...[...words.keys()].map((w) => w.length));
  return {
    has: (w) => words.has(w),
    glosses: (w) => words.get(w)?.stems ?? [],
    isName: (w) => words.get(w)?.name ?? false,
    chineseFor: (e) => reverse.get(stemEnglish(e)) ?? [],
    segment(text) {
      const out: string[] = [];
      let i = 0;
      while (i < text.length) {
        if (!/[\u3400-\u9fff]/.test(text[i]!)) {
          i++;
          continue;
        }
        let n = Math.min(max, text.length - i);
        while (n > 1 && !words.has(text.slice(i, i + n))) n--;
        out.push(text.slice(i, i + n));
        i += n;
      }
      return out;
    },
  };
}
