import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import { ISSUER_SERVICE_SCHEMA } from './issuer-service.schema';

/** An issuer hosted by this service: its DID and the public half of its signing key (the private half is in the SecretStore). */
@Entity({ schema: ISSUER_SERVICE_SCHEMA, name: 'issuer_context' })
@Unique('UQ_issuer_context_did', ['did'])
export class IssuerContextEntity {
  @PrimaryColumn({ name: 'id', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_issuer_context' })
  id: string;

  @Column({ name: 'did', type: 'varchar', length: 512 })
  did: string;

  /** Fragment of the verification method (`<did>#<keyId>`), also the SecretStore key `keys/<keyId>`. */
  @Column({ name: 'key_id', type: 'varchar', length: 128 })
  keyId: string;

  @Column({ name: 'key_algorithm', type: 'varchar', length: 16 })
  keyAlgorithm: string;

  @Column({ name: 'public_jwk', type: 'jsonb' })
  publicJwk: Record<string, any>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
