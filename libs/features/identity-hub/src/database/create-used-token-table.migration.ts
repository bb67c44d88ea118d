import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replay protection for self-issued tokens across replicas. Kept as it was so existing databases keep a valid
 * migration history; the table is now @dsaas/identity's UsedTokenEntity, whose constraint names
 * AdoptSharedUsedTokenTable1767450000000 gives it afterwards.
 */
export class CreateUsedTokenTable1767400100000 implements MigrationInterface {
  name = 'CreateUsedTokenTable1767400100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtext('dsaas.identity_hub.schema'))`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "identity_hub"."used_token" (
        "issuer" character varying(512) NOT NULL,
        "jti" character varying(256) NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_identity_hub_used_token" PRIMARY KEY ("issuer", "jti")
      )`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_identity_hub_used_token_expires" ON "identity_hub"."used_token" ("expires_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "identity_hub"."used_token"`);
  }
}
