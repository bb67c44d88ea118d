import { openServiceDataSource, pendingSchemaChanges } from '@dsaas/persistence';
import { createTestDatabase, describeWithServices } from '@dsaas/testing';
import { IDENTITY_HUB_SCHEMA, IdentityHubEntities, IdentityHubMigrations } from '../src';

describeWithServices(['postgres'], 'identity-hub schema', () => {
  it('has migrations that match the entities exactly', async () => {
    const db = await createTestDatabase('ih_drift');
    const dataSource = await openServiceDataSource({ url: db.url, schema: IDENTITY_HUB_SCHEMA, entities: IdentityHubEntities, migrations: IdentityHubMigrations });
    try {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
    } finally {
      await dataSource.destroy();
      await db.drop();
    }
  });
});
