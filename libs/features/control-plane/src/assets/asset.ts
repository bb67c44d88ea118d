import type { JsonObject } from '../common/json-ld';

/** An asset of a participant context: public properties (catalog), private properties and where its data is. */
export interface Asset {
  participantContextId: string;
  id: string;
  properties: JsonObject;
  privateProperties: JsonObject;
  /** `type` (e.g. HttpData) plus type-specific fields: baseUrl, proxyPath, proxyQueryParams, proxyMethod, proxyBody, ... */
  dataAddress: JsonObject;
  createdAt: Date;
  updatedAt: Date;
}
