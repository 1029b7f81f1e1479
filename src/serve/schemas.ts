/**
 * Input schemas of the HTTP API (zod). The same schemas validate requests and describe the parameters in
 * `/openapi.json`, so the documentation cannot drift from what the server accepts.
 */
import { z } from 'zod';

const isoDate = z
  .string()
  .trim()
  .regex(/^-?\d{4}(-\d{2}(-\d{2})?)?$/, 'expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD')
  .describe('ISO date, any precision: 1949, 1949-10 or 1949-10-12');
const language = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a BCP 47 language tag such as en, zh, zh-Hant')
  .describe('BCP 47 language tag; `zh` matches zh-Hant and zh-Hans');
const source = z.string().trim().min(1).max(200).describe('Substring of the source label or origin, case-insensitive');

export const listQuery = z.object({
  language: language.optional(),
  source: source.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200).describe('At most this many documents'),
  offset: z.coerce.number().int().min(0).default(0),
});

export const searchQuery = z.object({
  q: z.string().trim().min(1, 'the query is empty').max(500).describe('Words, "phrases", AND / OR / NOT, -word, parentheses; Traditional and Simplified Chinese match each other'),
  language: language.optional(),
  source: source.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

export const timelineQuery = z.object({
  source: source.optional(),
  entity: z.string().trim().min(1).max(200).optional().describe('Entity name or alias, any script'),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const entitiesQuery = z.object({
  q: z.string().trim().min(1).max(200).optional().describe('Name or alias, any script or case'),
  kind: z.enum(['person', 'organisation', 'place', 'group']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const documentQuery = z.object({
  revision: z.coerce.number().int().min(1).optional().describe('Revision number; default the current one'),
});

export const exportFormats = ['tmx', 'xliff', 'csv', 'json'] as const;
export const pairParam = z
  .string()
  .regex(/^v\d+,v\d+$/, 'a pair of version ids such as v1,v2')
  .describe('Which two versions: v1,v2; default the first aligned pair');

export const exportQuery = z.object({
  format: z.enum(exportFormats).describe('tmx (TMX 1.4), xliff (XLIFF 2.1), csv (every link of every alignment) or json (the document model)'),
  pair: pairParam.optional(),
});

export const idParam = z
  .string()
  .regex(/^[0-9a-f]{16}$/, 'a document id is 16 hexadecimal digits')
  .describe('Archive document id (16 hex digits), or the content id of any revision');

export const entityKeyParam = z.string().min(1).max(300).describe('Entity key as listed by /api/entities');

export const uploadName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[^/\\\0]+$/, 'a file name, not a path')
  .describe('Original file name (its extension tells the format)');

/** Largest upload accepted, per file. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
