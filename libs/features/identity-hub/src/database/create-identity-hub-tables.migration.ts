import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The identity hub's tables. Idempotent and serialised by an advisory lock: replicas (and the all-in-one
 * platform) may start together. No foreign keys: deleting a context deletes its rows in one transaction.
 */
export class CreateIdentityHubTables1767400000000 implements MigrationInterface {
  name = 'CreateIdentityHubTables1767400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtext('dsaas.identity_hub.schema'))`);
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "identity_hub"`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "identity_hub"."participant_context" (
        "participant_context_id" character varying(128) NOT NULL,
        "did" character varying(512) NOT NULL,
        "dsp_endpoint" character varying(2048),
        "state" character varying(16) NOT NULL,
        "did_published" boolean NOT NULL,
        "extra_services" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_identity_hub_participant_context" PRIMARY KEY ("participant_context_id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS "UQ_identity_hub_participant_context_did" ON "identity_hub"."participant_context" ("did")`,
    );
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "identity_hub"."key_pair" (
        "participant_context_id" character varying(128) NOT NULL,
        "key_id" character varying(128) NOT NULL,
        "algorithm" character varying(16) NOT NULL,
        "public_jwk" jsonb NOT NULL,
        "state" character varying(16) NOT NULL,
        "is_default" boolean NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "rotated_at" TIMESTAMP WITH TIME ZONE,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_identity_hub_key_pair" PRIMARY KEY ("participant_context_id", "key_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "identity_hub"."stored_credential" (
        "id" uuid NOT NULL,
        "participant_context_id" character varying(128) NOT NULL,
        "credential_id" character varying(512),
        "types" text array NOT NULL,
        "issuer" character varying(512) NOT NULL,
        "format" character varying(16) NOT NULL,
        "raw" text NOT NULL,
        "content" jsonb NOT NULL,
        "content_hash" character varying(64) NOT NULL,
        "valid_from" TIMESTAMP WITH TIME ZONE,
        "valid_until" TIMESTAMP WITH TIME ZONE,
        "source" character varying(16) NOT NULL,
        "holder_pid" character varying(128),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_identity_hub_stored_credential" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS "UQ_identity_hub_stored_credential_content" ON "identity_hub"."stored_credential" ("participant_context_id", "content_hash")`,
    );
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "identity_hub"."credential_request" (
        "holder_pid" character varying(128) NOT NULL,
        "participant_context_id" character varying(128) NOT NULL,
        "issuer_did" character varying(512) NOT NULL,
        "issuer_pid" character varying(256),
        "state" character varying(16) NOT NULL,
        "credentials" jsonb NOT NULL,
        "error_detail" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_identity_hub_credential_request" PRIMARY KEY ("holder_pid")
      )`);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_identity_hub_credential_request_context" ON "identity_hub"."credential_request" ("participant_context_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "identity_hub"."credential_offer" (
        "id" uuid NOT NULL,
        "participant_context_id" character varying(128) NOT NULL,
        "issuer" character varying(512) NOT NULL,
        "credentials" jsonb NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_identity_hub_credential_offer" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_identity_hub_credential_offer_context" ON "identity_hub"."credential_offer" ("participant_context_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "identity_hub"."credential_offer"`);
    await queryRunner.query(`DROP TABLE IF EXISTS "identity_hub"."credential_request"`);
    await queryRunner.query(`DROP TABLE IF EXISTS "identity_hub"."stored_credential"`);
    await queryRunner.query(`DROP TABLE IF EXISTS "identity_hub"."key_pair"`);
    await queryRunner.query(`DROP TABLE IF EXISTS "identity_hub"."participant_context"`);
  }
}
