/** Dates found in document metadata (HTML meta, DOCX core properties, Markdown front matter). */

/** An ISO 8601 date as given, or the date part of a parseable date; undefined otherwise. */
export function isoDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return text.replace(' ', 'T');
  // Date() reads "1" or "May" as dates; a real one names its year.
  if (!/\b\d{4}\b/.test(text)) return undefined;
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime())) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}
