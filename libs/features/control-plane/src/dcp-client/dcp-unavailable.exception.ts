import { DomainException } from '@dsaas/model';

/** Our side of DCP could not do its part (STS unreachable or not configured): 502, the caller may retry. */
export class DcpUnavailableException extends DomainException {
  readonly code = 'dcp_unavailable';
  readonly status = 502;
}
