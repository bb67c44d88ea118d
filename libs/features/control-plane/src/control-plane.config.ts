import { ServiceConfig } from '@dsaas/server';

/** Configuration of the control-plane (environment variables). */
export class ControlPlaneConfig extends ServiceConfig {
  override PORT = 8084;
}
