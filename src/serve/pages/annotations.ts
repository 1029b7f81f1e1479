/** Where findings and facts sit in the text: the marks and links the document page draws. */
import type { Document, Finding, Severity } from '../../model.js';
import { locateParagraph, locateSentence, type DocumentIndex } from './document-view.js';
import { findingLabel, severityRank } from './common.js';

/** Finding kinds shown by the row's status rather than by marking text. */
const STRUCTURAL = new Set(['untranslated', 'added']);

export interface Mark {
  start: number;
  end: number;
  finding: Finding;
}

export interface Annotations {
  /** sentence id → finding marks inside it (document offsets). */
  marks: Map<string, Mark[]>;
  /** sentence id → findings about the whole sentence. */
  sentenceFindings: Map<string, Finding[]>;
  /** paragraph id → findings about the whole paragraph. */
  paragraphFindings: Map<string, Finding[]>;
  /** finding id → where the list jumps to. */
  targets: Map<string, string>;
  /** sentence id → ids of facts stated there. */
  facts: Map<string, string[]>;
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function annotate(doc: Document, index: DocumentIndex): Annotations {
  const a: Annotations = { marks: new Map(), sentenceFindings: new Map(), paragraphFindings: new Map(), targets: new Map(), facts: new Map() };
  for (const finding of doc.findings) {
    const seen = new Set<string>();
    // The list jumps to the translation's side first: that is where a reviewer acts (the counterpart lights up too).
    for (const loc of [finding.b, finding.a, ...finding.evidence]) {
      if (!loc) continue;
      const key = `${loc.version}:${loc.start}:${loc.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sentenceId = locateSentence(loc, index);
      const paragraphId = locateParagraph(loc, index);
      if (!a.targets.has(finding.id)) {
        const target = sentenceId ?? paragraphId;
        if (target) a.targets.set(finding.id, target);
      }
      if (STRUCTURAL.has(finding.kind)) continue;
      if (sentenceId) {
        const s = index.sentences.get(sentenceId)!.sentence;
        const start = Math.max(loc.start, s.start);
        const end = Math.min(loc.end, s.end);
        if (end > start && !(start === s.start && end === s.end)) push(a.marks, sentenceId, { start, end, finding });
        else push(a.sentenceFindings, sentenceId, finding);
      } else if (paragraphId) push(a.paragraphFindings, paragraphId, finding);
    }
  }
  for (const fact of doc.facts)
    for (const ev of fact.evidence) {
      const list = a.facts.get(ev.sentence);
      if (!list?.includes(fact.id)) push(a.facts, ev.sentence, fact.id);
    }
  return a;
}

export function worst(findings: Finding[]): Severity {
  return findings.reduce<Severity>((w, f) => (severityRank(f.severity) > severityRank(w) ? f.severity : w), 'info');
}

export const findingTitle = (findings: Finding[]) => findings.map((f) => `${findingLabel(f.kind)}: ${f.message}`).join('\n');
