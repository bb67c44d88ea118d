import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@dsaas/server';
import { ControlPlaneConfig } from './control-plane.config';
import { CONTROL_PLANE_SCHEMA } from './database/control-plane.schema';
import { ControlPlaneEntities, ControlPlaneMigrations } from './database/control-plane.database';
import { ManagementApiModule } from './management-api.module';
import { DspModule } from './dsp/dsp.module';

/** Everything the control-plane runs: shared runtime (logs, health, metrics, auth, database, event bus) and its features. */
@Module({})
export class ControlPlaneServiceModule {
  static forRoot(config: ControlPlaneConfig): DynamicModule {
    return {
      module: ControlPlaneServiceModule,
      imports: [
        ServiceRuntimeModule.forRoot({
          service: 'control-plane',
          config,
          secrets: true,
          database: { schema: CONTROL_PLANE_SCHEMA, entities: ControlPlaneEntities, migrations: ControlPlaneMigrations },
        }),
        ManagementApiModule,
        DspModule.forRoot(config),
      ],
    };
  }
}
