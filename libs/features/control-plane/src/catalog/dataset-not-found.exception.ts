import { NotFoundException } from '@dsaas/model';

/** Unknown datasets and datasets the requester may not see answer alike, so access policies leak nothing. */
export class DatasetNotFoundException extends NotFoundException {
  constructor(id: string) {
    super('Dataset', id);
  }
}
