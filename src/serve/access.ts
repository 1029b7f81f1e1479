/**
 * Who may write. Reading is open; writing (upload) is guarded three ways:
 * - bound to loopback, the Host header must name the loopback (defeats DNS rebinding: a page on evil.example
 *   that re-points its name to 127.0.0.1 still sends `Host: evil.example`);
 * - a browser write must come from our own origin (a form on another site can POST multipart without a
 *   CORS preflight, so the Origin / Sec-Fetch-Site headers are checked);
 * - bound to any other address, every write needs the API token (`Authorization: Bearer …`).
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { HttpProblem } from './problem.js';

export interface AccessPolicy {
  /** Required on every write when set. */
  token: string | undefined;
  /** The server listens on a loopback address only: enforce loopback Host names. */
  loopbackOnly: boolean;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isWrite(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

export function isLoopbackAddress(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function hostName(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1);
  const colon = hostHeader.lastIndexOf(':');
  return (colon >= 0 ? hostHeader.slice(0, colon) : hostHeader).toLowerCase();
}

/** Host of an Origin header; opaque (`null`) or garbage origins never match. */
function originHost(origin: string): string | undefined {
  try {
    return origin === 'null' ? undefined : new URL(origin).host;
  } catch {
    return undefined;
  }
}

function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function writeGuard(policy: AccessPolicy): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const host = c.req.header('host') ?? url.host;
    if (policy.loopbackOnly && !LOOPBACK_NAMES.has(hostName(host)) && !/^127\./.test(hostName(host)))
      throw new HttpProblem(403, `this server answers only to localhost, not to '${hostName(host)}'`, 'host-not-allowed');
    if (isWrite(c.req.method)) {
      const origin = c.req.header('origin');
      if (c.req.header('sec-fetch-site') === 'cross-site' || (origin !== undefined && originHost(origin) !== host))
        throw new HttpProblem(403, 'writes are accepted only from this server’s own pages', 'cross-origin-write');
      if (policy.token) {
        const header = c.req.header('authorization') ?? '';
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        if (!match) throw new HttpProblem(401, 'this server needs an API token for writes: send Authorization: Bearer <token>', 'token-required', {}, { 'WWW-Authenticate': 'Bearer realm="concord"' });
        if (!sameToken(match[1]!, policy.token)) throw new HttpProblem(403, 'the API token is wrong', 'token-wrong');
      }
    }
    await next();
  };
}
