import { MigrationInterface, QueryRunner } from 'typeorm';

function table(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  return schema ? `"${schema}"."outbox"` : `"outbox"`;
}

/** The outbox table in the schema of the data source that runs it (each service its own). */
export class CreateOutboxTable1764000000000 implements MigrationInterface {
  name = 'CreateOutboxTable1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const outbox = table(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${outbox} (
        "id" uuid NOT NULL,
        "position" BIGSERIAL NOT NULL,
        "subject" text NOT NULL,
        "key" text,
        "payload" jsonb NOT NULL,
        "headers" jsonb NOT NULL DEFAULT '{}',
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "locked_until" TIMESTAMP WITH TIME ZONE,
        "lock_token" uuid,
        "last_error" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "sent_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_outbox_id" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "outbox_unsent" ON ${outbox} ("position") WHERE sent_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${table(queryRunner)}`);
  }
}
