/**
 * Coverage: untranslated and added passages, a translation that breaks off, a passage translated twice.
 * Reports runs, not sentences: eight untranslated paragraphs are one finding a translator can act on.
 */
import type { Document, Location, Paragraph } from '../model.js';
import type { Draft } from './findings.js';
import type { CheckLexicon } from './lexicon.js';
import { stemEnglish } from '../lang/english.js';
import { paragraphLocation, quote, sentenceLocation, sentencesLocation, spanIn, type Bead, type Pair, type SentenceRef, type Side } from './pair.js';

/** Text length in comparable units: Chinese characters count ~3 English letters. */
export function weight(text: string, chinese: boolean): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9) continue;
    n += chinese && ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) ? 3 : 1;
  }
  return n;
}

const short = (s: SentenceRef, chinese: boolean) => weight(s.text, chinese) < 24;

/** Cut-off, untranslated and added passages, duplicates. */
export function checkCoverage(pair: Pair, lexicon?: CheckLexicon): Draft[] {
  const drafts: Draft[] = [];
  const cutB = cutOff(pair, 'b', lexicon);
  const cutA = cutOff(pair, 'a', lexicon);
  if (cutB) drafts.push(cutB.draft);
  if (cutA) drafts.push(cutA.draft);
  const repeated = duplicates(pair);
  // A duplicate is usually aligned to nothing; saying "added" as well would report it twice.
  const duplicateIds = new Set(repeated.map((d) => d.b?.sentence));
  drafts.push(...missing(pair, 'a', cutB), ...missing(pair, 'b', cutA).filter((d) => !duplicateIds.has(d.b?.sentence)));
  if (lexicon) drafts.push(...mergedOmissions(pair, lexicon, cutB?.bead));
  drafts.push(...repeated);
  return drafts;
}

// ───────────── untranslated / added ─────────────

function missing(pair: Pair, sideName: 'a' | 'b', cut: CutOff | undefined): Draft[] {
  const other = sideName === 'a' ? 'b' : 'a';
  const side = pair[sideName];
  const drafts: Draft[] = [];
  const kind = sideName === 'a' ? 'untranslated' : 'added';
  // Sentences without counterpart: one-sided beads, and what lies beyond the point where the other side breaks off.
  const lonely = new Set(pair.beads.filter((b) => b[sideName].length && !b[other].length).flatMap((b) => b[sideName].map((s) => s.id)));
  for (const s of cut?.beyond ?? []) lonely.add(s.id);
  const lonelyParagraphs = new Set(pair.paragraphBeads.filter((pb) => pb[sideName].length && !pb[other].length).flatMap((pb) => pb[sideName].map((p) => p.id)));
  for (const p of side.paragraphs) if (p.sentences.length && p.sentences.every((s) => lonely.has(s.id))) lonelyParagraphs.add(p.id);
  const covered = new Set<string>();
  for (const run of runs(side.paragraphs, (p) => lonelyParagraphs.has(p.id))) {
    run.forEach((p) => p.sentences.forEach((s) => covered.add(s.id)));
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const numbers = run.length === 1 ? `Paragraph ${ordinalOf(first)}` : `Paragraphs ${ordinalOf(first)}–${ordinalOf(last)} (${run.length} paragraphs)`;
    const tail = last === side.paragraphs[side.paragraphs.length - 1];
    const message =
      kind === 'untranslated'
        ? `${numbers} of the source ${run.length === 1 ? 'has' : 'have'} no translation${tail && cut ? ' — everything after the point where the translation breaks off' : ''}: “${quote(first.text)}”.`
        : `${numbers} of the translation ${run.length === 1 ? 'has' : 'have'} no counterpart in the source: “${quote(first.text)}”.`;
    const location: Location = { ...paragraphLocation(first, side.version.id), end: last.end };
    drafts.push({ kind, severity: 'major', message, [sideName]: location, evidence: [location] });
  }
  // Sentences without counterpart inside paragraphs that are otherwise translated.
  for (const run of runs(side.sentences, (s) => lonely.has(s.id) && !covered.has(s.id), (x, y) => x.paragraph === y.paragraph)) {
    const location = sentencesLocation(run)!;
    const isShort = run.length === 1 && short(run[0]!, side.isChinese);
    const what = run.length === 1 ? 'Sentence' : `${run.length} sentences`;
    const message =
      kind === 'untranslated'
        ? `${what} of the source not translated: “${quote(run[0]!.text, 60)}”.`
        : `${what} in the translation with no counterpart in the source: “${quote(run[0]!.text, 60)}”.`;
    drafts.push({ kind, severity: isShort ? 'minor' : 'major', message, [sideName]: location, evidence: [location] });
  }
  return drafts;
}

function ordinalOf(p: Paragraph): number {
  return Number(/\.p(\d+)$/.exec(p.id)?.[1] ?? 0);
}

/** Maximal runs of consecutive items satisfying `test` (and `together` between neighbours). */
function runs<T>(items: T[], test: (x: T) => boolean, together: (x: T, y: T) => boolean = () => true): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  for (const item of items) {
    const last = current[current.length - 1];
    if (test(item) && (last === undefined || together(last, item))) current.push(item);
    else {
      if (current.length) out.push(current);
      current = test(item) ? [item] : [];
    }
  }
  if (current.length) out.push(current);
  return out;
}

// ───────────── cut-off ─────────────

const FINAL_PUNCTUATION = /(?:[.!?。！？…」』”"’'）)\]】》〉*~～]|\p{Extended_Pictographic}|\p{So})\s*$/u;
/** Endings that promise more: a comma, an enumeration mark, an opening bracket, a dangling connective. */
const CONTINUATION_END = /(?:[,，、;；:：(（“「『‘\-–—]|\b(?:and|or|but|the|a|an|of|with|for|by|from|into|onto|than|at|its|their|my|your|our|if|because|although|though|whether|unless|(?:it|that|there|what|he|she)['’]s|(?:we|they|you)['’]re|I['’]m)|\w['’]s|[和及與与或並并且把被將将從从向])\s*$/i;

/**
 * Words a complete sentence rarely ends on — determiners, auxiliaries and modals, negations, degree adverbs — yet
 * unlike a preposition or "and" they can ("I think it is", "Yes, I can"): only evidence together with length.
 */
const OPEN_ENDING_EN = /\b(?:to|another|other|this|these|those|every|each|some|any|no|his|her|is|are|was|were|be|been|being|has|have|had|do|does|did|can|could|will|would|shall|should|may|might|must|(?:is|are|was|were|has|have|had|do|does|did|ca|wo|could|would|should|must)n['’]t|can['’]t|cannot|won['’]t|not|still|very|just|also|even|already|only|more|less|most|how|why|where|so|too|really|quite|little|such|whose|which|who|as|like|about|over|until|since|before|after|between|through|under|always|never|ever|usually|often|almost|nearly)\s*$/i;
const OPEN_ENDING_ZH = /(?:[把被對对給给跟讓让使為为於于比很最更太就都也還还再又才已正]|因為|因为|所以|但是|而且|如果|雖然|虽然|以及|或者|還是|还是|以便|由於|由于|關於|关于|通過|通过|根據|根据)\s*$/;

/**
 * A question broken before its predicate: a wh-word and an auxiliary ("so how is"), or an inverted auxiliary and
 * its subject ("how much longer do I") — except the complete "so do I", "neither can we".
 */
const OPEN_QUESTION_END = /(?:\b(?:how|why|what|where|when|who|which)\s+(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have)|(?<!\b(?:so|neither|nor|as|than)\s+)\b(?:do|does|did|can|could|will|would|should|shall|must|have|has)\s+(?:I|we|you|they|he|she))\s*$/i;

const QUESTION_START = /^(?:(?:but|and|so|then|or)\s*,?\s+)?(?:shall|should|can|could|will|would|do|does|did|is|are|was|were|have|has|how|what|why|when|where|who|which)\s+(?:i|you|we|they|he|she|it|there|the|this|that|my|your|long|much|many)\b/i;

/** More brackets or quotes opened than closed: the sentence stops inside one. */
function stopsInsideBracket(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if ('(（[【《「『“'.includes(ch)) depth++;
    else if (')）]】》」』”'.includes(ch)) depth--;
  }
  return depth > 0;
}

function lastBeadOf(pair: Pair, sideName: 'a' | 'b', last: SentenceRef): Bead | undefined {
  return pair.beads.find((b) => b[sideName].some((s) => s.id === last.id));
}

/** Median length ratio (b/a) of the document's 1-1 beads: what "complete" looks like for this pair. */
function medianRatio(pair: Pair): number {
  const ratios = pair.beads
    .filter((b) => b.a.length && b.b.length)
    .map((b) => weight(b.bText, pair.b.isChinese) / Math.max(1, weight(b.aText, pair.a.isChinese)))
    .sort((x, y) => x - y);
  return ratios.length ? ratios[Math.floor(ratios.length / 2)]! : 1;
}

interface CutOff {
  draft: Draft;
  bead: Bead;
  /** Sentences of the other side that the broken-off text never reaches (the aligner may fold them into its bead). */
  beyond: SentenceRef[];
}

function cutOff(pair: Pair, sideName: 'a' | 'b', lexicon: CheckLexicon | undefined): CutOff | undefined {
  const side: Side = pair[sideName];
  const last = side.sentences[side.sentences.length - 1];
  if (!last) return undefined;
  const text = last.text.trimEnd();
  if (FINAL_PUNCTUATION.test(text)) return undefined;
  const bead = lastBeadOf(pair, sideName, last);
  const otherName = sideName === 'a' ? 'b' : 'a';
  const counterpart = bead?.[otherName] ?? [];
  const otherEndsDangling = counterpart.length > 0 && CONTINUATION_END.test(counterpart[counterpart.length - 1]!.text.trimEnd());
  // Both sides ending on "Dispatch site:" is the original's form, not a cut.
  const dangling = (CONTINUATION_END.test(text) || (!side.isChinese && OPEN_QUESTION_END.test(text)) || stopsInsideBracket(text)) && !otherEndsDangling;
  // Evidence short of a dangling ending: the text is too short for its counterpart (a cut), or only its final
  // punctuation is missing where the counterpart has it (a cut, or a forgotten full stop: said as such).
  let evidence: 'short' | 'open' | 'unpunctuated' | undefined;
  // In a short document the cut bead's own ratio must not vouch for itself (a one-line chat is its own median):
  // the expectation leans on the other beads and the neutral ratio instead.
  const ratios = beadRatios(pair);
  const ratio = bead && ratios.sorted.length < 4 ? expectedRatio(ratios, bead) : medianRatio(pair);
  const own = bead ? weight(bead[sideName].map((s) => s.text).join(' '), side.isChinese) : 0;
  // Length says little about a source (translations add words); only the translation is measured.
  if (!dangling && bead && counterpart.length && sideName === 'b') {
    const theirs = weight(counterpart.map((s) => s.text).join(' '), pair[otherName].isChinese);
    const expected = theirs * ratio;
    const otherText = counterpart[counterpart.length - 1]!.text.trimEnd();
    const otherEnds = FINAL_PUNCTUATION.test(otherText);
    const source = counterpart.map((s) => s.text).join(' ');
    let matches: WordMatch[] | undefined;
    const sourceMatches = (lexicon: CheckLexicon) => {
      const sourceIsChinese = pair[otherName].isChinese;
      return (matches ??= wordMatches(source, matchTarget(bead[sideName].map((s) => s.text).join(' '), sourceIsChinese, lexicon), sourceIsChinese, lexicon));
    };
    const short =
      own < expected * (otherEnds ? 0.6 : 0.5) ||
      (lexicon !== undefined && own < expected * 0.9 && tailUnreached(source, sourceMatches(lexicon))) ||
      // Well short of its counterpart, one unmatched content word after the last matched one is evidence enough
      // for a short line (“Please notify him” for 请通知他再送到我们公司).
      (lexicon !== undefined && own < expected * 0.6 && tailUnreached(source, sourceMatches(lexicon), true));
    // An English question that never reaches its question mark ("Shall I tell", "How long will").
    const openQuestion = !side.isChinese && QUESTION_START.test(text);
    // An ending that leaves the sentence open (an auxiliary, a determiner, an adverb waiting for its word: "It
    // can't", "Why is it still", "a little") where the text is also shorter than its counterpart asks for.
    const openEnding = !short && (side.isChinese ? OPEN_ENDING_ZH : OPEN_ENDING_EN).test(text) && own < expected;
    if (short) evidence = 'short';
    else if (openEnding) evidence = 'open';
    else if (otherEnds || openQuestion || punctuatesAlways(pair, sideName, bead)) evidence = 'unpunctuated';
  }
  if (!dangling && !evidence) return undefined;
  const tailStart = Math.max(0, text.length - 12);
  const where: Location = spanIn(last, tailStart, text.length);
  const counterpartLocation = sentencesLocation(counterpart);
  const version = sideName === 'b' ? 'translation' : 'source';
  const ending = `“…${quote(text.slice(tailStart), 20)}”`;
  const draft: Draft = {
    kind: 'cut-off',
    severity: evidence === 'unpunctuated' ? 'major' : 'critical',
    message:
      evidence === 'unpunctuated'
        ? `The ${version} may break off: it ends with ${ending} without the final punctuation its counterpart has.`
        : evidence === 'open'
          ? `The ${version} breaks off mid-sentence: it ends with ${ending}, a word that leaves the sentence open, and is shorter than its counterpart.`
          : `The ${version} breaks off mid-sentence: it ends with ${ending}${dangling ? '' : ', much shorter than its counterpart'}${counterpart.length && sideName === 'b' ? ` — the rest of source sentence ${counterpart[counterpart.length - 1]!.id} is not translated` : ''}.`,
    [sideName]: where,
    ...(counterpartLocation ? { [otherName]: counterpartLocation } : {}),
    evidence: [where, ...(counterpartLocation ? [counterpartLocation] : [])],
  };
  // Counterpart sentences that start beyond what the broken-off text can cover.
  const reach = sideName === 'b' ? own / ratio : own * ratio;
  const beyond: SentenceRef[] = [];
  let before = 0;
  for (const s of counterpart) {
    if (before >= reach * 1.2 && s !== counterpart[0]) beyond.push(s);
    before += weight(s.text, pair[otherName].isChinese);
  }
  return { draft, bead: bead ?? { a: [], b: [], aText: '', bText: '', confidence: 0 }, beyond };
}

/** This side ends every other bead with final punctuation, even where its counterpart does not (chat, titles). */
function punctuatesAlways(pair: Pair, sideName: 'a' | 'b', except: Bead): boolean {
  let ended = 0;
  let total = 0;
  for (const bead of pair.beads) {
    if (bead === except || !bead[sideName].length) continue;
    total++;
    if (FINAL_PUNCTUATION.test(bead[sideName][bead[sideName].length - 1]!.text.trimEnd())) ended++;
  }
  return total >= 3 && ended === total;
}

/**
 * The translation stops before the end of its source: the source's content words are matched (through the
 * lexicon) up to a point, and its last stretch, holding several content words, is matched by nothing.
 */
function tailUnreached(source: string, matches: WordMatch[], loose = false): boolean {
  if (matches.length < (loose ? 2 : 3)) return false;
  const matched = matches.filter((m) => m.matched);
  if (matched.length < 1 || matched.length < matches.length * 0.25) return false;
  const lastMatched = matched[matched.length - 1]!.position;
  const tail = matches.filter((m) => m.position > lastMatched);
  return tail.length >= (loose ? 1 : 2) && (source.length - lastMatched) / source.length >= 0.25;
}

interface WordMatch {
  position: number;
  matched: boolean;
}

/**
 * What the source's words are matched against: the English stems of an English translation, or the gloss stems
 * of a Chinese one. Built once per translation text, however many source sentences are matched against it.
 */
function matchTarget(translation: string, sourceIsChinese: boolean, lexicon: CheckLexicon): Set<string> {
  return sourceIsChinese ? englishStems(translation) : chineseGlosses(translation, lexicon);
}

function wordMatches(source: string, target: Set<string>, sourceIsChinese: boolean, lexicon: CheckLexicon): WordMatch[] {
  return sourceIsChinese ? chineseMatchesIn(source, target, lexicon) : englishMatchesIn(source, target);
}

const englishStems = (translation: string): Set<string> => new Set((translation.match(/[A-Za-z]+/g) ?? []).map(stemEnglish).filter(Boolean));

/** Gloss stems of the words of a Chinese text (greedy segmentation, at most 6 characters a word). */
function chineseGlosses(translation: string, lexicon: CheckLexicon): Set<string> {
  const glossed = new Set<string>();
  for (const run of translation.matchAll(/[\u3400-\u9fff]+/g)) {
    let i = 0;
    const text = run[0];
    while (i < text.length) {
      let n = Math.min(6, text.length - i);
      while (n > 1 && !lexicon.has(text.slice(i, i + n))) n--;
      for (const g of lexicon.glosses(text.slice(i, i + n))) glossed.add(g);
      i += n;
    }
  }
  return glossed;
}

/** Chinese source words with glosses, each matched when one of its gloss stems is an English stem of the translation. */
function chineseMatchesIn(source: string, stems: Set<string>, lexicon: CheckLexicon): WordMatch[] {
  const out: WordMatch[] = [];
  for (const run of source.matchAll(/[\u3400-\u9fff]+/g)) {
    let i = run.index!;
    const end = i + run[0].length;
    while (i < end) {
      let n = Math.min(6, end - i);
      while (n > 1 && !lexicon.has(source.slice(i, i + n))) n--;
      const glosses = lexicon.glosses(source.slice(i, i + n));
      if (glosses.length && n >= 2) out.push({ position: i, matched: glosses.some((g) => stems.has(g)) });
      i += n;
    }
  }
  return out;
}

/** English source content words, each matched when a Chinese word of the translation glosses it. */
function englishMatchesIn(source: string, glossed: Set<string>): WordMatch[] {
  const out: WordMatch[] = [];
  for (const m of source.matchAll(/[A-Za-z]{3,}/g)) {
    const stem = stemEnglish(m[0]);
    if (stem) out.push({ position: m.index!, matched: glossed.has(stem) });
  }
  return out;
}

/**
 * An aligner folds an untranslated sentence into its neighbour's bead (2-1 instead of 1-0 + 1-1), and an added
 * one likewise (1-2). Inside a bead with several sentences on one side, the sentence whose content words the
 * other side matches far less than its neighbours' (through the lexicon), and without which the bead's length
 * ratio is what this document's other beads show, has no counterpart.
 */
function mergedOmissions(pair: Pair, lexicon: CheckLexicon, cutBead: Bead | undefined): Draft[] {
  const drafts: Draft[] = [];
  if (pair.a.isChinese === pair.b.isChinese) return drafts;
  const ratios = beadRatios(pair);
  for (const bead of pair.beads) {
    if (bead === cutBead || !bead.a.length || !bead.b.length) continue;
    if (bead.a.length < 2 && bead.b.length < 2) continue;
    const ratio = expectedRatio(ratios, bead);
    for (const sideName of ['a', 'b'] as const) {
      if (bead[sideName].length < 2) continue;
      const found = unmatchedInBead(pair, bead, sideName, ratio, lexicon);
      if (!found) continue;
      const location = sentenceLocation(found);
      const otherName = sideName === 'a' ? 'b' : 'a';
      drafts.push({
        kind: sideName === 'a' ? 'untranslated' : 'added',
        severity: short(found, pair[sideName].isChinese) ? 'minor' : 'major',
        message:
          sideName === 'a'
            ? `Sentence of the source not translated (the translation of its neighbour has nothing of it): “${quote(found.text, 60)}”.`
            : `Sentence in the translation with no counterpart in the source (its neighbour's source has nothing of it): “${quote(found.text, 60)}”.`,
        [sideName]: location,
        [otherName]: sentencesLocation(bead[otherName]),
        evidence: [location],
      });
    }
  }
  return drafts;
}

/** Length ratio (b/a, in `weight` units) of every bead with both sides. */
interface BeadRatios {
  byBead: Map<Bead, number>;
  sorted: number[];
  median: number;
}

function beadRatios(pair: Pair): BeadRatios {
  const byBead = new Map<Bead, number>();
  for (const b of pair.beads) if (b.a.length && b.b.length) byBead.set(b, weight(b.bText, pair.b.isChinese) / Math.max(1, weight(b.aText, pair.a.isChinese)));
  const sorted = [...byBead.values()].sort((x, y) => x - y);
  return { byBead, sorted, median: sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 1 };
}

/**
 * What a complete bead's ratio looks like here: the median of the other beads, drawn towards 1 (weights already
 * count a Chinese character as ~3 letters) when the document has few beads to tell.
 */
function expectedRatio(ratios: BeadRatios, except: Bead): number {
  const own = ratios.byBead.get(except);
  const n = ratios.sorted.length - (own === undefined ? 0 : 1);
  let median: number;
  if (n >= 12) median = ratios.median; // One bead more or less moves the median of many by nothing that matters.
  else {
    const others = [...ratios.byBead].filter(([b]) => b !== except).map(([, r]) => r).sort((x, y) => x - y);
    median = n ? others[Math.floor(n / 2)]! : 1;
  }
  const trust = Math.min(n, 6) / 6;
  return median * trust + 1 * (1 - trust);
}

/** The one sentence of `sideName` in this bead that the other side does not translate, if the evidence agrees. */
function unmatchedInBead(pair: Pair, bead: Bead, sideName: 'a' | 'b', ratio: number, lexicon: CheckLexicon): SentenceRef | undefined {
  const otherName = sideName === 'a' ? 'b' : 'a';
  const side = pair[sideName];
  const otherText = sideName === 'a' ? bead.bText : bead.aText;
  // Expected weight of the other side for a given weight of this side.
  const toOther = (w: number) => (sideName === 'a' ? w * ratio : w / ratio);
  const other = weight(otherText, pair[otherName].isChinese);
  const target = matchTarget(otherText, side.isChinese, lexicon);
  const coverage = bead[sideName].map((s) => {
    const matches = wordMatches(s.text, target, side.isChinese, lexicon);
    const matched = matches.filter((m) => m.matched).length;
    return { s, total: matches.length, matched, weight: weight(s.text, side.isChinese) };
  });
  const all = coverage.reduce((n, c) => n + c.weight, 0);
  let best: { s: SentenceRef; score: number } | undefined;
  for (const c of coverage) {
    const rest = coverage.filter((o) => o !== c);
    const restTotal = rest.reduce((n, o) => n + o.total, 0);
    const restMatched = rest.reduce((n, o) => n + o.matched, 0);
    const restShare = restTotal ? restMatched / restTotal : 0;
    const share = c.total ? c.matched / c.total : 0;
    // The other side's length fits the bead without this sentence better than with it.
    const without = toOther(all - c.weight);
    const withIt = toOther(all);
    // Lexical evidence alone, where it is clear-cut: none of this sentence's content words (two or more) is
    // matched while most of its neighbours' are. Length ratios of short chat lines vary too much to overrule it,
    // as long as the other side is not longer than the whole bead asks for.
    const clearCut = c.total >= 2 && c.matched === 0 && restTotal >= 2 && restShare >= 0.5 && other < withIt;
    if (!clearCut && !(other < (without + withIt) / 2)) continue;
    // The lexicon finds the neighbours translated and this sentence not: nothing of it, or far less.
    const lexical = clearCut || (restTotal >= 1 && restShare >= 0.3 && (c.total >= 3 ? share <= 0.4 && share <= restShare * 0.6 : c.matched === 0 && c.total >= 1));
    // Or the length is decisive: the other side is no longer than the neighbours need, and nothing of this
    // sentence is matched.
    const lengthAlone = restMatched >= 1 && share <= restShare * 0.5 && other <= without * 1.1 && c.weight >= 0.3 * all;
    if (!lexical && !lengthAlone) continue;
    const score = restShare - share + (withIt - other) / Math.max(1, withIt);
    if (!best || score > best.score) best = { s: c.s, score };
  }
  return best?.s;
}

// ───────────── duplicates ─────────────

function normalised(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** A sentence of the translation that appears twice while its source does not repeat. */
function duplicates(pair: Pair): Draft[] {
  const drafts: Draft[] = [];
  const seen = new Map<string, SentenceRef>();
  let beadOf: Map<string, Bead> | undefined;
  for (const s of pair.b.sentences) {
    // Short sentences ("Thank you.", "OK") repeat for good reasons; skip them before the costlier normalising.
    if (s.text.length < (pair.b.isChinese ? 5 : 15)) continue;
    const key = normalised(s.text);
    if (weight(key, pair.b.isChinese) < 15) continue;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, s);
      continue;
    }
    if (!beadOf) {
      beadOf = new Map();
      for (const bead of pair.beads) for (const t of bead.b) beadOf.set(t.id, bead);
    }
    const beadFirst = beadOf.get(first.id);
    const beadSecond = beadOf.get(s.id);
    // The same source sentence translated in two places is a duplicate; two identical source sentences are not.
    if (beadFirst && beadSecond && beadFirst !== beadSecond && beadFirst.a.length && normalised(beadFirst.aText) === normalised(beadSecond.aText)) continue;
    const second = sentenceLocation(s);
    drafts.push({
      kind: 'duplicated',
      severity: 'major',
      message: `Passage translated twice: “${quote(s.text, 50)}” repeats sentence ${first.id}.`,
      b: second,
      evidence: [sentenceLocation(first), second],
    });
  }
  return drafts;
}


/**
 * Without an alignment only the ending itself can tell: a version whose last sentence ends on a comma, an
 * enumeration mark or a dangling connective broke off.
 */
export function checkCutOffUnaligned(doc: Document): Draft[] {
  const drafts: Draft[] = [];
  for (const version of doc.versions) {
    if (doc.alignments.some((al) => al.versions.includes(version.id))) continue;
    const paragraph = version.paragraphs[version.paragraphs.length - 1];
    const sentence = paragraph?.sentences[paragraph.sentences.length - 1];
    if (!paragraph || !sentence) continue;
    const text = sentence.text.trimEnd();
    if (FINAL_PUNCTUATION.test(text) || !CONTINUATION_END.test(text)) continue;
    const tailStart = Math.max(0, text.length - 12);
    const where = spanIn({ ...sentence, version: version.id, paragraph: paragraph.id, index: 0 }, tailStart, text.length);
    drafts.push({
      kind: 'cut-off',
      severity: 'critical',
      message: `Version ${version.id} (${version.language}) breaks off mid-sentence: it ends with “…${quote(text.slice(tailStart), 20)}”.`,
      [version === doc.versions[0] ? 'a' : 'b']: where,
      evidence: [where],
    });
  }
  return drafts;
}
