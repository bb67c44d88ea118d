import { IsIn, IsObject, IsOptional, IsString, IsUUID } from 'class-validator';
import { defineSubject } from './subject-contract';

export const ORCHESTRATION_KINDS = ['deploy', 'dispose'] as const;
export type OrchestrationKind = (typeof ORCHESTRATION_KINDS)[number];

/** Asks the Provision Manager to run an orchestration (deploy or dispose the VPAs of a participant). */
export class OrchestrationRequestedV1 {
  @IsUUID()
  orchestrationId: string;

  @IsIn(ORCHESTRATION_KINDS)
  kind: OrchestrationKind;

  @IsUUID()
  tenantId: string;

  @IsString()
  participantProfileId: string;

  @IsOptional()
  @IsObject()
  parameters?: Record<string, unknown>;
}

/** Keyed by participant profile id on the bus, so requests for one participant are handled in order. */
export const ORCHESTRATION_REQUESTED_V1 = defineSubject('cfm.orchestration.requested', 1, OrchestrationRequestedV1);
