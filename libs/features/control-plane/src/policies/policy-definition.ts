import type { JsonObject } from '../common/json-ld';

/** A named ODRL policy of a participant context, in compact form (`action`/`operator` plain strings, rules as arrays). */
export interface PolicyDefinition {
  participantContextId: string;
  id: string;
  /** ODRL policy: `@type` (Set), `permission[]`, `prohibition[]`, `obligation[]`. */
  policy: JsonObject;
  privateProperties: JsonObject;
  createdAt: Date;
  updatedAt: Date;
}
