/**
 * OpenAPI 3.1 description of the JSON API. Parameters come from the zod schemas that validate them;
 * response shapes are JSON Schema (2020-12, which OpenAPI 3.1 uses as is).
 */
import { z } from 'zod';
import { documentQuery, entitiesQuery, entityKeyParam, exportQuery, idParam, listQuery, searchQuery, timelineQuery, uploadName } from './schemas.js';

type JsonSchema = Record<string, unknown>;

function queryParameters(schema: z.ZodObject): JsonSchema[] {
  const json = z.toJSONSchema(schema, { io: 'input' }) as { properties: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: 'query', required: json.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest };
  });
}

function pathParameter(name: string, schema: z.ZodType): JsonSchema {
  const { description, $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;
  return { name, in: 'path', required: true, description, schema: rest };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema, description: string) => ({ description, content: { 'application/json': { schema } } });
const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: PROBLEM_TEXT[s] ?? 'Error', content: { 'application/problem+json': { schema: ref('Problem') } } }]));
const PROBLEM_TEXT: Record<number, string> = {
  400: 'Invalid parameter or malformed query',
  401: 'Write without the API token (server bound to a non-loopback address)',
  403: 'Wrong token, cross-origin write, or Host not allowed',
  404: 'No such document or entity',
  405: 'Method not allowed',
  413: 'Upload too large',
  415: 'Unsupported upload encoding',
  422: 'The uploaded file cannot be read as a statement, or the document has no aligned pair to export',
};

const str = { type: 'string' };
const int = { type: 'integer' };
const strings = { type: 'array', items: str };
const findingCounts = { type: 'object', properties: { info: int, minor: int, major: int, critical: int }, required: ['info', 'minor', 'major', 'critical'] };
const citation = {
  type: 'object',
  properties: { documentId: str, origin: str, source: str, title: str, factId: str, version: str, sentence: str, quote: str },
  required: ['documentId', 'origin', 'source', 'factId', 'version', 'sentence', 'quote'],
};

const schemas: Record<string, JsonSchema> = {
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details',
    properties: { type: str, title: str, status: int, detail: str, instance: str, errors: { type: 'array', items: { type: 'object', properties: { parameter: str, message: str } } } },
    required: ['type', 'title', 'status'],
  },
  DocumentSummary: {
    type: 'object',
    properties: {
      id: str,
      contentId: str,
      origin: str,
      source: str,
      title: str,
      date: str,
      languages: strings,
      revision: int,
      revisions: int,
      sentences: int,
      findings: findingCounts,
      addedAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
    },
    required: ['id', 'contentId', 'origin', 'source', 'languages', 'revision', 'revisions', 'sentences', 'findings', 'addedAt', 'updatedAt'],
  },
  Document: {
    type: 'object',
    description: 'The analysed document (src/model.ts): versions → paragraphs → sentences, alignments, findings, facts. Offsets are UTF-16 code units into the normalised text.',
    properties: {
      id: str,
      provenance: { type: 'object', properties: { origin: str, sha256: str, encoding: str, format: str, bytes: int } },
      metadata: { type: 'object', properties: { title: str, author: str, date: str } },
      versions: { type: 'array', items: { type: 'object', properties: { id: str, language: str, paragraphs: { type: 'array', items: { type: 'object' } } } } },
      alignments: { type: 'array', items: { type: 'object', properties: { versions: strings, links: { type: 'array', items: { type: 'object', properties: { level: { enum: ['paragraph', 'sentence'] }, a: strings, b: strings, confidence: { type: 'number' } } } } } } },
      findings: { type: 'array', items: { type: 'object', properties: { id: str, kind: str, severity: { enum: ['info', 'minor', 'major', 'critical'] }, message: str } } },
      facts: { type: 'array', items: { type: 'object', properties: { id: str, type: { enum: ['event', 'time', 'figure', 'quotation', 'source', 'demand', 'entity'] } } } },
    },
    required: ['id', 'provenance', 'metadata', 'versions', 'alignments', 'findings', 'facts'],
  },
  UploadResult: {
    type: 'object',
    properties: { name: str, status: { enum: ['added', 'revised', 'unchanged'] }, id: str, revision: int, url: str, title: str, languages: strings, findings: int },
    required: ['name', 'status', 'id', 'revision', 'url'],
  },
  SearchHit: {
    type: 'object',
    properties: {
      documentId: str,
      origin: str,
      source: str,
      title: str,
      revision: int,
      version: str,
      language: str,
      paragraph: str,
      sentence: str,
      text: str,
      score: { type: 'number' },
      parts: { type: 'array', items: { type: 'object', properties: { text: str, match: { type: 'boolean' } } } },
      snippet: str,
      aligned: { type: 'array', items: { type: 'object', properties: { version: str, language: str, level: { enum: ['sentence', 'paragraph'] }, confidence: { type: 'number' }, units: { type: 'array', items: { type: 'object', properties: { id: str, text: str } } } } } },
    },
  },
  TimelineEntry: {
    type: 'object',
    properties: {
      value: str,
      start: str,
      end: str,
      precision: str,
      kind: { enum: ['event', 'time'] },
      text: str,
      documents: int,
      mentions: { type: 'array', items: { allOf: [citation, { type: 'object', properties: { kind: str, text: str, value: str, precision: str } }] } },
      disagreements: { type: 'array', items: { type: 'object', properties: { kind: { enum: ['figure', 'date'] }, message: str, sides: { type: 'array', items: { type: 'object', properties: { value: str, citations: { type: 'array', items: citation } } } } } } },
    },
  },
  Entity: {
    type: 'object',
    properties: {
      key: str,
      name: str,
      kind: { enum: ['person', 'organisation', 'place', 'group'] },
      aliases: { type: 'array', items: { type: 'object', properties: { text: str, language: str, relation: str } } },
      mentions: { type: 'array', items: { allOf: [citation, { type: 'object', properties: { name: str } }] } },
      documents: int,
    },
  },
};

let cached: JsonSchema | undefined;

export function openApiDocument(): JsonSchema {
  if (cached) return cached;
  const id = pathParameter('id', idParam);
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Concord reader API',
      version: '1.0.0',
      description: 'Aligned, checked, searchable and cited records of multilingual statements. Reads are open; on a server bound to a non-loopback address every write needs `Authorization: Bearer <token>`. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: '/' }],
    components: {
      schemas,
      securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'Needed for writes when the server listens on a non-loopback address' } },
    },
    paths: {
      '/api/health': { get: { summary: 'Archive kind and size', operationId: 'health', responses: { 200: json({ type: 'object' }, 'The server is up') } } },
      '/api/documents': {
        get: {
          summary: 'List documents',
          operationId: 'listDocuments',
          parameters: queryParameters(listQuery),
          responses: { 200: json({ type: 'object', properties: { documents: { type: 'array', items: ref('DocumentSummary') } } }, 'Documents, newest first'), ...problems(400) },
        },
        post: {
          summary: 'Upload statements: analysed and stored like `concord add`',
          operationId: 'uploadDocuments',
          security: [{}, { token: [] }],
          parameters: [{ name: 'name', in: 'query', required: false, description: 'File name, when the body is the raw bytes', schema: z.toJSONSchema(uploadName) }],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' } } }, required: ['file'] } },
              'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } },
            },
          },
          responses: {
            201: json({ type: 'object', properties: { results: { type: 'array', items: ref('UploadResult') } } }, 'Stored (at least one file new or revised)'),
            200: json({ type: 'object', properties: { results: { type: 'array', items: ref('UploadResult') } } }, 'Every file was already in the archive'),
            ...problems(400, 401, 403, 413, 415, 422),
          },
        },
      },
      '/api/documents/{id}': {
        get: {
          summary: 'One document: its summary and full model',
          operationId: 'getDocument',
          parameters: [id, ...queryParameters(documentQuery)],
          responses: { 200: json({ type: 'object', properties: { summary: ref('DocumentSummary'), document: ref('Document') } }, 'The document'), ...problems(400, 404) },
        },
      },
      '/api/documents/{id}/history': {
        get: { summary: 'Revisions of a document with provenance', operationId: 'documentHistory', parameters: [id], responses: { 200: json({ type: 'object' }, 'Revisions, oldest first'), ...problems(400, 404) } },
      },
      '/api/documents/{id}/export': {
        get: {
          summary: 'Download the aligned document as TMX, XLIFF, CSV or JSON',
          operationId: 'exportDocument',
          parameters: [id, ...queryParameters(exportQuery)],
          responses: {
            200: {
              description: 'The file (Content-Disposition: attachment)',
              content: { 'application/x-tmx+xml': {}, 'application/xliff+xml': {}, 'text/csv': {}, 'application/json': {} },
            },
            ...problems(400, 404, 422),
          },
        },
      },
      '/api/search': {
        get: {
          summary: 'Search every version; Traditional and Simplified Chinese fold; hits come with their aligned sentences',
          operationId: 'search',
          parameters: queryParameters(searchQuery),
          responses: { 200: json({ type: 'object', properties: { query: str, parsed: str, hits: { type: 'array', items: ref('SearchHit') } } }, 'Ranked hits'), ...problems(400) },
        },
      },
      '/api/timeline': {
        get: {
          summary: 'Events and dates across documents, grouped, with disagreements',
          operationId: 'timeline',
          parameters: queryParameters(timelineQuery),
          responses: { 200: json({ type: 'object', properties: { entries: { type: 'array', items: ref('TimelineEntry') } } }, 'Entries in date order'), ...problems(400) },
        },
      },
      '/api/entities': {
        get: {
          summary: 'People, organisations and places with aliases in every script',
          operationId: 'entities',
          parameters: queryParameters(entitiesQuery),
          responses: { 200: json({ type: 'object', properties: { entities: { type: 'array', items: ref('Entity') } } }, 'Entities'), ...problems(400) },
        },
      },
      '/api/entities/{key}': {
        get: { summary: 'One entity and its mentions across documents', operationId: 'entity', parameters: [pathParameter('key', entityKeyParam)], responses: { 200: json(ref('Entity'), 'The entity'), ...problems(400, 404) } },
      },
    },
  };
  return cached;
}
