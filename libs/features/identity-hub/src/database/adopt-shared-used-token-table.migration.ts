import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The used_token table is now the shared one of @dsaas/identity (UsedTokenEntity, CreateUsedTokenTable1767500000000).
 * CreateUsedTokenTable1767400100000 made it with the same columns under hub-specific constraint names: rename them
 * to the shared names. Runs before the shared migration (whose CREATE ... IF NOT EXISTS then finds everything in
 * place); idempotent.
 */
export class AdoptSharedUsedTokenTable1767450000000 implements MigrationInterface {
  name = 'AdoptSharedUsedTokenTable1767450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtext('dsaas.identity_hub.schema'))`);
    await queryRunner.query(`ALTER INDEX IF EXISTS "identity_hub"."IDX_identity_hub_used_token_expires" RENAME TO "IDX_used_token_expires_at"`);
    await queryRunner.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                   WHERE n.nspname = 'identity_hub' AND c.conname = 'PK_identity_hub_used_token') THEN
          ALTER TABLE "identity_hub"."used_token" RENAME CONSTRAINT "PK_identity_hub_used_token" TO "PK_used_token";
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER INDEX IF EXISTS "identity_hub"."IDX_used_token_expires_at" RENAME TO "IDX_identity_hub_used_token_expires"`);
    await queryRunner.query(`ALTER TABLE "identity_hub"."used_token" RENAME CONSTRAINT "PK_used_token" TO "PK_identity_hub_used_token"`);
  }
}
