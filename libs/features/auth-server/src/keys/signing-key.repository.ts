import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { SigningKeyEntity } from '../persistence/signing-key.entity';

/** The signing keys' queries; the only code that touches the signing_key table. */
@Injectable()
export class SigningKeyRepository {
  constructor(@InjectRepository(SigningKeyEntity) private readonly keys: Repository<SigningKeyEntity>) {}

  active(): Promise<SigningKeyEntity | null> {
    return this.keys.findOne({ where: { retiredAt: IsNull() }, order: { createdAt: 'DESC' } });
  }

  /** Keys still in the JWKS at `now`, newest first. */
  published(now: Date): Promise<SigningKeyEntity[]> {
    return this.keys
      .createQueryBuilder('k')
      .where('k.expires_at IS NULL OR k.expires_at > :now', { now })
      .orderBy('k.created_at', 'DESC')
      .getMany();
  }

  async findPublished(kid: string, now: Date): Promise<SigningKeyEntity | null> {
    const key = await this.keys.findOneBy({ kid });
    return key && (!key.expiresAt || key.expiresAt > now) ? key : null;
  }

  /**
   * Makes `next()` the active key and retires the current one (it keeps verifying until `retireUntil`).
   * `shouldRotate` sees the current active key and may decline (e.g. another replica just rotated).
   * Serialised across replicas by an advisory lock, so there is never more than one active key.
   */
  async rotate(
    next: () => Promise<SigningKeyEntity>,
    retireUntil: (now: Date) => Date,
    shouldRotate: (active: SigningKeyEntity | null) => boolean = () => true,
  ): Promise<SigningKeyEntity | null> {
    return this.keys.manager.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('dsaas.auth_server.signing_key'))`);
      const repository = manager.getRepository(SigningKeyEntity);
      const current = await repository.findOne({ where: { retiredAt: IsNull() }, order: { createdAt: 'DESC' } });
      if (!shouldRotate(current)) return null;
      const key = await next();
      const now = new Date();
      await repository.update({ retiredAt: IsNull() }, { retiredAt: now, expiresAt: retireUntil(now) });
      const created: SigningKeyEntity = Object.assign(new SigningKeyEntity(), key, { createdAt: now, retiredAt: null, expiresAt: null });
      await repository.insert(created as QueryDeepPartialEntity<SigningKeyEntity>);
      return created;
    });
  }

  async deleteExpired(now: Date): Promise<number> {
    const result = await this.keys.delete({ expiresAt: LessThan(now) });
    return result.affected ?? 0;
  }
}
