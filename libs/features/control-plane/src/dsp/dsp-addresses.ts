import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AddressInfo } from 'net';
import { DSP_VERSION } from '@dsaas/protocol-dsp';
import { DspConfig } from './dsp.config';

/**
 * Where counter-parties reach our contexts: PUBLIC_URL, else http://localhost:<listening port> (so a service
 * started on port 0 in tests hands out callback addresses that work).
 */
@Injectable()
export class DspAddresses {
  constructor(private readonly config: DspConfig, private readonly adapterHost: HttpAdapterHost) {}

  baseUrl(): string {
    if (this.config.PUBLIC_URL) return this.config.PUBLIC_URL.replace(/\/+$/, '');
    const address = this.adapterHost.httpAdapter?.getHttpServer()?.address() as AddressInfo | string | null | undefined;
    const port = address && typeof address === 'object' ? address.port : this.config.PORT;
    return `http://localhost:${port}`;
  }

  /** Path of a context's DSP 2025-1 endpoint, relative to the host (as `/.well-known/dspace-version` lists it). */
  static path(participantContextId: string): string {
    return `/api/dsp/${encodeURIComponent(participantContextId)}/${DSP_VERSION}`;
  }

  /** The context's DSP endpoint: its configured `dspAddress`, else ours. */
  endpoint(participantContextId: string, properties: Record<string, unknown> = {}): string {
    const configured = properties.dspAddress;
    if (typeof configured === 'string' && configured) return configured.replace(/\/+$/, '');
    return `${this.baseUrl()}${DspAddresses.path(participantContextId)}`;
  }
}
