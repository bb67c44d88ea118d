import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { bearerToken } from './bearer-token';
import { IS_PUBLIC } from './public.decorator';
import { TokenVerifier } from './token-verifier';
import { UnauthenticatedException } from './unauthenticated.exception';

/** Deny by default: every HTTP route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly verifier: TokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // NATS handlers in hybrid apps are not bearer-authenticated; their subjects are internal.
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest();
    const response = context.switchToHttp().getResponse();
    const token = bearerToken(request.headers?.authorization);
    if (!token) {
      response.setHeader?.('WWW-Authenticate', 'Bearer');
      throw new UnauthenticatedException('An access token is required');
    }
    try {
      const principal = await this.verifier.verify(token);
      request.principal = principal;
      // Where passport puts it, so request loggers find the participant context too.
      request.user = principal;
      return true;
    } catch (error) {
      response.setHeader?.('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw error;
    }
  }
}
