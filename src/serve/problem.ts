/**
 * Errors as RFC 9457 problem details (`application/problem+json`). Handlers throw `HttpProblem`; the app's
 * error handler turns it (and anything else) into the right status and a one-line `detail`, never a stack.
 */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    detail: string,
    /** Short stable slug, becomes the `type` URI: `/problems/<slug>`. */
    readonly slug = slugFor(status),
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }

  body(instance?: string): ProblemBody {
    return { type: `/problems/${this.slug}`, title: TITLES[this.status] ?? 'Error', status: this.status, detail: this.message, ...(instance ? { instance } : {}), ...this.extensions };
  }
}

function slugFor(status: number): string {
  return (TITLES[status] ?? 'error').toLowerCase().replace(/[^a-z]+/g, '-');
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
