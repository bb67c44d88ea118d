import * as ActivityAgent from '@dsaas/feature-activity-agent';
import * as AuthServer from '@dsaas/feature-auth-server';
import * as ControlPlane from '@dsaas/feature-control-plane';
import * as DataPlane from '@dsaas/feature-data-plane';
import * as IdentityHub from '@dsaas/feature-identity-hub';
import * as IssuerService from '@dsaas/feature-issuer-service';
import * as ProvisionManager from '@dsaas/feature-provision-manager';
import * as TenantManager from '@dsaas/feature-tenant-manager';
import { openServiceDataSource, pendingSchemaChanges } from '@dsaas/persistence';
import { ServiceDatabase, withOutbox } from '@dsaas/server';
import { createTestDatabase, describeWithServices, TestDatabase } from '@dsaas/testing';

const SERVICE_DATABASES: Record<string, ServiceDatabase> = {
  'auth-server': { schema: AuthServer.AUTH_SERVER_SCHEMA, entities: AuthServer.AUTH_SERVER_ENTITIES, migrations: AuthServer.AUTH_SERVER_MIGRATIONS },
  'tenant-manager': { schema: TenantManager.TENANT_MANAGER_SCHEMA, entities: TenantManager.TenantManagerEntities, migrations: TenantManager.TenantManagerMigrations },
  'provision-manager': { schema: ProvisionManager.PROVISION_MANAGER_SCHEMA, entities: ProvisionManager.ProvisionManagerEntities, migrations: ProvisionManager.ProvisionManagerMigrations },
  'activity-agent': { schema: ActivityAgent.ACTIVITY_AGENT_SCHEMA, entities: ActivityAgent.ActivityAgentEntities, migrations: ActivityAgent.ActivityAgentMigrations },
  'control-plane': { schema: ControlPlane.CONTROL_PLANE_SCHEMA, entities: ControlPlane.ControlPlaneEntities, migrations: ControlPlane.ControlPlaneMigrations },
  'identity-hub': { schema: IdentityHub.IDENTITY_HUB_SCHEMA, entities: IdentityHub.IdentityHubEntities, migrations: IdentityHub.IdentityHubMigrations },
  'issuer-service': { schema: IssuerService.ISSUER_SERVICE_SCHEMA, entities: IssuerService.IssuerServiceEntities, migrations: IssuerService.IssuerServiceMigrations },
  'data-plane': { schema: DataPlane.DATA_PLANE_SCHEMA, entities: DataPlane.DataPlaneEntities, migrations: DataPlane.DataPlaneMigrations },
};

describeWithServices(['postgres'], 'every service schema: migrations match entities', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase('drift_all')));
  afterAll(() => db?.drop());

  it.each(Object.keys(SERVICE_DATABASES))('%s has no drift and its own schema', async (service) => {
    const database = withOutbox(SERVICE_DATABASES[service]);
    const dataSource = await openServiceDataSource({ url: db.url, ...database });
    try {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
      const tables: { table_schema: string }[] = await dataSource.query(
        `SELECT DISTINCT table_schema FROM information_schema.tables WHERE table_name = 'outbox' AND table_schema = $1`,
        [database.schema],
      );
      expect(tables).toHaveLength(1);
    } finally {
      await dataSource.destroy();
    }
  });

  it('gives every service a schema of its own', () => {
    const schemas = Object.values(SERVICE_DATABASES).map((d) => d.schema);
    expect(new Set(schemas).size).toBe(schemas.length);
  });
});
