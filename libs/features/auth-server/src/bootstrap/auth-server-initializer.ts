import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ClientsService } from '../clients/clients.service';
import { AUTH_SERVER_OPTIONS, ResolvedAuthServerOptions } from '../config/auth-server-options';
import { SigningKeysService } from '../keys/signing-keys.service';
import { BootstrapCredentials } from './bootstrap-credentials';

/** On start: a signing key exists, and so does an admin client (created from config or generated). */
@Injectable()
export class AuthServerInitializer implements OnModuleInit {
  private readonly logger = new Logger('AuthServerBootstrap');

  constructor(
    private readonly keys: SigningKeysService,
    private readonly clients: ClientsService,
    private readonly credentials: BootstrapCredentials,
    @Inject(AUTH_SERVER_OPTIONS) private readonly options: ResolvedAuthServerOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.keys.start();
    const created = await this.clients.createFirstAdmin(
      { clientId: this.options.bootstrapClientId, scopes: this.options.bootstrapClientScopes },
      this.options.bootstrapClientSecret,
    );
    if (!created) return;
    if (this.options.bootstrapClientSecret) {
      this.logger.log({ clientId: created.client.clientId }, 'created the bootstrap admin client from configuration');
      return;
    }
    this.credentials.remember({ clientId: created.client.clientId, clientSecret: created.clientSecret });
    // Logged this once only: the secret is stored hashed and cannot be shown again (rotate it via the admin API).
    this.logger.warn(
      { clientId: created.client.clientId },
      `generated the bootstrap admin client: client_id=${created.client.clientId} client_secret=${created.clientSecret} ` +
        '(shown once; set AUTH_BOOTSTRAP_CLIENT_ID/AUTH_BOOTSTRAP_CLIENT_SECRET to choose them)',
    );
  }
}
