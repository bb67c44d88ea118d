import { SetMetadata } from '@nestjs/common';
import { Role } from './principal';

export const REQUIRED_ROLES = 'dsaas:auth:roles';

/** The token's role must be one of these (403 otherwise). On a handler, replaces the controller's list. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
