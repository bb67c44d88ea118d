import { activityAgentService } from '@dsaas/feature-activity-agent';
import { authServerService } from '@dsaas/feature-auth-server';
import { controlPlaneService } from '@dsaas/feature-control-plane';
import { dataPlaneService } from '@dsaas/feature-data-plane';
import { identityHubService } from '@dsaas/feature-identity-hub';
import { issuerServiceService } from '@dsaas/feature-issuer-service';
import { provisionManagerService } from '@dsaas/feature-provision-manager';
import { tenantManagerService } from '@dsaas/feature-tenant-manager';
import { ServiceDefinition } from '@dsaas/server';

/** Every service of the platform, in start order (the auth-server first: the others verify its tokens). */
export const PLATFORM_SERVICES: ServiceDefinition<any>[] = [
  authServerService,
  tenantManagerService,
  provisionManagerService,
  activityAgentService,
  controlPlaneService,
  identityHubService,
  issuerServiceService,
  dataPlaneService,
];
