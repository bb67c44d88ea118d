import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotent and serialised by an advisory lock: the all-in-one platform may run it from a shared data
 * source while a separate auth-server replica starts.
 */
export class CreateAuthServerTables1767312000000 implements MigrationInterface {
  name = 'CreateAuthServerTables1767312000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtext('dsaas.auth_server.schema'))`);
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "auth_server"`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "auth_server"."client" (
        "client_id" character varying(128) NOT NULL,
        "secret_hash" character varying(255) NOT NULL,
        "role" character varying(32) NOT NULL,
        "participant_context_id" character varying(128),
        "scopes" text array NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "secret_rotated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_auth_server_client" PRIMARY KEY ("client_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "auth_server"."signing_key" (
        "kid" character varying(64) NOT NULL,
        "algorithm" character varying(16) NOT NULL,
        "public_jwk" jsonb NOT NULL,
        "encryption_key_id" character varying(32) NOT NULL,
        "iv" bytea NOT NULL,
        "auth_tag" bytea NOT NULL,
        "ciphertext" bytea NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "retired_at" TIMESTAMP WITH TIME ZONE,
        "expires_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_auth_server_signing_key" PRIMARY KEY ("kid")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "auth_server"."signing_key"`);
    await queryRunner.query(`DROP TABLE IF EXISTS "auth_server"."client"`);
  }
}
