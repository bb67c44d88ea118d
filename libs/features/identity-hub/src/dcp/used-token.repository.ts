import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { UsedTokenEntity } from '../database/used-token.entity';

/** The used_token table: one accepted use per (issuer, jti) until the token expires. */
@Injectable()
export class UsedTokenRepository {
  constructor(@InjectRepository(UsedTokenEntity) private readonly tokens: Repository<UsedTokenEntity>) {}

  /** True the first time (issuer, jti) is seen; false for a replay. Atomic across replicas. */
  async remember(issuer: string, jti: string, expiresAt: Date): Promise<boolean> {
    // An expired entry may be taken over: a token that old is refused before it gets here.
    const rows: unknown[] = await this.tokens.query(
      `INSERT INTO "identity_hub"."used_token" ("issuer", "jti", "expires_at") VALUES ($1, $2, $3)
       ON CONFLICT ("issuer", "jti") DO UPDATE SET "expires_at" = EXCLUDED."expires_at" WHERE "used_token"."expires_at" < now()
       RETURNING "jti"`,
      [issuer, jti, expiresAt],
    );
    return rows.length > 0;
  }

  async purgeExpired(before = new Date()): Promise<void> {
    await this.tokens.delete({ expiresAt: LessThan(before) });
  }
}
