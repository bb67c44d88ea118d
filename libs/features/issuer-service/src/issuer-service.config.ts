import { ServiceConfig } from '@dsaas/server';

/** Configuration of the issuer-service (environment variables). */
export class IssuerServiceConfig extends ServiceConfig {
  override PORT = 8086;
}
