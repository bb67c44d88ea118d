import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@dsaas/server';
import { IdentityHubConfig } from './identity-hub.config';
import { IDENTITY_HUB_SCHEMA } from './database/identity-hub.schema';
import { IdentityHubEntities, IdentityHubMigrations } from './database/identity-hub.database';
import { IdentityHubModule } from './identity-hub.module';

/** Everything the identity-hub runs: shared runtime (logs, health, metrics, auth, database, event bus) and its features. */
@Module({})
export class IdentityHubServiceModule {
  static forRoot(config: IdentityHubConfig): DynamicModule {
    return {
      module: IdentityHubServiceModule,
      imports: [
        ServiceRuntimeModule.forRoot({
          service: 'identity-hub',
          config,
          secrets: true,
          database: { schema: IDENTITY_HUB_SCHEMA, entities: IdentityHubEntities, migrations: IdentityHubMigrations },
        }),
        IdentityHubModule.forRoot(config),
      ],
    };
  }
}
