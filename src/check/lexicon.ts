/**
 * What the checks need from the Chinese–English lexicon (src/lang/lexicon.ts), as a small interface so tests
 * can hand in a few entries and the checks degrade gracefully when the compiled lexicon is not built.
 */
import { lexiconAvailable, loadLexicon } from '../lang/lexicon.js';
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
    chineseFor: (e) => lexicon.chineseFor(e),
    segment: (t) => lexicon.segment(t),
    pinyin: (w) => lexicon.pinyin(w),
  };
  return cached;
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
