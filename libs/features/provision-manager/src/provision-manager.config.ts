import { ServiceConfig } from '@dsaas/server';

/** Configuration of the provision-manager (environment variables). */
export class ProvisionManagerConfig extends ServiceConfig {
  override PORT = 8082;
}
