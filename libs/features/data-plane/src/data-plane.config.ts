import { ServiceConfig } from '@dsaas/server';

/** Configuration of the data-plane (environment variables). */
export class DataPlaneConfig extends ServiceConfig {
  override PORT = 8087;
}
