import { NotFoundException } from '@dsaas/model';

export class CelExpressionNotFoundException extends NotFoundException {
  constructor(id: string) {
    super('CEL expression', id);
  }
}
