import { Injectable } from '@nestjs/common';

export interface GeneratedAdminCredentials {
  clientId: string;
  clientSecret: string;
}

/**
 * The admin credentials generated on first start, for the platform app to print. Handed out once: the
 * secret is stored only as a hash, and should not linger in memory either.
 */
@Injectable()
export class BootstrapCredentials {
  private credentials?: GeneratedAdminCredentials;

  /** @internal set by the bootstrap step. */
  remember(credentials: GeneratedAdminCredentials): void {
    this.credentials = credentials;
  }

  /** The generated credentials the first time it is called after they were made; undefined afterwards or if none were. */
  take(): GeneratedAdminCredentials | undefined {
    const credentials = this.credentials;
    this.credentials = undefined;
    return credentials;
  }
}
