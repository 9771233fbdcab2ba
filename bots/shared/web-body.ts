/**
 * Reads a request body up to a limit. Over the limit the rest is read and dropped, not kept, so the
 * sender finishes sending and then reads our answer (a 413): closing the connection on it mid-body
 * resets it before the answer can arrive. The caller answers with `connection: close`.
 */
import type { IncomingMessage } from 'node:http';

export type Body = { kind: 'body'; bytes: Buffer } | { kind: 'too_large' };

export function readBody(req: IncomingMessage, max: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= max) chunks.push(c);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size > max ? { kind: 'too_large' } : { kind: 'body', bytes: Buffer.concat(chunks) }));
    req.on('error', reject);
  });
}
