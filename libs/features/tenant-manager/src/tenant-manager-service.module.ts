import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@dsaas/server';
import { TenantManagerConfig } from './tenant-manager.config';
import { TENANT_MANAGER_SCHEMA } from './database/tenant-manager.schema';
import { TenantManagerEntities, TenantManagerMigrations } from './database/tenant-manager.database';

/** Everything the tenant-manager runs: shared runtime (logs, health, metrics, auth, database, event bus) and its features. */
@Module({})
export class TenantManagerServiceModule {
  static forRoot(config: TenantManagerConfig): DynamicModule {
    return {
      module: TenantManagerServiceModule,
      imports: [
        ServiceRuntimeModule.forRoot({
          service: 'tenant-manager',
          config,
          database: { schema: TENANT_MANAGER_SCHEMA, entities: TenantManagerEntities, migrations: TenantManagerMigrations },
        }),
      ],
    };
  }
}
