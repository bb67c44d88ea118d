import { DCP_CONTEXT_URL } from '@dsaas/protocol-dcp';
import { EXAMPLE_JWT } from '../../common/api-docs';

export const PRESENTATION_QUERY_EXAMPLE = {
  '@context': [DCP_CONTEXT_URL],
  type: 'PresentationQueryMessage',
  scope: ['org.eclipse.dspace.dcp.vc.type:MembershipCredential:read'],
};

export const PRESENTATION_RESPONSE_EXAMPLE = {
  '@context': [DCP_CONTEXT_URL],
  type: 'PresentationResponseMessage',
  presentation: [EXAMPLE_JWT],
};
