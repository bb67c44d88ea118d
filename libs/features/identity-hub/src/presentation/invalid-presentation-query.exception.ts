import { ValidationException } from '@dsaas/model';

/** A PresentationQueryMessage the credential service cannot answer as asked (400). */
export class InvalidPresentationQueryException extends ValidationException {}
