import { MigrationInterface, QueryRunner } from 'typeorm';

/** contract_negotiation (with the state-machine columns) and contract_agreement. */
export class CreateNegotiationTables1767650000000 implements MigrationInterface {
  name = 'CreateNegotiationTables1767650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtext('dsaas.control_plane.schema'))`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "control_plane"."contract_negotiation" (
        "participant_context_id" character varying(128) NOT NULL,
        "id" character varying(256) NOT NULL,
        "role" character varying(16) NOT NULL,
        "state" character varying(32) NOT NULL,
        "counter_party_id" character varying(512) NOT NULL,
        "counter_party_address" character varying(2048) NOT NULL,
        "protocol" character varying(64) NOT NULL,
        "consumer_pid" character varying(256) NOT NULL,
        "provider_pid" character varying(256),
        "asset_id" character varying(256) NOT NULL,
        "offer" jsonb NOT NULL,
        "contract_definition_id" character varying(256),
        "agreement_id" character varying(256),
        "callback_addresses" jsonb NOT NULL,
        "reason" text,
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" TIMESTAMP WITH TIME ZONE,
        "lease_owner" character varying(128),
        "lease_expires_at" TIMESTAMP WITH TIME ZONE,
        "version" integer NOT NULL DEFAULT 0,
        "error_detail" text,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_control_plane_contract_negotiation" PRIMARY KEY ("participant_context_id", "id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS "UQ_control_plane_contract_negotiation_consumer_pid" ON "control_plane"."contract_negotiation" ("participant_context_id", "role", "counter_party_id", "consumer_pid")`,
    );
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_control_plane_contract_negotiation_due" ON "control_plane"."contract_negotiation" ("state", "next_attempt_at")`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "control_plane"."contract_agreement" (
        "participant_context_id" character varying(128) NOT NULL,
        "id" character varying(256) NOT NULL,
        "negotiation_id" character varying(256) NOT NULL,
        "provider_id" character varying(512) NOT NULL,
        "consumer_id" character varying(512) NOT NULL,
        "asset_id" character varying(256) NOT NULL,
        "policy" jsonb NOT NULL,
        "signing_date" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_control_plane_contract_agreement" PRIMARY KEY ("participant_context_id", "id")
      )`);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_control_plane_contract_agreement_asset" ON "control_plane"."contract_agreement" ("participant_context_id", "asset_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "control_plane"."contract_agreement"`);
    await queryRunner.query(`DROP TABLE IF EXISTS "control_plane"."contract_negotiation"`);
  }
}
