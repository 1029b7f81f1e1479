/** Listening: binds the app to an address, loopback by default; any other address requires a token. */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Archive } from '../store/archive.js';
import { ConcordError } from '../model.js';
import { createApp } from './app.js';
import { isLoopbackAddress } from './access.js';
import type { Analyzer } from './upload.js';
import { AnalysisThread } from './analysis-thread.js';

export interface ServeOptions {
  archive: Archive;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 7420;

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const loopback = isLoopbackAddress(host);
  const token = options.token?.trim() || undefined;
  if (!loopback && !token) throw new ConcordError(`refusing to listen on ${host} without an API token: pass --token or set CONCORD_TOKEN (writes from other machines must be authorised)`);
  if (token && token.length < 16) throw new ConcordError('the API token must be at least 16 characters');
  // Uploads are analysed on a worker thread so reading stays responsive meanwhile; it starts loading the
  // pipeline as soon as the server listens, so the first upload does not wait for it.
  const thread = new AnalysisThread();
  const analyzer: Analyzer = (bytes, origin) => thread.analyze(bytes, origin);
  const app = createApp({ archive: options.archive, access: { token, loopbackOnly: loopback }, analyzer });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? DEFAULT_PORT }, (info: AddressInfo) => {
      thread.warm();
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        host: info.address,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => void thread.close().then(() => done()));
            // Browsers keep connections alive; without this, close waits for them to time out.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new ConcordError(`port ${options.port} is already in use on ${host}; choose another with --port`));
      else if (error.code === 'EADDRNOTAVAIL') reject(new ConcordError(`cannot listen on ${host}: no such address on this machine`));
      else if (error.code === 'EACCES') reject(new ConcordError(`not allowed to listen on port ${options.port}; choose a port above 1023`));
      else reject(error);
    });
  });
}
