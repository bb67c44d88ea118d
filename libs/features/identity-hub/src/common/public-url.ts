import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AddressInfo } from 'net';
import { IdentityHubConfig } from '../identity-hub.config';

/**
 * The externally visible base URL: PUBLIC_URL, else http://localhost:<port>. The port is read from the
 * listening server, so a service started on port 0 (tests) still hands out DIDs that resolve.
 */
@Injectable()
export class PublicUrl {
  constructor(private readonly config: IdentityHubConfig, private readonly adapterHost: HttpAdapterHost) {}

  get(): string {
    if (this.config.PUBLIC_URL) return this.config.PUBLIC_URL.replace(/\/+$/, '');
    const address = this.adapterHost.httpAdapter?.getHttpServer()?.address() as AddressInfo | string | null | undefined;
    const port = address && typeof address === 'object' ? address.port : this.config.PORT;
    return `http://localhost:${port}`;
  }

  /** Base of the context's DCP credential service (presentation query, storage, offers). */
  credentialServiceUrl(participantContextId: string): string {
    return `${this.get()}/api/credentials/${encodeURIComponent(participantContextId)}`;
  }
}
