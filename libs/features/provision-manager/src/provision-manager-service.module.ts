import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@dsaas/server';
import { ProvisionManagerConfig } from './provision-manager.config';
import { PROVISION_MANAGER_SCHEMA } from './database/provision-manager.schema';
import { ProvisionManagerEntities, ProvisionManagerMigrations } from './database/provision-manager.database';

/** Everything the provision-manager runs: shared runtime (logs, health, metrics, auth, database, event bus) and its features. */
@Module({})
export class ProvisionManagerServiceModule {
  static forRoot(config: ProvisionManagerConfig): DynamicModule {
    return {
      module: ProvisionManagerServiceModule,
      imports: [
        ServiceRuntimeModule.forRoot({
          service: 'provision-manager',
          config,
          database: { schema: PROVISION_MANAGER_SCHEMA, entities: ProvisionManagerEntities, migrations: ProvisionManagerMigrations },
        }),
      ],
    };
  }
}
