/**
 * check: adds translation-check findings to an aligned Document. Pair checks (coverage, numbers and dates,
 * names, terminology, text left in the source language) run on every alignment; form checks (doubled words,
 * brackets, punctuation width) on every version.
 */
import type { Document, Finding, FindingKind } from '../model.js';
import { checkCoverage, checkCutOffUnaligned } from './coverage.js';
import { finalize, type Draft } from './findings.js';
import { checkForm, checkLeftUntranslated } from './form.js';
import type { Glossary } from './glossary.js';
import { defaultLexicon, type CheckLexicon } from './lexicon.js';
import { checkNames } from './names.js';
import { checkNumbers } from './numbers.js';
import { pairOf } from './pair.js';
import { checkGlossary } from './terminology.js';

export interface CheckOptions {
  /** A project glossary, loaded with `loadGlossary(path)` (CSV or TBX). */
  glossary?: Glossary;
  /** The lexicon to use; default the compiled CC-CEDICT lexicon when built; `false` for none. */
  lexicon?: CheckLexicon | false;
  /** Only these kinds (default all). */
  kinds?: FindingKind[];
}

export type { Glossary } from './glossary.js';
export { loadGlossary } from './glossary.js';

/** Adds translation-check findings. */
export function check(doc: Document, options: CheckOptions = {}): Document {
  return { ...doc, findings: findings(doc, options) };
}

export function findings(doc: Document, options: CheckOptions = {}): Finding[] {
  const lexicon = options.lexicon === false ? undefined : (options.lexicon ?? defaultLexicon());
  const drafts: Draft[] = [];
  for (const alignment of doc.alignments) {
    const pair = pairOf(doc, alignment);
    if (!pair) continue;
    drafts.push(...checkCoverage(pair, lexicon), ...checkNumbers(pair, lexicon), ...checkNames(pair, lexicon), ...checkGlossary(pair, options.glossary), ...checkLeftUntranslated(pair));
  }
  drafts.push(...checkCutOffUnaligned(doc), ...checkForm(doc, lexicon));
  const kept = withoutEchoes(dedupe(drafts));
  return finalize(options.kinds ? kept.filter((d) => options.kinds!.includes(d.kind)) : kept);
}

/** The same finding from two alignments (or two checks) once. */
function dedupe(drafts: Draft[]): Draft[] {
  const seen = new Set<string>();
  return drafts.filter((d) => {
    const key = `${d.kind}|${d.message}|${d.a?.start}|${d.b?.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Consequences of a cut-off are not news: an unclosed quote in the paragraph that breaks off, or a number or
 * acronym missing from the sentence that breaks off, is the cut itself.
 */
function withoutEchoes(drafts: Draft[]): Draft[] {
  const cuts = drafts.filter((d) => d.kind === 'cut-off');
  const cutSentences = new Set(cuts.flatMap((d) => [d.a, d.b].filter((l) => l?.sentence && d.evidence[0] === l).map((l) => l!.sentence!)));
  const cutParagraphs = new Set(cuts.flatMap((d) => [d.a, d.b].filter((l) => l?.sentence && d.evidence[0] === l).map((l) => l!.paragraph!)));
  const echoKinds = new Set(['number', 'date', 'name', 'terminology']);
  return drafts.filter((d) => {
    const locations = [d.a, d.b];
    if (d.kind === 'unbalanced' && locations.some((l) => l?.paragraph && cutParagraphs.has(l.paragraph))) return false;
    if (echoKinds.has(d.kind) && locations.some((l) => l?.sentence && cutSentences.has(l.sentence))) return false;
    return true;
  });
}
