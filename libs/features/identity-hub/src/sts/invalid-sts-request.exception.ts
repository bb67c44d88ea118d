import { ValidationException } from '@dsaas/model';

/** A token request the STS cannot serve as asked (e.g. both `token` and `bearerAccessScope`). */
export class InvalidStsRequestException extends ValidationException {}
