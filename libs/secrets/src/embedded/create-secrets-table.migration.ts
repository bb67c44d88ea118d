import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `secrets` schema may be migrated from several services' data sources (apps may wire the entity into
 * their own), so the migration is idempotent and serialised by an advisory lock.
 */
export class CreateSecretsTable1767225600000 implements MigrationInterface {
  name = 'CreateSecretsTable1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtext('dsaas.secrets.schema'))`);
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "secrets"`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "secrets"."secret" (
        "participant_context_id" character varying(128) NOT NULL,
        "key" character varying(255) NOT NULL,
        "key_id" character varying(32) NOT NULL,
        "iv" bytea NOT NULL,
        "auth_tag" bytea NOT NULL,
        "ciphertext" bytea NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_secrets_secret" PRIMARY KEY ("participant_context_id", "key")
      )`);
    // Key rotation finds rows still under an old key.
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_secrets_secret_key_id" ON "secrets"."secret" ("key_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "secrets"."secret"`);
  }
}
