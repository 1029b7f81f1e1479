/**
 * Which version each paragraph belongs to: one version per language, whatever the layout.
 *
 * Paragraphs with a language go to that language's version. Paragraphs without one (a number, "1)", a rule of
 * dashes) join their neighbours — and which neighbours depends on the layout: in blocks (all English, then all
 * Chinese) the paragraph before, or after for a label ("1."); in an interleaved transcript (zh, en, zh, en …) the
 * paragraph one cycle back, so that a bare "2016" after an English line goes with the Chinese lines, as its
 * position in the cycle says.
 */
import type { LanguageTag } from '../model.js';

export const UNDETERMINED: LanguageTag = 'und';

/** Share of language changes between consecutive paragraphs above which the layout counts as interleaved. */
const INTERLEAVED_CHANGE_RATE = 0.6;

/**
 * For each paragraph, the language of the version it joins. `stray[i]` marks a short paragraph whose language is
 * only a guess from a few letters (a signature, an acronym on its own line): in a block layout, if the block
 * around it is in another language and its own language has a version elsewhere, it joins the block around it.
 * `label[i]` marks a list label or number on its own line ("1.", "(2)", "三、"), which belongs to what follows.
 */
export function placeParagraphs(languages: readonly LanguageTag[], stray: readonly boolean[] = [], label: readonly boolean[] = []): LanguageTag[] {
  const known = languages.filter((l) => l !== UNDETERMINED);
  if (known.length === 0) return languages.map(() => UNDETERMINED);
  const interleaved = interleavingPeriod(known) > 1;
  const placed = [...languages];
  if (!interleaved) absorbStrays(placed, languages, stray);
  const cycle = interleaved ? cyclePeriod(languages) : 0;
  for (let i = 0; i < placed.length; i++) {
    if (placed[i] !== UNDETERMINED) continue;
    placed[i] = (cycle && inCycle(placed, languages, i, cycle)) || besideNeighbours(placed, languages, i, !!label[i]);
  }
  return placed;
}

/** A list label or bare numeral with its punctuation: "1.", "2)", "(3)", "iv.", "a)", "三、", "（四）". */
export function looksLikeLabel(text: string): boolean {
  return /^(?:[(（]\s*(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6}|[一二三四五六七八九十]{1,3})\s*[)）]|(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6}|[一二三四五六七八九十]{1,3})\s*[.)）、．:：])$/.test(text.trim());
}

/** Blocks only: a stray inside a block of another language joins that block, if its own language has a block too. */
function absorbStrays(placed: LanguageTag[], languages: readonly LanguageTag[], stray: readonly boolean[]): void {
  const firmCount = new Map<LanguageTag, number>();
  languages.forEach((l, i) => !stray[i] && l !== UNDETERMINED && firmCount.set(l, (firmCount.get(l) ?? 0) + 1));
  for (let i = 0; i < languages.length; i++) {
    if (!stray[i] || languages[i] === UNDETERMINED || !firmCount.get(languages[i]!)) continue;
    const before = nearestKnown(languages, i, -1);
    const after = nearestKnown(languages, i, +1);
    if (before !== undefined && before === after && before !== languages[i]) placed[i] = before;
  }
}

function nearestKnown(languages: readonly LanguageTag[], i: number, step: 1 | -1): LanguageTag | undefined {
  for (let j = i + step; j >= 0 && j < languages.length; j += step) if (languages[j] !== UNDETERMINED) return languages[j];
  return undefined;
}

/** 1 for blocks; the number of languages when they take turns paragraph by paragraph. */
export function interleavingPeriod(known: readonly LanguageTag[]): number {
  const distinct = new Set(known).size;
  if (distinct < 2 || known.length < 4) return 1;
  let changes = 0;
  for (let i = 1; i < known.length; i++) if (known[i] !== known[i - 1]) changes++;
  return changes / (known.length - 1) >= INTERLEAVED_CHANGE_RATE ? distinct : 1;
}

/**
 * Outside a cycle: a label goes with the paragraph after it, anything else with the one before (a trailing date
 * or page number ends the block it follows); at the very start, the first known language.
 */
function besideNeighbours(placed: readonly LanguageTag[], original: readonly LanguageTag[], i: number, isLabel: boolean): LanguageTag {
  if (isLabel || i === 0) {
    const next = nearestKnown(original, i, +1);
    if (next !== undefined) return next;
  }
  return i > 0 ? placed[i - 1]! : UNDETERMINED;
}

/** How many cycles back or ahead to look for a paragraph of known language in the same slot. */
const CYCLES_TO_SEARCH = 8;
/** Longest cycle considered: three languages with a label line each, and some slack. */
const MAX_CYCLE = 12;

/**
 * The period, in paragraphs (letterless ones included), at which languages repeat: 2 for zh, en, zh, en; 6 for
 * "1.", en, "1.", zh, "1.", ug. 0 when no period up to MAX_CYCLE fits 80 % of the comparable pairs.
 */
function cyclePeriod(languages: readonly LanguageTag[]): number {
  for (let period = 2; period <= Math.min(MAX_CYCLE, languages.length - 1); period++) {
    let compared = 0;
    let agreeing = 0;
    for (let i = period; i < languages.length; i++) {
      if (languages[i] === UNDETERMINED || languages[i - period] === UNDETERMINED) continue;
      compared++;
      if (languages[i] === languages[i - period]) agreeing++;
    }
    if (compared >= 2 && agreeing >= 0.8 * compared) return period;
  }
  return 0;
}

/** Interleaved: the language of the same slot in an earlier cycle (already placed), else in a later one. */
function inCycle(placed: readonly LanguageTag[], original: readonly LanguageTag[], i: number, period: number): LanguageTag | undefined {
  for (let k = 1, j = i - period; k <= CYCLES_TO_SEARCH && j >= 0; k++, j -= period) if (placed[j] !== UNDETERMINED) return placed[j];
  for (let k = 1, j = i + period; k <= CYCLES_TO_SEARCH && j < original.length; k++, j += period) if (original[j] !== UNDETERMINED) return original[j];
  return undefined;
}
