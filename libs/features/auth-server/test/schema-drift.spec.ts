import { openServiceDataSource, pendingSchemaChanges } from '@dsaas/persistence';
import { createTestDatabase, describeWithServices } from '@dsaas/testing';
import { AUTH_SERVER_ENTITIES, AUTH_SERVER_MIGRATIONS, AUTH_SERVER_SCHEMA } from '../src';

describeWithServices(['postgres'], 'auth-server schema', () => {
  it('has migrations that match the entities exactly', async () => {
    const db = await createTestDatabase('auth_drift');
    const dataSource = await openServiceDataSource({
      url: db.url,
      schema: AUTH_SERVER_SCHEMA,
      entities: AUTH_SERVER_ENTITIES,
      migrations: AUTH_SERVER_MIGRATIONS,
    });
    try {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
    } finally {
      await dataSource.destroy();
      await db.drop();
    }
  });
});
