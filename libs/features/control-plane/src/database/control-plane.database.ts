import { CreateUsedTokenTable1767500000000, UsedTokenEntity } from '@dsaas/identity';
import { AssetEntity } from './asset.entity';
import { CelExpressionEntity } from './cel-expression.entity';
import { ContractDefinitionEntity } from './contract-definition.entity';
import { CreateManagementTables1767500000000 } from './create-management-tables.migration';
import { DataPlaneEntity } from './data-plane.entity';
import { ParticipantContextEntity } from './participant-context.entity';
import { PolicyDefinitionEntity } from './policy-definition.entity';
import { CreateTransferProcessTable1767600000000 } from '../transfer/create-transfer-process-table.migration';
import { TransferProcessEntity } from '../transfer/transfer-process.entity';
import { ContractAgreementEntity } from '../agreements/contract-agreement.entity';
import { ContractNegotiationEntity } from '../negotiation/contract-negotiation.entity';
import { CreateNegotiationTables1767650000000 } from '../negotiation/create-negotiation-tables.migration';

/**
 * Tables whose rows belong to one participant context (a `participantContextId` column): deleting the context
 * deletes its rows in all of them. Later features (negotiations, transfers) add their entities here.
 */
export const ContextOwnedEntities = [AssetEntity, PolicyDefinitionEntity, ContractDefinitionEntity, DataPlaneEntity, TransferProcessEntity, ContractNegotiationEntity, ContractAgreementEntity] as (new (...args: any[]) => { participantContextId: string })[];

/** Entities of the control-plane's schema (the outbox is added by ServiceRuntimeModule). */
export const ControlPlaneEntities = [ParticipantContextEntity, CelExpressionEntity, ...ContextOwnedEntities, UsedTokenEntity] as (new (...args: any[]) => unknown)[];

/** Hand-written migrations of the control-plane's schema, in order. */
export const ControlPlaneMigrations = [CreateManagementTables1767500000000, CreateUsedTokenTable1767500000000, CreateTransferProcessTable1767600000000, CreateNegotiationTables1767650000000] as (new (...args: any[]) => unknown)[];
