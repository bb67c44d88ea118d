import { Inject, Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, JWTVerifyGetKey, jwtVerify } from 'jose';
import { AUTH_MODULE_OPTIONS, AuthModuleOptions, DEFAULT_ALGORITHMS } from './auth-module-options';
import { Principal } from './principal';
import { principalFromClaims } from './principal-from-claims';
import { UnauthenticatedException } from './unauthenticated.exception';

/** Verifies access tokens against a JWKS (ours or any external IdP's) and turns them into principals. */
@Injectable()
export class TokenVerifier {
  private readonly logger = new Logger(TokenVerifier.name);
  private readonly getKey: JWTVerifyGetKey;

  constructor(@Inject(AUTH_MODULE_OPTIONS) private readonly options: AuthModuleOptions) {
    this.getKey = options.getKey ?? createRemoteJWKSet(new URL(jwksUrlOf(options)), {
      cooldownDuration: (options.jwksCooldownSeconds ?? 5) * 1000,
      timeoutDuration: 5000,
    });
  }

  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.getKey, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: this.options.algorithms ?? DEFAULT_ALGORITHMS,
        clockTolerance: this.options.clockToleranceSeconds ?? 5,
        requiredClaims: ['exp'],
      });
      return principalFromClaims(payload as Record<string, unknown>);
    } catch (error: any) {
      // The reason goes to the log, not to the caller: telling a client why its forgery failed helps nobody honest.
      this.logger.debug(`rejected access token: ${error?.code ?? error?.name}: ${error?.message}`);
      if (error?.code === 'ERR_JWKS_TIMEOUT' || !String(error?.code ?? '').startsWith('ERR_J')) {
        // Not the token's fault: the key set could not be fetched. Operators need to see this.
        this.logger.warn(`could not verify access token: ${error?.message}`);
      }
      throw new UnauthenticatedException('The access token is missing, expired or invalid');
    }
  }
}

export function jwksUrlOf(options: AuthModuleOptions): string {
  if (options.jwksUrl) return options.jwksUrl;
  if (options.issuer) return `${options.issuer.replace(/\/+$/, '')}/.well-known/jwks.json`;
  throw new Error('AuthModule needs jwksUrl, issuer or getKey to find the token signing keys');
}
