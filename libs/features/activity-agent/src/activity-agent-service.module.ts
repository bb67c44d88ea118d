import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@dsaas/server';
import { ActivityAgentConfig } from './activity-agent.config';
import { ACTIVITY_AGENT_SCHEMA } from './database/activity-agent.schema';
import { ActivityAgentEntities, ActivityAgentMigrations } from './database/activity-agent.database';

/** Everything the activity-agent runs: shared runtime (logs, health, metrics, auth, database, event bus) and its features. */
@Module({})
export class ActivityAgentServiceModule {
  static forRoot(config: ActivityAgentConfig): DynamicModule {
    return {
      module: ActivityAgentServiceModule,
      imports: [
        ServiceRuntimeModule.forRoot({
          service: 'activity-agent',
          config,
          database: { schema: ACTIVITY_AGENT_SCHEMA, entities: ActivityAgentEntities, migrations: ActivityAgentMigrations },
        }),
      ],
    };
  }
}
