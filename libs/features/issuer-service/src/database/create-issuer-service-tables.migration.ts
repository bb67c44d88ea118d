import { MigrationInterface, QueryRunner } from 'typeorm';

/** The issuer-service's tables. Idempotent and serialised, as replicas may start together. */
export class CreateIssuerServiceTables1767400000000 implements MigrationInterface {
  name = 'CreateIssuerServiceTables1767400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtext('dsaas.issuer_service.schema'))`);
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "issuer_service"`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "issuer_service"."issuer_context" (
        "id" character varying(128) NOT NULL,
        "did" character varying(512) NOT NULL,
        "key_id" character varying(128) NOT NULL,
        "key_algorithm" character varying(16) NOT NULL,
        "public_jwk" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "UQ_issuer_context_did" UNIQUE ("did"),
        CONSTRAINT "PK_issuer_context" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "issuer_service"."holder" (
        "issuer_context_id" character varying(128) NOT NULL,
        "holder_id" character varying(128) NOT NULL,
        "did" character varying(512) NOT NULL,
        "name" character varying(256),
        "properties" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "UQ_issuer_holder_did" UNIQUE ("issuer_context_id", "did"),
        CONSTRAINT "PK_issuer_holder" PRIMARY KEY ("issuer_context_id", "holder_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "issuer_service"."attestation_definition" (
        "issuer_context_id" character varying(128) NOT NULL,
        "id" character varying(128) NOT NULL,
        "type" character varying(32) NOT NULL,
        "config" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_issuer_attestation_definition" PRIMARY KEY ("issuer_context_id", "id")
      )`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "issuer_service"."credential_definition" (
        "issuer_context_id" character varying(128) NOT NULL,
        "id" character varying(128) NOT NULL,
        "credential_type" character varying(128) NOT NULL,
        "format" character varying(16) NOT NULL,
        "validity_seconds" integer NOT NULL,
        "attestations" jsonb NOT NULL,
        "rules" jsonb NOT NULL,
        "mappings" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_issuer_credential_definition" PRIMARY KEY ("issuer_context_id", "id")
      )`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "issuer_service"."credential_request" (
        "id" uuid NOT NULL,
        "issuer_context_id" character varying(128) NOT NULL,
        "holder_did" character varying(512) NOT NULL,
        "holder_pid" character varying(256) NOT NULL,
        "credential_definition_ids" jsonb NOT NULL,
        "state" character varying(16) NOT NULL,
        "decision" character varying(16),
        "reason" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "UQ_issuer_credential_request_holder_pid" UNIQUE ("issuer_context_id", "holder_did", "holder_pid"),
        CONSTRAINT "PK_issuer_credential_request" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "issuer_service"."issued_credential" (
        "id" uuid NOT NULL,
        "issuer_context_id" character varying(128) NOT NULL,
        "request_id" uuid,
        "credential_definition_id" character varying(128) NOT NULL,
        "credential_type" character varying(128) NOT NULL,
        "holder_did" character varying(512) NOT NULL,
        "format" character varying(16) NOT NULL,
        "status_list_id" uuid NOT NULL,
        "status_list_index" integer NOT NULL,
        "jwt" text NOT NULL,
        "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_issuer_issued_credential" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_issuer_issued_credential_context" ON "issuer_service"."issued_credential" ("issuer_context_id", "issued_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_issuer_issued_credential_request" ON "issuer_service"."issued_credential" ("request_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "issuer_service"."status_list" (
        "id" uuid NOT NULL,
        "issuer_context_id" character varying(128) NOT NULL,
        "purpose" character varying(16) NOT NULL,
        "encoded_list" text NOT NULL,
        "length" integer NOT NULL,
        "next_index" integer NOT NULL,
        "jwt" text,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_issuer_status_list" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_issuer_status_list_context" ON "issuer_service"."status_list" ("issuer_context_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['status_list', 'issued_credential', 'credential_request', 'credential_definition', 'attestation_definition', 'holder', 'issuer_context']) {
      await queryRunner.query(`DROP TABLE IF EXISTS "issuer_service"."${table}"`);
    }
  }
}
