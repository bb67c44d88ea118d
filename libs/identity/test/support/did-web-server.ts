import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ServedResponse {
  status?: number;
  contentType?: string;
  body: string | object;
}

/** A real HTTP server on 127.0.0.1 serving whatever a test puts at a path, counting requests per path. */
export class DidWebServer {
  readonly responses = new Map<string, ServedResponse>();
  readonly hits = new Map<string, number>();
  private server?: Server;
  port = 0;

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  get baseUrl(): string {
    return `http://${this.host}`;
  }

  /** did:web of a path on this server, e.g. did:web:127.0.0.1%3A40123:ctx-a */
  did(...segments: string[]): string {
    return ['did:web:127.0.0.1%3A' + this.port, ...segments].join(':');
  }

  serve(path: string, response: ServedResponse): void {
    this.responses.set(path, response);
  }

  hitCount(path: string): number {
    return this.hits.get(path) ?? 0;
  }

  async start(): Promise<this> {
    this.server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const path = (request.url ?? '/').split('?')[0];
      this.hits.set(path, this.hitCount(path) + 1);
      const served = this.responses.get(path);
      if (!served) {
        response.writeHead(404).end();
        return;
      }
      const body = typeof served.body === 'string' ? served.body : JSON.stringify(served.body);
      response.writeHead(served.status ?? 200, { 'content-type': served.contentType ?? 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
