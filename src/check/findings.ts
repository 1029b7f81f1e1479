import { SEVERITIES, type Finding, type Location, type Severity } from '../model.js';

/** A finding before it gets its id (ids are given once all checks ran, in document order). */
export type Draft = Omit<Finding, 'id'>;

export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

/** Position used to order findings: translation side first (that is what the translator edits), then source. */
function anchor(f: Draft): number {
  const loc: Location | undefined = f.b ?? f.a ?? f.evidence[0];
  return loc ? loc.start : Number.MAX_SAFE_INTEGER;
}

/** Orders drafts by where they occur and numbers them `f1`, `f2`, … */
export function finalize(drafts: Draft[]): Finding[] {
  return drafts
    .map((d, i) => ({ d, i }))
    .sort((x, y) => anchor(x.d) - anchor(y.d) || x.i - y.i)
    .map(({ d }, i) => ({ id: `f${i + 1}`, ...d }));
}

/** Parses a severity name given by a user; undefined when unknown. */
export function parseSeverity(name: string): Severity | undefined {
  return (SEVERITIES as readonly string[]).includes(name) ? (name as Severity) : undefined;
}
