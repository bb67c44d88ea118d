import { Column, Entity, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';
import { openServiceDataSource, pendingSchemaChanges } from '../src';
import { createTestDatabase, describeWithServices, TestDatabase } from '@dsaas/testing';

@Entity({ name: 'widget' })
class WidgetEntity {
  @PrimaryColumn('text')
  id: string;

  @Column('integer')
  size: number;
}

class CreateWidget1700000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "widget" ("id" text PRIMARY KEY, "size" integer NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "widget"`);
  }
}

/** A migration that forgot a column: the drift check must notice. */
class CreateWidgetWithoutSize1700000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "widget" ("id" text PRIMARY KEY)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "widget"`);
  }
}

describeWithServices(['postgres'], 'openServiceDataSource + pendingSchemaChanges', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase('persistence')));
  afterAll(() => db?.drop());

  it('creates the schema, runs the migrations and reports no drift when they match the entities', async () => {
    const ds = await openServiceDataSource({ url: db.url, schema: 'svc_ok', entities: [WidgetEntity], migrations: [CreateWidget1700000000000] });
    try {
      expect(await pendingSchemaChanges(ds)).toEqual([]);
      const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM "svc_ok"."migrations"`);
      expect(count).toBe(1);
    } finally {
      await ds.destroy();
    }
  });

  it('reports the missing column when a migration drifts from its entity', async () => {
    const ds = await openServiceDataSource({ url: db.url, schema: 'svc_drift', entities: [WidgetEntity], migrations: [CreateWidgetWithoutSize1700000000000] });
    try {
      const changes = await pendingSchemaChanges(ds);
      expect(changes.join('\n')).toMatch(/ADD "size"/);
    } finally {
      await ds.destroy();
    }
  });

  it('never synchronizes: a schema without migrations stays empty', async () => {
    const ds = await openServiceDataSource({ url: db.url, schema: 'svc_empty', entities: [WidgetEntity], migrations: [] });
    try {
      const tables = await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'svc_empty' AND table_name = 'widget'`);
      expect(tables).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
