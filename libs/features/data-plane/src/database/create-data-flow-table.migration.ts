import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDataFlowTable1767700000000 implements MigrationInterface {
  name = 'CreateDataFlowTable1767700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtext('dsaas.data_plane.schema'))`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "data_plane"."data_flow" (
        "id" character varying(256) NOT NULL,
        "participant_context_id" character varying(128) NOT NULL,
        "state" character varying(16) NOT NULL,
        "kind" character varying(8) NOT NULL,
        "profile" character varying(512) NOT NULL,
        "transfer_type" character varying(256) NOT NULL,
        "agreement_id" character varying(512) NOT NULL,
        "dataset_id" character varying(512) NOT NULL,
        "counter_party_id" character varying(512) NOT NULL,
        "callback_address" character varying(2048),
        "source" jsonb NOT NULL,
        "token_generation" integer NOT NULL DEFAULT 0,
        "refresh_token_hash" character varying(64),
        "bytes_transferred" bigint NOT NULL DEFAULT 0,
        "attempts" integer NOT NULL DEFAULT 0,
        "lease_until" TIMESTAMP WITH TIME ZONE,
        "error" character varying(2048),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_data_plane_data_flow" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_data_plane_data_flow_context" ON "data_plane"."data_flow" ("participant_context_id")`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_data_plane_data_flow_lease" ON "data_plane"."data_flow" ("state", "kind", "lease_until")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "data_plane"."data_flow"`);
  }
}
