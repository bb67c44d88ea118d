import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@dsaas/server';
import { DataPlaneConfig } from './data-plane.config';
import { DataPlaneModule } from './data-plane.module';
import { DATA_PLANE_SCHEMA } from './database/data-plane.schema';
import { DataPlaneEntities, DataPlaneMigrations } from './database/data-plane.database';

/** Everything the data-plane runs: shared runtime (logs, health, metrics, auth, database, event bus) and its features. */
@Module({})
export class DataPlaneServiceModule {
  static forRoot(config: DataPlaneConfig): DynamicModule {
    return {
      module: DataPlaneServiceModule,
      imports: [
        ServiceRuntimeModule.forRoot({
          service: 'data-plane',
          config,
          secrets: true,
          database: { schema: DATA_PLANE_SCHEMA, entities: DataPlaneEntities, migrations: DataPlaneMigrations },
        }),
        DataPlaneModule.forRoot(config),
      ],
    };
  }
}
