import { ConflictException } from '@dsaas/model';

export class CelExpressionConflictException extends ConflictException {
  constructor(id: string) {
    super(`CEL expression '${id}' already exists`);
  }
}
