/**
 * Paragraph language identification → BCP 47 tags.
 *
 * Two passes. First each paragraph on its own: the dominant script (weighted by content per character) names the
 * family, and within a family distinctive letters (Uyghur ې ۆ ۇ ۈ ڭ ە, Kazakh ә ғ қ ң ө ұ ү һ, Turkish ı ğ ş),
 * OpenCC character tables (Traditional vs Simplified) or franc trigrams (Latin, Cyrillic, Arabic) propose a
 * language, with a flag saying whether the paragraph alone is enough evidence. Then the document: a paragraph too
 * short to be sure ("Okay, fine.", "好的", "乾隆") takes the language its script has elsewhere in the document.
 */
import { decideVariant, variantEvidence, type VariantEvidence } from '../lang/chinese.js';
import type { LanguageTag } from '../model.js';
import { dominantScript, profileScripts, type ScriptProfile } from './scripts.js';
import { rankLanguages, topLanguage, type Ranking } from './trigrams.js';
import { interleavingPeriod } from './versions.js';

/** Language families that share a script, within which the document context may decide. */
export type Family = 'zh' | 'ja' | 'ko' | 'latin' | 'cyrillic' | 'arabic' | 'devanagari' | 'single' | 'none';

export interface Identification {
  family: Family;
  /** The language this paragraph alone suggests; `undefined` when it gives no hint within its family. */
  candidate?: LanguageTag;
  /** True when the paragraph alone is enough to name its language. */
  confident: boolean;
  /** True when the candidate rests on letters only that language uses (ı ğ ş, ә қ ұ, ې ۇ ڭ): kept against the majority. */
  marked: boolean;
  /** Letters, weighted by content per character. */
  weight: number;
  /** Chinese: false when the Simplified characters were not counted (the paragraph is plainly Traditional). */
  complete?: boolean;
  /** franc's relative scores (best = 1) of the languages near the top, for Latin paragraphs long enough to rank. */
  scores?: Map<LanguageTag, number>;
}

/** Below this weight (a lone letter, "1)", a date in digits) a paragraph has no language of its own. */
export const MIN_LANGUAGE_WEIGHT = 2;
/** franc needs about this many letters to be trusted on its own. */
const FRANC_MIN_LETTERS = 40;
/** franc looks at trigrams; a few hundred characters decide as well as a page, at a fraction of the cost. */
const FRANC_SAMPLE = 200;
/** Below this many letters franc's ranking of close languages is noise. */
const SHORT_LATIN_LETTERS = 120;
/** A language with less than this share of the main language's letters is a minority that may be a misreading. */
const MINORITY_SHARE = 0.2;
/** A language scoring this close to franc's best is still a fair reading of the text. */
const NEAR_TOP = 0.8;

/** ISO 639-3 codes franc-min returns → the shortest BCP 47 tag. */
const ISO3_TO_BCP47: Record<string, string> = {
  eng: 'en', tur: 'tr', fra: 'fr', deu: 'de', spa: 'es', por: 'pt', ita: 'it', nld: 'nl', ind: 'id', jav: 'jv',
  vie: 'vi', pol: 'pl', swh: 'sw', sun: 'su', ron: 'ro', hau: 'ha', fuv: 'fuv', bos: 'bs', hrv: 'hr', srp: 'sr',
  ckb: 'ckb', yor: 'yo', uzn: 'uz', zlm: 'ms', ibo: 'ig', ceb: 'ceb', tgl: 'tl', hun: 'hu', azj: 'az', ces: 'cs',
  run: 'rn', plt: 'mg', qug: 'qug', mad: 'mad', nya: 'ny', zyb: 'za', kin: 'rw', zul: 'zu', swe: 'sv', lin: 'ln',
  som: 'so', hms: 'hms', hnj: 'hnj', ilo: 'ilo', rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg', kaz: 'kk', koi: 'kv',
  arb: 'ar', urd: 'ur', pes: 'fa', skr: 'skr', pbu: 'ps', hin: 'hi', mar: 'mr', mai: 'mai', bho: 'bho', npi: 'ne',
  mag: 'mag',
};
const BCP47_TO_ISO3 = Object.fromEntries(Object.entries(ISO3_TO_BCP47).map(([iso3, tag]) => [tag, iso3]));
export const toBcp47 = (iso3: string): LanguageTag | undefined => (iso3 === 'und' ? undefined : ISO3_TO_BCP47[iso3] ?? iso3);

/** Languages of scripts no other language here shares. */
const SINGLE_SCRIPT_LANGUAGE: Partial<Record<string, LanguageTag>> = { Grek: 'el', Hebr: 'he', Thai: 'th' };

/** The main language of each remaining script (Tibetan and Mongolian matter to the statements Concord reads). */
const OTHER_SCRIPTS: [RegExp, LanguageTag][] = [
  [/\p{Script=Tibetan}/gu, 'bo'], [/\p{Script=Mongolian}/gu, 'mn-Mong'], [/\p{Script=Georgian}/gu, 'ka'],
  [/\p{Script=Armenian}/gu, 'hy'], [/\p{Script=Ethiopic}/gu, 'am'], [/\p{Script=Khmer}/gu, 'km'], [/\p{Script=Lao}/gu, 'lo'],
  [/\p{Script=Myanmar}/gu, 'my'], [/\p{Script=Sinhala}/gu, 'si'], [/\p{Script=Tamil}/gu, 'ta'], [/\p{Script=Bengali}/gu, 'bn'],
  [/\p{Script=Gujarati}/gu, 'gu'], [/\p{Script=Gurmukhi}/gu, 'pa'], [/\p{Script=Telugu}/gu, 'te'], [/\p{Script=Kannada}/gu, 'kn'],
  [/\p{Script=Malayalam}/gu, 'ml'], [/\p{Script=Syriac}/gu, 'syr'], [/\p{Script=Thaana}/gu, 'dv'],
];

/** The language of the commonest script among OTHER_SCRIPTS in the text, or `und` (a script we do not name). */
function otherScriptLanguage(text: string): LanguageTag {
  let best: LanguageTag = 'und';
  let bestCount = 0;
  for (const [pattern, language] of OTHER_SCRIPTS) {
    const count = text.match(pattern)?.length ?? 0;
    if (count > bestCount) [best, bestCount] = [language, count];
  }
  return best;
}

/** What one paragraph says about its own language. */
export function identifyParagraph(text: string): Identification {
  const profile = profileScripts(text);
  const { script, weight } = dominantScript(profile);
  if (!script || weight < MIN_LANGUAGE_WEIGHT) return { family: 'none', confident: false, marked: false, weight };
  const n = profile.counts[script];
  switch (script) {
    case 'Han':
      return identifyChinese(variantEvidence(text, true), weight);
    case 'Kana':
      return { family: 'ja', candidate: 'ja', confident: true, marked: false, weight };
    case 'Hangul':
      return { family: 'ko', candidate: 'ko', confident: true, marked: false, weight };
    case 'Arab':
      return identifyArabic(text, profile, n, weight);
    case 'Cyrl':
      return identifyCyrillic(text, profile, n, weight);
    case 'Latn':
      return identifyLatin(text, profile, n, weight);
    case 'Deva':
      return { family: 'devanagari', candidate: n >= FRANC_MIN_LETTERS ? toBcp47(topLanguage(text.slice(0, FRANC_SAMPLE))) ?? 'hi' : 'hi', confident: n >= FRANC_MIN_LETTERS, marked: false, weight };
    default:
      return { family: 'single', candidate: SINGLE_SCRIPT_LANGUAGE[script] ?? otherScriptLanguage(text), confident: true, marked: false, weight };
  }
}

function identifyChinese(evidence: VariantEvidence, weight: number): Identification {
  const candidate = decideVariant(evidence);
  // One Traditional-only character against none is already telling: of 2 416 Simplified WMT22 segments only one
  // (a genuine mix) leans Traditional, and no OpenCC-converted Traditional one leans Simplified.
  const confident = !!candidate;
  return { family: 'zh', candidate, confident, marked: false, weight, complete: evidence.complete };
}

function identifyArabic(text: string, profile: ScriptProfile, letters: number, weight: number): Identification {
  // Uyghur writes every vowel, with letters Arabic, Persian and Urdu lack: a few percent of them settle it.
  if (profile.uyghur >= 1 && profile.uyghur >= 0.03 * letters) {
    return { family: 'arabic', candidate: 'ug-Arab', confident: profile.uyghur >= 2, marked: true, weight };
  }
  if (letters >= FRANC_MIN_LETTERS) return { family: 'arabic', candidate: toBcp47(topLanguage(text.slice(0, FRANC_SAMPLE))) ?? 'ar', confident: true, marked: false, weight };
  return { family: 'arabic', candidate: 'ar', confident: false, marked: false, weight };
}

function identifyCyrillic(text: string, profile: ScriptProfile, letters: number, weight: number): Identification {
  if (profile.kazakh >= 1 && profile.kazakh >= 0.01 * letters) {
    return { family: 'cyrillic', candidate: 'kk', confident: profile.kazakh >= 2, marked: true, weight };
  }
  if (letters >= FRANC_MIN_LETTERS) {
    const language = toBcp47(topLanguage(text.slice(0, FRANC_SAMPLE))) ?? 'ru';
    // franc's Kazakh model without Kazakh letters is a guess; Russian is then the better bet.
    return { family: 'cyrillic', candidate: language === 'kk' ? 'ru' : language, confident: true, marked: false, weight };
  }
  return { family: 'cyrillic', candidate: 'ru', confident: false, marked: false, weight };
}

function identifyLatin(text: string, profile: ScriptProfile, letters: number, weight: number): Identification {
  let ranked: Ranking | undefined;
  if (letters >= FRANC_MIN_LETTERS) {
    ranked = rankLanguages(text.slice(0, FRANC_SAMPLE));
    const scores = new Map<LanguageTag, number>();
    // Only languages near the top matter later (resolveLanguages asks whether the document's main one is among them).
    for (const [iso3, score] of ranked) if (score >= NEAR_TOP) scores.set(toBcp47(iso3) ?? iso3, score);
    const [top, runnerUp] = ranked;
    let candidate = top && toBcp47(top[0]);
    // Turkish and Azerbaijani share ı ğ ş; franc-min knows both, Turkish is by far the commoner here.
    if (candidate === 'az' && profile.turkish > 0) candidate = 'tr';
    // franc-min over-reads short English as French ("Know more about cars …" scores fra 1, eng 0.96); on short
    // text, English within reach of the top is English. Real French or German leaves English far behind (< 0.7).
    if (candidate !== 'en' && letters < SHORT_LATIN_LETTERS && (scores.get('en') ?? 0) >= NEAR_TOP) {
      return { family: 'latin', candidate: 'en', confident: false, marked: false, weight, scores };
    }
    const clear = !!candidate && (!runnerUp || runnerUp[1] < 0.92);
    if (clear) return { family: 'latin', candidate, confident: true, marked: false, weight, scores };
  }
  // Too short for trigrams: letters only Turkish uses decide; plain ASCII is English, the lingua franca of the
  // statements Concord reads; other diacritics go to franc. The document context may still overrule this.
  if (profile.turkish > 0) return { family: 'latin', candidate: 'tr', confident: false, marked: true, weight };
  if (profile.latinDiacritics === 0) return { family: 'latin', candidate: 'en', confident: false, marked: false, weight };
  // A paragraph of FRANC_MIN_LETTERS or more was ranked above, on the same sample (longer than any minimum length).
  const closest = ranked ? ranked[0]![0] : topLanguage(text.slice(0, FRANC_SAMPLE), { minLength: 1 });
  return { family: 'latin', candidate: toBcp47(closest), confident: false, marked: false, weight };
}

/** Default language of a family when nothing in the document names one. */
const FAMILY_DEFAULT: Record<Family, LanguageTag> = {
  zh: 'zh-Hans', ja: 'ja', ko: 'ko', latin: 'en', cyrillic: 'ru', arabic: 'ar', devanagari: 'hi', single: 'und', none: 'und',
};

/**
 * Final language of every paragraph. A confident paragraph keeps its own (unless it is a lone misreading of the
 * document's main language). An unsure one takes its family's language in this document; when the family has
 * several (en and fr, zh-Hans and zh-Hant), the one of its block or interleaving slot, else the one it resembles
 * most; with none, its own marked candidate or the family's commonest guess. Paragraphs without letters stay
 * `und` (placed later by their neighbours).
 */
export function resolveLanguages(texts: readonly string[], given: readonly Identification[]): LanguageTag[] {
  // A document whose Chinese is not all plainly Traditional may mix scripts within a paragraph: count fully.
  const mixed = given.some((id) => id.family === 'zh' && id.complete);
  const identified = mixed ? given.map((id, i) => (id.family === 'zh' && !id.complete ? identifyChinese(variantEvidence(texts[i]!), id.weight) : id)) : given;
  // Letter weight per language among confident paragraphs, per family.
  const confidentByFamily = new Map<Family, Map<LanguageTag, number>>();
  const candidatesByFamily = new Map<Family, Map<LanguageTag, number>>();
  for (const id of identified) {
    if (!id.candidate) continue;
    const table = id.confident ? confidentByFamily : candidatesByFamily;
    let languages = table.get(id.family);
    if (!languages) table.set(id.family, (languages = new Map()));
    languages.set(id.candidate, (languages.get(id.candidate) ?? 0) + id.weight);
  }
  const resolved: (LanguageTag | undefined)[] = identified.map((id) => {
    if (id.family === 'none') return 'und';
    if (!id.confident) return undefined;
    // A stray against the document: if its language is rare here (under a fifth of the main one's letters) and the
    // family's main language is a fair reading of it too, it is that language (a bogus one-paragraph "French"
    // version helps nobody). Two languages both well represented keep their paragraphs.
    const weights = confidentByFamily.get(id.family)!;
    const main = heaviest(weights)!;
    const rare = (weights.get(id.candidate!) ?? 0) < MINORITY_SHARE * weights.get(main)!;
    return main !== id.candidate && rare && (id.scores?.get(main) ?? 0) >= NEAR_TOP ? main : id.candidate!;
  });
  // The languages each family really has here, once strays are folded into the main one.
  const knownByFamily = new Map<Family, Map<LanguageTag, number>>();
  identified.forEach((id, i) => {
    if (!id.confident || id.family === 'none') return;
    let languages = knownByFamily.get(id.family);
    if (!languages) knownByFamily.set(id.family, (languages = new Map()));
    languages.set(resolved[i]!, (languages.get(resolved[i]!) ?? 0) + id.weight);
  });
  const period = interleavingPeriod(resolved.filter((l): l is LanguageTag => !!l && l !== 'und'));
  return identified.map((id, i) => {
    if (resolved[i]) return resolved[i]!;
    const known = knownByFamily.get(id.family);
    if (!known || known.size === 0) {
      if (id.marked && id.candidate) return id.candidate;
      return heaviest(candidatesByFamily.get(id.family)) ?? FAMILY_DEFAULT[id.family];
    }
    if (known.size === 1) return known.keys().next().value!;
    if (id.candidate && known.has(id.candidate) && id.marked) return id.candidate;
    // Several languages share this script here (en and fr, zh-Hans and zh-Hant): an unsure paragraph is read in
    // the language of its own block — or of its slot in an interleaved cycle.
    const before = sameFamilyNeighbour(identified, resolved, i, -period);
    const after = sameFamilyNeighbour(identified, resolved, i, period);
    if (before && before === after) return before;
    if (id.candidate && (id.candidate === before || id.candidate === after)) return id.candidate;
    if (before && !after) return before;
    if (after && !before) return after;
    return closestOf(texts[i]!, id, known);
  });
}

/** How far to look for a confident paragraph of the same script before giving up on the neighbourhood. */
const NEIGHBOURHOOD = 64;

/** The language of the nearest confident paragraph of the same family, stepping by `step` (± the layout period). */
function sameFamilyNeighbour(identified: readonly Identification[], resolved: readonly (LanguageTag | undefined)[], i: number, step: number): LanguageTag | undefined {
  for (let j = i + step, n = 0; j >= 0 && j < identified.length && n < NEIGHBOURHOOD; j += step, n++) {
    if (identified[j]!.family === identified[i]!.family && resolved[j]) return resolved[j];
  }
  return undefined;
}

/** The language with the largest weight. */
function heaviest(weights: Map<LanguageTag, number> | undefined): LanguageTag | undefined {
  let best: LanguageTag | undefined;
  let bestWeight = -1;
  for (const [language, weight] of weights ?? []) if (weight > bestWeight) [best, bestWeight] = [language, weight];
  return best;
}

/** Among the languages the document already has in this family, the one a short paragraph resembles most. */
function closestOf(text: string, id: Identification, known: Map<LanguageTag, number>): LanguageTag {
  if (id.family === 'latin' || id.family === 'cyrillic' || id.family === 'arabic') {
    const only = [...known.keys()].map((tag) => BCP47_TO_ISO3[tag]).filter((iso3): iso3 is string => !!iso3);
    if (only.length >= 2) {
      const best = toBcp47(topLanguage(text.slice(0, FRANC_SAMPLE), { only, minLength: 1 }));
      if (best && known.has(best)) return best;
    }
  }
  return heaviest(known)!;
}
