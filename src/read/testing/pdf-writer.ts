/**
 * Writes small PDFs with a real text layer, for tests: Helvetica for ASCII lines, and for CJK lines a
 * Type0 font (Identity-H) with a ToUnicode map, so the text can be extracted without embedding a font.
 */
export interface PdfLine {
  text: string;
  x: number;
  /** Baseline, in points from the bottom of an A4 page (842 high). */
  y: number;
  size?: number;
}

export interface PdfInfo {
  title?: string;
  author?: string;
  /** PDF date string, e.g. `D:20240927120000Z`. */
  creationDate?: string;
}

export function makePdf(pages: PdfLine[][], info: PdfInfo = {}): Uint8Array {
  const cjkChars = [...new Set(pages.flat().filter((l) => !isAscii(l.text)).flatMap((l) => [...l.text]))];
  const cid = new Map(cjkChars.map((ch, i) => [ch, i + 1]));

  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1; // object numbers are 1-based
  const catalog = add(''); // filled in below, once the pages object exists
  const pagesId = add('');
  const helvetica = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const toUnicode = add(stream(toUnicodeCMap(cid)));
  const descriptor = add('<< /Type /FontDescriptor /FontName /TestCJK /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>');
  const cidFont = add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestCJK /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /CIDToGIDMap /Identity >>`);
  const type0 = add(`<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
  const pageIds = pages.map((lines) => {
    const content = add(stream(lines.map((line) => showLine(line, cid)).join('\n')));
    return add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] /Contents ${content} 0 R /Resources << /Font << /F1 ${helvetica} 0 R /F2 ${type0} 0 R >> >> >>`);
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  const infoEntries = Object.entries({ Title: info.title, Author: info.author, CreationDate: info.creationDate })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `/${k} (${escape(v!)})`);
  const infoId = add(`<< ${infoEntries.join(' ')} >>`);

  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets = objects.map((body, i) => {
    const offset = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(Buffer.from(out, 'latin1'));
}

function showLine(line: PdfLine, cid: Map<string, number>): string {
  const size = line.size ?? 11;
  if (isAscii(line.text)) return `BT /F1 ${size} Tf ${line.x} ${line.y} Td (${escape(line.text)}) Tj ET`;
  const hex = [...line.text].map((ch) => cid.get(ch)!.toString(16).padStart(4, '0')).join('');
  return `BT /F2 ${size} Tf ${line.x} ${line.y} Td <${hex}> Tj ET`;
}

function toUnicodeCMap(cid: Map<string, number>): string {
  const entries = [...cid].map(([ch, id]) => {
    const utf16 = [...Buffer.from(ch, 'utf16le')].reduce((h, b, i, all) => (i % 2 ? h + all[i]!.toString(16).padStart(2, '0') + all[i - 1]!.toString(16).padStart(2, '0') : h), '');
    return `<${id.toString(16).padStart(4, '0')}> <${utf16}>`;
  });
  const chunks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const part = entries.slice(i, i + 100);
    chunks.push(`${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...chunks,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
}

function stream(content: string): string {
  return `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
}

function escape(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

function isAscii(text: string): boolean {
  return /^[\x20-\x7E]*$/.test(text);
}
