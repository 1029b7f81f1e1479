import { parseArgs } from 'node:util';
import type { Command } from './main.js';
import { ConcordError, type Attribution, type Document, type EventFact, type Fact, type TimeFact } from '../model.js';
import { analyze } from '../pipeline.js';

const command: Command = {
  summary: 'What a statement asserts: a timeline of dated events, then figures, quotations, sources, demands and entities — or CSV.',
  usage: 'concord facts FILE|- [--csv]',
  async run(argv) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { csv: { type: 'boolean' } } });
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new ConcordError(`usage: ${command.usage}`);
    const doc = await analyze(file);
    process.stdout.write(values.csv ? factsCsv(doc.facts) : factsReport(doc));
    return 0;
  },
};
export default command;

// ───────────── text report ─────────────

/** "speaker Mamtimin Ala ← author East Turkistan Government in Exile" */
export function chain(a: Attribution): string {
  const parts: string[] = [];
  for (let x: Attribution | undefined = a; x; x = x.via) parts.push(x.kind === 'author' ? x.name : `${x.name} (${x.kind})`);
  return parts.join(' ← ');
}

const where = (f: Fact) => [...new Set(f.evidence.map((e) => e.sentence))].join(' ');

/** Sort key of a TimeML value: its first calendar instant, or undefined when it names none (PXDE, PRESENT_REF). */
function timeKey(value: string | undefined, interval?: { start: string }): string | undefined {
  const v = interval?.start ?? value?.split('/')[0];
  if (!v || !/^\d{2,4}/.test(v)) return undefined;
  return v.length === 2 ? `${v}00` : v.length === 3 ? `${v}0` : v;
}

export function factsReport(doc: Document): string {
  const facts = doc.facts;
  const of = <T extends Fact['type']>(type: T) => facts.filter((f): f is Extract<Fact, { type: T }> => f.type === type);
  const times = new Map(of('time').map((t) => [t.id, t]));
  const lines: string[] = [];
  const author = facts.find((f) => f.type !== 'entity')?.attributedTo ?? facts[0]?.attributedTo;
  let root = author;
  while (root?.via) root = root.via;
  const date = of('time').find((t) => t.documentDate);
  lines.push(`${doc.provenance.origin}: ${root ? `statement by ${root.name}` : 'no facts found'}${date ? `, dated ${date.value}${date.inferred ? ` (inferred from “${date.text}”)` : ''}` : ''}`);

  const events = of('event');
  const dated = events.filter((e) => timeKey(e.when, e.time ? times.get(e.time)?.interval : undefined)).sort((a, b) => timeKey(a.when, times.get(a.time ?? '')?.interval)!.localeCompare(timeKey(b.when, times.get(b.time ?? '')?.interval)!));
  const undated = events.filter((e) => !dated.includes(e));
  section(lines, 'Timeline', [...dated, ...undated].map((e) => timelineLine(e, e.time ? times.get(e.time) : undefined)));
  section(lines, 'Figures', of('figure').map((f) => `${f.id.padEnd(10)} ${qualified(f.qualifier, f.value, f.upper)} ${f.counts}${f.unit ? ` (${f.unit})` : ''}  — ${chain(f.attributedTo)}  [${where(f)}]`));
  section(lines, 'Quotations', of('quotation').map((q) => `${q.id.padEnd(10)} ${q.speaker ?? '?'}${q.role || q.organisation ? ` (${[q.role, q.organisation].filter(Boolean).join(', ')})` : ''}: “${q.text}”  [${where(q)}]`));
  section(lines, 'Sources', of('source').map((s) => `${s.id.padEnd(10)} ${s.kind.padEnd(10)} ${s.name}${[s.number && `no. ${s.number}`, s.date, s.issuer && `by ${s.issuer}`].filter(Boolean).length ? ` (${[s.number && `no. ${s.number}`, s.date, s.issuer && `by ${s.issuer}`].filter(Boolean).join(', ')})` : ''}  [${where(s)}]`));
  section(lines, 'Demands', of('demand').map((d) => `${d.id.padEnd(10)} ${d.addressee ? `to ${d.addressee}: ` : ''}${d.item !== undefined ? `${d.item}) ` : ''}${d.text}  — ${chain(d.attributedTo)}  [${where(d)}]`));
  section(lines, 'Entities', of('entity').map((e) => `${e.id.padEnd(10)} ${e.kind.padEnd(12)} ${e.name}${e.aliases.length ? ` = ${e.aliases.map((a) => a.text).join(' = ')}` : ''}  (${e.evidence.length} mentions)`));
  section(lines, 'Time expressions', of('time').map((t) => `${t.id.padEnd(10)} ${t.value.padEnd(18)} ${t.precision.padEnd(7)} “${t.text}”${t.inferred ? ' (inferred)' : ''}  [${where(t)}]`));
  return lines.join('\n') + '\n';
}

function section(lines: string[], title: string, body: string[]): void {
  lines.push('', `${title} (${body.length})`);
  for (const b of body) lines.push(`  ${b}`);
}

function timelineLine(e: EventFact, time: TimeFact | undefined): string {
  const when = e.when ?? 'undated';
  const precision = time?.precision ?? '';
  return `${when.padEnd(16)} ${precision.padEnd(7)} ${e.text}${e.place ? ` in ${e.place}` : ''}  — ${chain(e.attributedTo)}  [${where(e)}]`;
}

function qualified(q: string, value: number, upper?: number): string {
  const n = value.toLocaleString('en-US');
  switch (q) {
    case 'more-than': return `> ${n}`;
    case 'at-least': return `≥ ${n}`;
    case 'at-most': return `≤ ${n}`;
    case 'less-than': return `< ${n}`;
    case 'about': return `≈ ${n}`;
    case 'range': return `${n}–${(upper ?? value).toLocaleString('en-US')}`;
    case 'vague': return `${n}+ (vague)`;
    default: return n;
  }
}

// ───────────── CSV ─────────────

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One row per fact: id,type,value/text,when,attributedTo,evidence (version:sentence ids, space-separated). */
export function factsCsv(facts: Fact[]): string {
  const rows = [['id', 'type', 'value', 'when', 'attributedTo', 'evidence']];
  const times = new Map(facts.filter((f): f is TimeFact => f.type === 'time').map((t) => [t.id, t]));
  for (const f of facts) {
    rows.push([f.id, f.type, valueOf(f), whenOf(f, times), chain(f.attributedTo), [...new Set(f.evidence.map((e) => `${e.version}:${e.sentence}`))].join(' ')]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

function valueOf(f: Fact): string {
  switch (f.type) {
    case 'time': return f.value;
    case 'figure': return `${qualified(f.qualifier, f.value, f.upper)} ${f.counts}`.trim();
    case 'quotation': return `${f.speaker ?? ''}: ${f.text}`;
    case 'source': return [f.kind, f.name, f.number].filter(Boolean).join(' ');
    case 'demand': return `${f.addressee ? `to ${f.addressee}: ` : ''}${f.item !== undefined ? `${f.item}) ` : ''}${f.text}`;
    case 'entity': return [f.name, ...f.aliases.map((a) => a.text)].join(' = ');
    case 'event': return f.text;
  }
}

function whenOf(f: Fact, times: Map<string, TimeFact>): string {
  if (f.type === 'event') return f.when ?? '';
  if (f.type === 'time') return f.value;
  if (f.type === 'source') return f.date ?? '';
  void times;
  return '';
}
