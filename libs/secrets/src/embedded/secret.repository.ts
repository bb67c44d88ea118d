import { DataSource, Repository } from 'typeorm';
import { SecretEntity } from './secret.entity';

export type SecretRow = Pick<SecretEntity, 'participantContextId' | 'key' | 'keyId' | 'iv' | 'authTag' | 'ciphertext'>;

/** The only place that touches the `secrets.secret` table. */
export class SecretRepository {
  private readonly repository: Repository<SecretEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.repository = dataSource.getRepository(SecretEntity);
  }

  find(participantContextId: string, key: string): Promise<SecretEntity | null> {
    return this.repository.findOneBy({ participantContextId, key });
  }

  async upsert(row: SecretRow): Promise<void> {
    await this.repository
      .createQueryBuilder()
      .insert()
      .into(SecretEntity)
      .values({ ...row, updatedAt: () => 'now()' })
      .orUpdate(['key_id', 'iv', 'auth_tag', 'ciphertext', 'updated_at'], ['participant_context_id', 'key'])
      .execute();
  }

  /** Replaces a row only if nobody rewrote it since it was read (used by key rotation). */
  async replaceIfUnchanged(previous: SecretRow, next: SecretRow): Promise<boolean> {
    const result = await this.repository
      .createQueryBuilder()
      .update(SecretEntity)
      .set({ keyId: next.keyId, iv: next.iv, authTag: next.authTag, ciphertext: next.ciphertext, updatedAt: () => 'now()' })
      .where('participant_context_id = :ctx AND key = :key AND key_id = :keyId AND iv = :iv', {
        ctx: previous.participantContextId,
        key: previous.key,
        keyId: previous.keyId,
        iv: previous.iv,
      })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async delete(participantContextId: string, key: string): Promise<void> {
    await this.repository.delete({ participantContextId, key });
  }

  async listKeys(participantContextId: string): Promise<string[]> {
    const rows = await this.repository.find({
      select: { key: true },
      where: { participantContextId },
      order: { key: 'ASC' },
    });
    return rows.map((r) => r.key);
  }

  async deleteNamespace(participantContextId: string): Promise<number> {
    const result = await this.repository.delete({ participantContextId });
    return result.affected ?? 0;
  }

  /** Rows under another master key, in primary-key order after `after` (keyset paging). */
  findNotEncryptedWith(
    keyId: string,
    limit: number,
    after?: { participantContextId: string; key: string },
  ): Promise<SecretEntity[]> {
    const query = this.repository
      .createQueryBuilder('s')
      .where('s.key_id <> :keyId', { keyId })
      .orderBy('s.participant_context_id', 'ASC')
      .addOrderBy('s.key', 'ASC')
      .take(limit);
    if (after) {
      query.andWhere('(s.participant_context_id, s.key) > (:ctx, :key)', {
        ctx: after.participantContextId,
        key: after.key,
      });
    }
    return query.getMany();
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1 FROM "secrets"."secret" LIMIT 1');
  }
}
