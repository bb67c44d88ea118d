import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tables of the management API. Idempotent and serialised by an advisory lock: replicas (and the all-in-one
 * platform) may start together. No foreign keys: a context's rows are deleted together in one transaction, and
 * references (contract definition → policy) are checked by the services.
 */
export class CreateManagementTables1767500000000 implements MigrationInterface {
  name = 'CreateManagementTables1767500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtext('dsaas.control_plane.schema'))`);
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "control_plane"`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "control_plane"."participant_context" (
        "participant_context_id" character varying(128) NOT NULL,
        "identity" character varying(512) NOT NULL,
        "properties" jsonb NOT NULL,
        "state" character varying(32) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_control_plane_participant_context" PRIMARY KEY ("participant_context_id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS "UQ_control_plane_participant_context_identity" ON "control_plane"."participant_context" ("identity")`,
    );
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "control_plane"."asset" (
        "participant_context_id" character varying(128) NOT NULL,
        "id" character varying(256) NOT NULL,
        "properties" jsonb NOT NULL,
        "private_properties" jsonb NOT NULL,
        "data_address" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_control_plane_asset" PRIMARY KEY ("participant_context_id", "id")
      )`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "control_plane"."policy_definition" (
        "participant_context_id" character varying(128) NOT NULL,
        "id" character varying(256) NOT NULL,
        "policy" jsonb NOT NULL,
        "private_properties" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_control_plane_policy_definition" PRIMARY KEY ("participant_context_id", "id")
      )`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "control_plane"."contract_definition" (
        "participant_context_id" character varying(128) NOT NULL,
        "id" character varying(256) NOT NULL,
        "access_policy_id" character varying(256) NOT NULL,
        "contract_policy_id" character varying(256) NOT NULL,
        "assets_selector" jsonb NOT NULL,
        "private_properties" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_control_plane_contract_definition" PRIMARY KEY ("participant_context_id", "id")
      )`);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_control_plane_contract_definition_access_policy" ON "control_plane"."contract_definition" ("participant_context_id", "access_policy_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_control_plane_contract_definition_contract_policy" ON "control_plane"."contract_definition" ("participant_context_id", "contract_policy_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "control_plane"."cel_expression" (
        "id" character varying(256) NOT NULL,
        "left_operand" character varying(512) NOT NULL,
        "expression" text NOT NULL,
        "description" text,
        "scopes" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_control_plane_cel_expression" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_control_plane_cel_expression_left_operand" ON "control_plane"."cel_expression" ("left_operand")`,
    );
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "control_plane"."data_plane" (
        "participant_context_id" character varying(128) NOT NULL,
        "id" character varying(256) NOT NULL,
        "url" character varying(2048) NOT NULL,
        "allowed_source_types" jsonb NOT NULL,
        "allowed_transfer_types" jsonb NOT NULL,
        "destination_provision_types" jsonb NOT NULL,
        "properties" jsonb NOT NULL,
        "state" character varying(32) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_control_plane_data_plane" PRIMARY KEY ("participant_context_id", "id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['data_plane', 'cel_expression', 'contract_definition', 'policy_definition', 'asset', 'participant_context']) {
      await queryRunner.query(`DROP TABLE IF EXISTS "control_plane"."${table}"`);
    }
  }
}
