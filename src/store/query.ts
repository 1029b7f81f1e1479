/**
 * The search query language, parsed here into an AST and compiled to FTS5 MATCH text or a PostgreSQL tsquery.
 *
 *   words            implicit AND: `Soviet betrayal`
 *   "a phrase"       adjacent words, in order (also “…” and 「…」)
 *   AND  OR  NOT     upper case; `-word` is NOT word; parentheses group
 *   prefix*          words starting with it
 *
 * Every word goes through the archive tokeniser (folding Traditional→Simplified, case, accents; stemming
 * English), so the compiled query only ever contains quoted index terms: nothing the user types reaches the
 * SQL, and the compiled text itself is passed as a bound parameter.
 */
import { ConcordError } from '../model.js';
import { foldWord, isCjk, tokenize } from './tokens.js';

export type QueryNode =
  | { kind: 'match'; terms: string[]; prefix: boolean; text: string }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode };

type Lexeme = { type: 'word' | 'phrase' | 'lparen' | 'rparen' | 'and' | 'or' | 'not'; text: string; at: number };

const OPEN_QUOTES: Record<string, string> = { '"': '"', '“': '”', '「': '」', '『': '』' };
const MAX_QUERY = 1000;

function lex(query: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === '（') {
      out.push({ type: 'lparen', text: ch, at: i++ });
      continue;
    }
    if (ch === ')' || ch === '）') {
      out.push({ type: 'rparen', text: ch, at: i++ });
      continue;
    }
    const close = OPEN_QUOTES[ch];
    if (close) {
      const end = query.indexOf(close, i + 1);
      if (end < 0) throw new ConcordError(`malformed query: the quote opened at character ${i + 1} is never closed`);
      out.push({ type: 'phrase', text: query.slice(i + 1, end), at: i });
      i = end + 1;
      continue;
    }
    if (ch === '-' && i + 1 < query.length && !/[\s)]/.test(query[i + 1]!) && (i === 0 || /[\s(]/.test(query[i - 1]!))) {
      out.push({ type: 'not', text: '-', at: i++ });
      continue;
    }
    let j = i;
    while (j < query.length && !/[\s()（）"“「『]/.test(query[j]!)) j++;
    const word = query.slice(i, j);
    const type = word === 'AND' || word === '&&' ? 'and' : word === 'OR' || word === '||' ? 'or' : word === 'NOT' ? 'not' : 'word';
    out.push({ type, text: word, at: i });
    i = j;
  }
  return out;
}

/** Words and phrases → index terms. A word that holds several terms (`东突厥斯坦`, `150,000`) is a phrase of them. */
function matchNode(text: string, allowPrefix: boolean): QueryNode | undefined {
  const prefix = allowPrefix && text.endsWith('*');
  const bare = prefix ? text.replace(/\*+$/, '') : text;
  const { body } = tokenize(bare);
  if (!body.length) return undefined;
  const terms = body.map((t) => t.term);
  if (prefix) {
    // Prefixes are not stemmed: `resolut*` must still find `resolution`.
    const last = body[body.length - 1]!;
    const raw = bare.slice(last.start, last.end);
    terms[terms.length - 1] = isCjk(raw[0]!) ? terms[terms.length - 1]! : foldWord(raw, false);
  }
  // A lone Chinese character is a prefix of the bigrams it starts (and matches run-final characters in the tail).
  const singleHan = terms.length === 1 && [...terms[0]!].length === 1 && isCjk(terms[0]!);
  return { kind: 'match', terms, prefix: prefix || singleHan, text: bare };
}

export function parseQuery(query: string): QueryNode {
  if (query.length > MAX_QUERY) throw new ConcordError(`malformed query: longer than ${MAX_QUERY} characters`);
  const lexemes = lex(query);
  let pos = 0;
  const peek = () => lexemes[pos];
  const describe = (l: Lexeme | undefined) => (l ? `'${l.text}' at character ${l.at + 1}` : 'the end of the query');

  function parseOr(): QueryNode | undefined {
    const children: (QueryNode | undefined)[] = [parseAnd()];
    while (peek()?.type === 'or') {
      const op = lexemes[pos++]!;
      const next = peek();
      if (!next || next.type === 'or' || next.type === 'and' || next.type === 'rparen') throw new ConcordError(`malformed query: OR at character ${op.at + 1} needs a term after it`);
      children.push(parseAnd());
    }
    return combine('or', children);
  }
  function parseAnd(): QueryNode | undefined {
    const children: (QueryNode | undefined)[] = [];
    for (;;) {
      const l = peek();
      if (!l || l.type === 'or' || l.type === 'rparen') break;
      if (l.type === 'and') {
        if (!children.length) throw new ConcordError(`malformed query: AND at character ${l.at + 1} needs a term before it`);
        pos++;
        const next = peek();
        if (!next || next.type === 'or' || next.type === 'and' || next.type === 'rparen') throw new ConcordError(`malformed query: AND at character ${l.at + 1} needs a term after it`);
        continue;
      }
      children.push(parseUnary());
    }
    if (!children.length) throw new ConcordError(`malformed query: expected a word at ${describe(peek())}`);
    return combine('and', children);
  }
  function parseUnary(): QueryNode | undefined {
    const l = peek()!;
    if (l.type === 'not') {
      pos++;
      const next = peek();
      if (!next || next.type === 'or' || next.type === 'and' || next.type === 'rparen') throw new ConcordError(`malformed query: ${l.text} at character ${l.at + 1} needs a term after it`);
      const child = parseUnary();
      return child && { kind: 'not', child };
    }
    return parsePrimary();
  }
  function parsePrimary(): QueryNode | undefined {
    const l = lexemes[pos++]!;
    if (l.type === 'lparen') {
      if (peek()?.type === 'rparen') throw new ConcordError(`malformed query: empty parentheses at character ${l.at + 1}`);
      const inner = parseOr();
      const close = lexemes[pos++];
      if (close?.type !== 'rparen') throw new ConcordError(`malformed query: the parenthesis opened at character ${l.at + 1} is never closed`);
      return inner;
    }
    if (l.type === 'phrase') return matchNode(l.text, false);
    if (l.type === 'word') return matchNode(l.text, true);
    throw new ConcordError(`malformed query: unexpected ${describe(l)}`);
  }

  if (!lexemes.length) throw new ConcordError('malformed query: it is empty');
  const ast = parseOr();
  if (pos < lexemes.length) throw new ConcordError(`malformed query: unexpected ${describe(lexemes[pos])}`);
  if (!ast) throw new ConcordError('malformed query: it has no words to search for (only punctuation?)');
  validateNegation(ast);
  return ast;
}

function combine(kind: 'and' | 'or', children: (QueryNode | undefined)[]): QueryNode | undefined {
  const kept = children.filter((c): c is QueryNode => !!c).flatMap((c) => (c.kind === kind ? c.children : [c]));
  if (!kept.length) return undefined;
  return kept.length === 1 ? kept[0] : { kind, children: kept };
}

/** NOT only narrows something positive: `a NOT b` is fine, `NOT b` and `a OR NOT b` are not. */
function validateNegation(node: QueryNode): void {
  const positive = (n: QueryNode): boolean => n.kind !== 'not' && (n.kind !== 'and' || n.children.some(positive));
  if (!positive(node)) throw new ConcordError('malformed query: NOT needs a word to keep as well, e.g. "Soviet NOT Union"');
  const walk = (n: QueryNode): void => {
    if (n.kind === 'or') {
      for (const c of n.children) if (!positive(c)) throw new ConcordError('malformed query: NOT cannot stand alone inside OR; write "(a NOT b) OR c"');
    }
    if (n.kind === 'and' || n.kind === 'or') n.children.forEach(walk);
    if (n.kind === 'not') walk(n.child);
  };
  walk(node);
}

/** Readable normal form, for display and tests. */
export function formatQuery(node: QueryNode): string {
  switch (node.kind) {
    case 'match':
      return node.terms.length > 1 ? `"${node.terms.join(' ')}"${node.prefix ? '*' : ''}` : `${node.terms[0]}${node.prefix ? '*' : ''}`;
    case 'not':
      return `(NOT ${formatQuery(node.child)})`;
    default:
      return `(${node.kind.toUpperCase()} ${node.children.map(formatQuery).join(' ')})`;
  }
}

/** FTS5 MATCH text over the columns `body` and `tail` (terms are letters/digits only; quoted anyway). */
export function toFts5(node: QueryNode): string {
  switch (node.kind) {
    case 'match': {
      const phrase = `"${node.terms.join(' ')}"`;
      return node.prefix ? `${phrase} *` : `body : ${phrase}`;
    }
    case 'or':
      return `(${node.children.map(toFts5).join(' OR ')})`;
    case 'not':
      return toFts5(node.child);
    case 'and': {
      const positives = node.children.filter((c) => c.kind !== 'not');
      const negatives = node.children.filter((c) => c.kind === 'not');
      let out = `(${positives.map(toFts5).join(' AND ')})`;
      for (const n of negatives) out = `(${out} NOT ${toFts5(n)})`;
      return out;
    }
  }
}

/** PostgreSQL tsquery text (cast with `$1::tsquery`, so no parser touches it). */
export function toTsquery(node: QueryNode): string {
  switch (node.kind) {
    case 'match': {
      const quoted = node.terms.map((t) => `'${t}'`);
      if (node.prefix) quoted[quoted.length - 1] += ':*';
      return quoted.length > 1 ? `(${quoted.join(' <-> ')})` : quoted[0]!;
    }
    case 'or':
      return `(${node.children.map(toTsquery).join(' | ')})`;
    case 'not':
      return `!${toTsquery(node.child)}`;
    case 'and':
      return `(${node.children.map(toTsquery).join(' & ')})`;
  }
}

/** The terms a hit may show highlighted: exact terms and prefixes from the positive part of the query. */
export function highlightTerms(node: QueryNode): { exact: Set<string>; prefixes: string[] } {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const walk = (n: QueryNode) => {
    if (n.kind === 'match') {
      n.terms.forEach((t, i) => (n.prefix && i === n.terms.length - 1 ? prefixes.push(t) : exact.add(t)));
    } else if (n.kind === 'and' || n.kind === 'or') n.children.forEach(walk);
  };
  walk(node);
  return { exact, prefixes };
}
