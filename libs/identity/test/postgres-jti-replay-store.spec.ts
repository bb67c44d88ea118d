import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { openServiceDataSource, pendingSchemaChanges } from '@dsaas/persistence';
import { createTestDatabase, describeWithServices, TestDatabase } from '@dsaas/testing';
import { CreateUsedTokenTable1767500000000, PostgresJtiReplayStore, UsedTokenEntity } from '../src';

const SCHEMA = 'replay_test';
const ISSUER = 'did:web:holder.example.com';

describeWithServices(['postgres'], 'PostgresJtiReplayStore', () => {
  let db: TestDatabase;
  // Two data sources on one database: two replicas of a service.
  let replicaA: DataSource;
  let replicaB: DataSource;
  const inAMinute = () => new Date(Date.now() + 60_000);
  const open = () => openServiceDataSource({ url: db.url, schema: SCHEMA, entities: [UsedTokenEntity], migrations: [CreateUsedTokenTable1767500000000] });
  const rows = async () => Number((await replicaA.query(`SELECT count(*) AS n FROM "${SCHEMA}"."used_token"`))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase('identity_replay');
    replicaA = await open();
    replicaB = await open();
  });
  afterAll(async () => {
    await replicaA?.destroy();
    await replicaB?.destroy();
    await db?.drop();
  });

  it('accepts a jti once and refuses it the second time, on the same and on another replica', async () => {
    const a = new PostgresJtiReplayStore(replicaA);
    const b = new PostgresJtiReplayStore(replicaB);
    const jti = randomUUID();
    expect(await a.checkAndRemember(ISSUER, jti, inAMinute())).toBe(true);
    expect(await a.checkAndRemember(ISSUER, jti, inAMinute())).toBe(false);
    expect(await b.checkAndRemember(ISSUER, jti, inAMinute())).toBe(false);
    // Another participant may use the same id.
    expect(await b.checkAndRemember('did:web:other.example.com', jti, inAMinute())).toBe(true);
  });

  it('accepts exactly one of two concurrent checks of one jti from two replicas', async () => {
    const a = new PostgresJtiReplayStore(replicaA);
    const b = new PostgresJtiReplayStore(replicaB);
    for (let round = 0; round < 20; round++) {
      const jti = randomUUID();
      const results = await Promise.all([a.checkAndRemember(ISSUER, jti, inAMinute()), b.checkAndRemember(ISSUER, jti, inAMinute())]);
      expect(results.filter(Boolean)).toHaveLength(1);
    }
  });

  it('prunes expired rows, by itself once per interval, and lets an expired id be used again', async () => {
    let now = Date.now();
    const store = new PostgresJtiReplayStore(replicaA, { pruneIntervalMs: 60_000, now: () => now });
    await store.pruneExpired();
    const before = await rows();
    const stale = randomUUID();
    // The first check prunes (nothing expired yet) and stores a row that is already expired.
    expect(await store.checkAndRemember(ISSUER, stale, new Date(Date.now() - 1000))).toBe(true);
    expect(await rows()).toBe(before + 1);
    // Within the interval, no prune: the expired row stays, but may be taken over.
    expect(await store.checkAndRemember(ISSUER, randomUUID(), inAMinute())).toBe(true);
    expect(await rows()).toBe(before + 2);
    expect(await store.checkAndRemember(ISSUER, stale, new Date(Date.now() - 1000))).toBe(true);
    // After the interval the next check deletes the expired row.
    now += 60_000;
    expect(await store.checkAndRemember(ISSUER, randomUUID(), inAMinute())).toBe(true);
    expect(await rows()).toBe(before + 2);
    expect(await store.pruneExpired()).toBe(0);
  });

  it('creates its table in the schema of the data source, idempotently, matching the entity', async () => {
    expect(await pendingSchemaChanges(replicaA)).toEqual([]);
    const tables = await replicaA.query(`SELECT table_schema FROM information_schema.tables WHERE table_name = 'used_token'`);
    expect(tables).toEqual([{ table_schema: SCHEMA }]);
    const runner = replicaA.createQueryRunner();
    try {
      await new CreateUsedTokenTable1767500000000().up(runner);
    } finally {
      await runner.release();
    }
    expect(await rows()).toBeGreaterThan(0);
  });
});
