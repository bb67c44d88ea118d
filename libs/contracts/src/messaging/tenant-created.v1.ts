import { IsObject, IsOptional, IsString, IsUUID } from 'class-validator';
import { defineSubject } from './subject-contract';

/** Emitted by the Tenant Manager after a tenant is stored. */
export class TenantCreatedV1 {
  @IsUUID()
  tenantId: string;

  @IsString()
  name: string;

  @IsOptional()
  @IsObject()
  properties?: Record<string, unknown>;
}

export const TENANT_CREATED_V1 = defineSubject('cfm.tenant.created', 1, TenantCreatedV1);
