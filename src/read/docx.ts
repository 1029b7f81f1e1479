/**
 * DOCX → blocks via mammoth, which renders Word's structure (heading styles, numbered and bulleted lists) as
 * HTML; the HTML reader then makes the blocks. Title, author and date come from docProps/core.xml.
 */
import { ConcordError, type DocumentMetadata } from '../model.js';
import { decodeEntities } from './entities.js';
import { isoDate } from './dates.js';
import { readHtml } from './html.js';
import type { ReadContent } from './blocks.js';
import { readZipEntry } from './zip.js';

const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", 'p.Title => h1:fresh', "p[style-name='Subtitle'] => h2:fresh"];

const importMammoth = () => import('mammoth');
let mammothModule: ReturnType<typeof importMammoth> | undefined;

export async function readDocx(bytes: Uint8Array, origin: string): Promise<ReadContent> {
  const mammoth = (await (mammothModule ??= importMammoth())).default;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // Images carry no text; not reading them keeps large documents fast.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch (error) {
    throw new ConcordError(`${origin}: cannot read this DOCX (${firstLine(error)})`);
  }
  const content = await readHtml(`<body>${html}</body>`, { findArticle: false });
  return { ...content, metadata: coreProperties(bytes) };
}

/** dc:title, dc:creator and dcterms:created from docProps/core.xml, when the archive has them. */
function coreProperties(bytes: Uint8Array): DocumentMetadata {
  let xml: string | undefined;
  try {
    xml = readZipEntry(bytes, 'docProps/core.xml')?.toString('utf8');
  } catch {
    return {}; // metadata is a bonus: a damaged entry costs it, not the document
  }
  if (!xml) return {};
  const field = (tag: string) => {
    const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml!);
    const value = match ? decodeEntities(match[1]!).trim() : '';
    return value || undefined;
  };
  const metadata: DocumentMetadata = {};
  const title = field('dc:title');
  const author = field('dc:creator');
  const date = isoDate(field('dcterms:created'));
  if (title) metadata.title = title;
  if (author) metadata.author = author;
  if (date) metadata.date = date;
  return metadata;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
