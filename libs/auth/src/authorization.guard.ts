import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NotFoundException } from '@dsaas/model';
import { AccessDeniedException } from './access-denied.exception';
import { AUTH_MODULE_OPTIONS, AuthModuleOptions, DEFAULT_PARTICIPANT_CONTEXT_PARAMS } from './auth-module-options';
import { Principal, reachesAnyContext, Role } from './principal';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';
import { REQUIRED_SCOPES } from './require-scopes.decorator';

/**
 * Runs after authentication: @Roles() and @RequireScopes() (403), then participant-context ownership. A
 * participant asking for another context gets the very 404 a missing context gets, so it cannot probe which
 * contexts exist.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  private readonly contextParams: string[];

  constructor(private readonly reflector: Reflector, @Inject(AUTH_MODULE_OPTIONS) options: AuthModuleOptions) {
    this.contextParams = options.participantContextParams ?? DEFAULT_PARTICIPANT_CONTEXT_PARAMS;
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const principal: Principal | undefined = request.principal;
    // The authentication guard runs first; reaching here without a principal is a wiring error, so deny.
    if (!principal) throw new AccessDeniedException('No authenticated caller');

    const roles = this.reflector.getAllAndOverride<Role[]>(REQUIRED_ROLES, targets);
    if (roles?.length && (!principal.role || !roles.includes(principal.role))) {
      throw new AccessDeniedException(`This operation needs one of the roles: ${roles.join(', ')}`);
    }
    const scopes = this.reflector.getAllAndOverride<string[]>(REQUIRED_SCOPES, targets);
    const missing = (scopes ?? []).filter((s) => !principal.scopes.includes(s));
    if (missing.length) {
      throw new AccessDeniedException(`The access token lacks the scopes: ${missing.join(', ')}`);
    }

    if (!reachesAnyContext(principal)) {
      for (const name of this.contextParams) {
        const value = request.params?.[name];
        if (value !== undefined && value !== principal.participantContextId) {
          throw participantContextNotFound(value);
        }
      }
    }
    return true;
  }
}

/**
 * The one "no such participant context" error. Services answering for a context that really does not exist
 * should throw this too, so both cases look the same to the caller.
 */
export function participantContextNotFound(participantContextId: string): NotFoundException {
  return new NotFoundException('Participant context', participantContextId);
}
