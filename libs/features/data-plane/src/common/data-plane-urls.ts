import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AddressInfo } from 'net';
import { DataPlaneConfig } from '../data-plane.config';

/**
 * Where others reach this data plane: PUBLIC_URL, else the address the server listens on (PORT=0 in tests and
 * benches picks a free port, known only after listen).
 */
@Injectable()
export class DataPlaneUrls {
  constructor(
    private readonly config: DataPlaneConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  base(): string {
    if (this.config.PUBLIC_URL) return this.config.PUBLIC_URL.replace(/\/+$/, '');
    const address = this.adapterHost.httpAdapter?.getHttpServer()?.address() as AddressInfo | null | undefined;
    const port = address?.port ?? this.config.PORT;
    return `http://127.0.0.1:${port}`;
  }

  /** The DPS signaling API (what the control plane gets at registration). */
  signaling(): string {
    return `${this.base()}/api/signaling/v1/dataflows`;
  }

  /** The EDR endpoint of a pull flow. */
  publicEndpoint(flowId: string): string {
    return `${this.base()}/api/public/${encodeURIComponent(flowId)}`;
  }

  refreshEndpoint(): string {
    return `${this.base()}/api/public/token`;
  }
}
