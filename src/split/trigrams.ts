/**
 * franc-min's language ranking, computed exactly as franc-min 6.2 computes it — same trigram data, same cleaning,
 * same arithmetic, same order of ties — at a fraction of the cost.
 *
 * franc scores a text by the distance between its trigram counts and each language's 300 commonest trigrams: a
 * trigram the language lacks costs 300, one it has costs |count − rank − 1|. franc looks every trigram of the text
 * up in every language's dictionary object (44 lookups per trigram for Latin script). Here each distinct trigram
 * is looked up once, in one table whose row lists the languages that have it and its rank in each; a trigram no
 * language has needs no row, it costs 300 everywhere. Distances are integer sums, so the order of addition cannot
 * change them. trigrams.test.ts compares both on every script and option Concord uses.
 */
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';

/** [ISO 639-3 code, score] pairs, best first; the best scores 1. `und` alone when the text says nothing. */
export type Ranking = [language: string, score: number][];

export interface RankOptions {
  /** Languages to consider (all of the script's when empty). */
  only?: readonly string[];
  /** Texts shorter than this are `und` (franc's default: 10). */
  minLength?: number;
}

/** franc's constants: the longest sample it reads, its default minimum length and the cost of a missing trigram. */
const MAX_LENGTH = 2048;
const MIN_LENGTH = 10;
const MAX_DIFFERENCE = 300;

/**
 * One script's languages and, per trigram any of them has, the languages that have it with its rank there: a
 * trigram is among the 300 commonest of three languages on average, so a sparse row beats one slot per language.
 */
interface ScriptModel {
  languages: string[];
  rowOf: Map<string, number>;
  /** Row r's entries are rowStart[r] … rowStart[r + 1] − 1 of `language` and `rank`. */
  rowStart: Uint32Array;
  language: Uint8Array;
  rank: Uint16Array;
}

const models = new Map<string, ScriptModel>();

/** Built on first use of a script (most documents never need Devanagari or Arabic trigrams), in a few ms. */
function modelOf(script: string): ScriptModel {
  let model = models.get(script);
  if (model) return model;
  const byLanguage = data[script]!;
  const languages = Object.keys(byLanguage);
  const lists = languages.map((name) => byLanguage[name]!.split('|'));
  // Every (trigram row, language, rank), rows numbered in order of first appearance. A trigram listed twice
  // keeps its better (lower) rank, as in franc's dictionaries: the first one met going up the list.
  const rowOf = new Map<string, number>();
  const total = lists.reduce((sum, list) => sum + list.length, 0);
  const entryRow = new Uint32Array(total);
  const entryLanguage = new Uint8Array(total);
  const entryRank = new Uint16Array(total);
  const lastLanguageOf = new Int16Array(total).fill(-1);
  let entries = 0;
  // Plain loops and assignments: this runs once, cold, in the interpreter.
  for (let language = 0; language < lists.length; language++) {
    const list = lists[language]!;
    for (let rank = 0; rank < list.length; rank++) {
      let row = rowOf.get(list[rank]!);
      if (row === undefined) rowOf.set(list[rank]!, (row = rowOf.size));
      if (lastLanguageOf[row] === language) continue;
      lastLanguageOf[row] = language;
      entryRow[entries] = row;
      entryLanguage[entries] = language;
      entryRank[entries] = rank;
      entries++;
    }
  }
  // Grouped by row (a counting sort).
  const rowStart = new Uint32Array(rowOf.size + 1);
  for (let e = 0; e < entries; e++) rowStart[entryRow[e]! + 1]!++;
  for (let row = 0; row < rowOf.size; row++) rowStart[row + 1]! += rowStart[row]!;
  const next = rowStart.slice(0, rowOf.size);
  const language = new Uint8Array(entries);
  const rank = new Uint16Array(entries);
  for (let e = 0; e < entries; e++) {
    const at = next[entryRow[e]!]!++;
    language[at] = entryLanguage[e]!;
    rank[at] = entryRank[e]!;
  }
  model = { languages, rowOf, rowStart, language, rank };
  models.set(script, model);
  return model;
}

/** `francAll(value, options)` of franc-min: the languages of the text's main script, closest first. */
export function rankLanguages(value: string, options: RankOptions = {}): Ranking {
  const only = options.only ?? [];
  if (!value || value.length < (options.minLength ?? MIN_LENGTH)) return [['und', 1]];
  const sample = value.slice(0, MAX_LENGTH);
  const [script, count] = topScript(sample);
  if (!script || !(script in data)) {
    // A script with one language (Han, Thai, Greek …) names it; no letters at all name nothing.
    if (!script || count === 0 || (only.length > 0 && !only.includes(script))) return [['und', 1]];
    return [[script, 1]];
  }
  const { languages, rowOf, rowStart, language: languageAt, rank: rankAt } = modelOf(script);
  const width = languages.length;
  // Every distinct trigram first costs MAX_DIFFERENCE everywhere; the languages that have it get that back less
  // their |count − rank − 1|.
  const distances = new Int32Array(width);
  let trigrams = 0;
  for (const [trigram, occurrences] of trigramCounts(sample)) {
    trigrams++;
    const row = rowOf.get(trigram);
    if (row === undefined) continue;
    for (let at = rowStart[row]!, end = rowStart[row + 1]!; at < end; at++) {
      distances[languageAt[at]!] += Math.abs(occurrences - rankAt[at]! - 1) - MAX_DIFFERENCE;
    }
  }
  const ranking: Ranking = [];
  for (let language = 0; language < width; language++) {
    if (only.length === 0 || only.includes(languages[language]!)) ranking.push([languages[language]!, distances[language]! + trigrams * MAX_DIFFERENCE]);
  }
  if (ranking.length === 0) return [['und', 1]];
  // Array#sort is stable: equal distances keep the data's language order, as in franc.
  ranking.sort((a, b) => a[1] - b[1]);
  // franc's normalisation, to the letter (same operations, so the same floating-point scores).
  const min = ranking[0]![1];
  const max = sample.length * MAX_DIFFERENCE - min;
  for (const entry of ranking) entry[1] = 1 - (entry[1] - min) / max || 0;
  return ranking;
}

/** `franc(value, options)`: the closest language, or `und`. */
export function topLanguage(value: string, options?: RankOptions): string {
  return rankLanguages(value, options)[0]![0];
}

/** franc's script expressions (global), our own copies: counting moves their `lastIndex`. */
const scriptExpressions = Object.entries(expressions).map(([script, expression]) => [script, new RegExp(expression.source, expression.flags)] as const);

/** The script franc reads the text as: the first of its expressions with the most matches, and that count. */
function topScript(value: string): [string | undefined, number] {
  let top: string | undefined;
  let topCount = -1;
  for (const [script, expression] of scriptExpressions) {
    // Counting with test() builds no array of matches; a failed test() resets lastIndex to 0.
    let count = 0;
    while (expression.test(value)) count++;
    if (count > topCount) [top, topCount] = [script, count];
  }
  return [top, topCount];
}

/** Occurrences of each trigram of the text, cleaned and padded with a space as trigram-utils does. */
function trigramCounts(value: string): Map<string, number> {
  const cleaned = ' ' + value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase() + ' ';
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const trigram = cleaned.slice(i, i + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
}
