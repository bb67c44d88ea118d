import { MigrationInterface, QueryRunner } from 'typeorm';
import { usedTokenTable } from './used-token-table';

/**
 * The used_token table (see UsedTokenEntity) in the schema of the data source that runs it. Idempotent and
 * serialised by the same advisory lock as the services' own migrations, as replicas may start together.
 */
export class CreateUsedTokenTable1767500000000 implements MigrationInterface {
  name = 'CreateUsedTokenTable1767500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema?: string }).schema;
    const table = usedTokenTable(queryRunner.connection);
    if (schema) await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`dsaas.${schema}.schema`]);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS ${table} (
        "issuer" character varying(512) NOT NULL,
        "jti" character varying(256) NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_used_token" PRIMARY KEY ("issuer", "jti")
      )`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_used_token_expires_at" ON ${table} ("expires_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS ${usedTokenTable(queryRunner.connection)}`);
  }
}
