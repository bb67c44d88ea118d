import { createHash } from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';

/** Deterministic content of `size` bytes, produced chunk by chunk (never held whole); answers its sha256 too. */
export function deterministicContent(size: number): { chunks: () => Generator<Buffer>; sha256: string } {
  const block = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < block.length; i++) block[i] = (i * 31 + 7) & 0xff;
  const chunks = function* () {
    for (let offset = 0, index = 0; offset < size; offset += block.length, index++) {
      const chunk = Buffer.from(block.subarray(0, Math.min(block.length, size - offset)));
      chunk.writeUInt32BE(index, 0);
      yield chunk;
    }
  };
  const hash = createHash('sha256');
  for (const chunk of chunks()) hash.update(chunk);
  return { chunks, sha256: hash.digest('hex') };
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export async function listen(handler: http.RequestListener): Promise<TestServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * Writes the content with backpressure; `cutAfter` bytes: the connection is destroyed there (a broken source);
 * `delayMs`: a pause after each 1 MB chunk (a slow source).
 */
export async function sendContent(response: http.ServerResponse, content: ReturnType<typeof deterministicContent>, size: number, cutAfter?: number, delayMs = 0): Promise<void> {
  response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(size) });
  let sent = 0;
  for (const chunk of content.chunks()) {
    if (cutAfter !== undefined && sent + chunk.length > cutAfter) {
      response.write(chunk.subarray(0, cutAfter - sent));
      response.destroy();
      return;
    }
    sent += chunk.length;
    if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (response.destroyed) return;
  }
  response.end();
}

export interface ReceivedUpload {
  method: string;
  headers: http.IncomingHttpHeaders;
  bytes: number;
  sha256: string;
  /** false: the request broke off before its end. */
  complete: boolean;
}

/**
 * An HTTP sink that hashes what it receives (streaming) and remembers every upload; `receivedBytes()`: all bytes
 * received so far, uploads still running included (to act in the middle of one).
 */
export async function startSink(): Promise<TestServer & { uploads: ReceivedUpload[]; bodies: string[]; receivedBytes(): number }> {
  const uploads: ReceivedUpload[] = [];
  const bodies: string[] = [];
  let received = 0;
  const server = await listen((request, response) => {
    const hash = createHash('sha256');
    let bytes = 0;
    const small: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      received += chunk.length;
      hash.update(chunk);
      if (bytes <= 64 * 1024) small.push(chunk);
    });
    request.on('end', () => {
      uploads.push({ method: request.method!, headers: request.headers, bytes, sha256: hash.digest('hex'), complete: true });
      if (bytes <= 64 * 1024) bodies.push(Buffer.concat(small).toString('utf8'));
      response.writeHead(200).end();
    });
    request.on('aborted', () => uploads.push({ method: request.method!, headers: request.headers, bytes, sha256: '', complete: false }));
  });
  return { ...server, uploads, bodies, receivedBytes: () => received };
}
