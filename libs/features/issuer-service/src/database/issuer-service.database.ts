import { CreateUsedTokenTable1767500000000, UsedTokenEntity } from '@dsaas/identity';
import { AttestationDefinitionEntity } from './attestation-definition.entity';
import { CreateIssuerServiceTables1767400000000 } from './create-issuer-service-tables.migration';
import { CredentialDefinitionEntity } from './credential-definition.entity';
import { CredentialRequestEntity } from './credential-request.entity';
import { HolderEntity } from './holder.entity';
import { IssuedCredentialEntity } from './issued-credential.entity';
import { IssuerContextEntity } from './issuer-context.entity';
import { StatusListEntity } from './status-list.entity';

/** Entities of the issuer-service's schema (the outbox is added by ServiceRuntimeModule). */
export const IssuerServiceEntities = [
  IssuerContextEntity,
  HolderEntity,
  AttestationDefinitionEntity,
  CredentialDefinitionEntity,
  CredentialRequestEntity,
  IssuedCredentialEntity,
  StatusListEntity,
  // @dsaas/identity's replay protection for holders' self-issued tokens, shared by the replicas.
  UsedTokenEntity,
] as (new (...args: any[]) => unknown)[];

/** Hand-written migrations of the issuer-service's schema, in order. */
export const IssuerServiceMigrations = [CreateIssuerServiceTables1767400000000, CreateUsedTokenTable1767500000000] as (new (...args: any[]) => unknown)[];
