import { openServiceDataSource, pendingSchemaChanges } from '@dsaas/persistence';
import { createTestDatabase, describeWithServices } from '@dsaas/testing';
import { ISSUER_SERVICE_SCHEMA, IssuerServiceEntities, IssuerServiceMigrations } from '../src';

describeWithServices(['postgres'], 'issuer-service schema', () => {
  it('has migrations that match the entities exactly', async () => {
    const db = await createTestDatabase('issuer_drift');
    const dataSource = await openServiceDataSource({
      url: db.url,
      schema: ISSUER_SERVICE_SCHEMA,
      entities: IssuerServiceEntities,
      migrations: IssuerServiceMigrations,
    });
    try {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
    } finally {
      await dataSource.destroy();
      await db.drop();
    }
  });
});
