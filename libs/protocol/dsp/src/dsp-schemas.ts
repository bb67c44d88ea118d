import type { RegisteredSchema } from '@dsaas/protocol-dcp';
import { DSP_NAMESPACE } from './dsp.constants';
import { SCHEMA_FILES } from './spec-index.generated';

/** The vendored DSP 2025-1 schemas under their `$id`s (`https://w3id.org/dspace/2025/1/<path>`). */
export function dspSchemaFiles(): RegisteredSchema[] {
  return Object.entries(SCHEMA_FILES).map(([path, schema]) => ({ key: `${DSP_NAMESPACE}${path}`, schema }));
}

const uri = (path: string): string => `${DSP_NAMESPACE}${path}`;

/** DSP 2025-1 message name → schema URI. */
export const DSP_SCHEMAS = {
  // catalog
  CatalogRequestMessage: uri('catalog/catalog-request-message-schema.json'),
  Catalog: uri('catalog/catalog-schema.json'),
  DatasetRequestMessage: uri('catalog/dataset-request-message-schema.json'),
  Dataset: uri('catalog/dataset-schema.json'),
  CatalogError: uri('catalog/catalog-error-schema.json'),
  // negotiation
  ContractRequestMessage: uri('negotiation/contract-request-message-schema.json'),
  ContractOfferMessage: uri('negotiation/contract-offer-message-schema.json'),
  ContractAgreementMessage: uri('negotiation/contract-agreement-message-schema.json'),
  ContractAgreementVerificationMessage: uri('negotiation/contract-agreement-verification-message-schema.json'),
  ContractNegotiationEventMessage: uri('negotiation/contract-negotiation-event-message-schema.json'),
  ContractNegotiationTerminationMessage: uri('negotiation/contract-negotiation-termination-message-schema.json'),
  ContractNegotiation: uri('negotiation/contract-negotiation-schema.json'),
  ContractNegotiationError: uri('negotiation/contract-negotiation-error-schema.json'),
  /** ODRL policy as DSP constrains it (contract-schema.json, no example of its own). */
  Policy: uri('negotiation/contract-schema.json'),
  /** An offer inside a Dataset (`hasPolicy`): no `target`, the dataset is the target. */
  Offer: uri('negotiation/contract-schema.json#/definitions/Offer'),
  /** The offer inside ContractRequestMessage / ContractOfferMessage: carries its `target`. */
  MessageOffer: uri('negotiation/contract-schema.json#/definitions/MessageOffer'),
  Agreement: uri('negotiation/contract-schema.json#/definitions/Agreement'),
  // transfer
  TransferRequestMessage: uri('transfer/transfer-request-message-schema.json'),
  TransferStartMessage: uri('transfer/transfer-start-message-schema.json'),
  TransferCompletionMessage: uri('transfer/transfer-completion-message-schema.json'),
  TransferSuspensionMessage: uri('transfer/transfer-suspension-message-schema.json'),
  TransferTerminationMessage: uri('transfer/transfer-termination-message-schema.json'),
  TransferProcess: uri('transfer/transfer-process-schema.json'),
  TransferError: uri('transfer/transfer-error-schema.json'),
  DataAddress: uri('transfer/data-address-schema.json'),
  // common
  /** Body of `GET /.well-known/dspace-version` (plain JSON, no `@context`). */
  VersionResponse: uri('common/protocol-version-schema.json'),
  /** A DSP `service` entry of a DID document. */
  DidService: uri('common/did-service-schema.json'),
} as const;

export type DspSchemaName = keyof typeof DSP_SCHEMAS;

/** DSP message name → TypeScript type; DSP bodies are not typed here yet, so each is `Record<string, unknown>`. */
export type DspMessages = { [K in DspSchemaName]: Record<string, unknown> };
