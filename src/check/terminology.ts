/**
 * Glossary terminology: where a sentence holds a glossary term, its aligned sentence must hold a required
 * rendering and must not hold a forbidden one. Chinese is compared with Traditional and Simplified folded.
 */
import { toSimplified } from '../lang/chinese.js';
import type { Location } from '../model.js';
import type { Draft } from './findings.js';
import type { Glossary, GlossaryTerm } from './glossary.js';
import { locateInBead, sentencesLocation, type Bead, type Pair, type Side } from './pair.js';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Folds what a term match should ignore: case, Chinese script, full-width forms. */
function fold(text: string): string {
  const t = text.normalize('NFKC').toLowerCase();
  return HAN.test(t) ? toSimplified(t) : t;
}

/** Offsets of a term in a folded text (word boundaries for Latin terms, plural -s/-es allowed). */
function findTerm(folded: string, term: string): { start: number; end: number } | undefined {
  const t = fold(term);
  if (!t) return undefined;
  if (HAN.test(t)) {
    const i = folded.indexOf(t);
    return i < 0 ? undefined : { start: i, end: i + t.length };
  }
  const escaped = t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const m = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?:s|es)?(?![\\p{L}\\p{N}])`, 'u').exec(folded);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

/** A term belongs to a side when its language tag matches, or (CSV, no tag) when its script does. */
function fits(term: GlossaryTerm, side: Side): boolean {
  if (term.language) return term.language.toLowerCase().split('-')[0] === side.language.toLowerCase().split('-')[0];
  return HAN.test(term.text) === side.isChinese;
}

export function checkGlossary(pair: Pair, glossary: Glossary | undefined): Draft[] {
  if (!glossary?.entries.length) return [];
  const drafts: Draft[] = [];
  for (const bead of pair.beads) {
    const aFold = fold(bead.aText);
    const bFold = fold(bead.bText);
    for (const entry of glossary.entries) {
      const required = entry.targets.filter((t) => t.status === 'required');
      const forbidden = entry.targets.filter((t) => t.status === 'forbidden');
      // Try the entry in the pair's direction, and required renderings also the other way round.
      for (const [from, to, fromFold, toFold, fromName] of [
        [pair.a, pair.b, aFold, bFold, 'a'],
        [pair.b, pair.a, bFold, aFold, 'b'],
      ] as const) {
        const toName = fromName === 'a' ? 'b' : 'a';
        const fromList = bead[fromName];
        const toList = bead[toName];
        if (!fromList.length || !toList.length) continue;
        const term = entry.source.filter((s) => fits(s, from)).map((s) => ({ s, at: findTerm(fromFold, s.text) })).find((x) => x.at);
        if (!term?.at) continue;
        const targets = required.filter((t) => fits(t, to));
        if (targets.length && !targets.some((t) => findTerm(toFold, t.text))) {
          const src = locateInBead(fromList, term.at.start, term.at.end);
          const where = sentencesLocation(toList);
          drafts.push({
            kind: 'terminology',
            severity: 'major',
            message: `Glossary: “${term.s.text}” should be rendered ${targets.map((t) => `“${t.text}”`).join(' or ')}.`,
            ...(fromName === 'a' ? { a: src, b: where } : { a: where, b: src }),
            evidence: [src].filter((l): l is Location => !!l),
          });
        }
        if (fromName === 'a') drafts.push(...forbiddenIn(bead, toFold, forbidden.filter((t) => fits(t, to)), term.s.text));
      }
    }
  }
  // Forbidden renderings listed without a source term: forbidden anywhere in the translation.
  const anywhere = glossary.entries.filter((e) => !e.source.length).flatMap((e) => e.targets.filter((t) => t.status === 'forbidden' && fits(t, pair.b)));
  if (anywhere.length) {
    for (const bead of pair.beads) if (bead.b.length) drafts.push(...forbiddenIn(bead, fold(bead.bText), anywhere, undefined));
  }
  return drafts;
}

function forbiddenIn(bead: Bead, folded: string, forbidden: GlossaryTerm[], source: string | undefined): Draft[] {
  const drafts: Draft[] = [];
  for (const t of forbidden) {
    const at = findTerm(folded, t.text);
    if (!at) continue;
    const b = locateInBead(bead.b, at.start, at.end);
    drafts.push({
      kind: 'terminology',
      severity: 'major',
      message: `Glossary: “${t.text}” is a forbidden rendering${source ? ` of “${source}”` : ''}.`,
      a: sentencesLocation(bead.a),
      b,
      evidence: [b].filter((l): l is Location => !!l),
    });
  }
  return drafts;
}
