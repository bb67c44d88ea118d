import { randomUUID } from 'node:crypto';
import { PostgresJtiReplayStore } from '@dsaas/identity';
import { openServiceDataSource, pendingSchemaChanges } from '@dsaas/persistence';
import { createTestDatabase, describeWithServices } from '@dsaas/testing';
import { IDENTITY_HUB_SCHEMA, IdentityHubEntities, IdentityHubMigrations } from '../src';
import { CreateIdentityHubTables1767400000000 } from '../src/database/create-identity-hub-tables.migration';
import { CreateUsedTokenTable1767400100000 } from '../src/database/create-used-token-table.migration';

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

  it('upgrades a database made by the earlier migrations, keeping the used token ids', async () => {
    const db = await createTestDatabase('ih_upgrade');
    const jti = randomUUID();
    const old = await openServiceDataSource({
      url: db.url,
      schema: IDENTITY_HUB_SCHEMA,
      entities: [],
      migrations: [CreateIdentityHubTables1767400000000, CreateUsedTokenTable1767400100000],
    });
    try {
      await old.query(`INSERT INTO "identity_hub"."used_token" ("issuer", "jti", "expires_at") VALUES ($1, $2, now() + interval '5 minutes')`, ['did:web:a', jti]);
    } finally {
      await old.destroy();
    }
    const upgraded = await openServiceDataSource({ url: db.url, schema: IDENTITY_HUB_SCHEMA, entities: IdentityHubEntities, migrations: IdentityHubMigrations });
    try {
      expect(await pendingSchemaChanges(upgraded)).toEqual([]);
      const store = new PostgresJtiReplayStore(upgraded);
      expect(await store.checkAndRemember('did:web:a', jti, new Date(Date.now() + 60_000))).toBe(false);
      expect(await store.checkAndRemember('did:web:a', randomUUID(), new Date(Date.now() + 60_000))).toBe(true);
    } finally {
      await upgraded.destroy();
      await db.drop();
    }
  });
});
