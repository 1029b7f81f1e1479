/**
 * Chinese script helpers: Traditional ↔ Simplified conversion (OpenCC) and telling the two apart.
 *
 * Everything heavy is loaded lazily and once: the t→s tables are small (~100 KB, ~20 ms), the s→t tables are
 * large (~1 MB: ~13 ms to load, ~170 ms to build the phrase converter), so `chineseVariant` uses only the
 * *character* tables, `variantEvidence(text, true)` spares a plainly Traditional text the s→t tables altogether,
 * and `toTraditional` builds its phrase converter on first use.
 */
import { createRequire } from 'node:module';

type Convert = (text: string) => string;
interface OpenCCModule {
  Converter(options: { from: string; to: string }): Convert;
  Locale: { from: Record<string, readonly (readonly unknown[])[]>; to: Record<string, readonly (readonly unknown[])[]> };
}

// opencc-js ships separate t→s and s→t bundles; loading only the one needed keeps the cold start short.
// createRequire gives a synchronous load, so these helpers stay plain functions.
const require = createRequire(import.meta.url);
let traditionalToSimplifiedModule: OpenCCModule | undefined;
let simplifiedToTraditionalModule: OpenCCModule | undefined;
const t2cn = (): OpenCCModule => (traditionalToSimplifiedModule ??= require('opencc-js/t2cn') as OpenCCModule);
const cn2t = (): OpenCCModule => (simplifiedToTraditionalModule ??= require('opencc-js/cn2t') as OpenCCModule);

let simplifier: Convert | undefined;
let traditionalizer: Convert | undefined;

/** Traditional (any regional standard) → Simplified (mainland), phrase-aware. */
export function toSimplified(text: string): string {
  simplifier ??= t2cn().Converter({ from: 't', to: 'cn' });
  return simplifier(text);
}

/** Simplified → Traditional (OpenCC standard forms), phrase-aware. First call costs ~170 ms. */
export function toTraditional(text: string): string {
  traditionalizer ??= cn2t().Converter({ from: 'cn', to: 't' });
  return traditionalizer(text);
}

/** CJK unified ideographs (with extensions A–H and compatibility ideographs) and 〇. */
const HAN = /^[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{323af}]$/u;

/** True for one Chinese character (Han ideograph). Kana, Hangul and punctuation are not. */
export function isChinese(ch: string): boolean {
  return HAN.test(ch);
}

/** Fast check on a code point: the BMP ideograph ranges and 〇 (extensions beyond the BMP: use `isChinese`). */
export function isHanCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff) || code === 0x3007;
}

/** Characters from the `"src dst|src dst|…"` OpenCC character dictionaries whose source changes. */
function changingCharacters(dicts: readonly unknown[]): Set<string> {
  const changing = new Set<string>();
  for (const dict of dicts) {
    // Phrase dictionaries (400 KB for s→t) cannot contribute single characters: skip them unparsed.
    if (typeof dict !== 'string' || !isCharacterDictionary(dict)) continue;
    for (const entry of dict.split('|')) {
      const space = entry.indexOf(' ');
      const source = entry.slice(0, space);
      if ([...source].length === 1 && entry.slice(space + 1) !== source) changing.add(source);
    }
  }
  return changing;
}

/** A character dictionary has single-character sources; its first few entries tell. */
function isCharacterDictionary(dict: string): boolean {
  const sample = dict.slice(0, 200).split('|').slice(0, -1);
  return sample.length > 0 && sample.every((entry) => [...entry.slice(0, entry.indexOf(' '))].length === 1);
}

let traditionalOnly: Set<string> | undefined;
let simplifiedOnly: Set<string> | undefined;
/** Characters that t→s conversion changes: a Traditional form (後 發 國 …). */
const traditionalCharacters = () => (traditionalOnly ??= changingCharacters(t2cn().Locale.to.cn!.flat()));
/** Characters that s→t conversion changes: a Simplified form (发 国 …; also a few shared ones such as 后 里 台). */
const simplifiedCharacters = () => (simplifiedOnly ??= changingCharacters(cn2t().Locale.from.cn!.flat()));

export interface VariantEvidence {
  /** Han characters seen. */
  han: number;
  /** Characters only Traditional writing uses. */
  traditional: number;
  /** Characters only Simplified writing uses (0 when not counted, see `complete`). */
  simplified: number;
  /** False when Simplified characters were not counted because the text is plainly Traditional. */
  complete: boolean;
}

/**
 * The Traditional-only and Simplified-only characters of the BMP as bits of a table indexed by UTF-16 code unit,
 * so counting them costs an array read a character instead of a string and a Set lookup. Each bit is filled
 * when its character set is first needed (the Simplified one loads the large s→t tables). Characters beyond the
 * BMP stay in the Sets.
 */
const TRADITIONAL_ONLY = 1;
const SIMPLIFIED_ONLY = 2;
const variantTable = new Uint8Array(65536);
let variantTableFilled = 0;

/** The table with the given bits filled. */
function variantBits(bits: number): Uint8Array {
  for (const bit of [TRADITIONAL_ONLY, SIMPLIFIED_ONLY]) {
    if (!(bits & bit) || variantTableFilled & bit) continue;
    const characters = bit === TRADITIONAL_ONLY ? traditionalCharacters() : simplifiedCharacters();
    for (const ch of characters) if (ch.length === 1) variantTable[ch.charCodeAt(0)]! |= bit;
    variantTableFilled |= bit;
  }
  return variantTable;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Counts the characters that give a text away as Traditional or Simplified. With `lazy`, a plainly Traditional
 * text (one character in five or more Traditional-only) skips the Simplified count — and so never loads the s→t
 * tables; callers that meet a mixed document recount with `lazy` off.
 */
export function variantEvidence(text: string, lazy = false): VariantEvidence {
  // Once the s→t tables are loaded anyway, the Simplified characters are counted in the same pass.
  const { han, traditional, simplified } = countVariants(text, (variantTableFilled & SIMPLIFIED_ONLY) !== 0);
  if (lazy && traditional >= 3 && traditional * 5 >= han) return { han, traditional, simplified: 0, complete: false };
  return { han, traditional, simplified: simplified ?? countVariants(text, true).simplified!, complete: true };
}

/** Han, Traditional-only and (when asked) Simplified-only characters, by code unit; pairs beyond the BMP by Set. */
function countVariants(text: string, withSimplified: boolean): { han: number; traditional: number; simplified?: number } {
  const table = variantBits(withSimplified ? TRADITIONAL_ONLY | SIMPLIFIED_ONLY : TRADITIONAL_ONLY);
  let han = 0;
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHighSurrogate(code) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      const ch = text.slice(i, i + 2);
      i++;
      if (HAN.test(ch)) {
        han++;
        if (traditionalCharacters().has(ch)) traditional++;
      }
      if (withSimplified && simplifiedCharacters().has(ch)) simplified++;
      continue;
    }
    const bits = table[code]!;
    if (isHanCode(code)) {
      han++;
      if (bits & TRADITIONAL_ONLY) traditional++;
    }
    if (bits & SIMPLIFIED_ONLY) simplified++;
  }
  return withSimplified ? { han, traditional, simplified } : { han, traditional };
}

/** Decides from evidence: one side must outnumber the other two to one; `undefined` on a tie or no signal. */
export function decideVariant({ traditional, simplified }: Pick<VariantEvidence, 'traditional' | 'simplified'>): 'zh-Hant' | 'zh-Hans' | undefined {
  if (traditional > simplified * 2) return 'zh-Hant';
  if (simplified > traditional * 2) return 'zh-Hans';
  return undefined;
}

/** Traditional or Simplified Chinese, from the characters that only one of them uses; `undefined` if no signal. */
export function chineseVariant(text: string): 'zh-Hant' | 'zh-Hans' | undefined {
  return decideVariant(variantEvidence(text));
}
