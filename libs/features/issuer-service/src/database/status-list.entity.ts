import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ISSUER_SERVICE_SCHEMA } from './issuer-service.schema';

/** One BitstringStatusList of an issuer: the encoded bits, the next free index and the cached signed credential. */
@Entity({ schema: ISSUER_SERVICE_SCHEMA, name: 'status_list' })
@Index('IDX_issuer_status_list_context', ['issuerContextId'])
export class StatusListEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid', primaryKeyConstraintName: 'PK_issuer_status_list' })
  id: string;

  @Column({ name: 'issuer_context_id', type: 'varchar', length: 128 })
  issuerContextId: string;

  @Column({ name: 'purpose', type: 'varchar', length: 16 })
  purpose: string;

  /** Multibase base64url of the GZIP bitstring, as it appears in the credential. */
  @Column({ name: 'encoded_list', type: 'text' })
  encodedList: string;

  @Column({ name: 'length', type: 'integer' })
  length: number;

  @Column({ name: 'next_index', type: 'integer' })
  nextIndex: number;

  /** The status list credential signed for the current bits; null after a change until it is signed again. */
  @Column({ name: 'jwt', type: 'text', nullable: true })
  jwt: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
