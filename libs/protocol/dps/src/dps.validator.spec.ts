import * as fs from 'fs';
import * as path from 'path';
import { ProtocolValidationException } from '@dsaas/protocol-dcp';
import { DPS_HTTP_PULL_PROFILE } from './dps.constants';
import { DpsSchemaName } from './dps-schemas';
import { dpsValidator } from './dps.validator';

const EXAMPLES = path.join(__dirname, 'spec', 'examples');
const example = (file: string): Record<string, any> => JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));

interface Case {
  file: string;
  schema: DpsSchemaName;
  /** Validate this member instead of the whole file (the authorization fragments). */
  member?: string;
  /** Set when the example is wrong in the spec itself: the exact errors, and why. */
  wrong?: { why: string; errors: string[] };
}

const NO_DATA_ADDRESS_TYPE =
  'the DPS messages embed the DSP 2025-1 DataAddress, which requires "@type": "DataAddress" and "@type": "EndpointProperty"; the DPS examples omit both';
const EMPTY_DATA_ADDRESS = 'dataAddress: {} misses the members the DSP DataAddress requires';
const NO_DATA_FLOW_ID = 'the OpenAPI example omits dataFlowId, which the schema requires';

const noDataFlowId = (file: string, schema: DpsSchemaName): Case => ({
  file,
  schema,
  wrong: { why: NO_DATA_FLOW_ID, errors: ["/ must have required property 'dataFlowId'"] },
});

// Every DPS example and its message (specs README: the OpenAPI files say which schema each example belongs to).
const CASES: Case[] = [
  { file: 'signaling-md/DataFlowPrepareMessage.json', schema: 'DataFlowPrepareMessage' },
  {
    file: 'signaling-md/DataFlowStartMessage.json',
    schema: 'DataFlowStartMessage',
    wrong: {
      why: NO_DATA_ADDRESS_TYPE,
      errors: [
        "/dataAddress must have required property '@type'",
        "/dataAddress/endpointProperties/0 must have required property '@type'",
        "/dataAddress/endpointProperties/1 must have required property '@type'",
      ],
    },
  },
  {
    file: 'signaling-md/DataFlowStartedNotificationMessage.json',
    schema: 'DataFlowStartedNotificationMessage',
    wrong: {
      why: NO_DATA_ADDRESS_TYPE,
      errors: [
        "/dataAddress must have required property '@type'",
        "/dataAddress/endpointProperties/0 must have required property '@type'",
        "/dataAddress/endpointProperties/1 must have required property '@type'",
      ],
    },
  },
  { file: 'signaling-md/DataFlowSuspendMessage.json', schema: 'DataFlowSuspendMessage' },
  {
    file: 'signaling-md/DataFlowResumeMessage.json',
    schema: 'DataFlowResumeMessage',
    wrong: {
      why: EMPTY_DATA_ADDRESS,
      errors: ["/dataAddress must have required property '@type'", "/dataAddress must have required property 'endpointType'"],
    },
  },
  { file: 'signaling-md/DataFlowTerminateMessage.json', schema: 'DataFlowTerminateMessage' },
  {
    file: 'signaling-md/DataFlowStatusMessage.json',
    schema: 'DataFlowStatusMessage',
    wrong: {
      why: EMPTY_DATA_ADDRESS,
      errors: ["/dataAddress must have required property '@type'", "/dataAddress must have required property 'endpointType'"],
    },
  },
  { file: 'signaling-md/DataFlowStatusResponseMessage.json', schema: 'DataFlowStatusResponseMessage' },
  { file: 'signaling-md/ControlPlaneRegistrationMessage.json', schema: 'ControlPlaneRegistrationMessage' },
  { file: 'signaling-md/DataPlaneRegistrationMessage.json', schema: 'DataPlaneRegistrationMessage' },
  { file: 'signaling-md/authorization-oauth2-client-credentials-jwks.json', schema: 'AuthorizationEntry', member: 'authorization' },
  { file: 'signaling-md/authorization-oauth2-client-credentials-jwksUri.json', schema: 'AuthorizationEntry', member: 'authorization' },
  { file: 'signaling-md/authorization-oauth2-token-exchange.json', schema: 'AuthorizationEntry', member: 'authorization' },
  {
    file: 'signaling-md/DataAddress.json',
    schema: 'DataAddress',
    wrong: {
      why: NO_DATA_ADDRESS_TYPE,
      errors: [
        "/ must have required property '@type'",
        "/endpointProperties/0 must have required property '@type'",
        "/endpointProperties/1 must have required property '@type'",
      ],
    },
  },
  {
    file: 'signaling-md/DataAddress.json',
    schema: 'HttpDataAddress',
    wrong: {
      why: `${NO_DATA_ADDRESS_TYPE}; and the HTTP profile only allows its own endpointType values, not https://w3id.org/idsa/v4.1/HTTP`,
      errors: [
        "/ must have required property '@type'",
        "/endpointProperties/0 must have required property '@type'",
        "/endpointProperties/1 must have required property '@type'",
        '/endpointType must be equal to one of the allowed values ["https://w3id.org/dspace-sig/profile/http-push","https://w3id.org/dspace-sig/profile/http-pull"]',
      ],
    },
  },
  noDataFlowId('openapi/data-plane__post_dataflows_prepare__response-200.json', 'DataFlowStatusMessage'),
  noDataFlowId('openapi/data-plane__post_dataflows_prepare__response-202.json', 'DataFlowStatusMessage'),
  {
    file: 'openapi/data-plane__post_dataflows_start__response-200.json',
    schema: 'DataFlowStatusMessage',
    wrong: {
      why: `${NO_DATA_FLOW_ID}; ${NO_DATA_ADDRESS_TYPE}`,
      errors: [
        "/ must have required property 'dataFlowId'",
        "/dataAddress must have required property '@type'",
        "/dataAddress/endpointProperties/0 must have required property '@type'",
        "/dataAddress/endpointProperties/1 must have required property '@type'",
      ],
    },
  },
  noDataFlowId('openapi/data-plane__post_dataflows_start__response-202.json', 'DataFlowStatusMessage'),
  { file: 'openapi/data-plane__post_dataflows_id_suspend__request.json', schema: 'DataFlowSuspendMessage' },
  { file: 'openapi/data-plane__post_dataflows_id_resume__request.json', schema: 'DataFlowResumeMessage' },
  noDataFlowId('openapi/data-plane__post_dataflows_id_resume__response-200.json', 'DataFlowStatusMessage'),
  { file: 'openapi/data-plane__post_dataflows_id_terminate__request.json', schema: 'DataFlowTerminateMessage' },
  noDataFlowId('openapi/data-plane__get_dataflows_id_status__response-200.json', 'DataFlowStatusResponseMessage'),
  noDataFlowId('openapi/control-plane__post_transfers_transferId_dataflow_prepared__request.json', 'DataFlowStatusMessage'),
  noDataFlowId('openapi/control-plane__post_transfers_transferId_dataflow_started__request.json', 'DataFlowStatusMessage'),
  noDataFlowId('openapi/control-plane__post_transfers_transferId_dataflow_completed__request.json', 'DataFlowStatusMessage'),
  noDataFlowId('openapi/control-plane__post_transfers_transferId_dataflow_errored__request.json', 'DataFlowStatusMessage'),
];

function listJson(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listJson(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

const body = ({ file, member }: Case) => (member ? example(file)[member] : example(file));
const label = (c: Case) => `${c.file}${c.member ? ` (.${c.member})` : ''} as ${c.schema}`;

describe('dpsValidator against the DPS v1.0-RC3 examples', () => {
  it('covers every vendored example', () => {
    expect(listJson(EXAMPLES).sort()).toEqual([...new Set(CASES.map((c) => c.file))].sort());
  });

  it.each(CASES.filter((c) => !c.wrong).map((c) => [label(c), c] as const))('%s is valid', (_, c) => {
    expect(dpsValidator.validate(c.schema, body(c))).toEqual({ valid: true, errors: [] });
  });

  it.each(CASES.filter((c) => c.wrong).map((c) => [label(c), c.wrong!.why, c] as const))(
    '%s is wrong in the spec itself: %s',
    (_, __, c) => {
      expect(dpsValidator.validate(c.schema, body(c))).toEqual({ valid: false, errors: c.wrong!.errors });
    },
  );

  it('accepts the start message once its data address carries the DSP @types', () => {
    const message = example('signaling-md/DataFlowStartMessage.json');
    message.dataAddress['@type'] = 'DataAddress';
    for (const property of message.dataAddress.endpointProperties) property['@type'] = 'EndpointProperty';
    expect(dpsValidator.validate('DataFlowStartMessage', message)).toEqual({ valid: true, errors: [] });
    // the HTTP profile further wants its own endpointType and an https endpoint
    message.dataAddress.endpointType = DPS_HTTP_PULL_PROFILE;
    expect(dpsValidator.validate('HttpDataAddress', message.dataAddress).errors).toEqual(['/endpoint must match pattern "^https://"']);
    message.dataAddress.endpoint = 'https://dataplane.provider.com/api/public';
    expect(dpsValidator.validate('HttpDataAddress', message.dataAddress)).toEqual({ valid: true, errors: [] });
  });

  it('compiles every named schema, DSP references included', () => {
    for (const name of dpsValidator.schemaNames) expect(() => dpsValidator.validate(name, {})).not.toThrow();
  });

  it('validates the agreement response through the DSP Agreement schema', () => {
    const agreement = {
      '@context': ['https://w3id.org/dspace/2025/1/context.jsonld'],
      '@id': 'urn:uuid:agreement-1',
      '@type': 'Agreement',
      target: 'urn:uuid:dataset-1',
      assigner: 'did:web:provider',
      assignee: 'did:web:consumer',
      permission: [{ action: 'use' }],
    };
    expect(dpsValidator.validate('AgreementResponse', agreement)).toEqual({ valid: true, errors: [] });
    const { assignee: _, ...withoutAssignee } = agreement;
    expect(dpsValidator.validate('AgreementResponse', withoutAssignee).errors).toContain("/ must have required property 'assignee'");
  });
});

describe('dpsValidator rejects bad DPS messages', () => {
  it('reports missing required members', () => {
    const { processId: _, agreementId: __, ...message } = example('signaling-md/DataFlowPrepareMessage.json');
    expect(dpsValidator.validate('DataFlowPrepareMessage', message)).toEqual({
      valid: false,
      errors: ["/ must have required property 'processId'", "/ must have required property 'agreementId'"],
    });
  });

  it('rejects an unknown data flow state', () => {
    const message = { ...example('signaling-md/DataFlowStatusResponseMessage.json'), state: 'RUNNING' };
    const result = dpsValidator.validate('DataFlowStatusResponseMessage', message);
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toMatch(/^\/state must be equal to one of the allowed values \["/);
  });

  it('rejects members of the wrong JSON type', () => {
    const message = { ...example('signaling-md/DataFlowPrepareMessage.json'), labels: 'gold' };
    expect(dpsValidator.validate('DataFlowPrepareMessage', message).errors).toEqual(['/labels must be array']);
  });

  it('assertValid throws a 400 ProtocolValidationException with code dps_schema_violation', () => {
    expect(() => dpsValidator.assertValid('DataFlowTerminateMessage', {})).toThrow(ProtocolValidationException);
    expect(() => dpsValidator.assertValid('DataFlowTerminateMessage', {})).toThrow(
      expect.objectContaining({ status: 400, code: 'dps_schema_violation', extensions: expect.objectContaining({ schema: 'DataFlowTerminateMessage' }) }),
    );
    expect(() => dpsValidator.assertValid('DataFlowTerminateMessage', example('signaling-md/DataFlowTerminateMessage.json'))).not.toThrow();
  });
});
