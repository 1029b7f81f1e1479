/**
 * Project glossaries: required and forbidden renderings, from CSV (`source,target[,status]`) or TBX
 * (ISO 30042: `termEntry`/`conceptEntry` → `langSet`/`langSec` → `tig`/`termSec` with `administrativeStatus`).
 */
import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { ConcordError } from '../model.js';

export type TermStatus = 'required' | 'forbidden';

export interface GlossaryTerm {
  text: string;
  /** BCP 47 tag when the glossary says it (TBX); undefined for CSV, where the script decides. */
  language?: string;
  status: TermStatus;
}

/** One concept: the source term(s) and the renderings required or forbidden for them. */
export interface GlossaryEntry {
  source: GlossaryTerm[];
  targets: GlossaryTerm[];
}

export interface Glossary {
  origin: string;
  entries: GlossaryEntry[];
}

export function loadGlossary(path: string): Glossary {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    throw new ConcordError(`cannot read glossary: ${path}`);
  }
  return /^\s*</.test(text) ? parseTbx(text, path) : parseCsv(text, path);
}

// ───────────── CSV ─────────────

/** RFC 4180 fields: quotes, doubled quotes, commas inside quotes. Tabs also separate (TSV exports). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const separator = !text.split('\n')[0]!.includes(',') && text.includes('\t') ? '\t' : ',';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f.trim()));
}

export function parseCsv(text: string, origin = 'glossary.csv'): Glossary {
  const rows = csvRows(text);
  const entries: GlossaryEntry[] = [];
  rows.forEach((row, i) => {
    const [source = '', target = '', rawStatus = ''] = row.map((f) => f.trim());
    if (i === 0 && /^source$/i.test(source) && /^target$/i.test(target)) return; // header
    if (!target) throw new ConcordError(`${origin}: line ${i + 1} needs "source,target[,status]"`);
    const status = parseStatus(rawStatus, origin, i + 1);
    // A forbidden rendering may be listed without a source term: forbidden anywhere.
    if (!source && status !== 'forbidden') throw new ConcordError(`${origin}: line ${i + 1} has a required rendering without a source term`);
    entries.push({ source: source ? [{ text: source, status: 'required' }] : [], targets: [{ text: target, status }] });
  });
  return { origin, entries: merge(entries) };
}

function parseStatus(raw: string, origin: string, line: number): TermStatus {
  const s = raw.toLowerCase();
  if (!s || /^(required|preferred|preferredterm|admitted|allowed|ok|yes|must)$/.test(s)) return 'required';
  if (/^(forbidden|deprecated|deprecatedterm|supersededterm|superseded|no|banned|avoid|never)$/.test(s)) return 'forbidden';
  throw new ConcordError(`${origin}: line ${line}: status must be "required" or "forbidden", not "${raw}"`);
}

/** Rows with the same source term become one entry (several allowed renderings, several forbidden ones). */
function merge(entries: GlossaryEntry[]): GlossaryEntry[] {
  const bySource = new Map<string, GlossaryEntry>();
  const out: GlossaryEntry[] = [];
  for (const e of entries) {
    const key = e.source.map((t) => t.text.toLowerCase()).join('|');
    const existing = key ? bySource.get(key) : undefined;
    if (existing) existing.targets.push(...e.targets);
    else {
      out.push(e);
      if (key) bySource.set(key, e);
    }
  }
  return out;
}

// ───────────── TBX ─────────────

interface TbxTerm {
  text: string;
  language: string;
  status?: string;
}

export function parseTbx(text: string, origin = 'glossary.tbx'): Glossary {
  const concepts: TbxTerm[][] = [];
  let concept: TbxTerm[] | undefined;
  let language = '';
  let term: TbxTerm | undefined;
  let inTerm = false;
  let noteType = '';
  let inNote = false;
  let note = '';
  let sourceLanguage = '';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const tag = name.toLowerCase();
        if (tag === 'martifheader' || tag === 'tbxheader') return;
        if (tag === 'sourcedesc' || tag === 'tbx' || tag === 'martif') sourceLanguage ||= attrs['xml:lang'] ?? '';
        if (tag === 'termentry' || tag === 'conceptentry') concept = [];
        else if (tag === 'langset' || tag === 'langsec') language = attrs['xml:lang'] ?? attrs['lang'] ?? '';
        else if (tag === 'tig' || tag === 'ntig' || tag === 'termsec') term = { text: '', language };
        else if (tag === 'term') {
          inTerm = true;
          if (!term) term = { text: '', language };
        } else if (tag === 'termnote' || tag === 'descrip') {
          inNote = true;
          noteType = (attrs['type'] ?? '').toLowerCase();
          note = '';
        }
      },
      ontext(data) {
        if (inTerm && term) term.text += data;
        else if (inNote) note += data;
      },
      onclosetag(name) {
        const tag = name.toLowerCase();
        if (tag === 'term') inTerm = false;
        else if (tag === 'termnote' || tag === 'descrip') {
          inNote = false;
          if (term && /administrativestatus|normativeauthorization|usagestatus/.test(noteType)) term.status = note.trim();
        } else if ((tag === 'tig' || tag === 'ntig' || tag === 'termsec') && term && concept) {
          if (term.text.trim()) concept.push({ ...term, text: decode(term.text.trim()) });
          term = undefined;
        } else if ((tag === 'termentry' || tag === 'conceptentry') && concept) {
          if (term?.text.trim()) concept.push({ ...term, text: decode(term.text.trim()) });
          term = undefined;
          if (concept.length) concepts.push(concept);
          concept = undefined;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(text);
  parser.end();
  if (!concepts.length) throw new ConcordError(`${origin}: no termEntry/conceptEntry with terms found (is it TBX?)`);
  // The source language: declared, else the language of each concept's first term.
  const entries: GlossaryEntry[] = concepts.map((terms) => {
    const src = sourceLanguage || terms[0]!.language;
    const sameLanguage = (t: TbxTerm) => t.language.toLowerCase().split('-')[0] === src.toLowerCase().split('-')[0];
    return {
      source: terms.filter(sameLanguage).map((t) => ({ text: t.text, language: t.language, status: 'required' as const })),
      targets: terms.filter((t) => !sameLanguage(t)).map((t) => ({ text: t.text, language: t.language, status: tbxStatus(t.status) })),
    };
  });
  return { origin, entries: entries.filter((e) => e.targets.length) };
}

function tbxStatus(status: string | undefined): TermStatus {
  return status && /deprecated|superseded|forbidden|rejected/i.test(status) ? 'forbidden' : 'required';
}

function decode(s: string): string {
  return s.replace(/\s+/g, ' ');
}
