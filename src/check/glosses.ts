/**
 * Real English glosses of a Chinese word, for messages a translator reads ("土耳其 means Turkey"), not the
 * stems the compiled lexicon keeps for matching ("turkei"). They come from the compiled lexicon's copy of
 * CC-CEDICT's definitions (proper-name readings first), so no message pays for reading the raw dictionary.
 */
import { lexiconAvailable, loadLexicon } from '../lang/lexicon.js';

/** English glosses of a word (Traditional or Simplified), proper-name readings first; [] when unknown. */
export function englishGlosses(word: string): string[] {
  if (!word || !lexiconAvailable()) return [];
  return loadLexicon().definitions(word);
}

/** The first few glosses as a short phrase for a message: “Turkey”, “Taiwan; Formosa”. */
export function glossPhrase(word: string, fallback: string[], max = 2): string {
  const real = englishGlosses(word)
    .map((g) => g.replace(/\s*\([^)]*\)/g, '').trim())
    .filter(Boolean);
  return (real.length ? real : fallback).slice(0, max).join('; ');
}
