import { validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { defineSubject } from './subject-contract';
import { ORCHESTRATION_REQUESTED_V1 } from './orchestration-requested.v1';
import { TENANT_CREATED_V1, TenantCreatedV1 } from './tenant-created.v1';

describe('defineSubject', () => {
  it('puts the version into the subject', () => {
    expect(TENANT_CREATED_V1).toMatchObject({ name: 'cfm.tenant.created', version: 1, subject: 'cfm.tenant.created.v1' });
    expect(ORCHESTRATION_REQUESTED_V1.subject).toBe('cfm.orchestration.requested.v1');
    expect(defineSubject('cfm.tenant.created', 2, TenantCreatedV1).subject).toBe('cfm.tenant.created.v2');
  });

  it('rejects wildcards, empty tokens and versions below 1', () => {
    expect(() => defineSubject('cfm.*.created', 1, TenantCreatedV1)).toThrow('wildcards');
    expect(() => defineSubject('cfm..created', 1, TenantCreatedV1)).toThrow();
    expect(() => defineSubject('cfm.tenant.created', 0, TenantCreatedV1)).toThrow('version');
  });

  it('validates payloads with the contract DTO', async () => {
    const ok = plainToInstance(TENANT_CREATED_V1.payload, { tenantId: '0b0e7f44-1d8c-4c52-9d0a-6a3b1f1f6c11', name: 'ACME' });
    expect(await validate(ok)).toEqual([]);
    const bad = plainToInstance(TENANT_CREATED_V1.payload, { tenantId: 'nope' });
    expect((await validate(bad)).map((e) => e.property).sort()).toEqual(['name', 'tenantId']);
  });
});
