import { ServiceConfig } from '@dsaas/server';

/** Configuration of the identity-hub (environment variables). */
export class IdentityHubConfig extends ServiceConfig {
  override PORT = 8085;
}
