import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpProblem } from './problem.js';

/** Parses the query string with a schema; a bad parameter is a 400 naming each problem. */
export function validQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return validate(schema, c.req.query(), 'query parameter');
}

export function validParam<S extends z.ZodType>(c: Context, name: string, schema: S): z.output<S> {
  return validate(schema, c.req.param(name), `path parameter '${name}'`, name);
}

export function validate<S extends z.ZodType>(schema: S, input: unknown, what: string, name?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({ parameter: name ?? issue.path.join('.'), message: issue.message }));
  const detail = errors.map((e) => `${what} ${e.parameter ? `'${e.parameter}'` : ''}: ${e.message}`.replace(/\s+/g, ' ')).join('; ');
  throw new HttpProblem(400, detail, 'invalid-parameter', { errors });
}
