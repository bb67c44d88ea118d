import type { JsonObject } from '../common/json-ld';

/** A data plane a participant context may use: its DPS signaling URL and what it can move. */
export interface DataPlane {
  participantContextId: string;
  id: string;
  url: string;
  allowedSourceTypes: string[];
  allowedTransferTypes: string[];
  destinationProvisionTypes: string[];
  properties: JsonObject;
  state: 'REGISTERED';
  createdAt: Date;
  updatedAt: Date;
}
