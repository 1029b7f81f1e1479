/** Highlighting a hit: the sentence cut into plain and matching parts, from the same tokens the index holds. */
import type { SnippetPart } from './archive.js';
import { tokenize } from './tokens.js';

export function highlight(text: string, terms: { exact: Set<string>; prefixes: string[] }): SnippetPart[] {
  const { body, tail } = tokenize(text);
  const spans: [number, number][] = [];
  for (const t of body) {
    if (terms.exact.has(t.term)) spans.push([t.start, t.end]);
    else {
      const prefix = terms.prefixes.find((p) => t.term.startsWith(p));
      // A single-character Chinese prefix lights up that character, not the whole bigram.
      if (prefix) spans.push([t.start, t.start + (t.term === prefix || !/^[\u3040-\u9fff]/.test(prefix) ? t.end - t.start : prefix.length)]);
    }
  }
  for (const t of tail) if (terms.prefixes.includes(t.term)) spans.push([t.start, t.end]);
  spans.sort((a, b) => a[0] - b[0]);
  // Merge overlapping bigrams and words separated only by spaces: «Resolution 3070», «东突厥斯坦».
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && (span[0] <= last[1] || /^[ \t]+$/.test(text.slice(last[1], span[0])))) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  const parts: SnippetPart[] = [];
  let pos = 0;
  for (const [start, end] of merged) {
    if (start > pos) parts.push({ text: text.slice(pos, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    pos = end;
  }
  if (pos < text.length) parts.push({ text: text.slice(pos), match: false });
  return parts;
}

export function snippetText(parts: SnippetPart[]): string {
  return parts.map((p) => (p.match ? `«${p.text}»` : p.text)).join('');
}
