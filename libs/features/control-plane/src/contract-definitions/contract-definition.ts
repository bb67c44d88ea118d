import type { Criterion } from '../common/criterion';
import type { JsonObject } from '../common/json-ld';

/** Offers the assets its selector picks under an access policy (who sees the offer) and a contract policy (the terms). */
export interface ContractDefinition {
  participantContextId: string;
  id: string;
  accessPolicyId: string;
  contractPolicyId: string;
  /** Criteria (ANDed) over asset id and properties; empty selects every asset of the context. */
  assetsSelector: Criterion[];
  privateProperties: JsonObject;
  createdAt: Date;
  updatedAt: Date;
}
