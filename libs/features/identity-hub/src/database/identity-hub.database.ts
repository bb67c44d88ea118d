import { CreateUsedTokenTable1767500000000, UsedTokenEntity } from '@dsaas/identity';
import { AdoptSharedUsedTokenTable1767450000000 } from './adopt-shared-used-token-table.migration';
import { CreateIdentityHubTables1767400000000 } from './create-identity-hub-tables.migration';
import { CreateUsedTokenTable1767400100000 } from './create-used-token-table.migration';
import { CredentialOfferEntity } from './credential-offer.entity';
import { CredentialRequestEntity } from './credential-request.entity';
import { KeyPairEntity } from './key-pair.entity';
import { ParticipantContextEntity } from './participant-context.entity';
import { StoredCredentialEntity } from './stored-credential.entity';

/** Entities of the identity-hub's schema (the outbox is added by ServiceRuntimeModule). */
export const IdentityHubEntities = [
  ParticipantContextEntity,
  KeyPairEntity,
  StoredCredentialEntity,
  CredentialRequestEntity,
  CredentialOfferEntity,
  UsedTokenEntity,
] as (new (...args: any[]) => unknown)[];

/** Hand-written migrations of the identity-hub's schema, in order. */
export const IdentityHubMigrations = [
  CreateIdentityHubTables1767400000000,
  // The hub's own used_token migration stays for existing databases; renamed to the shared names, the table is
  // then already what the shared migration would create.
  CreateUsedTokenTable1767400100000,
  AdoptSharedUsedTokenTable1767450000000,
  CreateUsedTokenTable1767500000000,
] as (new (...args: any[]) => unknown)[];
