/** The readable check report: findings grouped by severity, worst first, each with both sides quoted. */
import { SEVERITIES, type Document, type Finding, type Location } from '../model.js';

function excerpt(doc: Document, loc: Location, max = 70): string {
  const text = doc.text.slice(loc.start, loc.end).replace(/\s+/g, ' ').trim();
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

function where(loc: Location | undefined): string {
  return loc ? (loc.sentence ?? loc.paragraph ?? loc.version) : '—';
}

function languageOf(doc: Document, loc: Location | undefined): string {
  return doc.versions.find((v) => v.id === loc?.version)?.language ?? '';
}

export function renderReport(doc: Document): string {
  const lines: string[] = [];
  const versions = doc.versions.map((v) => `${v.id} ${v.language}`).join(', ');
  const counts = [...SEVERITIES].reverse().map((s) => [s, doc.findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  lines.push(`${doc.provenance.origin} (${versions})`);
  lines.push(doc.findings.length ? `${doc.findings.length} findings: ${counts.map(([s, n]) => `${n} ${s}`).join(', ')}` : 'no findings: the translation passed every check');
  for (const severity of [...SEVERITIES].reverse()) {
    const group = doc.findings.filter((f) => f.severity === severity);
    if (!group.length) continue;
    lines.push('', severity.toUpperCase());
    for (const f of group) lines.push(...renderFinding(doc, f));
  }
  return lines.join('\n') + '\n';
}

function renderFinding(doc: Document, f: Finding): string[] {
  const out = [`  ${f.id.padEnd(4)} ${f.kind.padEnd(17)} ${where(f.a)} ↔ ${where(f.b)}`, `       ${f.message}`];
  const quoted = new Set<string>();
  for (const [label, loc] of [
    ['source', f.a],
    ['translation', f.b],
  ] as const) {
    if (!loc) continue;
    // Quote the evidence span on that side when there is one, else the located passage.
    const span = f.evidence.find((e) => e.version === loc.version) ?? loc;
    const key = `${span.start}:${span.end}`;
    if (quoted.has(key)) continue;
    quoted.add(key);
    out.push(`       ${(label + ` (${languageOf(doc, loc)})`).padEnd(20)} ${excerpt(doc, span)}`);
  }
  return out;
}
