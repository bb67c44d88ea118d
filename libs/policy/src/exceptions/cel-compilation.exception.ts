import { DomainException } from '@dsaas/model';

/** A CEL expression that does not parse or breaks the sandbox's structural limits; nothing is registered. */
export class CelCompilationException extends DomainException {
  readonly code = 'invalid_cel_expression';
  readonly status = 400;
  constructor(expressionId: string, readonly parseError: string) {
    super(`CEL expression '${expressionId}' does not compile: ${parseError}`);
    this.extensions.expressionId = expressionId;
    this.extensions.errors = [parseError];
  }
}
