import type { RegisteredSchema } from '@dsaas/protocol-dcp';
import { DSP_SCHEMAS, dspSchemaFiles } from '@dsaas/protocol-dsp';
import { DPS_PROFILE_BASE_URL, DPS_SCHEMA_BASE_URL } from './dps.constants';
import { SCHEMA_FILES } from './spec-index.generated';

const PROFILES_FOLDER = 'profiles/';

/**
 * The vendored DPS schemas plus the DSP 2025-1 set they `$ref` (DataAddress, Agreement, context). DPS files have no
 * usable `$id` (missing or relative), so each goes under `https://w3id.org/dspace-sig/v1.0/<File>.schema.json`, the
 * URI the others `$ref` it by; the HTTP profile schema under its own absolute `$id`.
 */
export function dpsSchemaFiles(): RegisteredSchema[] {
  const dps = Object.entries(SCHEMA_FILES).map(([path, schema]) => ({
    key: path.startsWith(PROFILES_FOLDER)
      ? `${DPS_PROFILE_BASE_URL}${path.slice(PROFILES_FOLDER.length)}`
      : `${DPS_SCHEMA_BASE_URL}${path}`,
    schema,
  }));
  return [...dspSchemaFiles(), ...dps];
}

const uri = (file: string): string => `${DPS_SCHEMA_BASE_URL}${file}`;

/** DPS message name → schema URI. */
export const DPS_SCHEMAS = {
  // control plane → data plane
  DataFlowPrepareMessage: uri('DataFlowPrepareMessage.schema.json'),
  DataFlowStartMessage: uri('DataFlowStartMessage.schema.json'),
  DataFlowStartedNotificationMessage: uri('DataFlowStartedNotificationMessage.schema.json'),
  DataFlowSuspendMessage: uri('DataFlowSuspendMessage.schema.json'),
  DataFlowResumeMessage: uri('DataFlowResumeMessage.schema.json'),
  DataFlowTerminateMessage: uri('DataFlowTerminateMessage.schema.json'),
  ControlPlaneRegistrationMessage: uri('ControlPlaneRegistrationMessage.schema.json'),
  // data plane → control plane
  DataFlowStatusMessage: uri('DataFlowStatusMessage.schema.json'),
  DataFlowStatusResponseMessage: uri('DataFlowStatusResponseMessage.schema.json'),
  DataPlaneRegistrationMessage: uri('DataPlaneRegistrationMessage.schema.json'),
  /** Response of `GET {controlplane}/transfers/{transferId}/agreement`. */
  AgreementResponse: uri('AgreementResponse.schema.json'),
  // parts
  DataFlowBaseMessage: uri('DataFlowBaseMessage.schema.json'),
  AuthorizationEntry: uri('AuthorizationEntry.schema.json'),
  /** The DSP 2025-1 DataAddress the DPS messages embed. */
  DataAddress: DSP_SCHEMAS.DataAddress,
  /** A DataAddress of the DPS HTTP profile (http-push / http-pull). */
  HttpDataAddress: `${DPS_PROFILE_BASE_URL}http/data-address-schema.json`,
} as const;

export type DpsSchemaName = keyof typeof DPS_SCHEMAS;

/** DPS message name → TypeScript type; DPS bodies are not typed here yet, so each is `Record<string, unknown>`. */
export type DpsMessages = { [K in DpsSchemaName]: Record<string, unknown> };
