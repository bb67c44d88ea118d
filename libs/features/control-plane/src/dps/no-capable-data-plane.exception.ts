import { DomainException } from '@dsaas/model';

/** The context has no (available) data plane for this source type and transfer type. */
export class NoCapableDataPlaneException extends DomainException {
  readonly code = 'no_capable_data_plane';
  readonly status = 400;
  constructor(sourceType: string | undefined, transferType: string) {
    super(`No registered data plane can move ${sourceType ?? 'this asset'} with ${transferType}`);
  }
}
