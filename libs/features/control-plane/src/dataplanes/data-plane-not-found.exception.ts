import { NotFoundException } from '@dsaas/model';

export class DataPlaneNotFoundException extends NotFoundException {
  constructor(id: string) {
    super('Data plane', id);
  }
}
