import { ConflictException } from '@dsaas/model';

export class CelExpressionConflictException extends ConflictException {
  constructor(readonly expressionId: string) {
    super(`a CEL expression with @id '${expressionId}' already exists`);
    this.extensions.expressionId = expressionId;
  }
}
