/**
 * Letter counts by writing system, the first and cheapest step of language identification.
 *
 * Scripts are weighed by how much content one character carries: a Chinese character or a Hangul syllable says
 * about as much as two or three Latin letters, so a Chinese paragraph with an English acronym ("ETGE") stays
 * Chinese and an English paragraph quoting a few Chinese words stays English.
 */

export type Script = 'Han' | 'Kana' | 'Hangul' | 'Arab' | 'Cyrl' | 'Latn' | 'Grek' | 'Hebr' | 'Deva' | 'Thai' | 'Other';

export interface ScriptProfile {
  counts: Record<Script, number>;
  /** Letters specific to Uyghur in Arabic script: ې ۆ ۇ ۈ ڭ ە ۋ. */
  uyghur: number;
  /** Letters specific to Kazakh in Cyrillic: ә ғ қ ң ө ұ ү һ. */
  kazakh: number;
  /** Letters specific to Turkish (and Azerbaijani) in Latin: ı ğ ş İ. */
  turkish: number;
  /** Latin letters outside ASCII (é ü ß ñ …), a sign the text is not English. */
  latinDiacritics: number;
}

/** Content weight of one character of each script, relative to one Latin letter. */
export const SCRIPT_WEIGHT: Record<Script, number> = {
  Han: 2.5, Kana: 2, Hangul: 2, Arab: 1, Cyrl: 1, Latn: 1, Grek: 1, Hebr: 1, Deva: 1.5, Thai: 1, Other: 1,
};

const UYGHUR = new Set([0x06d0, 0x06c6, 0x06c7, 0x06c8, 0x06ad, 0x06d5, 0x06cb]);
const KAZAKH = new Set('әғқңөұүһӘҒҚҢӨҰҮҺ'.split('').map((c) => c.charCodeAt(0)));
const TURKISH = new Set('ığşİĞŞ'.split('').map((c) => c.charCodeAt(0)));

/** The script of one code point; `undefined` for anything that is not a letter. */
function classify(code: number): Script | undefined {
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? 'Latn' : undefined;
  if (code >= 0x4e00 && code <= 0x9fff) return 'Han';
  if (code < 0x0250) return code >= 0xc0 && code !== 0xd7 && code !== 0xf7 ? 'Latn' : code === 0xaa || code === 0xba ? 'Latn' : undefined;
  if (code >= 0x0370 && code <= 0x03ff) return 'Grek';
  if (code >= 0x0400 && code <= 0x052f) return 'Cyrl';
  if (code >= 0x0590 && code <= 0x05ff) return code >= 0x05d0 ? 'Hebr' : undefined;
  if (code >= 0x0600 && code <= 0x06ff) {
    // Arabic-script digits and punctuation (، ؛ ؟ ٪ ۔) are not letters.
    if ((code >= 0x0660 && code <= 0x066d) || (code >= 0x06f0 && code <= 0x06f9) || code === 0x060c || code === 0x061b || code === 0x061f || code === 0x06d4 || code < 0x0620) return undefined;
    return 'Arab';
  }
  if ((code >= 0x0750 && code <= 0x077f) || (code >= 0x08a0 && code <= 0x08ff) || (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfefc)) return 'Arab';
  if (code >= 0x0900 && code <= 0x097f) return 'Deva';
  if (code >= 0x0e00 && code <= 0x0e7f) return 'Thai';
  if (code >= 0x1e00 && code <= 0x1eff) return 'Latn';
  if (code >= 0x3040 && code <= 0x309f) return 'Kana';
  // ・ (U+30FB) is the katakana middle dot, but Chinese uses it in transliterated names too: not a kana letter.
  if (code >= 0x30a0 && code <= 0x30ff) return code === 0x30fb ? undefined : 'Kana';
  if ((code >= 0x31f0 && code <= 0x31ff) || (code >= 0xff66 && code <= 0xff9f)) return 'Kana';
  if (code >= 0xac00 && code <= 0xd7af) return 'Hangul';
  if ((code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f)) return 'Hangul';
  if ((code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff) || code === 0x3007) return 'Han';
  if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) return 'Latn'; // full-width Latin
  if (code >= 0x20000 && code <= 0x323af) return 'Han';
  if (code >= 0x2e80 && code <= 0x2fdf) return 'Han'; // radicals
  // Everything else that Unicode calls a letter belongs to a script we do not name.
  return /\p{L}/u.test(String.fromCodePoint(code)) ? 'Other' : undefined;
}

/** Scripts by index, for the per-code-point table below. */
const SCRIPTS = Object.keys(SCRIPT_WEIGHT) as Script[];
const NO_SCRIPT = SCRIPTS.length;
/** Script index + 1 of each BMP code point met so far (0: not yet classified), so each is classified once. */
const bmpScripts = new Uint8Array(0x10000);

/** Index in SCRIPTS of the code point's script; NO_SCRIPT for anything that is not a letter. */
function scriptIndexOf(code: number): number {
  if (code < 0x10000) {
    let index = bmpScripts[code]!;
    if (index === 0) {
      const script = classify(code);
      bmpScripts[code] = index = (script ? SCRIPTS.indexOf(script) : NO_SCRIPT) + 1;
    }
    return index - 1;
  }
  const script = classify(code);
  return script ? SCRIPTS.indexOf(script) : NO_SCRIPT;
}

const HAN = SCRIPTS.indexOf('Han');
const ARAB = SCRIPTS.indexOf('Arab');
const CYRL = SCRIPTS.indexOf('Cyrl');
const LATN = SCRIPTS.indexOf('Latn');

/** Counts the letters of `text` (or of `text.slice(start, end)`) by script. */
export function profileScripts(text: string, start = 0, end = text.length): ScriptProfile {
  const byIndex = new Array<number>(SCRIPTS.length + 1).fill(0);
  let uyghur = 0;
  let kazakh = 0;
  let turkish = 0;
  let latinDiacritics = 0;
  for (let i = start; i < end; i++) {
    let code = text.charCodeAt(i);
    // ASCII: a letter is Latin, nothing else is a letter.
    if (code < 0x80) {
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) byIndex[LATN]++;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
      code = text.codePointAt(i)!;
      i++;
    }
    const script = scriptIndexOf(code);
    byIndex[script]++;
    if (script === HAN || script === NO_SCRIPT) continue;
    if (script === ARAB && UYGHUR.has(code)) uyghur++;
    else if (script === CYRL && KAZAKH.has(code)) kazakh++;
    else if (script === LATN) {
      latinDiacritics++;
      if (TURKISH.has(code)) turkish++;
    }
  }
  const counts = {} as Record<Script, number>;
  SCRIPTS.forEach((script, index) => (counts[script] = byIndex[index]!));
  return { counts, uyghur, kazakh, turkish, latinDiacritics };
}

/** The script that carries most of the content, Han and Kana taken together as Japanese when kana are present. */
export function dominantScript(profile: ScriptProfile): { script: Script | undefined; weight: number } {
  let best: Script | undefined;
  let bestWeight = 0;
  let total = 0;
  for (const script of Object.keys(profile.counts) as Script[]) {
    const weight = profile.counts[script] * SCRIPT_WEIGHT[script];
    total += weight;
    if (weight > bestWeight) {
      best = script;
      bestWeight = weight;
    }
  }
  // Japanese mixes kanji and kana: their sum competes with the other scripts, the kana share decides.
  const { Han, Kana } = profile.counts;
  const japaneseWeight = Han * SCRIPT_WEIGHT.Han + Kana * SCRIPT_WEIGHT.Kana;
  if (Kana > 0 && Kana >= 0.15 * (Han + Kana) && japaneseWeight >= bestWeight) return { script: 'Kana', weight: total };
  if (best === 'Kana' && Kana < 0.15 * (Han + Kana)) best = 'Han';
  return { script: best, weight: total };
}
