import { SetMetadata } from '@nestjs/common';

export const REQUIRED_SCOPES = 'dsaas:auth:scopes';

/** The token must carry every one of these scopes (403 otherwise). On a handler, replaces the controller's list. */
export const RequireScopes = (...scopes: string[]) => SetMetadata(REQUIRED_SCOPES, scopes);
