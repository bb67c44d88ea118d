import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@dsaas/server';
import { IssuerServiceConfig } from './issuer-service.config';
import { ISSUER_SERVICE_SCHEMA } from './database/issuer-service.schema';
import { IssuerServiceEntities, IssuerServiceMigrations } from './database/issuer-service.database';
import { IssuerModule } from './issuer.module';

/** Everything the issuer-service runs: shared runtime (logs, health, metrics, auth, database, event bus) and its features. */
@Module({})
export class IssuerServiceServiceModule {
  static forRoot(config: IssuerServiceConfig): DynamicModule {
    return {
      module: IssuerServiceServiceModule,
      imports: [
        ServiceRuntimeModule.forRoot({
          service: 'issuer-service',
          config,
          secrets: true,
          database: { schema: ISSUER_SERVICE_SCHEMA, entities: IssuerServiceEntities, migrations: IssuerServiceMigrations },
        }),
        IssuerModule.forRoot(config),
      ],
    };
  }
}
