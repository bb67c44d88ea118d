import { MigrationInterface, QueryRunner } from 'typeorm';

/** The transfer_process table (consumer and provider transfer processes, with their state-machine columns). */
export class CreateTransferProcessTable1767600000000 implements MigrationInterface {
  name = 'CreateTransferProcessTable1767600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtext('dsaas.control_plane.schema'))`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "control_plane"."transfer_process" (
        "participant_context_id" character varying(128) NOT NULL,
        "id" character varying(256) NOT NULL,
        "role" character varying(16) NOT NULL,
        "state" character varying(32) NOT NULL,
        "consumer_pid" character varying(256) NOT NULL,
        "provider_pid" character varying(256),
        "agreement_id" character varying(256) NOT NULL,
        "asset_id" character varying(256),
        "counter_party_id" character varying(512) NOT NULL,
        "counter_party_address" character varying(2048) NOT NULL,
        "transfer_type" character varying(256) NOT NULL,
        "data_destination" jsonb,
        "data_plane_id" character varying(256),
        "data_flow_state" character varying(32),
        "content_data_address" jsonb,
        "callback_addresses" jsonb NOT NULL,
        "private_properties" jsonb NOT NULL,
        "reason" text,
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" TIMESTAMP WITH TIME ZONE,
        "lease_owner" character varying(128),
        "lease_expires_at" TIMESTAMP WITH TIME ZONE,
        "version" integer NOT NULL DEFAULT 0,
        "error_detail" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_control_plane_transfer_process" PRIMARY KEY ("participant_context_id", "id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS "UQ_control_plane_transfer_process_consumer_pid" ON "control_plane"."transfer_process" ("participant_context_id", "role", "counter_party_id", "consumer_pid")`,
    );
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_control_plane_transfer_process_due" ON "control_plane"."transfer_process" ("state", "next_attempt_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "control_plane"."transfer_process"`);
  }
}
