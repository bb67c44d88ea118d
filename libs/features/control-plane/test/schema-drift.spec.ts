import { openServiceDataSource, pendingSchemaChanges } from '@dsaas/persistence';
import { createTestDatabase, describeWithServices } from '@dsaas/testing';
import { CONTROL_PLANE_SCHEMA, ControlPlaneEntities, ControlPlaneMigrations } from '../src';

describeWithServices(['postgres'], 'control-plane schema', () => {
  it('has migrations that match the entities exactly, and runs them twice without harm', async () => {
    const db = await createTestDatabase('cp_drift');
    try {
      for (let run = 0; run < 2; run++) {
        const dataSource = await openServiceDataSource({ url: db.url, schema: CONTROL_PLANE_SCHEMA, entities: ControlPlaneEntities, migrations: ControlPlaneMigrations });
        try {
          expect(await pendingSchemaChanges(dataSource)).toEqual([]);
        } finally {
          await dataSource.destroy();
        }
      }
    } finally {
      await db.drop();
    }
  });
});
