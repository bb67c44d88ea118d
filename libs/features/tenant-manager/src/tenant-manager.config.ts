import { ServiceConfig } from '@dsaas/server';

/** Configuration of the tenant-manager (environment variables). */
export class TenantManagerConfig extends ServiceConfig {
  override PORT = 8081;
}
